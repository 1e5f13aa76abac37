/*
 * Shared state of the annexe writer: one context passed to each sheet
 * writer (one file per sheet), the workbook's formats, and the suppression
 * plan worked out once before any sheet is written.
 */
#ifndef PDUREP_XLSX_ANNEXE_INTERNAL_H
#define PDUREP_XLSX_ANNEXE_INTERNAL_H

#include <stddef.h>
#include <time.h>
#include <xlsxwriter.h>

#include "pdurep/annexe.h"
#include "pdurep/atomic.h"
#include "pdurep/ratings.h"
#include "pdurep/region.h"
#include "pdurep/strings.h"

/* Sheets in workbook order: cover, contents and notes first, as the
 * government's spreadsheet standard asks; then one table per sheet. */
typedef enum annexe_sheet {
    SHEET_COVER,
    SHEET_CONTENTS,
    SHEET_NOTES,
    SHEET_RATINGS,
    SHEET_SCORE,
    SHEET_PDUS,          /* region full annexes only: the PDUs compared (sheet_pdus.c) */
    SHEET_KEY_QUESTIONS,
    SHEET_PROMPTS,       /* left out when the framework has no prompts */
    SHEET_BREAKDOWNS,
    SHEET_SAMPLE,
    SHEET_CHART_QUESTIONS,
    SHEET_CHART_GROUPS,
    SHEET_BANDS,
    SHEET_POINTS,
    SHEET_OVERALL,
    SHEET_CASES,
    SHEET_COUNT
} annexe_sheet;

/* Notes of the Notes sheet, numbered in this order among those the workbook has. */
typedef enum annexe_note {
    NOTE_PERCENT,
    NOTE_ROUNDING,
    NOTE_DRIVER,
    NOTE_RRI,
    NOTE_PARAPHRASED,
    NOTE_PROVISIONAL,
    NOTE_SUPPRESSION,
    NOTE_SHARE,
    NOTE_COMPARATOR,     /* one note per comparator: numbered from here */
    NOTE_CASES = NOTE_COMPARATOR + 2,
    NOTE_COUNT
} annexe_note;

/* Which cells of the workbook are hidden as [c]; all arrays zero when nothing is. */
typedef struct annexe_plan {
    size_t *offset;           /* [attribute]: first flat index of its values */
    size_t n_flat;            /* total attribute values */
    unsigned char *sample;    /* [flat]: the group's case count is hidden */
    unsigned char *block;     /* [flat * nq + q]: the group's tally of q is hidden */
    long *reference;          /* [attribute]: reference value index, -1 when none */
    unsigned char *cmp_shown; /* [comparator]: aggregate large enough to show */
    unsigned char *cmp_question; /* [c * nq + q] */
    unsigned char *cmp_block;    /* [(c * n_flat + flat) * nq + q] */
    unsigned char *cmp_sample;   /* [c * n_flat + flat] */
} annexe_plan;

typedef struct annexe_formats {
    lxw_format *title, *subtitle, *heading, *header, *text, *wrap, *bold, *count, *fraction,
        *ratio, *link, *note, *suppressed, *key, *rating[PDUREP_RATING_COUNT],
        *rating_bold[PDUREP_RATING_COUNT], *band_fill[PDUREP_RATING_COUNT];
} annexe_formats;

typedef struct annexe_ctx {
    lxw_workbook *wb;
    const pdurep_ratings *r;
    const pdurep_annexe_options *opts;
    pdurep_annexe_comparator *const *cmp;
    size_t n_cmp;
    pdurep_db *db;
    pdurep_strings *strings;
    pdurep_diag *diag;
    time_t created;            /* the document time: properties and the copyright year */
    unsigned long threshold;   /* small-number threshold; 0: no suppression */
    int constant_memory;       /* tables are refused in this mode */
    int share;
    size_t nq;                 /* framework questions */
    annexe_plan plan;
    annexe_formats f;
    lxw_worksheet *ws[SHEET_COUNT];
    const char *sheet_name[SHEET_COUNT];
    int has_sheet[SHEET_COUNT];
    int number_of_note[NOTE_COUNT]; /* [note N] of each note the workbook has, 0 when it has none */
    const pdurep_region_pdus *pdus; /* a region's PDUs for the PDUs sheet, or NULL */
    pdurep_region_pdus *own_pdus;   /* the PDUs when this writer had to load them */
    const char *missing_key;   /* first strings key not found, for the error message */
    lxw_error lxw_err;         /* first libxlsxwriter error met while writing */
    int out_of_memory;         /* a text of ours could not be made: the workbook is not kept */
    unsigned long lxw_mark;    /* libxlsxwriter's failed allocations when the workbook began */
} annexe_ctx;

/* strings */
const char *annexe_s(annexe_ctx *c, const char *key);
char *annexe_sf(annexe_ctx *c, const char *key, const char *const *names);
const char *annexe_rating_label(annexe_ctx *c, pdurep_rating rating);
const char *annexe_band_label(annexe_ctx *c, const pdurep_band *band);

/* cells: each records the first libxlsxwriter error in the context */
void annexe_text(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                 const char *text, lxw_format *fmt);
void annexe_number(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   double value, lxw_format *fmt);
void annexe_count(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                  unsigned long value, int hidden);
void annexe_fraction(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     pdurep_tally t, int hidden);
void annexe_rounded(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    pdurep_tally t, int hidden);
void annexe_suppressed(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
/* Shorthand in a table cell: [x] not available, [z] not applicable. */
void annexe_not_available(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
void annexe_not_applicable(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
/* Text, or [z] where there is none: a table has no blank cells. */
void annexe_text_z(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   const char *text, lxw_format *fmt);
int annexe_collected(const annexe_ctx *c, size_t q);
void annexe_rating(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   pdurep_rating rating);
void annexe_check(annexe_ctx *c, lxw_error err);
/*
 * Whether the workbook is already lost (an error, a text of ours or an allocation of
 * libxlsxwriter's failed). libxlsxwriter 1.1.4 goes on after one of its allocations fails,
 * with NULL in place of a shared string, a cell or a column, and a later call that reads it
 * crashes: once the workbook is lost nothing more is asked of it, and it is freed unclosed.
 */
int annexe_lost(const annexe_ctx *c);
void annexe_fit_row(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *text, double width);
/* The row height @p text needs when wrapped in a column @p width characters wide; 0 when one
 * line of the default height holds it. */
double annexe_text_height(const char *text, double width);

/* A tabular block: a worksheet table, or (constant memory) a header row with an autofilter. */
typedef struct annexe_column {
    const char *header;  /* already looked up */
    double width;
} annexe_column;
void annexe_table(annexe_ctx *c, lxw_worksheet *ws, const char *name, lxw_row_t first_row,
                  lxw_row_t last_row, const annexe_column *cols, lxw_col_t n_cols);
/*
 * The headers of the comparators' columns after column @p n: for each comparator the plan
 * shows, one column per strings key in @p keys (@p n_keys of them, filled with {label}),
 * @p width wide, while they fit in @p max. The header texts are added to @p owned (free
 * them). Returns the new number of columns.
 */
lxw_col_t annexe_comparator_headers(annexe_ctx *c, annexe_column *cols, lxw_col_t n,
                                    lxw_col_t max, const char *const *keys, size_t n_keys,
                                    double width, char **owned, size_t *n_owned);
/*
 * The title block of a table sheet, in column A from A1: the title (strings
 * KEY filled with {name}), an optional line of text, "This table has N rows",
 * the source and the notes that apply (NOTES ends with NOTE_COUNT). Returns
 * the row for the table's header.
 */
lxw_row_t annexe_title_block(annexe_ctx *c, lxw_worksheet *ws, const char *key, const char *line,
                             size_t n_rows, const annexe_note *notes);
void annexe_print_setup(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t header_row);
/* "[note 3]" for a note the workbook has, into BUF; empty when it has not. */
const char *annexe_note_ref(annexe_ctx *c, annexe_note note, char *buf, size_t size);
void annexe_notes_number(annexe_ctx *c);
const char *annexe_note_key(annexe_note note);
void annexe_band_fills(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t first_row, lxw_row_t last_row,
                       lxw_col_t col);
void annexe_band_fills_fw(annexe_ctx *c, const pdurep_framework *fw, lxw_worksheet *ws,
                          lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col);
void annexe_define_name(annexe_ctx *c, const char *name, annexe_sheet sheet, lxw_row_t r1,
                        lxw_col_t c1, lxw_row_t r2, lxw_col_t c2);

/* plan */
int annexe_plan_build(annexe_ctx *c);
void annexe_plan_free(annexe_plan *p);
pdurep_tally annexe_cmp_breakdown(const pdurep_annexe_comparator *cmp, const annexe_ctx *c,
                                  size_t attribute, size_t value, size_t q);

/* sheets */
void annexe_sheet_cover(annexe_ctx *c);
void annexe_sheet_contents(annexe_ctx *c);
void annexe_sheet_notes(annexe_ctx *c);
void annexe_sheet_ratings(annexe_ctx *c);
void annexe_sheet_score(annexe_ctx *c);
void annexe_sheet_rules(annexe_ctx *c);
/**
 * Start a workbook in @p out's temporary file, libxlsxwriter's allocations counted
 * from here (src/xlsx/alloc.h). @p opts may be NULL.
 * @return the workbook, with its count in *@p mark; or NULL, the reason in @p diag
 *         and *@p err (::PDUREP_ERROR_NO_MEMORY or ::PDUREP_ERROR_INTERNAL).
 */
lxw_workbook *annexe_workbook_start(const pdurep_atomic *out, lxw_workbook_options *opts,
                                    const char *path, unsigned long *mark, pdurep_error *err,
                                    pdurep_diag *diag);
/**
 * Close @p wb (which frees it, whatever happened) and rename its file to @p path,
 * or throw the file away when @p err is set, closing fails, one of libxlsxwriter's
 * allocations failed since annexe_workbook_start() gave @p mark (it goes on
 * without what it asked for, and says so only in its log if at all), or the
 * package read back is not whole.
 * @return @p err if set; else ::PDUREP_ERROR_IO (disk full or a write error),
 *         ::PDUREP_ERROR_CANT_CREATE, ::PDUREP_ERROR_NO_MEMORY (a failed
 *         allocation or an incomplete package), or what committing the file gives.
 */
pdurep_error annexe_workbook_finish(lxw_workbook *wb, pdurep_atomic *out, const char *path,
                                    unsigned long mark, pdurep_error err, pdurep_diag *diag);
/**
 * workbook_set_properties(), safe after a failure: libxlsxwriter 1.1.4 frees the
 * workbook's properties before copying the new ones and, when a copy fails, leaves
 * the freed pointer in the workbook for workbook_close() to read. Here the workbook
 * gets an empty set instead (or none, which annexe_workbook_finish() then frees
 * without closing). The workbook must be refused after a failure all the same.
 * @return what workbook_set_properties() returned.
 */
lxw_error annexe_set_properties(lxw_workbook *wb, lxw_doc_properties *props);
/**
 * Add @p n formats to @p wb, into *@p slots[i], all before any is styled: a format
 * libxlsxwriter could not allocate is NULL, which its setters do not take.
 * @return 0, or -1 when one could not be made (the rest are left NULL).
 */
int annexe_add_formats(lxw_workbook *wb, lxw_format **const *slots, size_t n);
/** What annexe_package_complete() reads besides the package's structure. */
enum annexe_package_depth {
    ANNEXE_CHECK_STYLES = 1,       /**< every style a cell, row, column or rule names exists */
    ANNEXE_CHECK_CHART_CACHES = 2, /**< every chart caches the values of its cells */
};

/**
 * Is the closed package at @p path whole: every part with its content type, no
 * "(null)" where libxlsxwriter prints a name it failed to copy, every relationship
 * pointing at a part it holds, docProps/app.xml's counts matching its names, and
 * (unless @p sheets is NULL) exactly the @p n_sheets sheets named? @p depth adds the
 * checks of ::annexe_package_depth, for where libxlsxwriter's allocations cannot be
 * counted (src/xlsx/alloc.h): chart caches only for a workbook not written in
 * constant memory, which has none. 1 or 0.
 */
int annexe_package_complete(const char *path, const char *const *sheets, size_t n_sheets,
                            int depth);

/**
 * Does every chart of the package @p z (the file @p path) carry the values of the cells
 * it plots and names, each as the cell holds it? 1 or 0 (also when memory runs out).
 */
struct zip;
int annexe_chart_caches_match(struct zip *z, const char *path);

/** Report libxlsxwriter error @p lerr for @p path in @p diag; returns ::PDUREP_ERROR_NO_MEMORY
 *  for the errors running out of memory gives, else ::PDUREP_ERROR_INTERNAL. */
pdurep_error annexe_lxw_fail(lxw_error lerr, const char *path, pdurep_diag *diag);
void annexe_sheet_key_questions(annexe_ctx *c);
void annexe_sheet_prompts(annexe_ctx *c);
void annexe_sheet_breakdowns(annexe_ctx *c);
void annexe_sheet_sample(annexe_ctx *c);
void annexe_sheet_charts(annexe_ctx *c);
int annexe_charts_wanted(const pdurep_framework *fw, int groups);
int annexe_pdus_wanted(const pdurep_inspection *in, int share);
pdurep_error annexe_pdus_prepare(annexe_ctx *c);
void annexe_sheet_pdus(annexe_ctx *c);
pdurep_error annexe_sheet_cases(annexe_ctx *c);

#endif
