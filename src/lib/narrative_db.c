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
        if (errno != ENOENT) {
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
        sqlite3_bind_text(ins, 1, inspection_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, lang, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 3, (sqlite3_int64)i);
        sqlite3_bind_text(ins, 4, n->sections[i].key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 5, (sqlite3_int64)n->sections[i].line);
        sqlite3_bind_text(ins, 6, n->sections[i].body, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
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
static size_t narrative_files(const char *bundle_dir, const char *prefix, narrative_file **out,
                              unsigned long *letter_case, pdurep_diag *diag)
{
    narrative_file *found = NULL;
    size_t n = 0;
    DIR *d = opendir(bundle_dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char lang[PDUREP_BUNDLE_LANG_SIZE];
        if (!pdurep_bundle_narrative_name(e->d_name, prefix, lang))
            continue;
        if (*lang && (!strcmp(lang, PDUREP_NARRATIVE_BASE_LANG) ||
                      !pdurep_strings_valid_lang(lang))) {
            char *path = pdurep_path_join(bundle_dir, e->d_name);
            pdurep_diag_add(diag, path, 0, 0, "%s", strcmp(lang, PDUREP_NARRATIVE_BASE_LANG)
                            ? "not a narrative language: name it narrative.LANG.txt with a "
                              "language code such as cy"
                            : "the English narrative is narrative.txt");
            free(path);
            continue;
        }
        found = pdurep_xrealloc(found, (n + 1) * sizeof *found);
        found[n].file = pdurep_xstrdup(e->d_name);
        memcpy(found[n].lang, lang, sizeof lang);
        n++;
    }
    if (d)
        closedir(d);
    if (n > 1)
        qsort(found, n, sizeof *found, by_lang_then_name);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && !strcmp(found[kept - 1].lang, found[i].lang)) {
            char *path = pdurep_path_join(bundle_dir, found[kept - 1].file);
            pdurep_diag_add(diag, path, 0, 0, "\"%s\" and \"%s\" differ only in letter case, so "
                            "it is not certain which narrative is meant: keep one of them",
                            found[kept - 1].file, found[i].file);
            free(path);
            free(found[i].file);
            continue;
        }
        char *own = *found[i].lang
                        ? pdurep_xasprintf("%snarrative.%s.txt", prefix, found[i].lang)
                        : pdurep_xasprintf("%snarrative.txt", prefix);
        if (letter_case && strcmp(own, found[i].file))
            (*letter_case)++;
        free(own);
        found[kept++] = found[i];
    }
    *out = found;
    return kept;
}

pdurep_error pdurep_narrative_import(pdurep_db *db, const pdurep_framework *fw,
                                     const char *inspection_id, const char *bundle_dir,
                                     pdurep_diag *diag)
{
    return pdurep_narrative_import_files(db, fw, inspection_id, bundle_dir, "", NULL, diag);
}

/* A translation that lacks English sections: warned at import and when a narrative is
 * replaced. */
static void warn_missing(const pdurep_narrative *tr, const pdurep_narrative *en, const char *path,
                         const char *lang, pdurep_diag *diag)
{
    size_t n_missing = 0;
    const char **missing = pdurep_narrative_missing(tr, en, &n_missing);
    if (n_missing) {
        pdurep_sbuf list = {0};
        for (size_t i = 0; i < n_missing && i < 12; i++) {
            pdurep_sbuf_add(&list, i ? ", [" : "[", i ? 3 : 1);
            pdurep_sbuf_add(&list, missing[i], strlen(missing[i]));
            pdurep_sbuf_add(&list, "]", 1);
        }
        if (n_missing > 12)
            pdurep_sbuf_add(&list, ", ...", 5);
        char *names = pdurep_sbuf_take(&list);
        pdurep_diag_warn(diag, path, 0, 0, "%zu section%s of narrative.txt %s missing or "
                         "empty: %s; a report in '%s' needs --allow-fallback to print "
                         "%s in English", n_missing, n_missing == 1 ? "" : "s",
                         n_missing == 1 ? "is" : "are", names ? names : "(too many to list)",
                         lang, n_missing == 1 ? "it" : "them");
        free(names);
    }
    free(missing);
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
    sqlite3_bind_text(del, 1, inspection_id, -1, SQLITE_STATIC);
    pdurep_error err = sqlite3_step(del) == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
    sqlite3_finalize(del);
    if (err)
        return err;

    size_t before = pdurep_diag_total(diag);
    narrative_file *files = NULL;
    size_t n_files = narrative_files(bundle_dir, prefix, &files, letter_case, diag);
    if (pdurep_diag_total(diag) > before)
        err = PDUREP_ERROR_DATA;
    pdurep_narrative *en = NULL;
    /* Every translation is checked even after a failure, so one run lists every problem. */
    for (size_t l = 0; l < n_files; l++) {
        char *path = pdurep_path_join(bundle_dir, files[l].file);
        const char *lang = *files[l].lang ? files[l].lang : PDUREP_NARRATIVE_BASE_LANG;
        pdurep_narrative *tr = NULL;
        pdurep_error e = import_one(db, fw, inspection_id, path, lang, &tr, diag);
        if (!*files[l].lang) {
            en = tr;
            tr = NULL;
        } else if (!e && en) {
            warn_missing(tr, en, path, lang, diag);
        }
        if (!err)
            err = e;
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
    sqlite3_bind_text(del, 1, inspection_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(del, 2, lang, -1, SQLITE_STATIC);
    pdurep_error err = sqlite3_step(del) == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
    sqlite3_finalize(del);
    if (err)
        return err;
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        pdurep_diag_add(diag, path, 0, 0, "cannot open: %s", strerror(errno));
        return errno == ENOENT ? PDUREP_ERROR_NO_INPUT : PDUREP_ERROR_IO;
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
    sqlite3_bind_text(st, 1, inspection_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *other = (const char *)sqlite3_column_text(st, 0);
        if (!english && strcmp(other, PDUREP_NARRATIVE_BASE_LANG))
            continue;
        pdurep_narrative *o = NULL;
        if (pdurep_narrative_load_lang(db, inspection_id, other, &o, diag) == PDUREP_OK) {
            if (english) {
                char *name = pdurep_xasprintf("narrative.%s.txt", other);
                warn_missing(o, fresh, name, other, diag);
                free(name);
            } else {
                warn_missing(fresh, o, path, lang, diag);
            }
        }
        pdurep_narrative_free(o);
    }
    sqlite3_finalize(st);
    pdurep_narrative_free(fresh);
    return PDUREP_OK;
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
    sqlite3_bind_text(st, 1, inspection_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, lang && *lang ? lang : PDUREP_NARRATIVE_BASE_LANG, -1, SQLITE_STATIC);
    pdurep_narrative *n = pdurep_xcalloc(1, sizeof *n);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        n->sections = pdurep_xrealloc(n->sections, (n->n_sections + 1) * sizeof *n->sections);
        n->sections[n->n_sections++] = (pdurep_narrative_section){
            pdurep_xstrdup((const char *)sqlite3_column_text(st, 0)),
            pdurep_xstrdup((const char *)sqlite3_column_text(st, 2)),
            (unsigned long)sqlite3_column_int64(st, 1)};
    }
    pdurep_error err = rc == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    if (err) {
        pdurep_narrative_free(n);
        return err;
    }
    *out = n;
    return PDUREP_OK;
}
