/*
 * Frameworks in the database. Import stores the framework an inspection uses,
 * so a database keeps rating the same way even if the files later change.
 */
#include "pdurep/db.h"
#include "db_internal.h"
#include "framework_internal.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Run one statement with arguments bound by a format: s text, i int, d double, n NULL.
 * -1 when a step failed, its error left on the connection for pdurep_db_fail(). */
static int exec_bind(sqlite3 *db, const char *sql, const char *fmt, ...)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    int rc = SQLITE_OK;
    for (int i = 0; fmt[i] && rc == SQLITE_OK; i++) {
        switch (fmt[i]) {
        case 's': rc = sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1, SQLITE_STATIC); break;
        case 'i': rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int)); break;
        case 'd': rc = sqlite3_bind_double(st, i + 1, va_arg(ap, double)); break;
        case 'n': (void)va_arg(ap, const char *); rc = sqlite3_bind_null(st, i + 1); break;
        }
    }
    va_end(ap);
    /* A failed bind leaves its error on the connection (finalizing a statement that never
     * ran keeps it), so pdurep_db_fail() reports it as it does a failed step. */
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

pdurep_error pdurep_db_store_framework(pdurep_db *db, const pdurep_framework *fw,
                                       pdurep_diag *diag)
{
    sqlite3 *s = db->sql;
    const char *c = fw->code;
    /* Replace the definition's rows; the framework row itself stays so inspections keep
     * their reference. */
    if (exec_bind(s, "INSERT INTO framework(code, name, kind, band_on_rounded, provisional) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET "
                     "name = ?2, kind = ?3, band_on_rounded = ?4, provisional = ?5",
                  "sssii", c, fw->name, fw->kind, fw->band_on_rounded, fw->provisional))
        return pdurep_db_fail(db, diag);
    static const char *const tables[] = {"framework_standard", "framework_question",
                                         "framework_band", "framework_points",
                                         "framework_overall", "framework_attribute"};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE framework = ?1", tables[i]);
        if (exec_bind(s, sql, "s", c))
            return pdurep_db_fail(db, diag);
    }
    for (size_t i = 0; i < fw->n_standards; i++) {
        const pdurep_standard *st = &fw->standards[i];
        if (exec_bind(s, "INSERT INTO framework_standard VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                      "sisssiss", c, (int)i, st->code, st->name, st->statement, st->domain,
                      st->domain_name,
                      st->rated_by == PDUREP_RATED_BY_CASES ? "cases" : "judgement"))
            return pdurep_db_fail(db, diag);
    }
    for (size_t i = 0; i < fw->n_questions; i++) {
        const pdurep_question *q = &fw->questions[i];
        const char *parent = q->parent >= 0 ? fw->questions[q->parent].code : NULL;
        /* Bind codes: framework, position, code, standard, parent, text, paraphrased,
         * pooled_from, filter_attribute, filter_value; unset ones bind as NULL. */
        char fmt[] = "sissssisss";
        if (!parent) fmt[4] = 'n';
        if (!q->pooled_from) fmt[7] = 'n';
        if (!q->filter_attribute) fmt[8] = fmt[9] = 'n';
        if (exec_bind(s, "INSERT INTO framework_question VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                         "?9, ?10)", fmt, c, (int)i, q->code, fw->standards[q->standard].code,
                      parent, q->text, q->paraphrased, q->pooled_from, q->filter_attribute,
                      q->filter_value))
            return pdurep_db_fail(db, diag);
    }
    for (size_t i = 0; i < fw->n_bands; i++)
        if (exec_bind(s, "INSERT INTO framework_band VALUES (?1, ?2, ?3, ?4)", "sdss", c,
                      fw->bands[i].min_percent, fw->bands[i].name,
                      pdurep_rating_name(fw->bands[i].rating)))
            return pdurep_db_fail(db, diag);
    for (int r = 0; r < PDUREP_RATING_COUNT; r++)
        if (exec_bind(s, "INSERT INTO framework_points VALUES (?1, ?2, ?3)", "ssi", c,
                      pdurep_rating_name((pdurep_rating)r), fw->points[r]))
            return pdurep_db_fail(db, diag);
    for (size_t i = 0; i < fw->n_overall; i++)
        if (exec_bind(s, "INSERT INTO framework_overall VALUES (?1, ?2, ?3, ?4)", "siis", c,
                      fw->overall[i].min_score, fw->overall[i].max_score,
                      pdurep_rating_name(fw->overall[i].rating)))
            return pdurep_db_fail(db, diag);
    int pos = 0;
    for (size_t i = 0; i < fw->n_attributes; i++) {
        const pdurep_attribute *a = &fw->attributes[i];
        for (size_t v = 0; v < a->n_values; v++)
            if (exec_bind(s, "INSERT INTO framework_attribute VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          "sissss", c, pos++, a->code, a->label, a->values[v], a->labels[v]))
                return pdurep_db_fail(db, diag);
    }
    return PDUREP_OK;
}

/* A column's text, "" for NULL. SQLite also gives NULL when it cannot allocate the text:
 * that sets *@p lost, and the load ends out of memory instead of with an empty name. */
static const char *col_text(sqlite3_stmt *st, int i, int *lost)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return "";
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        *lost = 1;
    return t ? (const char *)t : "";
}

pdurep_error pdurep_db_load_framework(pdurep_db *db, const char *code, pdurep_framework **out,
                                      pdurep_diag *diag)
{
    *out = NULL;
    sqlite3 *s = db->sql;
    sqlite3_stmt *st = NULL;
    pdurep_framework *fw = calloc(1, sizeof *fw);
    if (!fw)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = PDUREP_OK;
    int rc, lost = 0;
#define TEXT(i) col_text(st, i, &lost)

#define PREPARE(sql)                                                   \
    do {                                                               \
        sqlite3_finalize(st);                                          \
        if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK) { \
            err = pdurep_db_fail(db, diag);                            \
            goto done;                                                 \
        }                                                              \
        if (sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC)) {      \
            err = pdurep_db_fail(db, diag);                            \
            goto done;                                                 \
        }                                                              \
    } while (0)
/* A row's copies, or the end: out of memory and a failed step end the load alike. */
#define NEED(x)                                                        \
    do {                                                               \
        if (!(x)) {                                                    \
            err = PDUREP_ERROR_NO_MEMORY;                              \
            goto done;                                                 \
        }                                                              \
    } while (0)
#define ROWS_DONE()                                                    \
    do {                                                               \
        NEED(!lost);                                                   \
        if (rc != SQLITE_DONE) {                                       \
            err = pdurep_db_fail(db, diag);                            \
            goto done;                                                 \
        }                                                              \
    } while (0)

    PREPARE("SELECT name, kind, band_on_rounded, provisional FROM framework WHERE code = ?1");
    if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
        ROWS_DONE();
        pdurep_diag_add(diag, db->path, 0, 0, "no framework \"%s\" in the database", code);
        err = PDUREP_ERROR_NO_INPUT;
        goto done;
    }
    NEED(fw->code = strdup(code));
    NEED(fw->name = strdup(TEXT(0)));
    NEED(fw->kind = strdup(TEXT(1)));
    NEED(!lost);
    fw->band_on_rounded = sqlite3_column_int(st, 2);
    fw->provisional = sqlite3_column_int(st, 3);

    PREPARE("SELECT code, name, statement, domain, domain_name, rated_by "
            "FROM framework_standard WHERE framework = ?1 ORDER BY position");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_standard *sd;
        NEED(sd = pdurep_framework_add_standard(fw));
        sd->domain = sqlite3_column_int(st, 3);
        sd->rated_by = strcmp(TEXT(5), "cases") ? PDUREP_RATED_BY_JUDGEMENT
                                                        : PDUREP_RATED_BY_CASES;
        NEED(sd->code = strdup(TEXT(0)));
        NEED(sd->name = strdup(TEXT(1)));
        NEED(sd->statement = strdup(TEXT(2)));
        NEED(sd->domain_name = strdup(TEXT(4)));
    }
    ROWS_DONE();
    PREPARE("SELECT q.code, q.standard, p.position, q.text, q.paraphrased, q.pooled_from, "
            "q.filter_attribute, q.filter_value "
            "FROM framework_question q LEFT JOIN framework_question p "
            "ON p.framework = q.framework AND p.code = q.parent "
            "WHERE q.framework = ?1 ORDER BY q.position");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_question *q;
        NEED(q = pdurep_framework_add_question(fw));
        NEED(q->code = strdup(TEXT(0)));
        long si = pdurep_framework_standard_index(fw, TEXT(1));
        q->standard = si < 0 ? 0 : (size_t)si;
        q->parent = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
        q->paraphrased = sqlite3_column_int(st, 4);
        NEED(q->text = strdup(TEXT(3)));
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            NEED(q->pooled_from = strdup(TEXT(5)));
        if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
            NEED(q->filter_attribute = strdup(TEXT(6)));
            NEED(q->filter_value = strdup(TEXT(7)));
        }
    }
    ROWS_DONE();
    PREPARE("SELECT min_percent, name, rating FROM framework_band WHERE framework = ?1");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_band *grown;
        NEED(grown = realloc(fw->bands, (fw->n_bands + 1) * sizeof *grown));
        fw->bands = grown;
        pdurep_band *b = &fw->bands[fw->n_bands++];
        b->min_percent = sqlite3_column_double(st, 0);
        b->rating = pdurep_rating_parse(TEXT(2));
        NEED(b->name = strdup(TEXT(1)));
    }
    ROWS_DONE();
    PREPARE("SELECT rating, points FROM framework_points WHERE framework = ?1");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_rating r = pdurep_rating_parse(TEXT(0));
        if (r != PDUREP_RATING_NONE)
            fw->points[r] = sqlite3_column_int(st, 1);
    }
    ROWS_DONE();
    PREPARE("SELECT min_score, max_score, rating FROM framework_overall WHERE framework = ?1");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        pdurep_overall_band *grown;
        NEED(grown = realloc(fw->overall, (fw->n_overall + 1) * sizeof *grown));
        fw->overall = grown;
        pdurep_overall_band *o = &fw->overall[fw->n_overall++];
        o->min_score = sqlite3_column_int(st, 0);
        o->max_score = sqlite3_column_int(st, 1);
        o->rating = pdurep_rating_parse(TEXT(2));
    }
    ROWS_DONE();
    PREPARE("SELECT attribute, attribute_label, value, label FROM framework_attribute "
            "WHERE framework = ?1 ORDER BY position");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *attr = TEXT(0), *attr_label = TEXT(1), *value = TEXT(2), *label = TEXT(3);
        NEED(!lost);
        if ((err = pdurep_framework_add_attribute_value(fw, attr, attr_label, value, label)))
            goto done;
    }
    ROWS_DONE();
    err = pdurep_framework_finish(fw, db->path, diag);
#undef PREPARE
#undef NEED
#undef ROWS_DONE
#undef TEXT
done:
    sqlite3_finalize(st);
    if (err) {
        pdurep_framework_free(fw);
        return err;
    }
    *out = fw;
    return PDUREP_OK;
}
