/*
 * Frameworks in the database. Import stores the framework an inspection uses,
 * so a database keeps rating the same way even if the files later change.
 */
#include "pdurep/db.h"
#include "db_internal.h"
#include "framework_internal.h"
#include "util.h"

#include <stdarg.h>
#include <string.h>

/* Run one statement with arguments bound by a format: s text, i int, d double, n NULL. */
static int exec_bind(sqlite3 *db, const char *sql, const char *fmt, ...)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    for (int i = 0; fmt[i]; i++) {
        switch (fmt[i]) {
        case 's': sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1, SQLITE_STATIC); break;
        case 'i': sqlite3_bind_int(st, i + 1, va_arg(ap, int)); break;
        case 'd': sqlite3_bind_double(st, i + 1, va_arg(ap, double)); break;
        case 'n': (void)va_arg(ap, const char *); sqlite3_bind_null(st, i + 1); break;
        }
    }
    va_end(ap);
    int rc = sqlite3_step(st);
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

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

pdurep_error pdurep_db_load_framework(pdurep_db *db, const char *code, pdurep_framework **out,
                                      pdurep_diag *diag)
{
    *out = NULL;
    sqlite3 *s = db->sql;
    sqlite3_stmt *st = NULL;
    pdurep_framework *fw = pdurep_xcalloc(1, sizeof *fw);
    pdurep_error err = PDUREP_OK;

#define PREPARE(sql)                                                   \
    do {                                                               \
        sqlite3_finalize(st);                                          \
        if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK) { \
            err = pdurep_db_fail(db, diag);                            \
            goto done;                                                 \
        }                                                              \
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);             \
    } while (0)

    PREPARE("SELECT name, kind, band_on_rounded, provisional FROM framework WHERE code = ?1");
    if (sqlite3_step(st) != SQLITE_ROW) {
        pdurep_diag_add(diag, db->path, 0, 0, "no framework \"%s\" in the database", code);
        err = PDUREP_ERROR_NO_INPUT;
        goto done;
    }
    fw->code = pdurep_xstrdup(code);
    fw->name = pdurep_xstrdup(col_text(st, 0));
    fw->kind = pdurep_xstrdup(col_text(st, 1));
    fw->band_on_rounded = sqlite3_column_int(st, 2);
    fw->provisional = sqlite3_column_int(st, 3);

    PREPARE("SELECT code, name, statement, domain, domain_name, rated_by "
            "FROM framework_standard WHERE framework = ?1 ORDER BY position");
    while (sqlite3_step(st) == SQLITE_ROW) {
        pdurep_standard *sd = pdurep_framework_add_standard(fw);
        sd->code = pdurep_xstrdup(col_text(st, 0));
        sd->name = pdurep_xstrdup(col_text(st, 1));
        sd->statement = pdurep_xstrdup(col_text(st, 2));
        sd->domain = sqlite3_column_int(st, 3);
        sd->domain_name = pdurep_xstrdup(col_text(st, 4));
        sd->rated_by = strcmp(col_text(st, 5), "cases") ? PDUREP_RATED_BY_JUDGEMENT
                                                        : PDUREP_RATED_BY_CASES;
    }
    PREPARE("SELECT q.code, q.standard, p.position, q.text, q.paraphrased, q.pooled_from, "
            "q.filter_attribute, q.filter_value "
            "FROM framework_question q LEFT JOIN framework_question p "
            "ON p.framework = q.framework AND p.code = q.parent "
            "WHERE q.framework = ?1 ORDER BY q.position");
    while (sqlite3_step(st) == SQLITE_ROW) {
        pdurep_question *q = pdurep_framework_add_question(fw);
        q->code = pdurep_xstrdup(col_text(st, 0));
        long si = pdurep_framework_standard_index(fw, col_text(st, 1));
        q->standard = si < 0 ? 0 : (size_t)si;
        q->parent = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
        q->text = pdurep_xstrdup(col_text(st, 3));
        q->paraphrased = sqlite3_column_int(st, 4);
        if (sqlite3_column_type(st, 5) != SQLITE_NULL)
            q->pooled_from = pdurep_xstrdup(col_text(st, 5));
        if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
            q->filter_attribute = pdurep_xstrdup(col_text(st, 6));
            q->filter_value = pdurep_xstrdup(col_text(st, 7));
        }
    }
    PREPARE("SELECT min_percent, name, rating FROM framework_band WHERE framework = ?1");
    while (sqlite3_step(st) == SQLITE_ROW) {
        fw->bands = pdurep_xrealloc(fw->bands, (fw->n_bands + 1) * sizeof *fw->bands);
        pdurep_band *b = &fw->bands[fw->n_bands++];
        b->min_percent = sqlite3_column_double(st, 0);
        b->name = pdurep_xstrdup(col_text(st, 1));
        b->rating = pdurep_rating_parse(col_text(st, 2));
    }
    PREPARE("SELECT rating, points FROM framework_points WHERE framework = ?1");
    while (sqlite3_step(st) == SQLITE_ROW) {
        pdurep_rating r = pdurep_rating_parse(col_text(st, 0));
        if (r != PDUREP_RATING_NONE)
            fw->points[r] = sqlite3_column_int(st, 1);
    }
    PREPARE("SELECT min_score, max_score, rating FROM framework_overall WHERE framework = ?1");
    while (sqlite3_step(st) == SQLITE_ROW) {
        fw->overall = pdurep_xrealloc(fw->overall, (fw->n_overall + 1) * sizeof *fw->overall);
        pdurep_overall_band *o = &fw->overall[fw->n_overall++];
        o->min_score = sqlite3_column_int(st, 0);
        o->max_score = sqlite3_column_int(st, 1);
        o->rating = pdurep_rating_parse(col_text(st, 2));
    }
    PREPARE("SELECT attribute, attribute_label, value, label FROM framework_attribute "
            "WHERE framework = ?1 ORDER BY position");
    while (sqlite3_step(st) == SQLITE_ROW)
        pdurep_framework_add_attribute_value(fw, col_text(st, 0), col_text(st, 1),
                                             col_text(st, 2), col_text(st, 3));
    if (pdurep_framework_finish(fw, db->path, diag) != 0)
        err = PDUREP_ERROR_DATA;
#undef PREPARE
done:
    sqlite3_finalize(st);
    if (err) {
        pdurep_framework_free(fw);
        return err;
    }
    *out = fw;
    return PDUREP_OK;
}
