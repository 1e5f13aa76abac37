/* Reading inspection metadata back from the database. */
#include "pdurep/inspection.h"
#include "db_internal.h"
#include "util.h"
#include "inspection_internal.h"
#include "sqltext.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#define SELECT_INSPECTION                                                                  \
    "SELECT id, kind, name, region, framework, fieldwork_start, published, lead_inspector, " \
    "inspectorate, coalesce(caseload, -1), "                                                \
    "(SELECT count(*) FROM inspection_case c WHERE c.inspection = i.id), bundle_sha256, "      \
    "imported_at FROM inspection i "

/* The failure of a statement with no diag to report it in: memory or the database. */
static pdurep_error sql_error(pdurep_db *db)
{
    return sqlite3_errcode(db->sql) == SQLITE_NOMEM ? PDUREP_ERROR_NO_MEMORY
                                                    : PDUREP_ERROR_DATABASE;
}

/* 0, or -1 when memory ran out (what was copied is in @p in, for pdurep_inspection_clear()). */
static int fill(pdurep_inspection *in, sqlite3_stmt *st)
{
    char **text[] = {&in->id, &in->kind, &in->name, &in->region, &in->framework,
                     &in->fieldwork_start, &in->published, &in->lead_inspector,
                     &in->inspectorate, &in->bundle_sha256, &in->imported_at};
    static const int column[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12};
    int oom = 0;
    for (size_t i = 0; i < sizeof column / sizeof *column; i++) {
        const char *t = pdurep_column_text(st, column[i], &oom);
        if (oom || !(*text[i] = strdup(t ? t : "")))
            return -1;
    }
    in->caseload = (long)sqlite3_column_int64(st, 9);
    in->n_cases = (long)sqlite3_column_int64(st, 10);
    return 0;
}

char *pdurep_attribute_codes(const pdurep_framework *fw)
{
    size_t len = 1;
    for (size_t a = 0; a < fw->n_attributes; a++)
        len += strlen(fw->attributes[a].code) + 1;
    char *s = calloc(len, 1);
    if (!s)
        return NULL;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        if (a)
            strcat(s, ",");
        strcat(s, fw->attributes[a].code);
    }
    return s;
}

void pdurep_inspection_clear(pdurep_inspection *in)
{
    free(in->id);
    free(in->kind);
    free(in->name);
    free(in->region);
    free(in->framework);
    free(in->fieldwork_start);
    free(in->published);
    free(in->lead_inspector);
    free(in->inspectorate);
    free(in->bundle_sha256);
    free(in->imported_at);
}

pdurep_error pdurep_inspection_get(pdurep_db *db, const char *id, pdurep_inspection **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, SELECT_INSPECTION "WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return sql_error(db);
    pdurep_error err = PDUREP_OK;
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        pdurep_inspection *in = calloc(1, sizeof *in);
        if (!in || fill(in, st)) {
            pdurep_inspection_free(in);
            err = PDUREP_ERROR_NO_MEMORY;
        } else {
            *out = in;
        }
    } else {
        err = rc == SQLITE_DONE ? PDUREP_ERROR_NO_INPUT : sql_error(db);
    }
    sqlite3_finalize(st);
    return err;
}

pdurep_error pdurep_inspection_list(pdurep_db *db, pdurep_inspection **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, SELECT_INSPECTION "ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return sql_error(db);
    pdurep_inspection *list = NULL;
    size_t n = 0;
    pdurep_error err = PDUREP_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_inspection *grown = realloc(list, (n + 1) * sizeof *list);
        if (!grown) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        list = grown;
        memset(&list[n], 0, sizeof *list);
        if (fill(&list[n++], st)) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
    }
    if (!err && rc != SQLITE_DONE)
        err = sql_error(db);
    sqlite3_finalize(st);
    if (err) {
        pdurep_inspection_list_free(list, n);
        return err;
    }
    *out = list;
    *n_out = n;
    return PDUREP_OK;
}

void pdurep_inspection_free(pdurep_inspection *in)
{
    if (!in)
        return;
    pdurep_inspection_clear(in);
    free(in);
}

pdurep_inspection *pdurep_inspection_copy(const pdurep_inspection *in)
{
    pdurep_inspection *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    *c = *in;
    char **fields[] = {&c->id, &c->kind, &c->name, &c->region, &c->framework,
                       &c->fieldwork_start, &c->published, &c->lead_inspector, &c->inspectorate,
                       &c->bundle_sha256, &c->imported_at};
    size_t n = sizeof fields / sizeof *fields, i;
    for (i = 0; i < n; i++)
        if (*fields[i] && !(*fields[i] = strdup(*fields[i])))
            break;
    if (i < n) {
        /* The fields from i on still point into @p in: only the copies made are freed. */
        for (size_t k = i; k < n; k++)
            *fields[k] = NULL;
        pdurep_inspection_free(c);
        return NULL;
    }
    return c;
}

void pdurep_inspection_list_free(pdurep_inspection *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pdurep_inspection_clear(&list[i]);
    free(list);
}

/* Midnight UTC of a YYYY-MM-DD date, or 0. */
static long long date_seconds(const char *date)
{
    struct tm tm = {0};
    if (!date || sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        return 0;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    return t > 0 ? (long long)t : 0;
}

pdurep_error pdurep_document_time(const pdurep_inspection *in, long long *out, pdurep_diag *diag)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (env && *env) {
        char *end;
        errno = 0;
        long long v = strtoll(env, &end, 10);
        if (*end || errno || v < 0 || v > 253402300799LL) {
            pdurep_diag_add(diag, NULL, 0, 0, "SOURCE_DATE_EPOCH must be a whole number of "
                            "seconds since 1970, not '%s'", env);
            return PDUREP_ERROR_DATA;
        }
        /* libxlsxwriter reads 0 as "now", so the epoch itself becomes its first second. */
        *out = v > 0 ? v : 1;
        return PDUREP_OK;
    }
    long long t = in ? date_seconds(in->published) : 0;
    if (!t && in)
        t = date_seconds(in->fieldwork_start);
    *out = t ? t : (long long)time(NULL);
    return PDUREP_OK;
}

/* Where each of @p codes (comma-joined) sits among @p want's codes; -1 if absent. */
static void positions(const char *codes, const char *const *want, size_t n_want, long *pos)
{
    for (size_t w = 0; w < n_want; w++)
        pos[w] = -1;
    long i = 0;
    for (const char *p = codes ? codes : ""; *p; i++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        for (size_t w = 0; w < n_want; w++)
            if (strlen(want[w]) == len && !strncmp(want[w], p, len))
                pos[w] = i;
        p += len;
        if (*p == ',')
            p++;
    }
}

pdurep_error pdurep_cases_read(pdurep_db *db, const char *id, const pdurep_framework *fw,
                               pdurep_case_fn fn, void *user, pdurep_diag *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT answer_codes, attribute_codes FROM inspection "
                                    "WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        pdurep_error e = rc == SQLITE_DONE ? PDUREP_ERROR_NO_INPUT : pdurep_db_fail(db, diag);
        sqlite3_finalize(st);
        if (e == PDUREP_ERROR_NO_INPUT)
            pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\" (see pdurep list)", id);
        return e;
    }
    size_t nq = fw->n_questions, na = fw->n_attributes;
    const char **qcodes = calloc(nq + 1, sizeof *qcodes);
    const char **acodes = calloc(na + 1, sizeof *acodes);
    long *qpos = calloc(nq + 1, sizeof *qpos), *apos = calloc(na + 1, sizeof *apos);
    size_t *values = calloc(na + 1, sizeof *values);
    char *answers = calloc(nq + 1, 1);
    int oom = !qcodes || !acodes || !qpos || !apos || !values || !answers;
    for (size_t q = 0; !oom && q < nq; q++)
        qcodes[q] = fw->questions[q].code;
    for (size_t a = 0; !oom && a < na; a++)
        acodes[a] = fw->attributes[a].code;
    if (!oom) {
        const char *answer_codes = pdurep_column_text(st, 0, &oom);
        const char *attribute_codes = pdurep_column_text(st, 1, &oom);
        if (!oom) {
            positions(answer_codes, qcodes, nq, qpos);
            positions(attribute_codes, acodes, na, apos);
        }
    }
    sqlite3_finalize(st);

    pdurep_error err = oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
    for (size_t a = 0; a < na && !err; a++)
        if (apos[a] < 0) {
            pdurep_diag_add(diag, db->path, 0, 0, "inspection %s was imported without case "
                            "attribute %s: import it again", id, acodes[a]);
            err = PDUREP_ERROR_DATA;
        }
    if (!err && sqlite3_prepare_v2(db->sql, "SELECT case_id, attributes, answers FROM "
                                            "inspection_case WHERE inspection = ?1 ORDER BY "
                                            "case_id", -1, &st, NULL) != SQLITE_OK)
        err = pdurep_db_fail(db, diag);
    else if (!err) {
        rc = sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) == SQLITE_OK ? SQLITE_ROW : SQLITE_ERROR;
        while (!err && rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *stored = pdurep_column_text(st, 1, &oom);
            const char *ans = pdurep_column_text(st, 2, &oom);
            const char *case_id = pdurep_column_text(st, 0, &oom);
            if (oom) {
                err = PDUREP_ERROR_NO_MEMORY;
                break;
            }
            for (size_t a = 0; a < na && !err; a++) {
                /* The apos[a]-th tab-separated field. */
                const char *f = stored ? stored : "";
                for (long k = 0; k < apos[a] && f; k++) {
                    f = strchr(f, PDUREP_ATTRIBUTE_SEPARATOR);
                    f = f ? f + 1 : NULL;
                }
                size_t len = f ? strcspn(f, "\t") : 0;
                const pdurep_attribute *at = &fw->attributes[a];
                size_t v = 0;
                while (v < at->n_values && !(f && strlen(at->values[v]) == len &&
                                             !strncmp(at->values[v], f, len)))
                    v++;
                if (v == at->n_values) {
                    pdurep_diag_add(diag, db->path, 0, 0, "a case of %s has a value of %s that "
                                    "framework %s does not list", id, at->code, fw->code);
                    err = PDUREP_ERROR_DATA;
                }
                values[a] = v;
            }
            size_t alen = (size_t)sqlite3_column_bytes(st, 2);
            for (size_t q = 0; q < nq; q++)
                answers[q] = qpos[q] >= 0 && (size_t)qpos[q] < alen ? ans[qpos[q]] : '-';
            pdurep_case c = {case_id, values, answers};
            int stop = err ? 0 : fn(&c, user);
            if (stop)
                err = (pdurep_error)stop;
        }
        if (!err && rc != SQLITE_DONE)
            err = pdurep_db_fail(db, diag);
        sqlite3_finalize(st);
    }
    free(values);
    free(answers);
    free(qcodes);
    free(acodes);
    free(qpos);
    free(apos);
    return err;
}
