/*
 * The life of an inspection after import: rounds it belongs to, delete,
 * export, narrative replacement and backup. Each change is one transaction,
 * so a failure leaves the database exactly as it was.
 */
#include "pdurep/check.h"
#include "pdurep/lifecycle.h"
#include "pdurep/atomic.h"
#include "pdurep/narrative.h"
#include "pdurep/strings.h"
#include "db_internal.h"
#include "provenance_internal.h"
#include "csvfile.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void pdurep_id_list_free(char **ids, size_t n)
{
    for (size_t i = 0; ids && i < n; i++)
        free(ids[i]);
    free(ids);
}

static pdurep_error ids(pdurep_db *db, const char *sql, const char *id, char ***out, size_t *n_out,
                       pdurep_diag *diag)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    pdurep_error err = PDUREP_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        char **grown = realloc(*out, (*n_out + 1) * sizeof *grown);
        if (grown)
            *out = grown;
        if (!grown || !text || !((*out)[*n_out] = strdup(text))) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        ++*n_out;
        rc = SQLITE_OK;
    }
    if (!err && rc != SQLITE_DONE)
        err = pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    if (err) {
        pdurep_id_list_free(*out, *n_out);
        *out = NULL;
        *n_out = 0;
    }
    return err;
}

pdurep_error pdurep_region_members(pdurep_db *db, const char *region_id, char ***out,
                                   size_t *n_out, pdurep_diag *diag)
{
    return ids(db, "SELECT pdu FROM region_pdu WHERE region = ?1 ORDER BY pdu", region_id, out,
               n_out, diag);
}

pdurep_error pdurep_regions_listing(pdurep_db *db, const char *pdu_id, char ***out,
                                    size_t *n_out, pdurep_diag *diag)
{
    return ids(db, "SELECT region FROM region_pdu WHERE pdu = ?1 ORDER BY region", pdu_id, out,
               n_out, diag);
}

static pdurep_error begin(pdurep_db *db, pdurep_diag *diag)
{
    return sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK
               ? PDUREP_OK : pdurep_db_fail(db, diag);
}

/* Commit on success, else roll back; the first error wins. */
static pdurep_error finish(pdurep_db *db, pdurep_error err, pdurep_diag *diag)
{
    if (!err && sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        err = pdurep_db_fail(db, diag);
    if (err)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    return err;
}

pdurep_error pdurep_inspection_delete(pdurep_db *db, const char *id, int flags, char ***regions,
                                      size_t *n_regions, pdurep_diag *diag)
{
    char **listing = NULL;
    size_t n_listing = 0;
    if (regions)
        *regions = NULL;
    if (n_regions)
        *n_regions = 0;
    pdurep_error err = begin(db, diag);
    if (err)
        return err;
    int has = pdurep_db_has_inspection(db, id);
    if (has < 0)
        return finish(db, pdurep_db_fail(db, diag), diag);
    if (!has) {
        pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\" (see pdurep list)", id);
        return finish(db, PDUREP_ERROR_NO_INPUT, diag);
    }
    err = pdurep_regions_listing(db, id, &listing, &n_listing, diag);
    if (!err && n_listing && !(flags & PDUREP_DELETE_FORCE)) {
        char list[1024] = "";
        for (size_t i = 0; i < n_listing; i++) {
            size_t l = strlen(list);
            snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "", listing[i]);
        }
        pdurep_diag_add(diag, NULL, 0, 0, "%s is listed by region %s: deleting it would leave "
                        "%s without one of its PDUs (use --force to delete it all the same)",
                        id, list, n_listing == 1 ? "that region" : "those regions");
        err = PDUREP_ERROR_DATA;
    }
    /* Foreign keys remove judgements, cases, narratives, files and a region's own list;
     * the history has no key (it outlives --replace), so it goes by hand. */
    static const char *const deletes[] = {
        "DELETE FROM inspection WHERE id = ?1",
        "DELETE FROM import_history WHERE inspection = ?1",
        "DELETE FROM checksum WHERE owner = 'inspection' AND id = ?1",
    };
    for (size_t i = 0; !err && i < sizeof deletes / sizeof *deletes; i++)
        err = pdurep_db_exec(db, deletes[i], &id, 1, diag);
    err = finish(db, err, diag);
    if (!err && regions) {
        *regions = listing;
        *n_regions = n_listing;
        listing = NULL;
    }
    pdurep_id_list_free(listing, n_listing);
    return err;
}

/* ---- export ---- */

static pdurep_error write_all(const char *path, const pdurep_bundle_file *f, pdurep_diag *diag)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        pdurep_diag_add(diag, path, 0, 0, "cannot create: %s", strerror(errno));
        return PDUREP_ERROR_CANT_CREATE;
    }
    size_t done = 0;
    while (done < f->size) {
        ssize_t n = write(fd, f->data + done, f->size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            pdurep_diag_add(diag, path, 0, 0, "write error: %s", strerror(errno));
            close(fd);
            return PDUREP_ERROR_IO;
        }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        pdurep_diag_add(diag, path, 0, 0, "write error: %s", strerror(errno));
        return PDUREP_ERROR_IO;
    }
    return PDUREP_OK;
}

/* Remove the folder and what export wrote in it, without allocating: it runs when memory
 * has run out. */
static void remove_tree(const char *dir, const pdurep_bundle *b)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    for (size_t i = 0; fd >= 0 && b && i < b->n_files; i++)
        unlinkat(fd, b->files[i].name, 0);
    if (fd >= 0)
        close(fd);
    rmdir(dir);
}

static int empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int empty = 1;
    for (struct dirent *e; empty && (e = readdir(d));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            empty = 0;
    closedir(d);
    return empty;
}

pdurep_error pdurep_inspection_export(pdurep_db *db, const char *id, const char *dir,
                                      pdurep_diag *diag)
{
    int has = pdurep_db_has_inspection(db, id);
    if (has < 0)
        return pdurep_db_fail(db, diag);
    if (!has) {
        pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\" (see pdurep list)", id);
        return PDUREP_ERROR_NO_INPUT;
    }
    pdurep_bundle *b = NULL;
    pdurep_error err = pdurep_bundle_load(db, id, &b, diag);
    if (err)
        return err;
    if (!b->n_files) {
        pdurep_diag_add(diag, NULL, 0, 0, "%s was imported before pdurep kept bundle files "
                        "(schema version 4): import its bundle again to be able to export it",
                        id);
        pdurep_bundle_free(b);
        return PDUREP_ERROR_NO_INPUT;
    }
    struct stat sb;
    if (stat(dir, &sb) == 0 && !(S_ISDIR(sb.st_mode) && empty_dir(dir))) {
        pdurep_diag_add(diag, dir, 0, 0, "already exists and is not an empty folder");
        pdurep_bundle_free(b);
        return PDUREP_ERROR_CANT_CREATE;
    }
    /* Made whole beside the target, then renamed: the folder appears complete or not at all. */
    char *tmp = pdurep_asprintf("%s.tmp-XXXXXX", dir);
    if (!tmp) {
        pdurep_bundle_free(b);
        return PDUREP_ERROR_NO_MEMORY;
    }
    if (!mkdtemp(tmp)) {
        pdurep_diag_add(diag, dir, 0, 0, "cannot create: %s", strerror(errno));
        free(tmp);
        pdurep_bundle_free(b);
        return PDUREP_ERROR_CANT_CREATE;
    }
    chmod(tmp, 0755);
    for (size_t i = 0; !err && i < b->n_files; i++) {
        char *p = pdurep_path_join(tmp, b->files[i].name);
        err = p ? write_all(p, &b->files[i], diag) : PDUREP_ERROR_NO_MEMORY;
        free(p);
    }
    if (!err && rename(tmp, dir) != 0) {
        pdurep_diag_add(diag, dir, 0, 0, "cannot create: %s", strerror(errno));
        err = PDUREP_ERROR_CANT_CREATE;
    }
    if (err)
        remove_tree(tmp, b);
    free(tmp);
    pdurep_bundle_free(b);
    return err;
}

/* ---- narrative ---- */

static pdurep_error replace_file(pdurep_db *db, const char *id, pdurep_bundle *b,
                                 const char *path, const char *lang, pdurep_diag *diag);

pdurep_error pdurep_narrative_replace(pdurep_db *db, const char *id, const char *path,
                                      const char *lang, pdurep_diag *diag)
{
    if (!lang || !*lang)
        lang = PDUREP_NARRATIVE_BASE_LANG;
    if (!pdurep_strings_valid_lang(lang)) {
        pdurep_diag_add(diag, NULL, 0, 0, "'%s' is not a language code such as cy", lang);
        return PDUREP_ERROR_USAGE;
    }
    pdurep_error err = begin(db, diag);
    if (err)
        return err;
    char *framework = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT framework FROM inspection WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return finish(db, pdurep_db_fail(db, diag), diag);
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        if (!text || !(framework = strdup(text)))
            err = PDUREP_ERROR_NO_MEMORY;
    } else if (rc != SQLITE_DONE) {
        err = pdurep_db_fail(db, diag);
    }
    sqlite3_finalize(st);
    if (err)
        return finish(db, err, diag);
    if (!framework) {
        pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\" (see pdurep list)", id);
        return finish(db, PDUREP_ERROR_NO_INPUT, diag);
    }
    /* The framework as stored with the data: the narrative is checked against what rates it. */
    pdurep_framework *fw = NULL;
    pdurep_bundle *b = NULL;
    /* Damaged rows are not blessed by a new checksum: they are refused first. */
    err = pdurep_checksum_verify_inspection(db, id, diag);
    if (!err)
        err = pdurep_db_load_framework(db, framework, &fw, diag);
    free(framework);
    size_t before = pdurep_diag_total(diag);
    if (!err)
        err = pdurep_narrative_replace_lang(db, fw, id, path, lang, diag);
    if (!err && pdurep_diag_total(diag) > before)
        err = PDUREP_ERROR_DATA;
    if (!err)
        err = pdurep_bundle_load(db, id, &b, diag);
    if (!err && b->n_files)
        err = replace_file(db, id, b, path, lang, diag);
    if (!err)
        err = pdurep_checksum_record(db, PDUREP_CHECKSUM_INSPECTION, id, diag);
    pdurep_bundle_free(b);
    pdurep_framework_free(fw);
    return finish(db, err, diag);
}

/* The narrative file of @p lang in the stored bundle @p b becomes the bytes of @p path, and
 * the bundle is stored again. */
static pdurep_error replace_file(pdurep_db *db, const char *id, pdurep_bundle *b,
                                 const char *path, const char *lang, pdurep_diag *diag)
{
    pdurep_error err = PDUREP_OK;
    /* A workbook bundle's narratives are BOOK.narrative.txt: keep its prefix. */
    const char *book = NULL;
    size_t book_len = 0;
    for (size_t i = 0; i < b->n_files; i++) {
        size_t l = strlen(b->files[i].name);
        if (l > 5 && pdurep_strieq(b->files[i].name + l - 5, ".xlsx")) {
            book = b->files[i].name;
            book_len = l - 5;
        }
    }
    char *prefix = book ? pdurep_asprintf("%.*s.", (int)book_len, book) : strdup("");
    char *name = !prefix ? NULL
                 : strcmp(lang, PDUREP_NARRATIVE_BASE_LANG)
                     ? pdurep_asprintf("%snarrative.%s.txt", prefix, lang)
                     : pdurep_asprintf("%snarrative.txt", prefix);
    pdurep_bundle_file *grown = name ? realloc(b->files, (b->n_files + 1) * sizeof *grown)
                                     : NULL;
    if (!grown) {
        free(prefix);
        free(name);
        return PDUREP_ERROR_NO_MEMORY;
    }
    b->files = grown;
    /* The stored file may be Narrative.CY.txt: replace it under its own name, or the
     * exported bundle would hold two names import refuses as ambiguous. */
    const char *want = strcmp(lang, PDUREP_NARRATIVE_BASE_LANG) ? lang : "";
    size_t i = 0;
    for (char got[PDUREP_BUNDLE_LANG_SIZE]; i < b->n_files; i++)
        if (pdurep_bundle_narrative_name(b->files[i].name, prefix, got) &&
            !strcmp(got, want))
            break;
    free(prefix);
    if (i == b->n_files) {
        memset(&b->files[i], 0, sizeof b->files[i]);
        b->files[i].name = name;
        b->n_files++;
    } else {
        free(name);
        free(b->files[i].data);
        b->files[i].data = NULL;
        b->files[i].size = 0;
    }
    FILE *f = fopen(path, "rb");
    if (!f && errno == ENOMEM) {
        err = PDUREP_ERROR_NO_MEMORY;
    } else if (!f) {
        pdurep_diag_add(diag, path, 0, 0, "cannot open: %s", strerror(errno));
        err = PDUREP_ERROR_IO;
    } else {
        err = pdurep_bundle_file_read(f, &b->files[i]);
        if (!err && ferror(f)) {
            pdurep_diag_add(diag, path, 0, 0, "read error");
            err = PDUREP_ERROR_IO;
        }
        fclose(f);
    }
    if (!err) {
        pdurep_bundle_hash(b);
        err = pdurep_bundle_store(db, id, b, "narrative", diag);
    }
    return err;
}

/* ---- backup ---- */

pdurep_error pdurep_db_backup(pdurep_db *db, const char *path, pdurep_diag *diag)
{
    pdurep_atomic a;
    pdurep_error err = pdurep_atomic_begin(path, &a, diag);
    if (err)
        return err;
    sqlite3 *to = NULL;
    if (sqlite3_open_v2(a.tmp_path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        pdurep_diag_add(diag, path, 0, 0, "cannot create: %s",
                        to ? sqlite3_errmsg(to) : "out of memory");
        sqlite3_close(to);
        pdurep_atomic_abort(&a);
        return PDUREP_ERROR_CANT_CREATE;
    }
    sqlite3_backup *bk = sqlite3_backup_init(to, "main", db->sql, "main");
    if (!bk) {
        pdurep_diag_add(diag, path, 0, 0, "backup failed: %s", sqlite3_errmsg(to));
        err = PDUREP_ERROR_DATABASE;
    } else {
        /* All pages in one step: one read transaction, so the copy is one moment of the
         * database, and readers are never blocked. A writer's lock is waited for. */
        int rc, tries = 0;
        while ((rc = sqlite3_backup_step(bk, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++tries > 100)
                break;
            sqlite3_sleep(50);
        }
        sqlite3_backup_finish(bk);
        if (rc != SQLITE_DONE) {
            pdurep_diag_add(diag, db->path, 0, 0, "backup failed: %s", sqlite3_errstr(rc));
            err = PDUREP_ERROR_DATABASE;
        }
    }
    if (sqlite3_close(to) != SQLITE_OK && !err) {
        pdurep_diag_add(diag, path, 0, 0, "cannot finish the copy");
        err = PDUREP_ERROR_IO;
    }
    if (err) {
        pdurep_atomic_abort(&a);
        return err;
    }
    err = pdurep_atomic_commit(&a, diag);
    pdurep_atomic_abort(&a);
    return err;
}
