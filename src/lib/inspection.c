/* Reading inspection metadata back from the database. */
#include "pdurep/inspection.h"
#include "db_internal.h"
#include "util.h"
#include "inspection_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>

#define SELECT_INSPECTION                                                                  \
    "SELECT id, kind, name, region, framework, fieldwork_start, published, lead_inspector, " \
    "inspectorate, coalesce(caseload, -1), "                                                \
    "(SELECT count(*) FROM inspection_case c WHERE c.inspection = i.id) FROM inspection i "

static void fill(pdurep_inspection *in, sqlite3_stmt *st)
{
    char **text[] = {&in->id, &in->kind, &in->name, &in->region, &in->framework,
                     &in->fieldwork_start, &in->published, &in->lead_inspector,
                     &in->inspectorate};
    for (int i = 0; i < 9; i++) {
        const unsigned char *t = sqlite3_column_text(st, i);
        *text[i] = pdurep_xstrdup(t ? (const char *)t : "");
    }
    in->caseload = (long)sqlite3_column_int64(st, 9);
    in->n_cases = (long)sqlite3_column_int64(st, 10);
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
}

pdurep_error pdurep_inspection_get(pdurep_db *db, const char *id, pdurep_inspection **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, SELECT_INSPECTION "WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return PDUREP_ERROR_DATABASE;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    pdurep_error err = PDUREP_OK;
    if (rc == SQLITE_ROW) {
        *out = pdurep_xcalloc(1, sizeof **out);
        fill(*out, st);
    } else {
        err = rc == SQLITE_DONE ? PDUREP_ERROR_NO_INPUT : PDUREP_ERROR_DATABASE;
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
        return PDUREP_ERROR_DATABASE;
    pdurep_inspection *list = NULL;
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        list = pdurep_xrealloc(list, (n + 1) * sizeof *list);
        memset(&list[n], 0, sizeof *list);
        fill(&list[n++], st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        pdurep_inspection_list_free(list, n);
        return PDUREP_ERROR_DATABASE;
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
    pdurep_inspection *c = pdurep_xcalloc(1, sizeof *c);
    *c = *in;
    char **fields[] = {&c->id, &c->kind, &c->name, &c->region, &c->framework,
                       &c->fieldwork_start, &c->published, &c->lead_inspector, &c->inspectorate};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        *fields[i] = *fields[i] ? pdurep_xstrdup(*fields[i]) : NULL;
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
