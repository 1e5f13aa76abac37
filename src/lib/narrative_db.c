/*
 * Narratives in the database: read from a bundle (narrative.txt and its
 * translations narrative.LANG.txt), checked, stored per language, loaded back.
 */
#include "pdurep/narrative.h"
#include "db_internal.h"
#include "sbuf.h"
#include "util.h"
#include "rows.h"
#include "csvfile.h"
#include "utf8.h"
#include "sqltext.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read a whole file; NULL with *err set (ENOENT gives PDUREP_OK: no such narrative). */
static char *read_text(const char *path, size_t *len, pdurep_error *err, pdurep_diag *diag)
{
    *err = PDUREP_OK;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        /* fopen allocates its buffer: ENOMEM is the program's memory, not the file. */
        if (errno == ENOMEM) {
            *err = PDUREP_ERROR_NO_MEMORY;
        } else if (errno != ENOENT) {
            pdurep_diag_add(diag, path, 0, 0, "cannot read: %s", strerror(errno));
            *err = PDUREP_ERROR_IO;
        }
        return NULL;
    }
    pdurep_sbuf text = {0};
    pdurep_sbuf_add(&text, "", 0);
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        pdurep_sbuf_add(&text, chunk, got);
    int failed = ferror(fp);
    fclose(fp);
    if (failed) {
        pdurep_diag_add(diag, path, 0, 0, "cannot read the file");
        free(text.s);
        *err = PDUREP_ERROR_IO;
        return NULL;
    }
    *len = text.len;
    char *s = pdurep_sbuf_take(&text);
    if (!s)
        *err = PDUREP_ERROR_NO_MEMORY;
    return s;
}

static pdurep_error store(pdurep_db *db, const char *inspection_id, const char *lang,
                          const pdurep_narrative *n, pdurep_diag *diag)
{
    sqlite3_stmt *ins = NULL;
    pdurep_error err = PDUREP_OK;
    if (sqlite3_prepare_v2(db->sql, "INSERT INTO narrative(inspection, lang, position, section, "
                                    "line, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    for (size_t i = 0; !err && i < n->n_sections; i++) {
        sqlite3_reset(ins);
        if (sqlite3_bind_text(ins, 1, inspection_id, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(ins, 2, lang, -1, SQLITE_STATIC) ||
            sqlite3_bind_int64(ins, 3, (sqlite3_int64)i) ||
            sqlite3_bind_text(ins, 4, n->sections[i].key, -1, SQLITE_STATIC) ||
            sqlite3_bind_int64(ins, 5, (sqlite3_int64)n->sections[i].line) ||
            sqlite3_bind_text(ins, 6, n->sections[i].body, -1, SQLITE_STATIC) ||
            sqlite3_step(ins) != SQLITE_DONE)
            err = pdurep_db_fail(db, diag);
    }
    sqlite3_finalize(ins);
    return err;
}

/* A '?' inside a word or a U+FFFD is where an export lost a letter: warn at its line and
 * column (in characters), so "G?yr" is caught before every document prints it. */
static void lost_chars(const char *text, size_t len, const char *path, pdurep_diag *diag)
{
    if (strlen(text) != len || !pdurep_utf8_valid(text, len, NULL))
        return; /* the parser reports what is wrong with such a file */
    unsigned long line = 1;
    const char *line_start = text;
    for (const char *p = pdurep_lost_char(text, text); p; p = pdurep_lost_char(text, p + 1)) {
        for (const char *q = line_start; q < p; q++)
            if (*q == '\n') {
                line++;
                line_start = q + 1;
            }
        unsigned long col = 1 + pdurep_utf8_count(line_start, (size_t)(p - line_start));
        pdurep_diag_warn(diag, path, line, col, "%s: the program that wrote this file may have "
                         "lost a letter there", *p == '?' ? "a '?' inside a word"
                                                         : "a replacement character (U+FFFD)");
    }
}

/* Read, check and store one narrative file; *out keeps it for comparison. */
static pdurep_error import_one(pdurep_db *db, const pdurep_framework *fw, const char *inspection_id,
                               const char *path, const char *lang, pdurep_narrative **out,
                               pdurep_diag *diag)
{
    *out = NULL;
    size_t len = 0;
    pdurep_error err;
    char *text = read_text(path, &len, &err, diag);
    if (!text)
        return err;
    lost_chars(text, len, path, diag);
    err = pdurep_narrative_parse(text, len, path, fw, out, diag);
    free(text);
    if (!err)
        err = store(db, inspection_id, lang, *out, diag);
    return err;
}

/* One narrative file of a bundle folder and its language ("" for English). */
typedef struct {
    char *file;
    char lang[PDUREP_BUNDLE_LANG_SIZE];
} narrative_file;

static int by_lang_then_name(const void *a, const void *b)
{
    const narrative_file *x = a, *y = b;
    int c = strcmp(x->lang, y->lang);
    return c ? c : strcmp(x->file, y->file);
}

/* The bundle's PREFIXnarrative[.LANG].txt files in any letter case, English first, then by
 * language, so messages come in one order. Names in another letter case than import's own are
 * counted in *letter_case; two names that differ only in letter case are refused, since
 * neither is more certainly the one meant. */
static pdurep_error narrative_files(const char *bundle_dir, const char *prefix,
                                    narrative_file **out, size_t *n_out,
                                    unsigned long *letter_case, pdurep_diag *diag)
{
    narrative_file *found = NULL;
    size_t n = 0;
    pdurep_error err = PDUREP_OK;
    DIR *d = opendir(bundle_dir);
    /* Import has read the bundle's other files from this folder; failing to list it now is
     * memory (opendir allocates) or the folder going away, never "no narrative". */
    if (!d && errno == ENOMEM) {
        err = PDUREP_ERROR_NO_MEMORY;
    } else if (!d) {
        pdurep_diag_add(diag, bundle_dir, 0, 0, "cannot list the folder: %s", strerror(errno));
        err = PDUREP_ERROR_IO;
    }
    for (struct dirent *e; !err && d && (e = readdir(d));) {
        char lang[PDUREP_BUNDLE_LANG_SIZE];
        if (!pdurep_bundle_narrative_name(e->d_name, prefix, lang))
            continue;
        if (*lang && (!strcmp(lang, PDUREP_NARRATIVE_BASE_LANG) ||
                      !pdurep_strings_valid_lang(lang))) {
            char *path = pdurep_path_join(bundle_dir, e->d_name);
            if (!path) {
                err = PDUREP_ERROR_NO_MEMORY;
                break;
            }
            pdurep_diag_add(diag, path, 0, 0, "%s", strcmp(lang, PDUREP_NARRATIVE_BASE_LANG)
                            ? "not a narrative language: name it narrative.LANG.txt with a "
                              "language code such as cy"
                            : "the English narrative is narrative.txt");
            free(path);
            continue;
        }
        narrative_file *grown = realloc(found, (n + 1) * sizeof *found);
        if (!grown) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        found = grown;
        if (!(found[n].file = strdup(e->d_name))) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        memcpy(found[n].lang, lang, sizeof lang);
        n++;
    }
    if (d)
        closedir(d);
    if (n > 1 && !err)
        qsort(found, n, sizeof *found, by_lang_then_name);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (err) {
            free(found[i].file);
            continue;
        }
        if (kept && !strcmp(found[kept - 1].lang, found[i].lang)) {
            char *path = pdurep_path_join(bundle_dir, found[kept - 1].file);
            if (path)
                pdurep_diag_add(diag, path, 0, 0, "\"%s\" and \"%s\" differ only in letter "
                                "case, so it is not certain which narrative is meant: keep one "
                                "of them", found[kept - 1].file, found[i].file);
            else
                err = PDUREP_ERROR_NO_MEMORY;
            free(path);
            free(found[i].file);
            continue;
        }
        char *own = *found[i].lang
                        ? pdurep_asprintf("%snarrative.%s.txt", prefix, found[i].lang)
                        : pdurep_asprintf("%snarrative.txt", prefix);
        if (!own) {
            err = PDUREP_ERROR_NO_MEMORY;
            free(found[i].file);
            continue;
        }
        if (letter_case && strcmp(own, found[i].file))
            (*letter_case)++;
        free(own);
        found[kept++] = found[i];
    }
    if (err) {
        for (size_t i = 0; i < kept; i++)
            free(found[i].file);
        free(found);
        *out = NULL;
        *n_out = 0;
        return err;
    }
    *out = found;
    *n_out = kept;
    return PDUREP_OK;
}

pdurep_error pdurep_narrative_import(pdurep_db *db, const pdurep_framework *fw,
                                     const char *inspection_id, const char *bundle_dir,
                                     pdurep_diag *diag)
{
    return pdurep_narrative_import_files(db, fw, inspection_id, bundle_dir, "", NULL, diag);
}

/* A translation that lacks English sections: warned at import and when a narrative is
 * replaced. */
static pdurep_error warn_missing(const pdurep_narrative *tr, const pdurep_narrative *en,
                                 const char *path, const char *lang, pdurep_diag *diag)
{
    size_t n_missing = 0;
    const char **missing = NULL;
    pdurep_error err = pdurep_narrative_missing(tr, en, &missing, &n_missing);
    if (!err && n_missing) {
        pdurep_sbuf list = {0};
        for (size_t i = 0; i < n_missing && i < 12; i++) {
            pdurep_sbuf_add(&list, i ? ", [" : "[", i ? 3 : 1);
            pdurep_sbuf_add(&list, missing[i], strlen(missing[i]));
            pdurep_sbuf_add(&list, "]", 1);
        }
        if (n_missing > 12)
            pdurep_sbuf_add(&list, ", ...", 5);
        char *names = pdurep_sbuf_take(&list);
        if (names)
            pdurep_diag_warn(diag, path, 0, 0, "%zu section%s of narrative.txt %s missing or "
                             "empty: %s; a report in '%s' needs --allow-fallback to print "
                             "%s in English", n_missing, n_missing == 1 ? "" : "s",
                             n_missing == 1 ? "is" : "are", names, lang,
                             n_missing == 1 ? "it" : "them");
        else
            err = PDUREP_ERROR_NO_MEMORY;
        free(names);
    }
    free(missing);
    return err;
}

pdurep_error pdurep_narrative_import_files(pdurep_db *db, const pdurep_framework *fw,
                                           const char *inspection_id, const char *bundle_dir,
                                           const char *prefix, unsigned long *letter_case,
                                           pdurep_diag *diag)
{
    sqlite3_stmt *del = NULL;
    if (sqlite3_prepare_v2(db->sql, "DELETE FROM narrative WHERE inspection = ?1", -1, &del,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    pdurep_error err = sqlite3_bind_text(del, 1, inspection_id, -1, SQLITE_STATIC) == SQLITE_OK &&
                               sqlite3_step(del) == SQLITE_DONE
                           ? PDUREP_OK
                           : pdurep_db_fail(db, diag);
    sqlite3_finalize(del);
    if (err)
        return err;

    size_t before = pdurep_diag_total(diag);
    narrative_file *files = NULL;
    size_t n_files = 0;
    if ((err = narrative_files(bundle_dir, prefix, &files, &n_files, letter_case, diag)))
        return err;
    if (pdurep_diag_total(diag) > before)
        err = PDUREP_ERROR_DATA;
    pdurep_narrative *en = NULL;
    /* Every translation is checked even after a failure, so one run lists every problem. */
    for (size_t l = 0; l < n_files; l++) {
        /* Memory or the database failing ends the checking: more messages would not help. */
        if (err == PDUREP_ERROR_NO_MEMORY || err == PDUREP_ERROR_DATABASE) {
            free(files[l].file);
            continue;
        }
        char *path = pdurep_path_join(bundle_dir, files[l].file);
        const char *lang = *files[l].lang ? files[l].lang : PDUREP_NARRATIVE_BASE_LANG;
        pdurep_narrative *tr = NULL;
        pdurep_error e = path ? import_one(db, fw, inspection_id, path, lang, &tr, diag)
                              : PDUREP_ERROR_NO_MEMORY;
        if (!*files[l].lang) {
            en = tr;
            tr = NULL;
        } else if (!e && en) {
            e = warn_missing(tr, en, path, lang, diag);
        }
        /* Running out outranks a data error found before: the caller must not tell the user
         * to mend a file when the run could not finish. */
        if (!err || (e == PDUREP_ERROR_NO_MEMORY || e == PDUREP_ERROR_DATABASE))
            err = e ? e : err;
        pdurep_narrative_free(tr);
        free(path);
        free(files[l].file);
    }
    free(files);
    pdurep_narrative_free(en);
    return err;
}

pdurep_error pdurep_narrative_replace_lang(pdurep_db *db, const pdurep_framework *fw,
                                           const char *inspection_id, const char *path,
                                           const char *lang, pdurep_diag *diag)
{
    sqlite3_stmt *del = NULL;
    if (sqlite3_prepare_v2(db->sql, "DELETE FROM narrative WHERE inspection = ?1 AND lang = ?2",
                           -1, &del, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    pdurep_error err = sqlite3_bind_text(del, 1, inspection_id, -1, SQLITE_STATIC) == SQLITE_OK &&
                               sqlite3_bind_text(del, 2, lang, -1, SQLITE_STATIC) == SQLITE_OK &&
                               sqlite3_step(del) == SQLITE_DONE
                           ? PDUREP_OK
                           : pdurep_db_fail(db, diag);
    sqlite3_finalize(del);
    if (err)
        return err;
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        int e = errno;
        if (e == ENOMEM)
            return PDUREP_ERROR_NO_MEMORY;
        pdurep_diag_add(diag, path, 0, 0, "cannot open: %s", strerror(e));
        return e == ENOENT ? PDUREP_ERROR_NO_INPUT : PDUREP_ERROR_IO;
    }
    fclose(probe);
    pdurep_narrative *fresh = NULL;
    if ((err = import_one(db, fw, inspection_id, path, lang, &fresh, diag)))
        return err;
    /* The English one is compared with every translation kept, a translation with English. */
    int english = !strcmp(lang, PDUREP_NARRATIVE_BASE_LANG);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT DISTINCT lang FROM narrative WHERE inspection = ?1 "
                                    "AND lang != ?2 ORDER BY lang", -1, &st, NULL) != SQLITE_OK) {
        pdurep_narrative_free(fresh);
        return pdurep_db_fail(db, diag);
    }
    int rc = sqlite3_bind_text(st, 1, inspection_id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = SQLITE_ROW;
    int oom = 0;
    while (!err && rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *other = pdurep_column_text(st, 0, &oom);
        if (oom || !other) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        if (!english && strcmp(other, PDUREP_NARRATIVE_BASE_LANG))
            continue;
        pdurep_narrative *o = NULL;
        pdurep_error e = pdurep_narrative_load_lang(db, inspection_id, other, &o, diag);
        if (!e && english) {
            char *name = pdurep_asprintf("narrative.%s.txt", other);
            e = name ? warn_missing(o, fresh, name, other, diag) : PDUREP_ERROR_NO_MEMORY;
            free(name);
        } else if (!e) {
            e = warn_missing(fresh, o, path, lang, diag);
        }
        pdurep_narrative_free(o);
        /* The narrative is stored; only a failure to compare is reported, and only running
         * out of memory or the database failing is one. */
        err = e;
    }
    if (!err && rc != SQLITE_DONE)
        err = pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    pdurep_narrative_free(fresh);
    return err;
}

pdurep_error pdurep_narrative_load(pdurep_db *db, const char *inspection_id, pdurep_narrative **out,
                                   pdurep_diag *diag)
{
    return pdurep_narrative_load_lang(db, inspection_id, NULL, out, diag);
}

pdurep_error pdurep_narrative_load_lang(pdurep_db *db, const char *inspection_id, const char *lang,
                                        pdurep_narrative **out, pdurep_diag *diag)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT section, line, body FROM narrative WHERE "
                                    "inspection = ?1 AND lang = ?2 ORDER BY position", -1, &st,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    pdurep_narrative *n = calloc(1, sizeof *n);
    pdurep_error err = PDUREP_OK;
    int rc = SQLITE_DONE, oom = !n;
    if (!oom && (sqlite3_bind_text(st, 1, inspection_id, -1, SQLITE_STATIC) ||
                 sqlite3_bind_text(st, 2, lang && *lang ? lang : PDUREP_NARRATIVE_BASE_LANG, -1,
                                   SQLITE_STATIC)))
        err = pdurep_db_fail(db, diag);
    while (!oom && !err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = pdurep_column_text(st, 0, &oom);
        const char *body = pdurep_column_text(st, 2, &oom);
        pdurep_narrative_section *grown =
            oom ? NULL : realloc(n->sections, (n->n_sections + 1) * sizeof *n->sections);
        if (!grown) {
            oom = 1;
            break;
        }
        n->sections = grown;
        pdurep_narrative_section *s = &n->sections[n->n_sections];
        /* Both are NOT NULL columns: NULL here is SQLite running out. */
        s->key = key ? strdup(key) : NULL;
        s->body = body ? strdup(body) : NULL;
        s->line = (unsigned long)sqlite3_column_int64(st, 1);
        n->n_sections++;
        if (!s->key || !s->body) {
            oom = 1;
            break;
        }
    }
    if (oom)
        err = PDUREP_ERROR_NO_MEMORY;
    else if (!err && rc != SQLITE_DONE)
        err = pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    if (err) {
        pdurep_narrative_free(n);
        return err;
    }
    *out = n;
    return PDUREP_OK;    *out = n;
    return PDUREP_OK;
}
