/*
 * Provenance: the bundle's files are kept byte for byte with the inspection,
 * so a published document can name the exact data it was made from (the
 * bundle hash) and `pdurep export` can give those bytes back.
 */
#include "pdurep/provenance.h"
#include "pdurep/strings.h"
#include "pdurep/version.h"
#include "db_internal.h"
#include "provenance_internal.h"
#include "csvfile.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A narrative name whose language import takes: narrative.txt, or a LANG other than en. */
static int narrative_file(const char *name, const char *prefix)
{
    char lang[PDUREP_BUNDLE_LANG_SIZE];
    if (!pdurep_bundle_narrative_name(name, prefix, lang))
        return 0;
    return !*lang || (strcmp(lang, "en") && pdurep_strings_valid_lang(lang));
}

int pdurep_bundle_file_name(const char *name)
{
    static const char *const fixed[] = {"inspection.csv", "judgements.csv", "cases.csv",
                                        "pdus.csv"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (pdurep_strieq(name, fixed[i]))
            return 1;
    return narrative_file(name, "");
}

static void hex(const uint8_t *digest, char out[65])
{
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const pdurep_bundle_file *)a)->name, ((const pdurep_bundle_file *)b)->name);
}

void pdurep_bundle_hash(pdurep_bundle *b)
{
    if (b->n_files) /* qsort's base may not be NULL, even for no elements */
        qsort(b->files, b->n_files, sizeof *b->files, by_name);
    /* The bundle hash is that of sha256sum's output over the files in name order, so
     * anyone can check it with coreutils alone. */
    struct sha256_ctx all;
    sha256_init(&all);
    for (size_t i = 0; i < b->n_files; i++) {
        pdurep_bundle_file *f = &b->files[i];
        struct sha256_ctx one;
        uint8_t digest[SHA256_DIGEST_SIZE];
        sha256_init(&one);
        sha256_update(&one, f->size, f->data);
        sha256_digest(&one, sizeof digest, digest);
        hex(digest, f->sha256);
        sha256_update(&all, 64, (const uint8_t *)f->sha256);
        sha256_update(&all, 2, (const uint8_t *)"  ");
        sha256_update(&all, strlen(f->name), (const uint8_t *)f->name);
        sha256_update(&all, 1, (const uint8_t *)"\n");
    }
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&all, sizeof digest, digest);
    hex(digest, b->sha256);
}

/* A new empty file at the end of @p b; NULL when out of memory (@p b unchanged). */
static pdurep_bundle_file *add_file(pdurep_bundle *b)
{
    pdurep_bundle_file *grown = realloc(b->files, (b->n_files + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    b->files = grown;
    pdurep_bundle_file *f = &b->files[b->n_files++];
    memset(f, 0, sizeof *f);
    return f;
}

static pdurep_error read_whole(const char *path, pdurep_bundle_file *f, pdurep_diag *diag)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        int e = errno;
        if (e == ENOMEM)
            return PDUREP_ERROR_NO_MEMORY;
        pdurep_diag_add(diag, path, 0, 0, "cannot open: %s", strerror(e));
        /* Unreadable is missing input (66), as the CSV reader says it. */
        return e == ENOENT || e == EACCES ? PDUREP_ERROR_NO_INPUT : PDUREP_ERROR_IO;
    }
    pdurep_error err = pdurep_bundle_file_read(fp, f);
    int bad = ferror(fp);
    fclose(fp);
    if (err)
        return err;
    if (bad) {
        pdurep_diag_add(diag, path, 0, 0, "read error");
        return PDUREP_ERROR_IO;
    }
    return PDUREP_OK;
}

pdurep_error pdurep_bundle_file_read(FILE *fp, pdurep_bundle_file *f)
{
    size_t cap = 65536, got;
    if (!(f->data = malloc(cap)))
        return PDUREP_ERROR_NO_MEMORY;
    while ((got = fread(f->data + f->size, 1, cap - f->size, fp)) > 0) {
        f->size += got;
        if (f->size == cap) {
            unsigned char *grown = realloc(f->data, cap * 2);
            if (!grown)
                return PDUREP_ERROR_NO_MEMORY;
            f->data = grown;
            cap *= 2;
        }
    }
    return PDUREP_OK;
}

/* A workbook bundle is the workbook and its narratives, BOOK.narrative[.LANG].txt. */
static int workbook_file(const char *name, const char *prefix, const char *book)
{
    return !strcmp(name, book) || narrative_file(name, prefix);
}

pdurep_error pdurep_bundle_read(const char *dir, const char *prefix, const char *workbook,
                                pdurep_bundle **out, pdurep_diag *diag)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d) {
        pdurep_diag_add(diag, dir, 0, 0, "cannot read the folder: %s", strerror(errno));
        return PDUREP_ERROR_IO;
    }
    const char *slash = workbook ? strrchr(workbook, '/') : NULL;
    const char *book = workbook ? (slash ? slash + 1 : workbook) : NULL;
    pdurep_bundle *b = calloc(1, sizeof *b);
    pdurep_error err = b ? PDUREP_OK : PDUREP_ERROR_NO_MEMORY;
    for (struct dirent *e; !err && (e = readdir(d));) {
        if (book ? !workbook_file(e->d_name, prefix, book) : !pdurep_bundle_file_name(e->d_name))
            continue;
        pdurep_bundle_file *f = add_file(b);
        char *path = f && (f->name = strdup(e->d_name)) ? pdurep_path_join(dir, e->d_name) : NULL;
        err = path ? read_whole(path, f, diag) : PDUREP_ERROR_NO_MEMORY;
        free(path);
    }
    closedir(d);
    if (err) {
        pdurep_bundle_free(b);
        return err;
    }
    pdurep_bundle_hash(b);
    *out = b;
    return PDUREP_OK;
}

void pdurep_bundle_free(pdurep_bundle *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_files; i++) {
        free(b->files[i].name);
        free(b->files[i].data);
    }
    free(b->files);
    free(b);
}

/* Now in UTC; PDUREP_NOW pins it (seconds since 1970) so tests can compare whole outputs. */
static void utc_now(char out[32])
{
    const char *env = getenv("PDUREP_NOW");
    time_t t = env && *env ? (time_t)strtoll(env, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

pdurep_error pdurep_bundle_store(pdurep_db *db, const char *id, const pdurep_bundle *b,
                                 const char *event, pdurep_diag *diag)
{
    const char *del[] = {id};
    pdurep_error err = pdurep_db_exec(db, "DELETE FROM bundle_file WHERE inspection = ?1", del, 1,
                                  diag);
    if (err)
        return err;
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(db->sql, "INSERT INTO bundle_file(inspection, name, sha256, content) "
                                    "VALUES (?1, ?2, ?3, ?4)", -1, &ins, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    for (size_t i = 0; !err && i < b->n_files; i++) {
        const pdurep_bundle_file *f = &b->files[i];
        sqlite3_reset(ins);
        if (sqlite3_bind_text(ins, 1, id, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(ins, 2, f->name, -1, SQLITE_STATIC) ||
            sqlite3_bind_text(ins, 3, f->sha256, -1, SQLITE_STATIC) ||
            sqlite3_bind_blob64(ins, 4, f->size ? (const void *)f->data : "", f->size,
                                SQLITE_STATIC) ||
            sqlite3_step(ins) != SQLITE_DONE)
            err = pdurep_db_fail(db, diag);
    }
    sqlite3_finalize(ins);
    if (err)
        return err;
    char now[32];
    utc_now(now);
    const char *up[] = {id, now, PDUREP_VERSION_STRING, b->sha256, event};
    if ((err = pdurep_db_exec(db, "UPDATE inspection SET imported_at = ?2, pdurep_version = ?3, "
                              "bundle_sha256 = ?4 WHERE id = ?1", up, 4, diag)))
        return err;
    return pdurep_db_exec(db, "INSERT INTO import_history(inspection, seq, event, at, "
                          "pdurep_version, bundle_sha256) VALUES (?1, (SELECT coalesce(max(seq), "
                          "0) + 1 FROM import_history WHERE inspection = ?1), ?5, ?2, ?3, ?4)",
                      up, 5, diag);
}

pdurep_error pdurep_bundle_load(pdurep_db *db, const char *id, pdurep_bundle **out,
                                pdurep_diag *diag)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT name, content FROM bundle_file WHERE inspection = ?1 "
                                    "ORDER BY name", -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    pdurep_bundle *b = calloc(1, sizeof *b);
    int rc = !b ? SQLITE_NOMEM : sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    pdurep_error err = PDUREP_OK;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_bundle_file *f = add_file(b);
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const void *blob = sqlite3_column_blob(st, 1);
        size_t size = (size_t)sqlite3_column_bytes(st, 1);
        /* A NULL name or blob of a non-empty value is SQLite out of memory. */
        if (!f || !name || (size && !blob) || !(f->name = strdup(name)) ||
            !(f->data = malloc(size + 1))) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        f->size = size;
        if (size)
            memcpy(f->data, blob, size);
        rc = SQLITE_OK;
    }
    if (!err && rc != SQLITE_DONE)
        err = !b ? PDUREP_ERROR_NO_MEMORY : pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    if (err) {
        pdurep_bundle_free(b);
        return err;
    }
    pdurep_bundle_hash(b);
    *out = b;
    return PDUREP_OK;
}

/* A copy of a text column ("" for NULL) into *@p out; -1 when memory ran out. */
static int column(sqlite3_stmt *st, int i, char **out)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t && sqlite3_column_type(st, i) != SQLITE_NULL)
        return -1; /* SQLite could not make the text */
    return (*out = strdup(t ? (const char *)t : "")) ? 0 : -1;
}

/* Run @p st (its ?1 bound to @p id) and hand each row to @p row; @p row returns -1 when out of
 * memory. */
static pdurep_error each_row(pdurep_db *db, sqlite3_stmt *st, const char *id,
                             int (*row)(sqlite3_stmt *, pdurep_provenance *),
                             pdurep_provenance *p, pdurep_diag *diag)
{
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (row(st, p))
            return PDUREP_ERROR_NO_MEMORY;
        else
            rc = SQLITE_OK;
    return rc == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
}

static int file_row(sqlite3_stmt *st, pdurep_provenance *p)
{
    pdurep_provenance_file *grown = realloc(p->files, (p->n_files + 1) * sizeof *grown);
    if (!grown)
        return -1;
    p->files = grown;
    pdurep_provenance_file *f = &p->files[p->n_files++];
    memset(f, 0, sizeof *f);
    f->size = sqlite3_column_int64(st, 2);
    return column(st, 0, &f->name) || column(st, 1, &f->sha256) ? -1 : 0;
}

static int history_row(sqlite3_stmt *st, pdurep_provenance *p)
{
    pdurep_provenance_event *grown = realloc(p->history, (p->n_history + 1) * sizeof *grown);
    if (!grown)
        return -1;
    p->history = grown;
    pdurep_provenance_event *e = &p->history[p->n_history++];
    memset(e, 0, sizeof *e);
    return column(st, 0, &e->event) || column(st, 1, &e->at) || column(st, 2, &e->version) ||
                   column(st, 3, &e->sha256) ? -1 : 0;
}

pdurep_error pdurep_provenance_get(pdurep_db *db, const char *id, pdurep_provenance **out,
                                   pdurep_diag *diag)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT imported_at, pdurep_version, bundle_sha256 FROM "
                                    "inspection WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        pdurep_error err = rc == SQLITE_DONE ? PDUREP_ERROR_NO_INPUT : pdurep_db_fail(db, diag);
        if (rc == SQLITE_DONE)
            pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\" (see pdurep list)", id);
        sqlite3_finalize(st);
        return err;
    }
    pdurep_provenance *p = calloc(1, sizeof *p);
    pdurep_error err = !p || column(st, 0, &p->imported_at) || column(st, 1, &p->version) ||
                               column(st, 2, &p->sha256)
                           ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
    sqlite3_finalize(st);

    if (!err && sqlite3_prepare_v2(db->sql, "SELECT name, sha256, length(content) FROM "
                                            "bundle_file WHERE inspection = ?1 ORDER BY name",
                                   -1, &st, NULL) != SQLITE_OK) {
        err = pdurep_db_fail(db, diag);
    } else if (!err) {
        err = each_row(db, st, id, file_row, p, diag);
        sqlite3_finalize(st);
    }
    if (!err && sqlite3_prepare_v2(db->sql, "SELECT event, at, pdurep_version, bundle_sha256 "
                                            "FROM import_history WHERE inspection = ?1 ORDER BY "
                                            "seq", -1, &st, NULL) != SQLITE_OK) {
        err = pdurep_db_fail(db, diag);
    } else if (!err) {
        err = each_row(db, st, id, history_row, p, diag);
        sqlite3_finalize(st);
    }
    if (err) {
        pdurep_provenance_free(p);
        return err;
    }
    *out = p;
    return PDUREP_OK;
}

void pdurep_provenance_free(pdurep_provenance *p)
{
    if (!p)
        return;
    free(p->imported_at);
    free(p->version);
    free(p->sha256);
    for (size_t i = 0; i < p->n_files; i++) {
        free(p->files[i].name);
        free(p->files[i].sha256);
    }
    free(p->files);
    for (size_t i = 0; i < p->n_history; i++) {
        free(p->history[i].event);
        free(p->history[i].at);
        free(p->history[i].version);
        free(p->history[i].sha256);
    }
    free(p->history);
    free(p);
}
