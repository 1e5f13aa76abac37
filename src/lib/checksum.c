/*
 * Checksums of stored rows. Which rows belong to an inspection is read from
 * the schema, not listed here: every table with a foreign key to it or an
 * `inspection` column, so a table a later migration adds is covered without
 * touching this file. The
 * rows are fed to SHA-256 in primary-key order, each value with its type and
 * length, so no two different row sets hash the same way by concatenation.
 */
#include "pdurep/check.h"
#include "db_internal.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As pdurep_db_fail(), which db.c owns: db.c calls this file while migrating, so this file
 * does not call back into it. */
static pdurep_error fail(pdurep_db *db, pdurep_diag *diag)
{
    int code = sqlite3_errcode(db->sql);
    pdurep_diag_add(diag, db->path, 0, 0, "database error: %s", sqlite3_errmsg(db->sql));
    return code == SQLITE_NOMEM || pdurep_db_memory_failed() ? PDUREP_ERROR_NO_MEMORY
                                                             : PDUREP_ERROR_DATABASE;
}

typedef struct owner_info {
    const char *table;  /* the owner's own table */
    const char *key;    /* its key column */
    const char *link;   /* the column other tables name it by */
    const char *word;   /* for messages */
} owner_info;

static const owner_info owners[] = {
    [PDUREP_CHECKSUM_INSPECTION] = {"inspection", "id", "inspection", "inspection"},
    [PDUREP_CHECKSUM_FRAMEWORK] = {"framework", "code", "framework", "framework"},
};

static void feed_u64(struct sha256_ctx *h, unsigned long long v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    sha256_update(h, 8, b);
}

static void feed_count(struct sha256_ctx *h, uint8_t tag, unsigned long long n)
{
    sha256_update(h, 1, &tag);
    feed_u64(h, n);
}

static void feed_tagged(struct sha256_ctx *h, uint8_t tag, const void *data, size_t len)
{
    sha256_update(h, 1, &tag);
    feed_u64(h, len);
    if (len)
        sha256_update(h, len, data);
}

/* Every row @p st yields, value by value. */
static int feed_rows(struct sha256_ctx *h, sqlite3_stmt *st)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int n = sqlite3_column_count(st);
        feed_count(h, 'R', (unsigned long long)n);
        for (int i = 0; i < n; i++) {
            int type = sqlite3_column_type(st, i);
            if (type == SQLITE_INTEGER) {
                feed_count(h, 'I', (unsigned long long)sqlite3_column_int64(st, i));
            } else if (type == SQLITE_FLOAT) {
                char num[40];
                int len = snprintf(num, sizeof num, "%.17g", sqlite3_column_double(st, i));
                feed_tagged(h, 'F', num, (size_t)len);
            } else if (type == SQLITE_NULL) {
                feed_tagged(h, 'N', NULL, 0);
            } else {
                const void *p = type == SQLITE_BLOB ? sqlite3_column_blob(st, i)
                                                    : (const void *)sqlite3_column_text(st, i);
                feed_tagged(h, type == SQLITE_BLOB ? 'B' : 'T', p,
                            (size_t)sqlite3_column_bytes(st, i));
            }
        }
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* "ORDER BY" of @p table's primary key (rowid when it has none), as a quoted column list. */
static int order_of(sqlite3 *s, const char *table, char *out, size_t n)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s, "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk",
                                -1, &st, NULL);
    if (rc)
        return rc;
    rc = sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    size_t used = 0;
    out[0] = '\0';
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        const char *col = (const char *)sqlite3_column_text(st, 0);
        char *q = col ? sqlite3_mprintf("%s\"%w\"", used ? ", " : "", col) : NULL;
        if (!q) {
            sqlite3_finalize(st);
            return SQLITE_NOMEM;
        }
        size_t l = strlen(q);
        if (used + l + 1 < n) {
            memcpy(out + used, q, l + 1);
            used += l;
        }
        sqlite3_free(q);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (!used)
        snprintf(out, n, "rowid");
    return SQLITE_OK;
}

/*
 * How one owner's rows are read: its own row, then each table that names it, in
 * name order, with the statements prepared once per connection. Reading the
 * schema and preparing a dozen statements cost more than hashing a PDU's rows,
 * and a batch or a region verifies many inspections on one connection. The plan
 * is made again when the schema changes (a migration adds a table).
 */
typedef struct checksum_plan {
    int schema_version; /* -1: no plan yet */
    sqlite3_stmt *own;
    size_t n;
    char **tables;
    sqlite3_stmt **rows;
} checksum_plan;

struct pdurep_checksum_cache {
    sqlite3_stmt *version;
    checksum_plan plan[sizeof owners / sizeof owners[0]];
};

static void plan_clear(checksum_plan *p)
{
    sqlite3_finalize(p->own);
    for (size_t i = 0; i < p->n; i++) {
        sqlite3_finalize(p->rows[i]);
        sqlite3_free(p->tables[i]);
    }
    free(p->rows);
    free(p->tables);
    memset(p, 0, sizeof *p);
    p->schema_version = -1;
}

void pdurep_checksum_cache_free(pdurep_db *db)
{
    pdurep_checksum_cache *c = db->checksums;
    if (!c)
        return;
    for (size_t i = 0; i < sizeof c->plan / sizeof c->plan[0]; i++)
        plan_clear(&c->plan[i]);
    sqlite3_finalize(c->version);
    free(c);
    db->checksums = NULL;
}

static int plan_add(checksum_plan *p, sqlite3 *s, const char *table, const char *link)
{
    char order[1024];
    int rc = order_of(s, table, order, sizeof order);
    if (rc)
        return rc;
    char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE \"%w\" = ?1 ORDER BY %s", table, link,
                                order);
    char **tables = sql ? realloc(p->tables, (p->n + 1) * sizeof *tables) : NULL;
    if (tables)
        p->tables = tables;
    sqlite3_stmt **rows = tables ? realloc(p->rows, (p->n + 1) * sizeof *rows) : NULL;
    if (rows)
        p->rows = rows;
    char *name = rows ? sqlite3_mprintf("%s", table) : NULL;
    if (!name) {
        sqlite3_free(sql);
        return SQLITE_NOMEM;
    }
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(s, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc) {
        sqlite3_free(name);
        return rc;
    }
    p->tables[p->n] = name;
    p->rows[p->n++] = st;
    return SQLITE_OK;
}

static int plan_make(checksum_plan *p, sqlite3 *s, const owner_info *o)
{
    char *sql = sqlite3_mprintf("SELECT * FROM \"%w\" WHERE \"%w\" = ?1", o->table, o->key);
    int rc = sql ? sqlite3_prepare_v2(s, sql, -1, &p->own, NULL) : SQLITE_NOMEM;
    sqlite3_free(sql);
    /*
     * The tables that name the owner, in name order: by a foreign key to the owner's
     * table (region_pdu.region), else by a column of the owner's name (a history kept
     * without a key). The other owner's table has its own checksum.
     */
    sqlite3_stmt *tables = NULL;
    if (!rc)
        rc = sqlite3_prepare_v2(s, "SELECT name, link FROM (SELECT m.name AS name, coalesce("
                                   "(SELECT f.\"from\" FROM pragma_foreign_key_list(m.name) f "
                                   "WHERE f.\"table\" = ?2 ORDER BY f.id LIMIT 1), "
                                   "(SELECT c.name FROM pragma_table_info(m.name) c "
                                   "WHERE c.name = ?1)) AS link FROM sqlite_schema m "
                                   "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
                                   "AND m.name NOT IN ('inspection', 'framework')) "
                                   "WHERE link IS NOT NULL ORDER BY name", -1, &tables, NULL);
    if (!rc && !(rc = sqlite3_bind_text(tables, 1, o->link, -1, SQLITE_STATIC)) &&
        !(rc = sqlite3_bind_text(tables, 2, o->table, -1, SQLITE_STATIC))) {
        while (!rc && (rc = sqlite3_step(tables)) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(tables, 0);
            const char *link = (const char *)sqlite3_column_text(tables, 1);
            /* Neither is NULL in a row (the query says so) unless SQLite ran out of memory. */
            rc = name && link ? plan_add(p, s, name, link) : SQLITE_NOMEM;
        }
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(tables);
    return rc;
}

/* The plan for @p owner, current with the schema; NULL with *rc set on failure. */
static checksum_plan *plan_for(pdurep_db *db, pdurep_checksum_owner owner, int *rc)
{
    pdurep_checksum_cache *c = db->checksums;
    if (!c) {
        if (!(c = calloc(1, sizeof *c))) {
            *rc = SQLITE_NOMEM;
            return NULL;
        }
        for (size_t i = 0; i < sizeof c->plan / sizeof c->plan[0]; i++)
            c->plan[i].schema_version = -1;
        db->checksums = c;
    }
    if (!c->version && (*rc = sqlite3_prepare_v2(db->sql, "PRAGMA schema_version", -1, &c->version,
                                                 NULL)))
        return NULL;
    sqlite3_reset(c->version);
    if ((*rc = sqlite3_step(c->version)) != SQLITE_ROW)
        return NULL;
    int version = sqlite3_column_int(c->version, 0);
    sqlite3_reset(c->version);
    checksum_plan *p = &c->plan[owner];
    if (p->schema_version == version)
        return p;
    plan_clear(p);
    if ((*rc = plan_make(p, db->sql, &owners[owner]))) {
        plan_clear(p);
        return NULL;
    }
    p->schema_version = version;
    return p;
}

static int feed_statement(struct sha256_ctx *h, sqlite3_stmt *st, const char *id)
{
    sqlite3_reset(st);
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = feed_rows(h, st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

/* SHA-256 of @p id's rows as 64 hex digits. */
static pdurep_error digest(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                           char hex[65], pdurep_diag *diag)
{
    const owner_info *o = &owners[owner];
    struct sha256_ctx h;
    sha256_init(&h);
    int rc = SQLITE_OK;
    checksum_plan *p = plan_for(db, owner, &rc);
    if (p)
        rc = feed_statement(&h, p->own, id);
    for (size_t i = 0; p && !rc && i < p->n; i++) {
        feed_tagged(&h, 'S', p->tables[i], strlen(p->tables[i]));
        rc = feed_statement(&h, p->rows[i], id);
    }
    if (rc) {
        pdurep_diag_add(diag, db->path, 0, 0, "%s %s: cannot read its rows: %s", o->word, id,
                        rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errstr(rc));
        return rc == SQLITE_NOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_DATABASE;
    }
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&h, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    return PDUREP_OK;
}

pdurep_error pdurep_checksum_record(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                                    pdurep_diag *diag)
{
    char hex[65];
    pdurep_error err = digest(db, owner, id, hex, diag);
    if (err)
        return err;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "INSERT INTO checksum(owner, id, sha256) VALUES (?1, ?2, ?3) "
                                    "ON CONFLICT(owner, id) DO UPDATE SET sha256 = ?3",
                           -1, &st, NULL) != SQLITE_OK)
        return fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, owners[owner].table, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 3, hex, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? PDUREP_OK : fail(db, diag);
}

pdurep_error pdurep_checksum_verify(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                                    pdurep_diag *diag)
{
    const owner_info *o = &owners[owner];
    char hex[65];
    pdurep_error err = digest(db, owner, id, hex, diag);
    if (err)
        return err;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT sha256 FROM checksum WHERE owner = ?1 AND id = ?2", -1,
                           &st, NULL) != SQLITE_OK)
        return fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, o->table, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    /* A text SQLite could not allocate is not a checksum that differs. */
    const unsigned char *stored = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
    int no_memory = rc == SQLITE_ROW && !stored && sqlite3_errcode(db->sql) == SQLITE_NOMEM;
    int same = stored && sqlite3_column_bytes(st, 0) == 64 && !memcmp(stored, hex, 64);
    sqlite3_finalize(st);
    if (no_memory) {
        pdurep_diag_add(diag, db->path, 0, 0, "out of memory while reading a checksum");
        return PDUREP_ERROR_NO_MEMORY;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(db, diag);
    if (same)
        return PDUREP_OK;
    pdurep_diag_add(diag, db->path, 0, 0, "%s %s: %s (the database is damaged: restore it from a "
                    "backup, or import the bundle again with --replace; 'pdurep check' lists "
                    "what is wrong)", o->word, id,
                    rc == SQLITE_ROW ? "its stored rows do not match the checksum recorded "
                                       "when they were written"
                                     : "no checksum is recorded for it");
    return PDUREP_ERROR_DATABASE;
}

pdurep_error pdurep_checksum_verify_inspection(pdurep_db *db, const char *id, pdurep_diag *diag)
{
    pdurep_error err = pdurep_checksum_verify(db, PDUREP_CHECKSUM_INSPECTION, id, diag);
    if (err)
        return err;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT framework FROM inspection WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    const char *framework = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    if (framework)
        err = pdurep_checksum_verify(db, PDUREP_CHECKSUM_FRAMEWORK, framework, diag);
    else if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        err = PDUREP_ERROR_NO_MEMORY; /* the text could not be made */
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        err = fail(db, diag);
    sqlite3_finalize(st);
    return err;
}

/* Each id of an owner table, for a callback; stops at the first error. */
static pdurep_error each(pdurep_db *db, pdurep_checksum_owner owner, const char *only,
                         pdurep_error (*fn)(pdurep_db *, pdurep_checksum_owner, const char *,
                                            pdurep_diag *, void *),
                         void *user, pdurep_diag *diag, int keep_going)
{
    const owner_info *o = &owners[owner];
    char *sql = owner == PDUREP_CHECKSUM_FRAMEWORK && only
                    ? sqlite3_mprintf("SELECT DISTINCT framework FROM inspection WHERE id = ?1")
                    : sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE ?1 IS NULL OR \"%w\" = ?1 "
                                      "ORDER BY 1", o->key, o->table, o->key);
    sqlite3_stmt *st;
    int rc = sql ? sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) : SQLITE_NOMEM;
    sqlite3_free(sql);
    if (rc)
        return fail(db, diag);
    if (sqlite3_bind_text(st, 1, only, -1, SQLITE_STATIC) != SQLITE_OK) {
        pdurep_error err = fail(db, diag);
        sqlite3_finalize(st);
        return err;
    }
    pdurep_error worst = PDUREP_OK;
    /* Ids are copied out: the callback may write (record) while this reads. */
    char **ids = NULL;
    size_t n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char **more = realloc(ids, (n + 1) * sizeof *ids);
        char *copy = more ? strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
        if (more)
            ids = more;
        if (!copy) {
            worst = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        ids[n++] = copy;
    }
    if (!worst && rc != SQLITE_DONE)
        worst = fail(db, diag);
    sqlite3_finalize(st);
    for (size_t i = 0; i < n; i++) {
        if (!worst || keep_going) {
            pdurep_error err = fn(db, owner, ids[i], diag, user);
            if (err && !worst)
                worst = err;
        }
        free(ids[i]);
    }
    free(ids);
    return worst;
}

/* Every framework, then every inspection, stopping at the first error. */
static pdurep_error each_owner(pdurep_db *db,
                               pdurep_error (*fn)(pdurep_db *, pdurep_checksum_owner, const char *,
                                                  pdurep_diag *, void *),
                               pdurep_diag *diag)
{
    pdurep_error err = each(db, PDUREP_CHECKSUM_FRAMEWORK, NULL, fn, NULL, diag, 0);
    if (!err)
        err = each(db, PDUREP_CHECKSUM_INSPECTION, NULL, fn, NULL, diag, 0);
    return err;
}

static pdurep_error record_one(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                               pdurep_diag *diag, void *user)
{
    (void)user;
    return pdurep_checksum_record(db, owner, id, diag);
}

pdurep_error pdurep_checksum_record_all(pdurep_db *db, pdurep_diag *diag)
{
    return each_owner(db, record_one, diag);
}

static pdurep_error verify_one(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                               pdurep_diag *diag, void *user)
{
    (void)user;
    return pdurep_checksum_verify(db, owner, id, diag);
}

pdurep_error pdurep_checksum_verify_all(pdurep_db *db, pdurep_diag *diag)
{
    return each_owner(db, verify_one, diag);
}

static pdurep_error check_one(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                              pdurep_diag *diag, void *user)
{
    FILE *out = user;
    size_t before = pdurep_diag_total(diag);
    pdurep_error err = pdurep_checksum_verify(db, owner, id, diag);
    if (out) {
        if (!err)
            fprintf(out, "ok      %s %s\n", owners[owner].word, id);
        else
            fprintf(out, "DAMAGED %s %s\n", owners[owner].word, id);
    }
    (void)before;
    return err;
}

/* Each line of a PRAGMA that answers "ok" when all is well. */
static pdurep_error pragma_check(pdurep_db *db, const char *sql, int ok_is_row, FILE *out,
                                 pdurep_diag *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(db, diag);
    pdurep_error err = PDUREP_OK;
    int rc, rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows++;
        if (ok_is_row && rows == 1 && sqlite3_column_type(st, 0) == SQLITE_TEXT &&
            !strcmp((const char *)sqlite3_column_text(st, 0), "ok"))
            continue;
        if (ok_is_row)
            pdurep_diag_add(diag, db->path, 0, 0, "SQLite integrity check: %s",
                            (const char *)sqlite3_column_text(st, 0));
        else
            pdurep_diag_add(diag, db->path, 0, 0, "a row of table %s (rowid %lld) refers to a "
                            "missing row of %s", (const char *)sqlite3_column_text(st, 0),
                            sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 2));
        err = PDUREP_ERROR_DATABASE;
    }
    if (rc != SQLITE_DONE) {
        pdurep_error e = fail(db, diag);
        err = e == PDUREP_ERROR_NO_MEMORY ? e : PDUREP_ERROR_DATABASE;
    }
    sqlite3_finalize(st);
    if (out)
        fprintf(out, "%s %s\n", err ? "DAMAGED" : "ok     ",
                ok_is_row ? "SQLite integrity check" : "SQLite foreign key check");
    return err;
}

pdurep_error pdurep_db_check(pdurep_db *db, const char *id, FILE *out, pdurep_diag *diag)
{
    if (id) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM inspection WHERE id = ?1", -1, &st,
                               NULL) != SQLITE_OK)
            return fail(db, diag);
        int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(st);
        int found = rc == SQLITE_ROW;
        pdurep_error err = found || rc == SQLITE_DONE ? PDUREP_OK : fail(db, diag);
        sqlite3_finalize(st);
        if (err)
            return err;
        if (!found) {
            pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\"", id);
            return PDUREP_ERROR_NO_INPUT;
        }
    }
    pdurep_error worst = pragma_check(db, "PRAGMA integrity_check", 1, out, diag);
    pdurep_error err = pragma_check(db, "PRAGMA foreign_key_check", 0, out, diag);
    if (!worst)
        worst = err;
    err = each(db, PDUREP_CHECKSUM_FRAMEWORK, id, check_one, out, diag, 1);
    if (!worst)
        worst = err;
    err = each(db, PDUREP_CHECKSUM_INSPECTION, id, check_one, out, diag, 1);
    if (!worst)
        worst = err;
    return worst;
}
