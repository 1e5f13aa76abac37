/*
 * The Key questions and Prompts sheets: Yes, No, not applicable, relevant and
 * the percentage of every question, one row each, in framework order. A
 * sharing workbook adds its comparators' figures to the right.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

#define MAX_COLS 40

static void comparator_cells(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             size_t q)
{
    for (size_t k = 0; k < c->n_cmp; k++) {
        if (!c->plan.cmp_shown[k])
            continue;
        pdurep_tally t = c->cmp[k]->questions[q];
        int hidden = c->plan.cmp_question[k * c->nq + q];
        annexe_count(c, ws, row, col++, t.yes, hidden);
        annexe_count(c, ws, row, col++, pdurep_tally_relevant(t), hidden);
        annexe_fraction(c, ws, row, col++, t, hidden);
    }
}

static void write_sheet(annexe_ctx *c, annexe_sheet sheet, int prompts)
{
    lxw_worksheet *ws = c->ws[sheet];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;

    /* Columns shared by both sheets, then the sheet's own, then comparators. */
    enum { C_STANDARD, C_PARENT, C_CODE, C_TEXT, C_WORDING, C_YES, C_NO, C_NA, C_RELEVANT,
           C_PERCENT, C_ROUNDED, C_BAND, C_DRIVER };
    annexe_column cols[MAX_COLS];
    lxw_col_t col_of[C_DRIVER + 1];
    lxw_col_t n = 0;
    col_of[C_STANDARD] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.standard"), 9};
    if (prompts) {
        col_of[C_PARENT] = n;
        cols[n++] = (annexe_column){annexe_s(c, "questions.col.key_question"), 10};
    }
    col_of[C_CODE] = n;
    cols[n++] = (annexe_column){annexe_s(c, prompts ? "questions.col.prompt_code" : "questions.col.code"), 9};
    col_of[C_TEXT] = n;
    cols[n++] = (annexe_column){annexe_s(c, prompts ? "questions.col.prompt" : "questions.col.question"), 60};
    col_of[C_WORDING] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.wording"), 13};
    col_of[C_YES] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.yes"), 8};
    col_of[C_NO] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.no"), 8};
    col_of[C_NA] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.na"), 10};
    col_of[C_RELEVANT] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.relevant"), 10};
    col_of[C_PERCENT] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.percent"), 9};
    col_of[C_ROUNDED] = n;
    cols[n++] = (annexe_column){annexe_s(c, "questions.col.rounded"), 10};
    if (!prompts) {
        col_of[C_BAND] = n;
        cols[n++] = (annexe_column){annexe_s(c, "questions.col.band"), 20};
        col_of[C_DRIVER] = n;
        cols[n++] = (annexe_column){annexe_s(c, "questions.col.driver"), 10};
    }
    lxw_col_t first_cmp = n;
    char *owned[MAX_COLS];
    size_t n_owned = 0;
    /* Each comparator's Yes, relevant and % Yes. */
    static const char *const cmp_keys[] = {"questions.col.cmp_yes", "questions.col.cmp_relevant",
                                           "questions.col.cmp_percent"};
    n = annexe_comparator_headers(c, cols, n, MAX_COLS, cmp_keys, 3, 14, owned, &n_owned);

    size_t n_rows = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        if ((fw->questions[q].parent >= 0) == (prompts != 0))
            n_rows++;

    const annexe_note notes[] = {NOTE_PERCENT, NOTE_ROUNDING, prompts ? NOTE_PARAPHRASED : NOTE_DRIVER,
                                 NOTE_PARAPHRASED, NOTE_SHARE, NOTE_COMPARATOR,
                                 NOTE_COMPARATOR + 1, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, prompts ? "prompts.title" : "questions.title",
                                              NULL, n_rows, notes);
    annexe_table(c, ws, prompts ? "tblPrompts" : "tblKeyQuestions", head, head + (lxw_row_t)n_rows,
                 cols, n);

    lxw_row_t row = head + 1;
    for (size_t q = 0; q < fw->n_questions; q++) {
        const pdurep_question *qu = &fw->questions[q];
        if ((qu->parent >= 0) != (prompts != 0))
            continue;
        pdurep_tally t = r->questions[q];
        annexe_fit_row(c, ws, row, qu->text, cols[col_of[C_TEXT]].width);
        annexe_text(c, ws, row, col_of[C_STANDARD], fw->standards[qu->standard].code, c->f.text);
        if (prompts && (size_t)qu->parent < fw->n_questions)
            annexe_text(c, ws, row, col_of[C_PARENT], fw->questions[qu->parent].code, c->f.text);
        annexe_text(c, ws, row, col_of[C_CODE], qu->code, c->f.text);
        annexe_text(c, ws, row, col_of[C_TEXT], qu->text, c->f.wrap);
        annexe_text(c, ws, row, col_of[C_WORDING],
                    annexe_s(c, qu->paraphrased ? "questions.wording.paraphrased"
                                                : "questions.wording.published"),
                    c->f.text);
        if (!annexe_collected(c, q)) {
            /* The bundle had no column for it: its counts would read as "all not applicable". */
            for (int k = C_YES; k <= C_ROUNDED; k++)
                annexe_not_available(c, ws, row, col_of[k]);
        } else {
            annexe_count(c, ws, row, col_of[C_YES], t.yes, 0);
            annexe_count(c, ws, row, col_of[C_NO], t.no, 0);
            annexe_count(c, ws, row, col_of[C_NA], t.na, 0);
            annexe_count(c, ws, row, col_of[C_RELEVANT], pdurep_tally_relevant(t), 0);
            annexe_fraction(c, ws, row, col_of[C_PERCENT], t, 0);
            annexe_rounded(c, ws, row, col_of[C_ROUNDED], t, 0);
        }
        if (!prompts) {
            const pdurep_band *band = r->bands[q];
            annexe_text_z(c, ws, row, col_of[C_BAND], band ? annexe_band_label(c, band) : NULL,
                          c->f.text);
            const pdurep_standard_result *s = &r->standards[qu->standard];
            annexe_text(c, ws, row, col_of[C_DRIVER],
                        annexe_s(c, s->driver == (long)q ? "value.yes" : "value.no"), c->f.text);
        }
        comparator_cells(c, ws, row, first_cmp, q);
        row++;
    }
    if (n_rows) {
        annexe_band_fills(c, ws, head + 1, row - 1, col_of[C_PERCENT]);
        for (lxw_col_t k = first_cmp + 2; k < n; k += 3)
            annexe_band_fills(c, ws, head + 1, row - 1, k);
        annexe_define_name(c, prompts ? "PromptPercents" : "KeyQuestionPercents", sheet, head + 1,
                           col_of[C_PERCENT], row - 1, col_of[C_PERCENT]);
    }
    worksheet_freeze_panes(ws, head + 1, col_of[C_TEXT]);
    annexe_print_setup(c, ws, head);
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
}

void annexe_sheet_key_questions(annexe_ctx *c) { write_sheet(c, SHEET_KEY_QUESTIONS, 0); }

void annexe_sheet_prompts(annexe_ctx *c) { write_sheet(c, SHEET_PROMPTS, 1); }
