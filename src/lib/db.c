#include "pdurep/db.h"
#include "pdurep/version.h"
#include "db_internal.h"
#include "schema.h"
#include "pdurep/check.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *pdurep_db_default_path(void)
{
    const char *env = getenv("PDUREP_DB");
    return env && *env ? env : "pdurep.db";
}

static pdurep_error migrate(pdurep_db *db, pdurep_diag *diag)
{
    int version = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    /* A version that cannot be read is no version 0: every migration would run again. */
    if (sqlite3_step(st) != SQLITE_ROW) {
        pdurep_error err = pdurep_db_fail(db, diag);
        sqlite3_finalize(st);
        return err;
    }
    version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);

    if (version > pdurep_n_migrations) {
        pdurep_diag_add(diag, db->path, 0, 0,
                        "database schema version %d is newer than this pdurep understands (%d)",
                        version, pdurep_n_migrations);
        return PDUREP_ERROR_DATABASE;
    }
    for (; version < pdurep_n_migrations; version++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
        /* Each step and its version bump commit together, or not at all. */
        if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return pdurep_db_fail(db, diag);
        pdurep_error err = PDUREP_OK;
        if (sqlite3_exec(db->sql, pdurep_migrations[version], NULL, NULL, NULL) != SQLITE_OK ||
            (err = pdurep_migration_code(db->sql, version + 1)) == PDUREP_ERROR_DATABASE ||
            (!err && sqlite3_exec(db->sql, pragma, NULL, NULL, NULL) != SQLITE_OK))
            err = pdurep_db_fail(db, diag);
        if (err) {
            sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
            return err;
        }
        /* A migration changes rows on purpose: their checksums are recorded afresh in the
         * same transaction, so a crash leaves the old schema and the old checksums. */
        if (version + 1 >= PDUREP_MIGRATION_CHECKSUM) {
            err = pdurep_checksum_record_all(db, diag);
            if (err) {
                sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
                return err;
            }
        }
        if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return pdurep_db_fail(db, diag);
    }
    return PDUREP_OK;
}

/*
 * A reader that finds an older schema upgrades the file once through a
 * writable connection of its own, so a database kept over the years opens
 * with any command. A file it may not write stays as it is and is refused.
 */
static pdurep_error upgrade(const char *path, pdurep_diag *diag)
{
    pdurep_db tmp = {.path = (char *)path};
    int rc = sqlite3_open_v2(path, &tmp.sql, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(tmp.sql);
        return rc == SQLITE_NOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_DATABASE;
    }
    sqlite3_busy_timeout(tmp.sql, 5000);
    pdurep_error err = sqlite3_exec(tmp.sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL)
                           ? pdurep_db_fail(&tmp, diag) : migrate(&tmp, diag);
    pdurep_checksum_cache_free(&tmp); /* a migration records checksums */
    sqlite3_close_v2(tmp.sql);
    return err;
}

/*
 * A process killed inside a transaction leaves a hot journal, and only a
 * connection that can write may roll it back: a read-only one fails with
 * "attempt to write a readonly database". So when a journal is there, open
 * read-write once and read the schema, which makes SQLite restore the database
 * (or wait, if the journal belongs to a live writer). Without write permission
 * the read-only open below reports the problem as before.
 */
static pdurep_error recover_hot_journal(const char *path)
{
    size_t n = strlen(path) + sizeof "-journal";
    char *journal = malloc(n);
    if (!journal)
        return PDUREP_ERROR_NO_MEMORY;
    snprintf(journal, n, "%s-journal", path);
    struct stat sb;
    int present = stat(journal, &sb) == 0 && sb.st_size > 0;
    free(journal);
    if (!present)
        return PDUREP_OK;
    sqlite3 *rw = NULL;
    /* Any other failure is the read-only open's to report; running out of memory here
     * would leave the journal to be mistaken for damage. */
    int rc = sqlite3_open_v2(path, &rw, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(rw, 5000);
        rc = sqlite3_exec(rw, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
    sqlite3_close(rw);
    return rc == SQLITE_NOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
}

pdurep_error pdurep_db_open(const char *path, int flags, pdurep_db **out, pdurep_diag *diag)
{
    *out = NULL;
    pdurep_db_watch_memory();
    struct stat sb;
    if ((flags & PDUREP_DB_READONLY) && stat(path, &sb) != 0) {
        pdurep_diag_add(diag, path, 0, 0, "no such database (import a bundle first)");
        return PDUREP_ERROR_NO_INPUT;
    }
    pdurep_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = strdup(path))) {
        free(db);
        return PDUREP_ERROR_NO_MEMORY;
    }
    if ((flags & PDUREP_DB_READONLY) && recover_hot_journal(path)) {
        pdurep_db_close(db);
        return PDUREP_ERROR_NO_MEMORY;
    }
    int oflags = (flags & PDUREP_DB_READONLY) ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &db->sql, oflags, NULL);
    if (rc != SQLITE_OK) {
        pdurep_diag_add(diag, path, 0, 0, "cannot open database: %s",
                        db->sql ? sqlite3_errmsg(db->sql) : "out of memory");
        pdurep_db_close(db);
        return rc == SQLITE_NOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_DATABASE;
    }
    sqlite3_busy_timeout(db->sql, 5000);
    if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
        pdurep_error err = pdurep_db_fail(db, diag);
        pdurep_db_close(db);
        return err;
    }
    pdurep_error err = PDUREP_OK;
    if (!(flags & PDUREP_DB_READONLY))
        err = migrate(db, diag);
    else {
        /* A read-only open cannot migrate, so it must find the current schema. */
        sqlite3_stmt *st;
        int version = -1;
        if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW)
                version = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
        }
        pdurep_error up = PDUREP_ERROR_DATABASE;
        if (version < 0 && sqlite3_errcode(db->sql) == SQLITE_NOMEM) {
            err = pdurep_db_fail(db, diag);
        } else if (version < 0) {
            pdurep_diag_add(diag, path, 0, 0, "not a pdurep database: %s", sqlite3_errmsg(db->sql));
            err = PDUREP_ERROR_DATABASE;
        } else if (version < pdurep_n_migrations &&
                   ((up = upgrade(path, diag)) == PDUREP_OK || up == PDUREP_ERROR_NO_MEMORY)) {
            err = up;
        } else if (version != pdurep_n_migrations) {
            pdurep_diag_add(diag, path, 0, 0, "database schema version %d, expected %d (open it "
                            "once read-write to upgrade)", version, pdurep_n_migrations);
            err = PDUREP_ERROR_DATABASE;
        }
    }
    if (err) {
        pdurep_db_close(db);
        return err;
    }
    *out = db;
    return PDUREP_OK;
}

void pdurep_db_close(pdurep_db *db)
{
    if (!db)
        return;
    pdurep_checksum_cache_free(db);
    sqlite3_close_v2(db->sql);
    free(db->path);
    free(db);
}

const char *pdurep_db_path(const pdurep_db *db) { return db->path; }

pdurep_error pdurep_db_fail(pdurep_db *db, pdurep_diag *diag)
{
    int code = sqlite3_errcode(db->sql);
    pdurep_diag_add(diag, db->path, 0, 0, "database error: %s", sqlite3_errmsg(db->sql));
    return code == SQLITE_NOMEM || pdurep_db_memory_failed() ? PDUREP_ERROR_NO_MEMORY
                                                             : PDUREP_ERROR_DATABASE;
}

pdurep_error pdurep_db_exec(pdurep_db *db, const char *sql, const char *const *text, int n_text,
                            pdurep_diag *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    int rc = SQLITE_OK;
    for (int i = 0; i < n_text && rc == SQLITE_OK; i++)
        rc = sqlite3_bind_text(st, i + 1, text[i], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    pdurep_error err = rc == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    return err;
}

int pdurep_db_has_inspection(pdurep_db *db, const char *id)
{
    sqlite3_stmt *st;
    int found = -1;
    if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM inspection WHERE id = ?1", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) == SQLITE_OK) {
            int rc = sqlite3_step(st);
            found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
        }
        sqlite3_finalize(st);
    }
    return found;
}
