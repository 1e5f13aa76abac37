/*
 * Import of an inspection bundle: inspection, judgements and cases tables, from
 * a folder of CSV files or from the sheets of one XLSX workbook (rows.h reads
 * both the same way).
 *
 * Everything happens in one transaction. Problems are collected rather than
 * stopping at the first, and every table is checked even after another had
 * problems, so an analyst sees every mistake of a bundle in one run; if there
 * is any problem, the transaction is rolled back and the database is byte for
 * byte what it was.
 */
#include "pdurep/inspection.h"
#include "pdurep/narrative.h"
#include "pdurep/check.h"
#include "csvfile.h"
#include "rows.h"
#include "xlsxread.h"
#include "db_internal.h"
#include "util.h"
#include "utf8.h"
#include "inspection_internal.h"
#include "provenance_internal.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_FRAMEWORK "probation-pdu-2023"

typedef struct import_ctx {
    pdurep_db *db;
    pdurep_diag *diag;
    pdurep_framework *fw;
    pdurep_inspection insp;
    char *inspection_name; /* "DIR/inspection.csv" or "BOOK.xlsx:inspection" for messages */
    pdurep_error fatal;    /* a failure that is not bad data (memory, I/O, database), kept for
                              the exit status */
    pdurep_rows tables[4]; /* inspection, judgements, cases, pdus */
    int has_table[4];
    pdurep_xlsx *book;
    char *narrative_dir, *narrative_prefix;
    pdurep_import_norm norm;
} import_ctx;

enum { T_INSPECTION, T_JUDGEMENTS, T_CASES, T_PDUS, N_TABLES };
static const char *const table_names[] = {"inspection", "judgements", "cases", "pdus"};

/*
 * A database failure is not bad data: keep its own error, so the caller (and
 * the exit status) can tell a full disk from a misspelt answer.
 */
static pdurep_error db_failed(import_ctx *c)
{
    pdurep_error err = pdurep_db_fail(c->db, c->diag);
    if (!c->fatal)
        c->fatal = err;
    return err;
}

/* Whether a step failed on the database with the primary key, i.e. a value given twice. */
static int key_repeated(import_ctx *c, int rc)
{
    return rc == SQLITE_CONSTRAINT &&
           sqlite3_extended_errcode(c->db->sql) == SQLITE_CONSTRAINT_PRIMARYKEY;
}

/* A copy of @p s, "" for NULL; NULL only when memory ran out. */
static char *dup0(const char *s)
{
    return strdup(s ? s : "");
}

/* Bind a text that lives until the step (SQLITE_STATIC) or is copied (SQLITE_TRANSIENT);
 * a failure (out of memory, a wrong index) is recorded as the database's. */
static int bind_text(import_ctx *c, sqlite3_stmt *st, int i, const char *text, int n,
                     void (*lifetime)(void *))
{
    if (sqlite3_bind_text(st, i, text, n, lifetime) == SQLITE_OK)
        return 0;
    db_failed(c);
    return -1;
}

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
    const pdurep_rows *src = &c->tables[T_INSPECTION];
    pdurep_csv_table t;
    pdurep_error err = pdurep_rows_slurp(src, cols, 2, &t, c->diag);
    if (err)
        return err;

    const char *val[K_COUNT] = {0};
    unsigned long line[K_COUNT] = {0};
    for (size_t r = 0; r < t.n_rows; r++) {
        const char *k = pdurep_csv_cell(&t, r, 0);
        size_t i = 0;
        while (i < K_COUNT && !pdurep_strieq(k, keys[i]))
            i++;
        if (i < K_COUNT && strcmp(k, keys[i]))
            c->norm.letter_case++;
        if (i == K_COUNT) {
            const char *near = pdurep_nearest(k, keys, K_COUNT);
            pdurep_rows_problem(src, c->diag, t.lines[r], t.col_index[0],
                                "unknown key \"%s\"%s%s%s", k, near ? " (did you mean \"" : "",
                                near ? near : "", near ? "\"?)" : "");
        } else if (val[i])
            pdurep_rows_problem(src, c->diag, t.lines[r], t.col_index[0],
                                "key \"%s\" appears twice (first on %s %lu)", k,
                                src->book ? "row" : "line", line[i]);
        else {
            val[i] = pdurep_csv_cell(&t, r, 1);
            line[i] = t.lines[r];
        }
    }
    long vcol = t.col_index[1];
    if (!val[K_ID])
        pdurep_rows_problem(src, c->diag, 0, 0, "key \"id\" is required");
    else if (!valid_id(val[K_ID]))
        pdurep_rows_problem(src, c->diag, line[K_ID], vcol,
                        "id \"%s\" must be 1 to 64 of a-z, 0-9 and '-'", val[K_ID]);
    if (val[K_KIND] && strcmp(val[K_KIND], "pdu") && strcmp(val[K_KIND], "region"))
        pdurep_rows_problem(src, c->diag, line[K_KIND], vcol, "kind \"%s\" is not pdu or region",
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
            pdurep_rows_problem(src, c->diag, line[K_PUB_CASES + i], vcol,
                            "%s \"%s\" is not a whole number", keys[K_PUB_CASES + i], v);
            have_pub = 0;
        }
    }
    if (have_pub && pub[1] + pub[2] != pub[0])
        pdurep_rows_warn(src, c->diag, line[K_PUB_CASES], vcol,
                         "published totals do not add up: %ld community + %ld licence = %ld, "
                         "not %ld", pub[1], pub[2], pub[1] + pub[2], pub[0]);
    if (!val[K_NAME] || !*val[K_NAME])
        pdurep_rows_problem(src, c->diag, line[K_NAME], val[K_NAME] ? vcol : 0,
                        "key \"name\" is required");
    if (!val[K_FIELDWORK])
        pdurep_rows_problem(src, c->diag, 0, 0, "key \"fieldwork_start\" is required");
    else if (!pdurep_valid_date(val[K_FIELDWORK]))
        pdurep_rows_problem(src, c->diag, line[K_FIELDWORK], vcol,
                        "fieldwork_start \"%s\" is not a date written YYYY-MM-DD",
                        val[K_FIELDWORK]);
    if (val[K_PUBLISHED] && *val[K_PUBLISHED] && !pdurep_valid_date(val[K_PUBLISHED]))
        pdurep_rows_problem(src, c->diag, line[K_PUBLISHED], vcol,
                        "published \"%s\" is not a date written YYYY-MM-DD", val[K_PUBLISHED]);
    long caseload = -1;
    if (val[K_CASELOAD] && *val[K_CASELOAD] &&
        (pdurep_parse_long(val[K_CASELOAD], &caseload) || caseload < 0))
        pdurep_rows_problem(src, c->diag, line[K_CASELOAD], vcol,
                        "caseload \"%s\" is not a whole number", val[K_CASELOAD]);

    static const int names[] = {K_NAME, K_REGION, K_LEAD, K_INSPECTORATE};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (val[names[i]])
            pdurep_rows_lost_chars(src, c->diag, line[names[i]], vcol, keys[names[i]],
                                   val[names[i]]);

    pdurep_inspection *in = &c->insp;
    in->id = dup0(val[K_ID]);
    in->kind = dup0(val[K_KIND] && *val[K_KIND] ? val[K_KIND] : "pdu");
    in->name = pdurep_utf8_nfc(val[K_NAME]);
    in->region = pdurep_utf8_nfc(val[K_REGION]);
    in->framework = dup0(val[K_FRAMEWORK] && *val[K_FRAMEWORK] ? val[K_FRAMEWORK]
                                                                : DEFAULT_FRAMEWORK);
    in->fieldwork_start = dup0(val[K_FIELDWORK]);
    in->published = dup0(val[K_PUBLISHED]);
    in->lead_inspector = pdurep_utf8_nfc(val[K_LEAD]);
    in->inspectorate = pdurep_utf8_nfc(val[K_INSPECTORATE]);
    in->caseload = caseload;
    if (!in->id || !in->kind || !in->name || !in->region || !in->framework ||
        !in->fieldwork_start || !in->published || !in->lead_inspector || !in->inspectorate) {
        pdurep_csv_table_free(&t);
        return PDUREP_ERROR_NO_MEMORY;
    }

    /* The framework is data shipped in frameworks/CODE; a code is also a folder name. */
    if (!valid_id(in->framework)) {
        pdurep_rows_problem(src, c->diag, line[K_FRAMEWORK], vcol, "unknown framework \"%s\"",
                        in->framework);
    } else {
        char *fwdir = pdurep_asprintf("%s/frameworks/%s", pdurep_data_dir(), in->framework);
        struct stat sb;
        if (!fwdir) {
            pdurep_csv_table_free(&t);
            return PDUREP_ERROR_NO_MEMORY;
        }
        if (stat(fwdir, &sb) != 0) {
            pdurep_rows_problem(src, c->diag, line[K_FRAMEWORK], line[K_FRAMEWORK] ? vcol : 0,
                            "unknown framework \"%s\" (no folder %s)", in->framework, fwdir);
            /* Missing input, as a missing bundle file is: the data folder may be the wrong one. */
            c->fatal = PDUREP_ERROR_NO_INPUT;
        }
        else {
            pdurep_error fe = pdurep_framework_read_dir(fwdir, &c->fw, c->diag);
            if (fe == PDUREP_OK && strcmp(c->fw->kind, in->kind))
                pdurep_rows_problem(src, c->diag,
                                    line[K_FRAMEWORK] ? line[K_FRAMEWORK] : line[K_KIND], vcol,
                                    "framework %s is for %s inspections, but kind is %s",
                                    in->framework, c->fw->kind, in->kind);
            /* Running out of memory (or a read failing) while loading the framework is not
             * bad data in the bundle: keep its own status, not 65. */
            else if (fe != PDUREP_OK && fe != PDUREP_ERROR_DATA)
                c->fatal = fe;
        }
        free(fwdir);
    }
    pdurep_csv_table_free(&t);
    return PDUREP_OK;
}

/* ---- judgements.csv ---- */

static void read_judgements(import_ctx *c, sqlite3_stmt *ins)
{
    static const pdurep_csv_column cols[] = {{"standard", 1}, {"rating", 1}, {"rationale", 1}};
    const pdurep_rows *src = &c->tables[T_JUDGEMENTS];
    pdurep_csv_table t;
    const pdurep_framework *fw = c->fw;
    pdurep_error err = pdurep_rows_slurp(src, cols, 3, &t, c->diag);
    if (err) {
        if (err != PDUREP_ERROR_DATA && !c->fatal)
            c->fatal = err;
        return;
    }
    unsigned long *seen = calloc(fw->n_standards ? fw->n_standards : 1, sizeof *seen);
    if (!seen) {
        if (!c->fatal)
            c->fatal = PDUREP_ERROR_NO_MEMORY;
        pdurep_csv_table_free(&t);
        return;
    }
    for (size_t r = 0; r < t.n_rows; r++) {
        unsigned long line = t.lines[r];
        const char *code = pdurep_csv_cell(&t, r, 0);
        const char *rating_text = pdurep_csv_cell(&t, r, 1);
        const char *rationale = pdurep_csv_cell(&t, r, 2);
        long si = pdurep_framework_standard_index(fw, code);
        pdurep_rating rating = pdurep_rating_parse(rating_text);
        if (si < 0) {
            pdurep_rows_problem(src, c->diag, line, t.col_index[0],
                                "unknown standard \"%s\" for framework %s", code, fw->code);
            continue;
        }
        if (seen[si]) {
            pdurep_rows_problem(src, c->diag, line, t.col_index[0],
                                "standard %s is judged twice (first on %s %lu)", code,
                                src->book ? "row" : "line", seen[si]);
            continue;
        }
        seen[si] = line;
        if (rating == PDUREP_RATING_NONE) {
            static const char *const ratings[] = {"Outstanding", "Good", "Requires improvement",
                                                  "Inadequate"};
            const char *near = pdurep_nearest(rating_text, ratings, 4);
            pdurep_rows_problem(src, c->diag, line, t.col_index[1],
                                "rating \"%s\" is not Outstanding, Good, Requires improvement or "
                                "Inadequate%s%s%s", rating_text, near ? " (did you mean \"" : "",
                                near ? near : "", near ? "\"?)" : "");
        }
        if (fw->standards[si].rated_by == PDUREP_RATED_BY_CASES && !*rationale)
            pdurep_rows_problem(src, c->diag, line, t.col_index[2],
                                "standard %s is rated from cases: a panel override needs a "
                                "rationale", code);
        pdurep_rows_lost_chars(src, c->diag, line, t.col_index[2], "rationale", rationale);
        if (rating == PDUREP_RATING_NONE)
            continue;
        /* Nothing of the previous row may survive into this one. */
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        if (bind_text(c, ins, 1, c->insp.id, -1, SQLITE_STATIC) ||
            bind_text(c, ins, 2, fw->standards[si].code, -1, SQLITE_TRANSIENT) ||
            bind_text(c, ins, 3, pdurep_rating_name(rating), -1, SQLITE_STATIC))
            break;
        char *nfc = pdurep_utf8_nfc(rationale);
        if (!nfc) {
            if (!c->fatal)
                c->fatal = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        int bad = bind_text(c, ins, 4, nfc, -1, SQLITE_TRANSIENT);
        free(nfc);
        if (bad || (sqlite3_step(ins) != SQLITE_DONE && db_failed(c)))
            break;
    }
    for (size_t i = 0; i < fw->n_standards; i++)
        if (fw->standards[i].rated_by == PDUREP_RATED_BY_JUDGEMENT && !seen[i])
            pdurep_rows_problem(src, c->diag, 0, 0, "no judgement for %s %s (it is not rated "
                                "from cases)", fw->standards[i].code, fw->standards[i].name);
    free(seen);
    pdurep_csv_table_free(&t);
}

/* ---- cases.csv ---- */

enum { ANSWER_NA = '-', ANSWER_YES = 'Y', ANSWER_NO = 'N' };

typedef struct cases_ctx {
    import_ctx *c;
    const pdurep_rows *src;
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

/*
 * Which column a header names: case_id ("Case ID" as the annexe writes it), an attribute by
 * its code or its label, or a question code, in any letter case. Returns a slot kind.
 */
enum { COL_UNKNOWN, COL_CASE, COL_ATTRIBUTE, COL_QUESTION };
static int column_of(cases_ctx *k, const char *h, long *index)
{
    const pdurep_framework *fw = k->c->fw;
    pdurep_import_norm *norm = &k->c->norm;
    if (pdurep_strieq(h, "case_id") || pdurep_strieq(h, "case id")) {
        norm->letter_case += strcmp(h, "case_id") != 0;
        return COL_CASE;
    }
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        if (pdurep_strieq(h, at->code) || pdurep_strieq(h, at->label)) {
            if (!pdurep_strieq(h, at->code))
                norm->labels++;
            else
                norm->letter_case += strcmp(h, at->code) != 0;
            *index = (long)a;
            return COL_ATTRIBUTE;
        }
    }
    long qi = pdurep_framework_question_index(fw, h);
    if (qi < 0 && strlen(h) < 32) {
        char lower[32];
        size_t i = 0;
        for (; h[i]; i++)
            lower[i] = (char)tolower((unsigned char)h[i]);
        lower[i] = '\0';
        if ((qi = pdurep_framework_question_index(fw, lower)) >= 0)
            norm->letter_case++;
    }
    *index = qi;
    return qi >= 0 ? COL_QUESTION : COL_UNKNOWN;
}

static int cases_header(cases_ctx *k, const pdurep_csv_row *row)
{
    const pdurep_framework *fw = k->c->fw;
    int ok = 1;
    k->n_cols = row->n;
    k->case_col = 0;
    size_t codes_len = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        codes_len += strlen(fw->questions[q].code) + 1;
    /* Freed by read_cases() whatever happens here. */
    k->question_col = malloc((row->n ? row->n : 1) * sizeof *k->question_col);
    k->attr_col = calloc(fw->n_attributes ? fw->n_attributes : 1, sizeof *k->attr_col);
    k->answer_codes = calloc(codes_len + 1, 1);
    long *seen_q = calloc(fw->n_questions ? fw->n_questions : 1, sizeof *seen_q);
    const char **names = malloc((fw->n_attributes + 1) * sizeof *names);
    if (!k->question_col || !k->attr_col || !k->answer_codes || !seen_q || !names) {
        free(seen_q);
        free(names);
        return PDUREP_ERROR_NO_MEMORY;
    }

    for (size_t i = 0; i < row->n; i++) {
        const char *h = row->fields[i];
        long col = (long)i + 1;
        k->question_col[i] = -1;
        long index = -1;
        int kind = column_of(k, h, &index);
        long qi = kind == COL_QUESTION ? index : -1;
        long *slot = kind == COL_CASE ? &k->case_col : kind == COL_ATTRIBUTE ? &k->attr_col[index]
                     : kind == COL_QUESTION ? &seen_q[qi] : NULL;
        if (!slot) {
            /* Refusing unknown columns keeps names and dates of birth out of the database. */
            names[0] = "case_id";
            for (size_t a = 0; a < fw->n_attributes; a++)
                names[a + 1] = fw->attributes[a].code;
            const char *near = pdurep_nearest(h, names, fw->n_attributes + 1);
            pdurep_rows_problem(k->src, k->c->diag, row->line, col,
                                "unknown column \"%s\" (neither a case attribute nor a "
                                "question of %s)%s%s%s", h, fw->code,
                                near ? "; did you mean \"" : "", near ? near : "",
                                near ? "\"?" : "");
            ok = 0;
        } else if (*slot) {
            pdurep_rows_problem(k->src, k->c->diag, row->line, col,
                            "column \"%s\" appears twice (first in column %ld)", h, *slot);
            ok = 0;
        } else {
            *slot = col;
            if (qi >= 0) {
                k->question_col[i] = qi;
                if (k->n_answers)
                    strcat(k->answer_codes, ",");
                strcat(k->answer_codes, fw->questions[qi].code);
                k->n_answers++;
            }
        }
    }
    if (!k->case_col) {
        pdurep_rows_problem(k->src, k->c->diag, row->line, 0, "missing column \"case_id\"");
        ok = 0;
    }
    for (size_t a = 0; a < fw->n_attributes; a++)
        if (!k->attr_col[a]) {
            pdurep_rows_problem(k->src, k->c->diag, row->line, 0, "missing column \"%s\"",
                            fw->attributes[a].code);
            ok = 0;
        }
    for (size_t q = 0; q < fw->n_questions; q++) {
        const pdurep_question *qu = &fw->questions[q];
        if (!seen_q[q] && qu->parent < 0 &&
            fw->standards[qu->standard].rated_by == PDUREP_RATED_BY_CASES) {
            pdurep_rows_problem(k->src, k->c->diag, row->line, 0,
                            "missing column for key question %s (standard %s is rated from "
                            "cases)", qu->code, fw->standards[qu->standard].code);
            ok = 0;
        }
    }
    free(seen_q);
    free(names);
    if (!(k->answers = calloc(k->n_answers + 1, 1)))
        return PDUREP_ERROR_NO_MEMORY;
    k->header_ok = ok;
    return 0;
}

/* Y, N or NA, any case; Yes and No too; N/A as NA (counted). Returns 0 for anything else. */
static char parse_answer(const char *s, unsigned long *na_forms)
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
        if (pdurep_strieq(s, "n/a")) {
            (*na_forms)++;
            return ANSWER_NA;
        }
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
    /* After a header problem the values are still checked (a column the header lacks is
     * skipped), so a fixed header does not reveal a second round of problems; nothing is
     * stored then. */
    if (row->n != k->n_cols) {
        pdurep_rows_problem(k->src, c->diag, row->line, row->n < k->n_cols ? row->n + 1 : k->n_cols + 1,
                        "%zu fields, expected %zu as in the header", row->n, k->n_cols);
        return 0;
    }
    size_t before = pdurep_diag_total(c->diag);
    const char *case_id = k->case_col ? row->fields[k->case_col - 1] : "";
    if (k->case_col && (!*case_id || row->lengths[k->case_col - 1] > 64))
        pdurep_rows_problem(k->src, c->diag, row->line, k->case_col,
                            "case_id must be 1 to 64 characters");

    sqlite3_stmt *ins = k->ins;
    /* Bindings outlive sqlite3_reset(): clear them, so no value of the previous case can
     * be stored with this one. */
    sqlite3_reset(ins);
    sqlite3_clear_bindings(ins);
    if (bind_text(c, ins, 1, c->insp.id, -1, SQLITE_STATIC) ||
        bind_text(c, ins, 2, case_id, -1, SQLITE_TRANSIENT))
        return c->fatal;
    size_t attr_len = 0;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        if (!k->attr_col[a])
            continue;
        const char *v = row->fields[k->attr_col[a] - 1];
        size_t vi = 0;
        while (vi < at->n_values && !pdurep_strieq(v, at->values[vi]))
            vi++;
        if (vi == at->n_values) {
            /* The framework's own label ("Community order") means its code for certain. */
            for (vi = 0; vi < at->n_values && !pdurep_strieq(v, at->labels[vi]); vi++)
                ;
            if (vi < at->n_values)
                c->norm.labels++;
        }
        if (vi == at->n_values) {
            char allowed[512] = "";
            for (size_t j = 0; j < at->n_values; j++) {
                size_t l = strlen(allowed);
                snprintf(allowed + l, sizeof allowed - l, "%s%s", j ? ", " : "", at->values[j]);
            }
            const char *near = pdurep_nearest(v, (const char *const *)at->values, at->n_values);
            if (!near)
                near = pdurep_nearest(v, (const char *const *)at->labels, at->n_values);
            pdurep_rows_problem(k->src, c->diag, row->line, k->attr_col[a],
                                "%s \"%s\" is not one of: %s%s%s%s", at->code, v, allowed,
                                near ? " (did you mean \"" : "", near ? near : "",
                                near ? "\"?)" : "");
        } else {
            /* Stored in the framework's spelling so breakdowns group exactly. */
            size_t vl = strlen(at->values[vi]);
            if (attr_len + vl + 2 > k->attributes_cap) {
                char *grown = realloc(k->attributes, 2 * (attr_len + vl + 2));
                if (!grown)
                    return PDUREP_ERROR_NO_MEMORY;
                k->attributes = grown;
                k->attributes_cap = 2 * (attr_len + vl + 2);
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
        char ans = *v ? parse_answer(v, &c->norm.na_forms) : (q->parent >= 0 ? ANSWER_NA : 0);
        if (!ans) {
            if (*v)
                pdurep_rows_problem(k->src, c->diag, row->line, i + 1,
                                "answer \"%s\" for %s is not Y, N or NA", v, q->code);
            else
                pdurep_rows_problem(k->src, c->diag, row->line, i + 1,
                                "no answer for key question %s (write NA if it does not apply)",
                                q->code);
            ans = ANSWER_NA;
        }
        k->answers[n++] = ans;
    }
    if (pdurep_diag_total(c->diag) > before || !k->header_ok)
        return 0;
    if (bind_text(c, ins, 3, k->attributes ? k->attributes : "", (int)attr_len, SQLITE_STATIC) ||
        bind_text(c, ins, 4, k->answers, (int)n, SQLITE_STATIC))
        return c->fatal;
    int rc = sqlite3_step(ins);
    /* Only the key says "twice": any other refusal (a trigger, a full disk) is the database's. */
    if (key_repeated(c, rc))
        pdurep_rows_problem(k->src, c->diag, row->line, k->case_col,
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
    cases_ctx k = {.c = c, .src = &c->tables[T_CASES]};
    sqlite3 *s = c->db->sql;

    /* The framework's attributes are the columns: which ones, and their order, are data. */
    if (sqlite3_prepare_v2(s, "INSERT INTO inspection_case(inspection, case_id, attributes, "
                              "answers) VALUES (?1, ?2, ?3, ?4)", -1, &k.ins, NULL)) {
        db_failed(c);
        return;
    }
    pdurep_error err = pdurep_rows_read(k.src, cases_row, &k, c->diag);
    sqlite3_finalize(k.ins);
    /* Running out of memory or a read error is no end of file: the import must fail. */
    if (err && err != PDUREP_ERROR_DATA && !c->fatal)
        c->fatal = err;
    if (!err && k.n_cases == 0 && pdurep_diag_total(c->diag) == 0)
        pdurep_rows_problem(k.src, c->diag, 0, 0, "no cases (one row per inspected case is "
                            "needed)");
    if (k.header_ok && !c->fatal) {
        sqlite3_stmt *up;
        char *attribute_codes = pdurep_attribute_codes(fw);
        if (!attribute_codes) {
            c->fatal = PDUREP_ERROR_NO_MEMORY;
        } else if (sqlite3_prepare_v2(s, "UPDATE inspection SET answer_codes = ?2, "
                                         "attribute_codes = ?3 WHERE id = ?1", -1, &up,
                                      NULL) == SQLITE_OK) {
            if (!bind_text(c, up, 1, c->insp.id, -1, SQLITE_STATIC) &&
                !bind_text(c, up, 2, k.answer_codes, -1, SQLITE_STATIC) &&
                !bind_text(c, up, 3, attribute_codes, -1, SQLITE_STATIC) &&
                sqlite3_step(up) != SQLITE_DONE)
                db_failed(c);
            sqlite3_finalize(up);
        } else {
            db_failed(c);
        }
        free(attribute_codes);
    }
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
    const pdurep_rows *src = &c->tables[T_PDUS];
    pdurep_csv_table t;
    pdurep_error err = pdurep_rows_slurp(src, cols, 1, &t, c->diag);
    if (err) {
        if (err != PDUREP_ERROR_DATA && !c->fatal)
            c->fatal = err;
        return;
    }
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(c->db->sql, "INSERT INTO region_pdu(region, position, pdu) "
                                       "VALUES (?1, ?2, ?3)", -1, &ins, NULL) != SQLITE_OK) {
        db_failed(c);
        pdurep_csv_table_free(&t);
        return;
    }
    for (size_t r = 0; r < t.n_rows; r++) {
        const char *id = pdurep_csv_cell(&t, r, 0);
        if (!valid_id(id)) {
            pdurep_rows_problem(src, c->diag, t.lines[r], t.col_index[0], "\"%s\" is not an "
                                "inspection id (1 to 64 of a-z, 0-9 and '-')", id);
            continue;
        }
        if (!strcmp(id, c->insp.id)) {
            pdurep_rows_problem(src, c->diag, t.lines[r], t.col_index[0], "a region cannot "
                                "list itself as one of its PDUs");
            continue;
        }
        sqlite3_reset(ins);
        sqlite3_clear_bindings(ins);
        if (bind_text(c, ins, 1, c->insp.id, -1, SQLITE_STATIC) ||
            bind_text(c, ins, 3, id, -1, SQLITE_STATIC))
            break;
        if (sqlite3_bind_int64(ins, 2, (sqlite3_int64)r) != SQLITE_OK) {
            db_failed(c);
            break;
        }
        int rc = sqlite3_step(ins);
        if (key_repeated(c, rc))
            pdurep_rows_problem(src, c->diag, t.lines[r], t.col_index[0], "PDU inspection %s "
                                "is listed twice", id);
        else if (rc != SQLITE_DONE && db_failed(c))
            break;
    }
    sqlite3_finalize(ins);
    if (t.n_rows == 0)
        pdurep_rows_problem(src, c->diag, 0, 0, "no PDU inspection listed (one row per PDU "
                            "inspection the region pools)");
    pdurep_csv_table_free(&t);
}

/* ---- the whole bundle ---- */

/* Returns 0 when the inspection row is in (with placeholders for what was missing, so the
 * other tables can still be checked against it; the transaction is rolled back then). */
static int insert_inspection(import_ctx *c)
{
    const pdurep_inspection *in = &c->insp;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->db->sql,
                           "INSERT INTO inspection(id, kind, name, region, framework, "
                           "fieldwork_start, published, lead_inspector, inspectorate, caseload) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           -1, &st, NULL) != SQLITE_OK) {
        db_failed(c);
        return -1;
    }
    const char *text[] = {in->id, in->kind, in->name, in->region, in->framework,
                          in->fieldwork_start, in->published, in->lead_inspector,
                          in->inspectorate};
    int rc = 0;
    for (int i = 0; i < 9 && !rc; i++)
        rc = bind_text(c, st, i + 1, text[i] ? text[i] : "", -1, SQLITE_STATIC);
    if (!rc && in->caseload >= 0 && sqlite3_bind_int64(st, 10, in->caseload) != SQLITE_OK) {
        db_failed(c);
        rc = -1;
    }
    if (!rc && sqlite3_step(st) != SQLITE_DONE) {
        db_failed(c);
        rc = -1;
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- finding the tables ---- */

/* The entry of DIR that is FILE in any letter case (one in another case is counted) in
 * *@p out; NULL if none. Two such entries are refused with both names: neither is more
 * certainly the one meant. */
static pdurep_error find_file(const char *dir, const char *file, unsigned long *letter_case,
                              pdurep_diag *diag, char **out)
{
    char *found = NULL, *other = NULL;
    int oom = 0;
    *out = NULL;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && !oom && (e = readdir(d));) {
        if (!pdurep_strieq(e->d_name, file))
            continue;
        /* The first in byte order is read, so the outcome does not hang on readdir's order. */
        char *name = NULL;
        if (!found || strcmp(e->d_name, found) < 0) {
            oom = !(name = strdup(e->d_name));
            if (name) {
                free(other);
                other = found;
                found = name;
            }
        } else if (!other || strcmp(e->d_name, other) < 0) {
            oom = !(name = strdup(e->d_name));
            if (name) {
                free(other);
                other = name;
            }
        }
    }
    if (d)
        closedir(d);
    char *path = found && !oom ? pdurep_path_join(dir, found) : NULL;
    if (oom || (found && !path)) {
        free(found);
        free(other);
        return PDUREP_ERROR_NO_MEMORY;
    }
    if (!found)
        return PDUREP_OK;
    if (other)
        pdurep_diag_add(diag, path, 0, 0, "\"%s\" and \"%s\" differ only in letter case, so it "
                        "is not certain which file is meant: keep one of them", found, other);
    else if (strcmp(found, file))
        (*letter_case)++;
    free(found);
    free(other);
    *out = path;
    return PDUREP_OK;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && pdurep_strieq(s + a - b, suffix);
}

/* The tables of a folder of CSV files. */
static pdurep_error open_folder(import_ctx *c, const char *dir)
{
    pdurep_error checked = pdurep_bundle_check_files(dir, c->diag);
    if (checked)
        return checked;
    int missing = 0;
    for (int t = 0; t < N_TABLES; t++) {
        char file[32], *path;
        snprintf(file, sizeof file, "%s.csv", table_names[t]);
        if (find_file(dir, file, &c->norm.letter_case, c->diag, &path))
            return PDUREP_ERROR_NO_MEMORY;
        if (path) {
            if (pdurep_rows_csv(&c->tables[t], path, &c->norm)) {
                free(path);
                return PDUREP_ERROR_NO_MEMORY;
            }
            c->has_table[t] = 1;
        } else if (t != T_CASES && t != T_PDUS) {
            if (!(path = pdurep_path_join(dir, file)))
                return PDUREP_ERROR_NO_MEMORY;
            pdurep_diag_add(c->diag, path, 0, 0, "missing file (a bundle needs inspection.csv, "
                            "judgements.csv and, for a PDU, cases.csv)");
            missing = 1;
        } else {
            c->tables[t].name = pdurep_path_join(dir, file);
        }
        free(path);
        /* An absent cases or pdus table is named too: messages say where it belongs. */
        int named = c->tables[t].name && (!c->has_table[t] || c->tables[t].path);
        if (!named && (c->has_table[t] || t == T_CASES || t == T_PDUS))
            return PDUREP_ERROR_NO_MEMORY;
    }
    c->narrative_dir = strdup(dir);
    c->narrative_prefix = strdup("");
    if (!c->narrative_dir || !c->narrative_prefix)
        return PDUREP_ERROR_NO_MEMORY;
    return missing ? PDUREP_ERROR_NO_INPUT : PDUREP_OK;
}

/* The tables of a workbook: one sheet each; the narratives are text files beside it. */
static pdurep_error open_workbook(import_ctx *c, const char *path)
{
    pdurep_error err = pdurep_csv_check_file(path, path, -1, c->diag);
    if (!err)
        err = pdurep_xlsx_open(path, path, &c->book, c->diag);
    if (err)
        return err;
    int missing = 0;
    for (int t = 0; t < N_TABLES; t++) {
        long i = pdurep_xlsx_find_sheet(c->book, table_names[t]);
        if (i >= 0) {
            if (strcmp(pdurep_xlsx_sheet_name(c->book, (size_t)i), table_names[t]))
                c->norm.letter_case++;
            if (pdurep_rows_sheet(&c->tables[t], c->book, (size_t)i, path, &c->norm))
                return PDUREP_ERROR_NO_MEMORY;
            c->has_table[t] = 1;
        } else if (t != T_CASES && t != T_PDUS) {
            char list[512] = "";
            for (size_t s = 0; s < pdurep_xlsx_sheet_count(c->book); s++) {
                size_t l = strlen(list);
                snprintf(list + l, sizeof list - l, "%s\"%s\"", s ? ", " : "",
                         pdurep_xlsx_sheet_name(c->book, s));
            }
            pdurep_diag_add(c->diag, path, 0, 0, "no sheet \"%s\" (a workbook bundle needs "
                            "sheets inspection, judgements and, for a PDU, cases; this one has "
                            "%s)", table_names[t], *list ? list : "none");
            missing = 1;
        } else if (!(c->tables[t].name = pdurep_asprintf("%s:%s", path, table_names[t]))) {
            return PDUREP_ERROR_NO_MEMORY;
        }
    }
    /* gwyr.xlsx takes gwyr.narrative.txt and gwyr.narrative.cy.txt from its folder. */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    c->narrative_dir = slash ? strndup(path, (size_t)(slash - path + (slash == path)))
                             : strdup(".");
    c->narrative_prefix = pdurep_asprintf("%.*s.", (int)(strlen(base) - 5), base);
    if (!c->narrative_dir || !c->narrative_prefix)
        return PDUREP_ERROR_NO_MEMORY;
    return missing ? PDUREP_ERROR_NO_INPUT : PDUREP_OK;
}

static pdurep_error open_bundle(import_ctx *c, const char *input)
{
    struct stat sb;
    if (stat(input, &sb) != 0) {
        pdurep_diag_add(c->diag, input, 0, 0, has_suffix(input, ".xlsx")
                        ? "no such workbook" : "no such bundle folder");
        return PDUREP_ERROR_NO_INPUT;
    }
    if (S_ISDIR(sb.st_mode))
        return open_folder(c, input);
    if (S_ISREG(sb.st_mode) && has_suffix(input, ".xlsx"))
        return open_workbook(c, input);
    pdurep_diag_add(c->diag, input, 0, 0, "not a bundle: give a folder of CSV files or an .xlsx "
                    "workbook%s", has_suffix(input, ".xls") || has_suffix(input, ".ods")
                    ? " (save this one as Excel Workbook, .xlsx)" : "");
    return PDUREP_ERROR_NO_INPUT;
}

/* One line that says what was read in another form, so nothing changes silently. */
static void note_normalised(const import_ctx *c, const char *input)
{
    const pdurep_import_norm *n = &c->norm;
    struct { unsigned long count; const char *one, *many; } parts[] = {
        {n->labels, "read 1 label as its code", "read %lu labels as their codes"},
        {n->na_forms, "read 1 N/A as NA", "read %lu N/A as NA"},
        {n->letter_case, "matched 1 name in another letter case",
         "matched %lu names in another letter case"},
        {n->trimmed, "trimmed spaces around 1 value", "trimmed spaces around %lu values"},
        {n->blank_rows, "ignored 1 blank row", "ignored %lu blank rows"},
        {n->trailing_columns, "ignored 1 empty column after the last header",
         "ignored %lu empty columns after the last header"},
    };
    char line[1024] = "";
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        if (!parts[i].count)
            continue;
        size_t l = strlen(line);
        if (l)
            l += (size_t)snprintf(line + l, sizeof line - l, ", ");
        if (parts[i].count == 1)
            snprintf(line + l, sizeof line - l, "%s", parts[i].one);
        else
            snprintf(line + l, sizeof line - l, parts[i].many, parts[i].count);
    }
    if (*line)
        pdurep_diag_note(c->diag, "%s: %s", input, line);
}

/* Commit hook: a non-zero return turns a commit into a rollback. */
static int commit_gate(void *may_commit) { return !*(int *)may_commit; }
static pdurep_error import(pdurep_db *db, const char *input, int flags, char **id_out,
                           pdurep_diag *diag);

pdurep_error pdurep_import(pdurep_db *db, const char *input, int flags, char **id_out,
                           pdurep_diag *diag)
{
    if (id_out)
        *id_out = NULL;
    /* Failure is decided by counting problems, so count them even for a caller who
     * does not want to read them. */
    pdurep_diag *own;
    if (!(diag = pdurep_diag_ensure(diag, &own)))
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = import(db, input, flags, id_out, diag);
    pdurep_diag_free(own);
    return err;
}

static pdurep_error import(pdurep_db *db, const char *input, int flags, char **id_out,
                           pdurep_diag *diag)
{
    import_ctx c = {.db = db, .diag = diag};
    size_t before = pdurep_diag_total(diag);
    int in_transaction = 0, replacing = 0;
    pdurep_bundle *bundle = NULL;
    char *id_copy = NULL;
    pdurep_error err = open_bundle(&c, input);
    if (err)
        goto out;
    if (!(c.inspection_name = strdup(c.tables[T_INSPECTION].name))) {
        err = PDUREP_ERROR_NO_MEMORY;
        goto out;
    }

    err = read_inspection(&c);
    if (err == PDUREP_ERROR_DATA && !c.fw) {
        /* The inspection table could not be read at all: check the other tables against the
         * default framework, so one run still lists their problems. */
        char *fwdir = pdurep_asprintf("%s/frameworks/%s", pdurep_data_dir(), DEFAULT_FRAMEWORK);
        pdurep_error fe = fwdir ? pdurep_framework_read_dir(fwdir, &c.fw, diag)
                                : PDUREP_ERROR_NO_MEMORY;
        free(fwdir);
        if (fe == PDUREP_OK) {
            free(c.insp.kind);
            free(c.insp.framework);
            c.insp.kind = strdup(c.fw->kind);
            c.insp.framework = strdup(c.fw->code);
            if (!c.insp.kind || !c.insp.framework)
                fe = PDUREP_ERROR_NO_MEMORY;
        }
        if (fe != PDUREP_OK && fe != PDUREP_ERROR_DATA) {
            err = fe;
            goto out;
        }
    } else if (!err && !c.fw) {
        err = c.fatal ? c.fatal : PDUREP_ERROR_DATA; /* unknown framework: nothing else can be checked */
    }
    if (!c.fw || (err && err != PDUREP_ERROR_DATA))
        goto out;
    err = PDUREP_OK;

    int pdu = !strcmp(c.insp.kind, "pdu");
    if (pdu && !c.has_table[T_CASES]) {
        pdurep_diag_add(diag, c.tables[T_CASES].name, 0, 0, "missing %s (a PDU bundle needs one "
                        "row per inspected case)", c.book ? "sheet" : "file");
        err = PDUREP_ERROR_NO_INPUT;
        goto out;
    } else if (!pdu && c.has_table[T_CASES]) {
        /* Region standards are pooled from the PDUs' cases; own samples are not modelled yet. */
        pdurep_diag_add(diag, c.tables[T_CASES].name, 0, 0, "a region bundle takes no %s: "
                        "its case-rated standards pool the cases of the PDU inspections it "
                        "lists", c.book ? "cases sheet" : "cases.csv");
    }
    if (!pdu && !c.has_table[T_PDUS]) {
        pdurep_diag_add(diag, c.tables[T_PDUS].name, 0, 0, "missing %s (a region bundle lists "
                        "the PDU inspections it pools, one id per row under the header "
                        "inspection)", c.book ? "sheet" : "file");
        err = PDUREP_ERROR_NO_INPUT;
        goto out;
    } else if (pdu && c.has_table[T_PDUS]) {
        pdurep_diag_add(diag, c.tables[T_PDUS].name, 0, 0, "a PDU bundle takes no %s: only a "
                        "region lists PDU inspections", c.book ? "pdus sheet" : "pdus.csv");
    }
    if ((err = pdurep_bundle_read(c.narrative_dir, c.narrative_prefix, c.book ? input : NULL,
                                  &bundle, diag)))
        goto out;

    if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        err = pdurep_db_fail(db, diag);
        goto out;
    }
    in_transaction = 1;
    /* SQLite may roll a transaction back by itself (out of memory, a full disk): statements
     * after that would each commit alone. Only the COMMIT below may commit. */
    int may_commit = 0;
    sqlite3_commit_hook(db->sql, commit_gate, &may_commit);
    int there = c.insp.id ? pdurep_db_has_inspection(db, c.insp.id) : 0;
    if (there < 0) {
        err = pdurep_db_fail(db, diag);
        goto out;
    }
    if (there) {
        if (!(flags & PDUREP_IMPORT_REPLACE)) {
            pdurep_diag_add(diag, c.inspection_name, 0, 0, "inspection \"%s\" is already in "
                            "the database (use --replace to swap it)", c.insp.id);
            err = PDUREP_ERROR_EXISTS;
            goto out;
        }
        replacing = 1;
        const char *id = c.insp.id;
        pdurep_error del = pdurep_db_exec(db, "DELETE FROM inspection WHERE id = ?1", &id, 1,
                                          diag);
        if (del && !c.fatal)
            c.fatal = del;
    }
    if (!c.insp.id && !(c.insp.id = strdup(""))) {
        err = PDUREP_ERROR_NO_MEMORY;
        goto out;
    }
    /* Every table is checked whatever the others held: one run lists a bundle's problems. */
    pdurep_error fw_err = c.fatal ? c.fatal : pdurep_db_store_framework(db, c.fw, diag);
    if (fw_err && !c.fatal)
        c.fatal = fw_err;
    if (!c.fatal && insert_inspection(&c) == 0) {
        sqlite3_stmt *ins;
        if (sqlite3_prepare_v2(db->sql, "INSERT INTO judgement(inspection, standard, rating, "
                                        "rationale) VALUES (?1, ?2, ?3, ?4)", -1, &ins,
                               NULL) == SQLITE_OK) {
            read_judgements(&c, ins);
            sqlite3_finalize(ins);
        } else {
            db_failed(&c);
        }
        if (pdu && !c.fatal)
            read_cases(&c);
        if (!pdu && !c.fatal && c.has_table[T_PDUS])
            read_pdus(&c);
        if (!c.fatal) {
            err = pdurep_narrative_import_files(db, c.fw, c.insp.id, c.narrative_dir,
                                                c.narrative_prefix, &c.norm.letter_case, diag);
            if (err && err != PDUREP_ERROR_DATA)
                goto out;
        }
        err = PDUREP_OK;
        if (!c.fatal && pdurep_diag_total(diag) == before &&
            (err = pdurep_bundle_store(db, c.insp.id, bundle, replacing ? "replace" : "import",
                                       diag)) != PDUREP_OK)
            goto out;
    }
    if (c.fatal || pdurep_diag_total(diag) > before) {
        err = c.fatal ? c.fatal : PDUREP_ERROR_DATA;
        goto out;
    }
    if ((err = pdurep_checksum_record(db, PDUREP_CHECKSUM_FRAMEWORK, c.fw->code, diag)) ||
        (err = pdurep_checksum_record(db, PDUREP_CHECKSUM_INSPECTION, c.insp.id, diag)))
        goto out;
    /* After COMMIT the import has happened: nothing may fail then, so the copy is made here. */
    if (id_out && !(id_copy = strdup(c.insp.id))) {
        err = PDUREP_ERROR_NO_MEMORY;
        goto out;
    }
    may_commit = sqlite3_get_autocommit(db->sql) == 0;
    if (!may_commit || sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        if (may_commit)
            err = pdurep_db_fail(db, diag);
        else {
            pdurep_diag_add(diag, pdurep_db_path(db), 0, 0, "the import's transaction was "
                            "rolled back by the database (out of memory or disk space?)");
            err = PDUREP_ERROR_DATABASE;
        }
        goto out;
    }
    in_transaction = 0;
    if (id_out) {
        *id_out = id_copy;
        id_copy = NULL;
    }

out:
    if (in_transaction)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_commit_hook(db->sql, NULL, NULL);
    if (!err || err == PDUREP_ERROR_DATA)
        note_normalised(&c, input);
    pdurep_bundle_free(bundle);
    pdurep_framework_free(c.fw);
    pdurep_inspection_clear(&c.insp);
    free(c.inspection_name);
    for (int t = 0; t < N_TABLES; t++)
        pdurep_rows_clear(&c.tables[t]);
    pdurep_xlsx_close(c.book);
    free(c.narrative_dir);
    free(c.narrative_prefix);
    free(id_copy);
    return err;
}
