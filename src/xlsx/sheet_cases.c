/*
 * The Cases sheet (full annexe with --with-cases only): one row per case
 * with its groups and its answer to every question. Never in a sharing
 * workbook. Case data is not a figure of the calculator, so it is read from
 * the database here, in case-id order.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

#define MAX_ATTR 16

/* Position of each framework question in the stored answers string, or -1. */
static long *answer_positions(const pdurep_framework *fw, const char *codes)
{
    long *pos = malloc((fw->n_questions ? fw->n_questions : 1) * sizeof *pos);
    if (!pos)
        return NULL;
    for (size_t q = 0; q < fw->n_questions; q++)
        pos[q] = -1;
    long i = 0;
    for (const char *p = codes; *p; i++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        for (size_t q = 0; q < fw->n_questions; q++)
            if (strlen(fw->questions[q].code) == len && !strncmp(fw->questions[q].code, p, len))
                pos[q] = i;
        p += len;
        if (*p == ',')
            p++;
    }
    return pos;
}

static const char *value_label(const pdurep_attribute *at, const char *value)
{
    for (size_t v = 0; v < at->n_values; v++)
        if (!strcmp(at->values[v], value))
            return at->labels[v];
    return value;
}

pdurep_error annexe_sheet_cases(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CASES];
    const pdurep_framework *fw = c->r->framework;
    sqlite3 *db = pdurep_db_sqlite(c->db);
    size_t n_attr = fw->n_attributes < MAX_ATTR ? fw->n_attributes : MAX_ATTR;

    /* Attribute codes are framework data: quote them as SQL identifiers. */
    char sql[2048];
    size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT case_id, answers");
    for (size_t a = 0; a < n_attr && n < sizeof sql - 80; a++) {
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", \"");
        for (const char *p = fw->attributes[a].code; *p && n < sizeof sql - 80; p++) {
            if (*p == '"')
                sql[n++] = '"';
            sql[n++] = *p;
        }
        sql[n++] = '"';
        sql[n] = '\0';
    }
    snprintf(sql + n, sizeof sql - n, " FROM inspection_case WHERE inspection = ?1 ORDER BY case_id");

    sqlite3_stmt *codes_st = NULL, *st = NULL;
    char *codes = NULL;
    if (sqlite3_prepare_v2(db, "SELECT answer_codes FROM inspection WHERE id = ?1", -1, &codes_st,
                           NULL) != SQLITE_OK) {
        pdurep_diag_add(c->diag, NULL, 0, 0, "database: %s", sqlite3_errmsg(db));
        return PDUREP_ERROR_DATABASE;
    }
    sqlite3_bind_text(codes_st, 1, c->r->inspection->id, -1, SQLITE_STATIC);
    if (sqlite3_step(codes_st) == SQLITE_ROW)
        codes = strdup((const char *)sqlite3_column_text(codes_st, 0));
    sqlite3_finalize(codes_st);
    long *pos = answer_positions(fw, codes ? codes : "");
    free(codes);
    if (!pos)
        return PDUREP_ERROR_NO_MEMORY;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        pdurep_diag_add(c->diag, NULL, 0, 0, "database: %s", sqlite3_errmsg(db));
        free(pos);
        return PDUREP_ERROR_DATABASE;
    }
    sqlite3_bind_text(st, 1, c->r->inspection->id, -1, SQLITE_STATIC);

    size_t n_cols = 1 + n_attr + fw->n_questions;
    annexe_column *cols = calloc(n_cols, sizeof *cols);
    if (!cols) {
        sqlite3_finalize(st);
        free(pos);
        return PDUREP_ERROR_NO_MEMORY;
    }
    cols[0] = (annexe_column){annexe_s(c, "cases.col.case_id"), 12};
    for (size_t a = 0; a < n_attr; a++)
        cols[1 + a] = (annexe_column){fw->attributes[a].label, 18};
    for (size_t q = 0; q < fw->n_questions; q++)
        cols[1 + n_attr + q] = (annexe_column){fw->questions[q].code, 7};

    const annexe_note notes[] = {NOTE_CASES, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, "cases.title", NULL, c->r->n_cases, notes);
    /* Tables cap at 64 columns here; wider frameworks get an autofilter. */
    int saved = c->constant_memory;
    if (n_cols > 64)
        c->constant_memory = 1;
    annexe_table(c, ws, "tblCases", head, head + (lxw_row_t)c->r->n_cases, cols,
                 (lxw_col_t)n_cols);
    c->constant_memory = saved;

    lxw_row_t row = head + 1;
    const char *z = annexe_s(c, "value.not_applicable"), *x = annexe_s(c, "value.not_available");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !c->lxw_err) {
        annexe_text(c, ws, row, 0, (const char *)sqlite3_column_text(st, 0), c->f.text);
        const char *answers = (const char *)sqlite3_column_text(st, 1);
        size_t alen = answers ? strlen(answers) : 0;
        for (size_t a = 0; a < n_attr; a++) {
            const char *v = (const char *)sqlite3_column_text(st, 2 + (int)a);
            annexe_text(c, ws, row, (lxw_col_t)(1 + a), value_label(&fw->attributes[a], v ? v : ""),
                        NULL);
        }
        for (size_t q = 0; q < fw->n_questions; q++) {
            /* 1 for Yes, 0 for No, [z] when not applicable and [x] when the bundle had no
             * such column: AVERAGE skips text, so a column's average is still the
             * question's percentage and its SUM the Yes count. */
            lxw_col_t col = (lxw_col_t)(1 + n_attr + q);
            char ch = pos[q] >= 0 && (size_t)pos[q] < alen ? answers[pos[q]] : '-';
            if (ch == 'Y' || ch == 'N')
                annexe_check(c, worksheet_write_number(ws, row, col, ch == 'Y', NULL));
            else
                annexe_check(c, worksheet_write_string(ws, row, col, pos[q] >= 0 ? z : x, NULL));
        }
        row++;
    }
    pdurep_error err = PDUREP_OK;
    if (rc != SQLITE_DONE && !c->lxw_err) {
        pdurep_diag_add(c->diag, NULL, 0, 0, "database: %s", sqlite3_errmsg(db));
        err = PDUREP_ERROR_DATABASE;
    }
    sqlite3_finalize(st);
    free(pos);
    free(cols);
    worksheet_freeze_panes(ws, head + 1, 1);
    annexe_print_setup(c, ws, head);
    return err;
}
