/*
 * The data-entry workbook. It is an empty bundle: the sheets import reads,
 * with the bundle's headings, so a filled-in copy needs no conversion. Every
 * coded column offers its values as a drop-down list. The lists are written
 * into the validations themselves (Excel caps such a list at 255 characters,
 * far more than a framework's codes need): libxlsxwriter 1.1.4 leaks the copy
 * of a validation's list formula, so a list on a hidden sheet would leak.
 */
#include "pdurep/template.h"
#include "pdurep/atomic.h"
#include "pdurep/db.h"
#include "pdurep/framework.h"
#include "pdurep/inspection.h"
#include "pdurep/localise.h"
#include "pdurep/strings.h"
#include "pdurep/version.h"
#include "annexe_internal.h"

#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <xlsxwriter.h>

#define DEFAULT_FRAMEWORK "probation-pdu-2023"
/* Rows of the cases sheet that carry the drop-downs; more cases can be added below them. */
#define CASE_ROWS 2000

typedef struct tpl {
    lxw_workbook *wb;
    const pdurep_framework *fw;
    pdurep_strings *str;
    pdurep_strings *terms; /* framework words in the language, or NULL */
    lxw_format *bold, *title, *wrap, *date, *header;
    lxw_error err;
    int out_of_memory; /* a text of ours could not be made: the workbook is not kept */
} tpl;

static void check(tpl *t, lxw_error e)
{
    if (e && !t->err)
        t->err = e;
}

static const char *s(const tpl *t, const char *key)
{
    const char *v = pdurep_strings_get(t->str, key);
    return v ? v : key;
}

/* A framework word in the language of the template, else its English. */
static const char *term(const tpl *t, const char *english, const char *fmt, const char *a,
                        const char *b)
{
    if (!t->terms)
        return english;
    char key[256];
    snprintf(key, sizeof key, fmt, t->fw->code, a, b);
    const char *v = pdurep_strings_get(t->terms, key);
    return v && *v ? v : english;
}

static void drop_down(tpl *t, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
                      lxw_col_t c1, const char *const *values, size_t n, const char *message)
{
    const char **list = malloc((n + 1) * sizeof *list);
    if (!list) {
        check(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (size_t i = 0; i < n; i++)
        list[i] = values[i];
    list[n] = NULL;
    lxw_data_validation v = {0};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = (char **)list;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    v.error_title = (char *)s(t, "validation.title");
    v.error_message = (char *)message;
    check(t, worksheet_data_validation_range(ws, r0, c0, r1, c1, &v));
    free(list);
}

/* Spreadsheets do not grow a row to fit wrapped text written by a program: give the row
 * the lines its text needs at the column's width, as the annexe does. */
static void fit_row(tpl *t, lxw_worksheet *ws, lxw_row_t row, const char *text, double width)
{
    double height = annexe_text_height(text, width);
    if (height > 0)
        check(t, worksheet_set_row(ws, row, height, NULL));
}

static void sheet_instructions(tpl *t, lxw_worksheet *ws)
{
    const char *names[] = {"framework", term(t, t->fw->name, "%s.name%s%s", "", ""), "code",
                           t->fw->code, NULL};
    check(t, worksheet_set_column(ws, 0, 0, 90, t->wrap));
    check(t, worksheet_write_string(ws, 0, 0, s(t, "instructions.title"), t->title));
    char *fw = pdurep_strings_format(s(t, "instructions.framework"), names);
    if (!fw)
        t->out_of_memory = 1;
    fit_row(t, ws, 1, fw, 90);
    check(t, worksheet_write_string(ws, 1, 0, fw ? fw : "", NULL));
    free(fw);
    static const char *const keys[] = {"instructions.steps", "instructions.step1",
                                       "instructions.step2", "instructions.step3",
                                       "instructions.step4", "instructions.rules",
                                       "instructions.rule1", "instructions.rule2",
                                       "instructions.rule3", "instructions.narrative",
                                       "instructions.import"};
    lxw_row_t row = 3;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        int heading = !strcmp(keys[i], "instructions.steps") ||
                      !strcmp(keys[i], "instructions.rules");
        if (heading && i)
            row++;
        const char *text = s(t, keys[i]);
        fit_row(t, ws, row, text, 90);
        check(t, worksheet_write_string(ws, row++, 0, text, heading ? t->bold : NULL));
    }
    worksheet_activate(ws);
}

/* Column B of row @p r takes only a @p type (date or whole number) of at least @p min. */
static void at_least(tpl *t, lxw_worksheet *ws, lxw_row_t r, uint8_t type, double min,
                     const char *message)
{
    lxw_data_validation v = {0};
    v.validate = type;
    v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    v.value_number = min;
    v.error_title = (char *)s(t, "validation.title");
    v.error_message = (char *)s(t, message);
    check(t, worksheet_data_validation_cell(ws, r, 1, &v));
}

static void sheet_inspection(tpl *t, lxw_worksheet *ws)
{
    static const char *const keys[] = {"id", "kind", "name", "region", "framework",
                                       "fieldwork_start", "published", "lead_inspector",
                                       "caseload", "inspectorate"};
    check(t, worksheet_set_column(ws, 0, 0, 20, NULL));
    check(t, worksheet_set_column(ws, 1, 1, 40, NULL));
    check(t, worksheet_write_string(ws, 0, 0, "key", t->header));
    check(t, worksheet_write_string(ws, 0, 1, "value", t->header));
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        check(t, worksheet_write_string(ws, r, 0, keys[i], NULL));
        if (!strcmp(keys[i], "kind"))
            check(t, worksheet_write_string(ws, r, 1, t->fw->kind, NULL));
        else if (!strcmp(keys[i], "framework"))
            check(t, worksheet_write_string(ws, r, 1, t->fw->code, NULL));
        else if (!strcmp(keys[i], "fieldwork_start") || !strcmp(keys[i], "published")) {
            check(t, worksheet_write_blank(ws, r, 1, t->date));
            at_least(t, ws, r, LXW_VALIDATION_TYPE_DATE_NUMBER, 1, "validation.date");
        } else if (!strcmp(keys[i], "caseload")) {
            at_least(t, ws, r, LXW_VALIDATION_TYPE_INTEGER, 0, "validation.number");
        }
    }
    static const char *const kinds[] = {"pdu", "region"};
    drop_down(t, ws, 2, 1, 2, 1, kinds, 2, s(t, "validation.value"));
    worksheet_freeze_panes(ws, 1, 0);
}

static void sheet_judgements(tpl *t, lxw_worksheet *ws)
{
    const pdurep_framework *fw = t->fw;
    check(t, worksheet_set_column(ws, 0, 0, 12, NULL));
    check(t, worksheet_set_column(ws, 1, 1, 22, NULL));
    check(t, worksheet_set_column(ws, 2, 2, 80, t->wrap));
    check(t, worksheet_write_string(ws, 0, 0, "standard", t->header));
    check(t, worksheet_write_string(ws, 0, 1, "rating", t->header));
    check(t, worksheet_write_string(ws, 0, 2, "rationale", t->header));
    lxw_row_t r = 1;
    for (size_t i = 0; i < fw->n_standards; i++)
        if (fw->standards[i].rated_by == PDUREP_RATED_BY_JUDGEMENT) {
            check(t, worksheet_write_string(ws, r, 0, fw->standards[i].code, NULL));
            check(t, worksheet_write_comment(ws, r, 0,
                                             term(t, fw->standards[i].name,
                                                  "%s.standard.%s.name%s",
                                                  fw->standards[i].code, "")));
            r++;
        }
    const char *ratings[PDUREP_RATING_COUNT];
    for (int i = 0; i < PDUREP_RATING_COUNT; i++)
        ratings[i] = pdurep_rating_name((pdurep_rating)(PDUREP_RATING_COUNT - 1 - i));
    const char **codes = malloc((fw->n_standards ? fw->n_standards : 1) * sizeof *codes);
    if (!codes) {
        check(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (size_t i = 0; i < fw->n_standards; i++)
        codes[i] = fw->standards[i].code;
    /* Rows beyond the judged standards take a panel's override of a case-rated one. */
    lxw_row_t last = (lxw_row_t)(fw->n_standards * 2 + 1);
    drop_down(t, ws, 1, 0, last, 0, codes, fw->n_standards, s(t, "validation.value"));
    drop_down(t, ws, 1, 1, last, 1, ratings, PDUREP_RATING_COUNT, s(t, "validation.value"));
    free(codes);
    worksheet_freeze_panes(ws, 1, 0);
}

static void sheet_cases(tpl *t, lxw_worksheet *ws)
{
    const pdurep_framework *fw = t->fw;
    lxw_col_t col = 0;
    check(t, worksheet_write_string(ws, 0, col++, "case_id", t->header));
    check(t, worksheet_set_column(ws, 0, 0, 12, NULL));
    for (size_t a = 0; a < fw->n_attributes; a++, col++) {
        const pdurep_attribute *at = &fw->attributes[a];
        check(t, worksheet_write_string(ws, 0, col, at->code, t->header));
        check(t, worksheet_write_comment(ws, 0, col, term(t, at->label, "%s.attribute.%s.label%s",
                                                          at->code, "")));
        check(t, worksheet_set_column(ws, col, col, 16, NULL));
        drop_down(t, ws, 1, col, CASE_ROWS, col, (const char *const *)at->values, at->n_values,
                  s(t, "validation.value"));
    }
    static const char *const answers[] = {"Y", "N", "NA"};
    lxw_col_t first_q = col;
    for (size_t q = 0; q < fw->n_questions; q++, col++) {
        const pdurep_question *qu = &fw->questions[q];
        check(t, worksheet_write_string(ws, 0, col, qu->code, t->header));
        check(t, worksheet_write_comment(ws, 0, col, term(t, qu->text, "%s.question.%s%s",
                                                          qu->code, "")));
    }
    if (fw->n_questions) {
        check(t, worksheet_set_column(ws, first_q, col - 1, 7, NULL));
        drop_down(t, ws, 1, first_q, CASE_ROWS, col - 1, answers, 3, s(t, "validation.answer"));
    }
    worksheet_freeze_panes(ws, 1, 1);
}

/* The one sheet that is read, not filled in: a table with one header row, so a screen reader
 * announces each cell's heading. */
static void sheet_questions(tpl *t, lxw_worksheet *ws)
{
    const pdurep_framework *fw = t->fw;
    check(t, worksheet_set_column(ws, 0, 0, 9, NULL));
    check(t, worksheet_set_column(ws, 1, 1, 28, NULL));
    check(t, worksheet_set_column(ws, 2, 2, 18, NULL));
    check(t, worksheet_set_column(ws, 3, 3, 90, t->wrap));
    static const char *const keys[] = {"questions.code", "questions.standard",
                                       "questions.key_question", "questions.wording"};
    lxw_table_column cols[4], *col_ptrs[5];
    for (size_t i = 0; i < 4; i++) {
        memset(&cols[i], 0, sizeof cols[i]);
        cols[i].header = (char *)s(t, keys[i]);
        cols[i].header_format = t->header;
        col_ptrs[i] = &cols[i];
    }
    col_ptrs[4] = NULL;
    lxw_table_options opts = {0};
    opts.name = (char *)"tblQuestions";
    opts.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    opts.style_type_number = 1;
    opts.columns = col_ptrs;
    if (fw->n_questions)
        check(t, worksheet_add_table(ws, 0, 0, (lxw_row_t)fw->n_questions, 3, &opts));
    for (size_t q = 0; q < fw->n_questions; q++) {
        const pdurep_question *qu = &fw->questions[q];
        const pdurep_standard *st = &fw->standards[qu->standard];
        lxw_row_t r = (lxw_row_t)(q + 1);
        char std[256];
        snprintf(std, sizeof std, "%s %s", st->code,
                 term(t, st->name, "%s.standard.%s.name%s", st->code, ""));
        check(t, worksheet_write_string(ws, r, 0, qu->code, qu->parent < 0 ? t->bold : NULL));
        check(t, worksheet_write_string(ws, r, 1, std, NULL));
        check(t, worksheet_write_string(ws, r, 2, qu->parent < 0 ? s(t, "questions.kind_key")
                                        : fw->questions[qu->parent].code, NULL));
        const char *wording = term(t, qu->text, "%s.question.%s%s", qu->code, "");
        fit_row(t, ws, r, wording, 90);
        check(t, worksheet_write_string(ws, r, 3, wording, NULL));
    }
    worksheet_freeze_panes(ws, 1, 1);
}

pdurep_error pdurep_template_write(const char *path, const pdurep_template_options *opts,
                                   pdurep_diag *diag)
{
    pdurep_template_options defaults = {0};
    if (!opts)
        opts = &defaults;
    const char *code = opts->framework && *opts->framework ? opts->framework : DEFAULT_FRAMEWORK;
    for (const char *p = code; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
            pdurep_diag_add(diag, NULL, 0, 0, "no framework \"%s\" (a framework code is a-z, "
                            "0-9 and '-')", code);
            return PDUREP_ERROR_NO_INPUT;
        }
    size_t n = strlen(pdurep_data_dir()) + strlen(code) + 16;
    char *dir = malloc(n);
    if (!dir)
        return PDUREP_ERROR_NO_MEMORY;
    snprintf(dir, n, "%s/frameworks/%s", pdurep_data_dir(), code);
    struct stat sb;
    if (stat(dir, &sb) != 0) {
        pdurep_diag_add(diag, NULL, 0, 0, "no framework \"%s\" (no folder %s)", code, dir);
        free(dir);
        return PDUREP_ERROR_NO_INPUT;
    }
    pdurep_framework *fw = NULL;
    pdurep_error err = pdurep_framework_read_dir(dir, &fw, diag);
    free(dir);
    if (err)
        return err;
    tpl t = {.fw = fw};
    err = pdurep_strings_load_lang(pdurep_data_dir(), "template-", opts->lang, &t.str, diag);
    if (!err)
        err = pdurep_framework_terms_load(opts->lang, &t.terms, diag);
    pdurep_atomic out = {0};
    if (!err)
        err = pdurep_atomic_begin(path, &out, diag);
    if (err) {
        pdurep_strings_free(t.str);
        pdurep_strings_free(t.terms);
        pdurep_framework_free(fw);
        return err;
    }
    unsigned long mark;
    t.wb = annexe_workbook_start(&out, NULL, path, &mark, &err, diag);
    if (!t.wb) {
        pdurep_atomic_abort(&out);
        pdurep_strings_free(t.str);
        pdurep_strings_free(t.terms);
        pdurep_framework_free(fw);
        return err;
    }
    long long created = opts->created;
    if (!created && pdurep_document_time(NULL, &created, NULL) != PDUREP_OK)
        created = (long long)time(NULL);
    const char *names[] = {"framework", term(&t, fw->name, "%s.name%s%s", "", ""), NULL};
    char *title = pdurep_strings_format(s(&t, "workbook.title"), names);
    if (!title)
        t.out_of_memory = 1;
    lxw_doc_properties props = {0};
    props.title = title;
    props.subject = (char *)s(&t, "workbook.subject");
    props.author = (char *)s(&t, "workbook.author");
    props.keywords = (char *)s(&t, "workbook.keywords");
    props.created = (time_t)created;
    check(&t, annexe_set_properties(t.wb, &props));
    check(&t, workbook_set_custom_property_string(t.wb, "Framework", fw->code));
    check(&t, workbook_set_custom_property_string(t.wb, "Generator",
                                                  "pdurep " PDUREP_VERSION_STRING));
    /* libxlsxwriter 1.1.4 writes no dc:language: a custom property says it, as in the annexe. */
    check(&t, workbook_set_custom_property_string(t.wb, "Language", s(&t, "workbook.language")));

    lxw_format **slots[] = {&t.bold, &t.header, &t.title, &t.wrap, &t.date};
    if (annexe_add_formats(t.wb, slots, sizeof slots / sizeof *slots) == 0) {
        format_set_bold(t.bold);
        format_set_bold(t.header);
        format_set_bottom(t.header, LXW_BORDER_THIN);
        format_set_bold(t.title);
        format_set_font_size(t.title, 16);
        format_set_text_wrap(t.wrap);
        format_set_align(t.wrap, LXW_ALIGN_VERTICAL_TOP);
        /* Year first: the one order no locale reads the other way round. */
        format_set_num_format(t.date, "yyyy-mm-dd");
    } else {
        t.out_of_memory = 1;
    }

    lxw_worksheet *instructions = workbook_add_worksheet(t.wb, s(&t, "instructions.sheet"));
    lxw_worksheet *insp = workbook_add_worksheet(t.wb, "inspection");
    lxw_worksheet *judg = workbook_add_worksheet(t.wb, "judgements");
    int pdu = !strcmp(fw->kind, "pdu");
    lxw_worksheet *cases = pdu ? workbook_add_worksheet(t.wb, "cases") : NULL;
    lxw_worksheet *questions = pdu ? workbook_add_worksheet(t.wb, s(&t, "questions.sheet")) : NULL;
    if (!instructions || !insp || !judg || (pdu && (!cases || !questions)))
        check(&t, LXW_ERROR_MEMORY_MALLOC_FAILED);
    if (!t.err) {
        sheet_instructions(&t, instructions);
        sheet_inspection(&t, insp);
        sheet_judgements(&t, judg);
        if (pdu) {
            sheet_cases(&t, cases);
            sheet_questions(&t, questions);
        }
    }
    err = t.err ? annexe_lxw_fail(t.err, path, diag) : PDUREP_OK;
    if (!err && t.out_of_memory) {
        pdurep_diag_add(diag, path, 0, 0, "out of memory while making the template; nothing was "
                        "written");
        err = PDUREP_ERROR_NO_MEMORY;
    }
    err = annexe_workbook_finish(t.wb, &out, path, mark, err, diag);
    free(title);
    pdurep_strings_free(t.str);
    pdurep_strings_free(t.terms);
    pdurep_framework_free(fw);
    return err;
}
