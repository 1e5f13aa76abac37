/*
 * Import of an inspection bundle: inspection.csv, judgements.csv, cases.csv.
 *
 * Everything happens in one transaction. Problems are collected rather than
 * stopping at the first, so an analyst sees every mistake in a file at once;
 * if there is any problem, the transaction is rolled back and the database is
 * byte for byte what it was.
 */
#include "pdurep/inspection.h"
#include "pdurep/narrative.h"
#include "csvfile.h"
#include "db_internal.h"
#include "util.h"
#include "inspection_internal.h"
#include "provenance_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_FRAMEWORK "probation-pdu-2023"

typedef struct import_ctx {
    pdurep_db *db;
    const char *dir;
    pdurep_diag *diag;
    pdurep_framework *fw;
    pdurep_inspection insp;
    char *inspection_name; /* "DIR/inspection.csv" for messages */
    pdurep_error failure;  /* first failure that is not bad data (database, I/O, memory) */
} import_ctx;

/*
 * A database failure is not bad data: keep its own error, so the caller (and
 * the exit status) can tell a full disk from a misspelt answer.
 */
static pdurep_error db_failed(import_ctx *c)
{
    pdurep_error err = pdurep_db_fail(c->db, c->diag);
    if (!c->failure)
        c->failure = err;
    return err;
}

static char *bundle_file(const char *dir, const char *file) { return pdurep_path_join(dir, file); }

static int valid_id(const char *id)
{
    if (!*id || strlen(id) > 64)
        return 0;
    for (const char *p = id; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-'))
            return 0;
    return 1;
}

/* ---- inspection.csv ---- */

static pdurep_error read_inspection(import_ctx *c)
{
    static const pdurep_csv_column cols[] = {{"key", 1}, {"value", 1}};
    static const char *const keys[] = {"id", "kind", "name", "region", "framework",
                                       "fieldwork_start", "published", "lead_inspector",
                                       "caseload", "inspectorate", "published_cases",
                                       "published_community", "published_licence"};
    enum { K_ID, K_KIND, K_NAME, K_REGION, K_FRAMEWORK, K_FIELDWORK, K_PUBLISHED, K_LEAD,
           K_CASELOAD, K_INSPECTORATE, K_PUB_CASES, K_PUB_COMMUNITY, K_PUB_LICENCE, K_COUNT };
    char *path = bundle_file(c->dir, "inspection.csv");
    c->inspection_name = pdurep_xstrdup(path);
    pdurep_csv_table t;
    pdurep_error err = pdurep_csv_slurp(path, c->inspection_name, cols, 2, &t, c->diag);
    free(path);
    if (err)
        return err;

    const char *val[K_COUNT] = {0};
    unsigned long line[K_COUNT] = {0};
    for (size_t r = 0; r < t.n_rows; r++) {
        const char *k = pdurep_csv_cell(&t, r, 0);
        size_t i = 0;
        while (i < K_COUNT && strcmp(k, keys[i]))
            i++;
        if (i == K_COUNT)
            pdurep_diag_add(c->diag, c->inspection_name, t.lines[r], t.col_index[0],
                            "unknown key \"%s\"", k);
        else if (val[i])
            pdurep_diag_add(c->diag, c->inspection_name, t.lines[r], t.col_index[0],
                            "key \"%s\" appears twice (first on line %lu)", k, line[i]);
        else {
            val[i] = pdurep_csv_cell(&t, r, 1);
            line[i] = t.lines[r];
        }
    }
    const char *name = c->inspection_name;
    long vcol = t.col_index[1];
    if (!val[K_ID])
        pdurep_diag_add(c->diag, name, 0, 0, "key \"id\" is required");
    else if (!valid_id(val[K_ID]))
        pdurep_diag_add(c->diag, name, line[K_ID], vcol,
                        "id \"%s\" must be 1 to 64 of a-z, 0-9 and '-'", val[K_ID]);
    if (val[K_KIND] && strcmp(val[K_KIND], "pdu") && strcmp(val[K_KIND], "region"))
        pdurep_diag_add(c->diag, name, line[K_KIND], vcol, "kind \"%s\" is not pdu or region",
                        val[K_KIND]);
    /* Published region totals are checked, not trusted: a mismatch is worth a warning only,
     * because published reports have printed totals that do not add up. */
    long pub[3];
    int have_pub = 1;
    for (int i = 0; i < 3; i++) {
        const char *v = val[K_PUB_CASES + i];
        if (!v || !*v) {
            have_pub = 0;
        } else if (pdurep_parse_long(v, &pub[i]) || pub[i] < 0) {
            pdurep_diag_add(c->diag, name, line[K_PUB_CASES + i], vcol,
                            "%s \"%s\" is not a whole number", keys[K_PUB_CASES + i], v);
            have_pub = 0;
        }
    }
    if (have_pub && pub[1] + pub[2] != pub[0])
        pdurep_diag_warn(c->diag, name, line[K_PUB_CASES], vcol,
                         "published totals do not add up: %ld community + %ld licence = %ld, "
                         "not %ld", pub[1], pub[2], pub[1] + pub[2], pub[0]);
    if (!val[K_NAME] || !*val[K_NAME])
        pdurep_diag_add(c->diag, name, line[K_NAME], val[K_NAME] ? vcol : 0,
                        "key \"name\" is required");
    if (!val[K_FIELDWORK])
        pdurep_diag_add(c->diag, name, 0, 0, "key \"fieldwork_start\" is required");
    else if (!pdurep_valid_date(val[K_FIELDWORK]))
        pdurep_diag_add(c->diag, name, line[K_FIELDWORK], vcol,
                        "fieldwork_start \"%s\" is not a date written YYYY-MM-DD",
                        val[K_FIELDWORK]);
    if (val[K_PUBLISHED] && *val[K_PUBLISHED] && !pdurep_valid_date(val[K_PUBLISHED]))
        pdurep_diag_add(c->diag, name, line[K_PUBLISHED], vcol,
                        "published \"%s\" is not a date written YYYY-MM-DD", val[K_PUBLISHED]);
    long caseload = -1;
    if (val[K_CASELOAD] && *val[K_CASELOAD] &&
        (pdurep_parse_long(val[K_CASELOAD], &caseload) || caseload < 0))
        pdurep_diag_add(c->diag, name, line[K_CASELOAD], vcol,
                        "caseload \"%s\" is not a whole number", val[K_CASELOAD]);

    pdurep_inspection *in = &c->insp;
    in->id = pdurep_xstrdup(val[K_ID]);
    in->kind = pdurep_xstrdup(val[K_KIND] && *val[K_KIND] ? val[K_KIND] : "pdu");
    in->name = pdurep_nfc(val[K_NAME]);
    in->region = pdurep_nfc(val[K_REGION]);
    in->framework = pdurep_xstrdup(val[K_FRAMEWORK] && *val[K_FRAMEWORK] ? val[K_FRAMEWORK]
                                                                          : DEFAULT_FRAMEWORK);
    in->fieldwork_start = pdurep_xstrdup(val[K_FIELDWORK]);
    in->published = pdurep_xstrdup(val[K_PUBLISHED]);
    in->lead_inspector = pdurep_nfc(val[K_LEAD]);
    in->inspectorate = pdurep_nfc(val[K_INSPECTORATE]);
    in->caseload = caseload;

    /* The framework is data shipped in frameworks/CODE; a code is also a folder name. */
    if (!valid_id(in->framework)) {
        pdurep_diag_add(c->diag, name, line[K_FRAMEWORK], vcol, "unknown framework \"%s\"",
                        in->framework);
    } else {
        char *fwdir = pdurep_xasprintf("%s/frameworks/%s", pdurep_data_dir(), in->framework);
        struct stat sb;
        if (stat(fwdir, &sb) != 0)
            pdurep_diag_add(c->diag, name, line[K_FRAMEWORK], line[K_FRAMEWORK] ? vcol : 0,
                            "unknown framework \"%s\" (no folder %s)", in->framework, fwdir);
        else if (pdurep_framework_read_dir(fwdir, &c->fw, c->diag) == PDUREP_OK &&
                 strcmp(c->fw->kind, in->kind))
            pdurep_diag_add(c->diag, name, line[K_FRAMEWORK] ? line[K_FRAMEWORK] : line[K_KIND],
                            vcol, "framework %s is for %s inspections, but kind is %s",
                            in->framework, c->fw->kind, in->kind);
        free(fwdir);
    }
    pdurep_csv_table_free(&t);
    return PDUREP_OK;
}

/* ---- judgements.csv ---- */

static void read_judgements(import_ctx *c, sqlite3_stmt *ins)
{
    static const pdurep_csv_column cols[] = {{"standard", 1}, {"rating", 1}, {"rationale", 1}};
    char *path = bundle_file(c->dir, "judgements.csv");
    pdurep_csv_table t;
    const pdurep_framework *fw = c->fw;
    pdurep_error err = pdurep_csv_slurp(path, path, cols, 3, &t, c->diag);
    if (err) {
        if (err != PDUREP_ERROR_DATA && !c->failure)
            c->failure = err;
        free(path);
        return;
    }
    unsigned long *seen = pdurep_xcalloc(fw->n_standards, sizeof *seen);
    for (size_t r = 0; r < t.n_rows; r++) {
        unsigned long line = t.lines[r];
        const char *code = pdurep_csv_cell(&t, r, 0);
        const char *rating_text = pdurep_csv_cell(&t, r, 1);
        const char *rationale = pdurep_csv_cell(&t, r, 2);
        long si = pdurep_framework_standard_index(fw, code);
        pdurep_rating rating = pdurep_rating_parse(rating_text);
        if (si < 0) {
            pdurep_diag_add(c->diag, path, line, t.col_index[0],
                            "unknown standard \"%s\" for framework %s", code, fw->code);
            continue;
        }
        if (seen[si]) {
            pdurep_diag_add(c->diag, path, line, t.col_index[0],
                            "standard %s is judged twice (first on line %lu)", code, seen[si]);
            continue;
        }
        seen[si] = line;
        if (rating == PDUREP_RATING_NONE)
            pdurep_diag_add(c->diag, path, line, t.col_index[1],
                            "rating \"%s\" is not Outstanding, Good, Requires improvement or "
                            "Inadequate", rating_text);
        if (fw->standards[si].rated_by == PDUREP_RATED_BY_CASES && !*rationale)
            pdurep_diag_add(c->diag, path, line, t.col_index[2],
                            "standard %s is rated from cases: a panel override needs a "
                            "rationale", code);
        if (rating == PDUREP_RATING_NONE)
            continue;
        /* Nothing of the previous row may survive into this one. */
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        sqlite3_bind_text(ins, 1, c->insp.id, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, fw->standards[si].code, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, pdurep_rating_name(rating), -1, SQLITE_STATIC);
        char *nfc = pdurep_nfc(rationale);
        sqlite3_bind_text(ins, 4, nfc, -1, SQLITE_TRANSIENT);
        free(nfc);
        if (sqlite3_step(ins) != SQLITE_DONE && db_failed(c))
            break;
    }
    for (size_t i = 0; i < fw->n_standards; i++)
        if (fw->standards[i].rated_by == PDUREP_RATED_BY_JUDGEMENT && !seen[i])
            pdurep_diag_add(c->diag, path, 0, 0, "no judgement for %s %s (it is not rated "
                            "from cases)", fw->standards[i].code, fw->standards[i].name);
    free(seen);
    pdurep_csv_table_free(&t);
    free(path);
}

/* ---- cases.csv ---- */

enum { ANSWER_NA = '-', ANSWER_YES = 'Y', ANSWER_NO = 'N' };

typedef struct cases_ctx {
    import_ctx *c;
    char *name;
    sqlite3_stmt *ins;
    int header_ok;
    size_t n_cols;
    long case_col;        /* CSV column of case_id */
    long *attr_col;       /* CSV column of each framework attribute */
    long *question_col;   /* for each CSV column: framework question index, or -1 */
    size_t n_answers;     /* question columns, in CSV order */
    char *answers;        /* one row's answers, n_answers + 1 */
    char *answer_codes;   /* comma-joined codes in that order */
    char *attributes;     /* one row's attribute values, tab-separated in framework order */
    size_t attributes_cap;
    unsigned long n_cases;
} cases_ctx;

static int cases_header(cases_ctx *k, const pdurep_csv_row *row)
{
    const pdurep_framework *fw = k->c->fw;
    int ok = 1;
    k->n_cols = row->n;
    k->question_col = pdurep_xmalloc(row->n * sizeof *k->question_col);
    k->attr_col = pdurep_xcalloc(fw->n_attributes, sizeof *k->attr_col);
    k->case_col = 0;
    size_t codes_len = 0;
    for (size_t i = 0; i < row->n; i++)
        codes_len += row->lengths[i] + 1;
    k->answer_codes = pdurep_xcalloc(codes_len + 1, 1);
    long *seen_q = pdurep_xcalloc(fw->n_questions, sizeof *seen_q);

    for (size_t i = 0; i < row->n; i++) {
        const char *h = row->fields[i];
        long col = (long)i + 1;
        k->question_col[i] = -1;
        long ai = pdurep_framework_attribute_index(fw, h);
        long qi = pdurep_framework_question_index(fw, h);
        long *slot = !strcmp(h, "case_id") ? &k->case_col : ai >= 0 ? &k->attr_col[ai]
                                                          : qi >= 0 ? &seen_q[qi] : NULL;
        if (!slot) {
            /* Refusing unknown columns keeps names and dates of birth out of the database. */
            pdurep_diag_add(k->c->diag, k->name, row->line, col,
                            "unknown column \"%s\" (neither a case attribute nor a question "
                            "of %s)", h, fw->code);
            ok = 0;
        } else if (*slot) {
            pdurep_diag_add(k->c->diag, k->name, row->line, col,
                            "column \"%s\" appears twice (first in column %ld)", h, *slot);
            ok = 0;
        } else {
            *slot = col;
            if (qi >= 0) {
                k->question_col[i] = qi;
                if (k->n_answers)
                    strcat(k->answer_codes, ",");
                strcat(k->answer_codes, h);
                k->n_answers++;
            }
        }
    }
    if (!k->case_col) {
        pdurep_diag_add(k->c->diag, k->name, row->line, 0, "missing column \"case_id\"");
        ok = 0;
    }
    for (size_t a = 0; a < fw->n_attributes; a++)
        if (!k->attr_col[a]) {
            pdurep_diag_add(k->c->diag, k->name, row->line, 0, "missing column \"%s\"",
                            fw->attributes[a].code);
            ok = 0;
        }
    for (size_t q = 0; q < fw->n_questions; q++) {
        const pdurep_question *qu = &fw->questions[q];
        if (!seen_q[q] && qu->parent < 0 &&
            fw->standards[qu->standard].rated_by == PDUREP_RATED_BY_CASES) {
            pdurep_diag_add(k->c->diag, k->name, row->line, 0,
                            "missing column for key question %s (standard %s is rated from "
                            "cases)", qu->code, fw->standards[qu->standard].code);
            ok = 0;
        }
    }
    free(seen_q);
    k->answers = pdurep_xcalloc(k->n_answers + 1, 1);
    k->header_ok = ok;
    return 0;
}

/* Y, N or NA, any case; Yes and No too. Returns 0 for anything else. */
static char parse_answer(const char *s)
{
    switch (strlen(s)) {
    case 1:
        if (*s == 'Y' || *s == 'y') return ANSWER_YES;
        if (*s == 'N' || *s == 'n') return ANSWER_NO;
        return 0;
    case 2:
        if (pdurep_strieq(s, "NA")) return ANSWER_NA;
        if (pdurep_strieq(s, "no")) return ANSWER_NO;
        return 0;
    case 3:
        return pdurep_strieq(s, "yes") ? ANSWER_YES : 0;
    default:
        return 0;
    }
}

static int cases_row(const pdurep_csv_row *row, void *user)
{
    cases_ctx *k = user;
    import_ctx *c = k->c;
    const pdurep_framework *fw = c->fw;
    if (row->index == 0)
        return cases_header(k, row);
    if (!k->header_ok)
        return 0;
    if (pdurep_diag_full(c->diag))
        return PDUREP_ERROR_DATA; /* enough to fix for one pass */
    if (row->n != k->n_cols) {
        pdurep_diag_add(c->diag, k->name, row->line, row->n < k->n_cols ? row->n + 1 : k->n_cols + 1,
                        "%zu fields, expected %zu as in the header", row->n, k->n_cols);
        return 0;
    }
    size_t before = pdurep_diag_total(c->diag);
    const char *case_id = row->fields[k->case_col - 1];
    if (!*case_id || row->lengths[k->case_col - 1] > 64)
        pdurep_diag_add(c->diag, k->name, row->line, k->case_col,
                        "case_id must be 1 to 64 characters");

    sqlite3_stmt *ins = k->ins;
    /* Bindings outlive sqlite3_reset(): clear them, so no value of the previous case can
     * be stored with this one. */
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    sqlite3_bind_text(ins, 1, c->insp.id, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, case_id, -1, SQLITE_TRANSIENT);
    size_t attr_len = 0;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        const char *v = row->fields[k->attr_col[a] - 1];
        size_t vi = 0;
        while (vi < at->n_values && !pdurep_strieq(v, at->values[vi]))
            vi++;
        if (vi == at->n_values) {
            char allowed[512] = "";
            for (size_t j = 0; j < at->n_values; j++) {
                size_t l = strlen(allowed);
                snprintf(allowed + l, sizeof allowed - l, "%s%s", j ? ", " : "", at->values[j]);
            }
            pdurep_diag_add(c->diag, k->name, row->line, k->attr_col[a],
                            "%s \"%s\" is not one of: %s", at->code, v, allowed);
        } else {
            /* Stored in the framework's spelling so breakdowns group exactly. */
            size_t vl = strlen(at->values[vi]);
            if (attr_len + vl + 2 > k->attributes_cap) {
                k->attributes_cap = 2 * (attr_len + vl + 2);
                k->attributes = pdurep_xrealloc(k->attributes, k->attributes_cap);
            }
            if (a)
                k->attributes[attr_len++] = PDUREP_ATTRIBUTE_SEPARATOR;
            memcpy(k->attributes + attr_len, at->values[vi], vl);
            attr_len += vl;
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < row->n; i++) {
        long qi = k->question_col[i];
        if (qi < 0)
            continue;
        const pdurep_question *q = &fw->questions[qi];
        const char *v = row->fields[i];
        char ans = *v ? parse_answer(v) : (q->parent >= 0 ? ANSWER_NA : 0);
        if (!ans) {
            if (*v)
                pdurep_diag_add(c->diag, k->name, row->line, i + 1,
                                "answer \"%s\" for %s is not Y, N or NA", v, q->code);
            else
                pdurep_diag_add(c->diag, k->name, row->line, i + 1,
                                "no answer for key question %s (write NA if it does not apply)",
                                q->code);
            ans = ANSWER_NA;
        }
        k->answers[n++] = ans;
    }
    if (pdurep_diag_total(c->diag) > before)
        return 0;
    sqlite3_bind_text(ins, 3, k->attributes ? k->attributes : "", (int)attr_len, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, k->answers, (int)n, SQLITE_STATIC);
    int rc = sqlite3_step(ins);
    /* Only the key says "twice": any other refusal (a trigger, a full disk) is the database's. */
    if (rc == SQLITE_CONSTRAINT &&
        sqlite3_extended_errcode(c->db->sql) == SQLITE_CONSTRAINT_PRIMARYKEY)
        pdurep_diag_add(c->diag, k->name, row->line, k->case_col,
                        "case_id \"%s\" appears more than once", case_id);
    else if (rc != SQLITE_DONE)
        return db_failed(c);
    else
        k->n_cases++;
    return 0;
}

static void read_cases(import_ctx *c)
{
    const pdurep_framework *fw = c->fw;
    cases_ctx k = {.c = c, .name = bundle_file(c->dir, "cases.csv")};
    sqlite3 *s = c->db->sql;

    /* The framework's attributes are the columns: which ones, and their order, are data. */
    if (sqlite3_prepare_v2(s, "INSERT INTO inspection_case(inspection, case_id, attributes, "
                              "answers) VALUES (?1, ?2, ?3, ?4)", -1, &k.ins, NULL)) {
        db_failed(c);
        free(k.name);
        return;
    }
    pdurep_error err = pdurep_csv_read(k.name, k.name, cases_row, &k, c->diag);
    sqlite3_finalize(k.ins);
    if (err && err != PDUREP_ERROR_DATA && !c->failure)
        c->failure = err;
    if (!err && k.n_cases == 0 && pdurep_diag_total(c->diag) == 0)
        pdurep_diag_add(c->diag, k.name, 0, 0, "no cases (one row per inspected case is needed)");
    if (k.header_ok) {
        sqlite3_stmt *up;
        char *attribute_codes = pdurep_attribute_codes(fw);
        if (sqlite3_prepare_v2(s, "UPDATE inspection SET answer_codes = ?2, attribute_codes = ?3 "
                                  "WHERE id = ?1", -1, &up, NULL) == SQLITE_OK) {
            sqlite3_bind_text(up, 1, c->insp.id, -1, SQLITE_STATIC);
            sqlite3_bind_text(up, 2, k.answer_codes, -1, SQLITE_STATIC);
            sqlite3_bind_text(up, 3, attribute_codes, -1, SQLITE_STATIC);
            if (sqlite3_step(up) != SQLITE_DONE)
                db_failed(c);
            sqlite3_finalize(up);
        } else {
            db_failed(c);
        }
        free(attribute_codes);
    }
    free(k.name);
    free(k.attr_col);
    free(k.question_col);
    free(k.answers);
    free(k.answer_codes);
    free(k.attributes);
}

/* ---- pdus.csv: the PDU inspections a region pools ---- */

static void read_pdus(import_ctx *c)
{
    static const pdurep_csv_column cols[] = {{"inspection", 1}};
    char *path = bundle_file(c->dir, "pdus.csv");
    pdurep_csv_table t;
    pdurep_error err = pdurep_csv_slurp(path, path, cols, 1, &t, c->diag);
    if (err) {
        if (err != PDUREP_ERROR_DATA && !c->failure)
            c->failure = err;
        free(path);
        return;
    }
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(c->db->sql, "INSERT INTO region_pdu(region, position, pdu) "
                                       "VALUES (?1, ?2, ?3)", -1, &ins, NULL) != SQLITE_OK) {
        db_failed(c);
        pdurep_csv_table_free(&t);
        free(path);
        return;
    }
    for (size_t r = 0; r < t.n_rows; r++) {
        const char *id = pdurep_csv_cell(&t, r, 0);
        if (!valid_id(id)) {
            pdurep_diag_add(c->diag, path, t.lines[r], t.col_index[0], "\"%s\" is not an "
                            "inspection id (1 to 64 of a-z, 0-9 and '-')", id);
            continue;
        }
        if (!strcmp(id, c->insp.id)) {
            pdurep_diag_add(c->diag, path, t.lines[r], t.col_index[0], "a region cannot list "
                            "itself as one of its PDUs");
            continue;
        }
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        sqlite3_bind_text(ins, 1, c->insp.id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 2, (sqlite3_int64)r);
        sqlite3_bind_text(ins, 3, id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(ins);
        if (rc == SQLITE_CONSTRAINT &&
            sqlite3_extended_errcode(c->db->sql) == SQLITE_CONSTRAINT_PRIMARYKEY)
            pdurep_diag_add(c->diag, path, t.lines[r], t.col_index[0], "PDU inspection %s is "
                            "listed twice", id);
        else if (rc != SQLITE_DONE && db_failed(c))
            break;
    }
    sqlite3_finalize(ins);
    if (t.n_rows == 0)
        pdurep_diag_add(c->diag, path, 0, 0, "no PDU inspection listed (one row per PDU "
                        "inspection the region pools)");
    pdurep_csv_table_free(&t);
    free(path);
}

/* ---- the whole bundle ---- */

static int exists(pdurep_db *db, const char *id)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM inspection WHERE id = ?1", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    return found;
}

static void insert_inspection(import_ctx *c)
{
    const pdurep_inspection *in = &c->insp;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db->sql,
                           "INSERT INTO inspection(id, kind, name, region, framework, "
                           "fieldwork_start, published, lead_inspector, inspectorate, caseload) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           -1, &st, NULL) != SQLITE_OK) {
        db_failed(c);
        return;
    }
    const char *text[] = {in->id, in->kind, in->name, in->region, in->framework,
                          in->fieldwork_start, in->published, in->lead_inspector,
                          in->inspectorate};
    for (int i = 0; i < 9; i++)
        sqlite3_bind_text(st, i + 1, text[i], -1, SQLITE_STATIC);
    if (in->caseload >= 0)
        sqlite3_bind_int64(st, 10, in->caseload);
    if (sqlite3_step(st) != SQLITE_DONE)
        db_failed(c);
    sqlite3_finalize(st);
}

static void delete_inspection(import_ctx *c)
{
    sqlite3_stmt *del;
    if (sqlite3_prepare_v2(c->db->sql, "DELETE FROM inspection WHERE id = ?1", -1, &del,
                           NULL) != SQLITE_OK) {
        db_failed(c);
        return;
    }
    sqlite3_bind_text(del, 1, c->insp.id, -1, SQLITE_STATIC);
    if (sqlite3_step(del) != SQLITE_DONE)
        db_failed(c);
    sqlite3_finalize(del);
}

static pdurep_error import(pdurep_db *db, const char *dir, int flags, char **id_out,
                           pdurep_diag *diag);

pdurep_error pdurep_import(pdurep_db *db, const char *dir, int flags, char **id_out,
                           pdurep_diag *diag)
{
    if (id_out)
        *id_out = NULL;
    /* Failure is decided by counting problems, so count them even for a caller who
     * does not want to read them. */
    pdurep_diag *own;
    if (!(diag = pdurep_diag_ensure(diag, &own)))
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = import(db, dir, flags, id_out, diag);
    pdurep_diag_free(own);
    return err;
}

static pdurep_error import(pdurep_db *db, const char *dir, int flags, char **id_out,
                           pdurep_diag *diag)
{
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        pdurep_diag_add(diag, dir, 0, 0, "no such bundle folder");
        return PDUREP_ERROR_NO_INPUT;
    }
    static const char *const required[] = {"inspection.csv", "judgements.csv"};
    int missing = 0;
    for (size_t i = 0; i < 2; i++) {
        char *p = bundle_file(dir, required[i]);
        if (stat(p, &sb) != 0) {
            pdurep_diag_add(diag, p, 0, 0, "missing file (a bundle needs inspection.csv, "
                            "judgements.csv and, for a PDU, cases.csv)");
            missing = 1;
        }
        free(p);
    }
    if (missing)
        return PDUREP_ERROR_NO_INPUT;

    import_ctx c = {.db = db, .dir = dir, .diag = diag};
    pdurep_bundle *bundle = NULL;
    size_t before = pdurep_diag_total(diag);
    pdurep_error err = read_inspection(&c);
    if (!err && (pdurep_diag_total(diag) > before || !c.fw))
        err = PDUREP_ERROR_DATA;
    if (err)
        goto out;
    int is_pdu = !strcmp(c.insp.kind, "pdu");
    static const char *const own_file[] = {"cases.csv", "pdus.csv"};
    char *own_path = bundle_file(dir, own_file[!is_pdu]);
    char *other_path = bundle_file(dir, own_file[is_pdu]);
    if (stat(own_path, &sb) != 0) {
        pdurep_diag_add(diag, own_path, 0, 0, "%s", is_pdu
                        ? "missing file (a PDU bundle needs one row per inspected case)"
                        : "missing file (a region bundle lists the PDU inspections it pools, "
                          "one id per row under the header inspection)");
        err = PDUREP_ERROR_NO_INPUT;
    } else if (stat(other_path, &sb) == 0) {
        /* Region standards are pooled from the PDUs' cases; own samples are not modelled yet. */
        pdurep_diag_add(diag, other_path, 0, 0, "%s", is_pdu
                        ? "a PDU bundle takes no pdus.csv: only a region lists PDU inspections"
                        : "a region bundle takes no cases.csv: its case-rated standards pool "
                          "the cases of the PDU inspections listed in pdus.csv");
        err = PDUREP_ERROR_DATA;
    }
    free(own_path);
    free(other_path);
    if (!err)
        err = pdurep_bundle_read(dir, &bundle, diag);
    if (err)
        goto out;

    if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        err = pdurep_db_fail(db, diag);
        goto out;
    }
    int replacing = exists(db, c.insp.id);
    if (replacing) {
        if (!(flags & PDUREP_IMPORT_REPLACE)) {
            pdurep_diag_add(diag, c.inspection_name, 0, 0, "inspection \"%s\" is already in "
                            "the database (use --replace to swap it)", c.insp.id);
            err = PDUREP_ERROR_EXISTS;
            goto rollback;
        }
        delete_inspection(&c);
    }
    if (!c.failure && (err = pdurep_db_store_framework(db, c.fw, diag)) != PDUREP_OK)
        c.failure = err;
    if (!c.failure)
        insert_inspection(&c);
    if (!c.failure && pdurep_diag_total(diag) == before) {
        sqlite3_stmt *ins;
        if (sqlite3_prepare_v2(db->sql, "INSERT INTO judgement(inspection, standard, rating, "
                                        "rationale) VALUES (?1, ?2, ?3, ?4)", -1, &ins,
                               NULL) == SQLITE_OK) {
            read_judgements(&c, ins);
            sqlite3_finalize(ins);
        } else {
            db_failed(&c);
        }
        if (!c.failure)
            is_pdu ? read_cases(&c) : read_pdus(&c);
    }
    if (!c.failure && pdurep_diag_total(diag) == before &&
        (err = pdurep_narrative_import(db, c.fw, c.insp.id, dir, diag)) != PDUREP_OK &&
        err != PDUREP_ERROR_DATA)
        c.failure = err;
    if (!c.failure && pdurep_diag_total(diag) == before &&
        (err = pdurep_bundle_store(db, c.insp.id, bundle, replacing ? "replace" : "import",
                                   diag)) != PDUREP_OK)
        c.failure = err;
    if (c.failure) {
        err = c.failure;
        goto rollback;
    }
    if (pdurep_diag_total(diag) > before) {
        err = PDUREP_ERROR_DATA;
        goto rollback;
    }
    if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        err = pdurep_db_fail(db, diag);
        goto rollback;
    }
    err = PDUREP_OK;
    if (id_out)
        *id_out = pdurep_xstrdup(c.insp.id);
    goto out;

rollback:
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
out:
    pdurep_bundle_free(bundle);
    pdurep_framework_free(c.fw);
    pdurep_inspection_clear(&c.insp);
    free(c.inspection_name);
    return err;
}
