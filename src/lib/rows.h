/*
 * Internal: one way to read a bundle table, whether it is a CSV file or a
 * sheet of an XLSX workbook. The importer sees rows of trimmed cells with
 * their positions and never asks where they came from; messages name a
 * position the way the user sees it: FILE:LINE:COLUMN for a CSV file,
 * BOOK.xlsx:SHEET!CELL for a sheet.
 *
 * The reader also takes care of what a spreadsheet adds without meaning
 * anything: whitespace of any Unicode kind around a value, wholly blank rows
 * and empty columns after the last header. Each is counted, so the import can
 * say what it normalised.
 */
#ifndef PDUREP_ROWS_H
#define PDUREP_ROWS_H

#include <stdarg.h>
#include "csvfile.h"

typedef struct pdurep_xlsx pdurep_xlsx;

/** What was read in another form than the canonical one, for the import's summary line. */
typedef struct pdurep_import_norm {
    unsigned long blank_rows;       /**< wholly blank rows skipped */
    unsigned long trailing_columns; /**< empty header cells after the last column */
    unsigned long trimmed;          /**< values that had whitespace around them */
    unsigned long labels;           /**< attribute labels read as their codes */
    unsigned long na_forms;         /**< N/A and n/a read as NA */
    unsigned long letter_case;      /**< keys, columns, sheets or files in another letter case */
} pdurep_import_norm;

/** A table of a bundle. */
typedef struct pdurep_rows {
    char *name;             /**< for messages: "DIR/cases.csv" or "BOOK.xlsx:cases" */
    char *path;             /**< the CSV file, or NULL for a sheet */
    pdurep_xlsx *book;      /**< the workbook, or NULL for a CSV file */
    size_t sheet;           /**< sheet index in @c book */
    pdurep_import_norm *norm; /**< counters to add to; may be NULL */
} pdurep_rows;

/** A table read from the CSV file @p path. @return PDUREP_OK, or PDUREP_ERROR_NO_MEMORY
 *  (@p src then holds nothing to free). */
pdurep_error pdurep_rows_csv(pdurep_rows *src, const char *path, pdurep_import_norm *norm);

/** A table read from sheet @p sheet of @p book, named BOOK_NAME:SHEET in messages.
 *  @return as pdurep_rows_csv(). */
pdurep_error pdurep_rows_sheet(pdurep_rows *src, pdurep_xlsx *book, size_t sheet,
                               const char *book_name, pdurep_import_norm *norm);

/** Free what pdurep_rows_csv() or pdurep_rows_sheet() allocated (not the book). */
void pdurep_rows_clear(pdurep_rows *src);

/**
 * Read every non-blank row. Row 0 is the header. Cells are trimmed; rows that
 * end in empty cells beyond the header's width are cut to it; a sheet's
 * missing cells are given as empty strings up to the header's width.
 * @return as pdurep_csv_read(); PDUREP_ERROR_DATA also when a CSV header shows
 *         the file uses ';' or tabs to separate fields (said plainly).
 */
pdurep_error pdurep_rows_read(const pdurep_rows *src, pdurep_csv_row_fn fn, void *user,
                              pdurep_diag *diag);

/** Record a problem at @p line (row) and @p col (1-based; 0 for the whole row or table). */
void pdurep_rows_problem(const pdurep_rows *src, pdurep_diag *diag, unsigned long line,
                         unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/** Record a warning at a position, as pdurep_rows_problem(). */
void pdurep_rows_warn(const pdurep_rows *src, pdurep_diag *diag, unsigned long line,
                      unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/**
 * Read a small table whose header names @p cols (in any order, any letter
 * case). Unknown, repeated or missing required columns, and rows with the
 * wrong number of fields, are reported to @p diag.
 */
pdurep_error pdurep_rows_slurp(const pdurep_rows *src, const pdurep_csv_column *cols,
                               size_t n_cols, pdurep_csv_table *out, pdurep_diag *diag);

/**
 * The candidate nearest to @p word by edit distance (letter case ignored), or
 * NULL when none is near enough to be a likely slip of the keyboard.
 */
const char *pdurep_nearest(const char *word, const char *const *candidates, size_t n);

/** Column number as spreadsheet letters (1 is A, 27 is AA) into @p out (at least 8 bytes). */
void pdurep_column_letters(unsigned long col, char *out);

/**
 * The first '?' standing between two letters, or U+FFFD, at or after @p s:
 * the marks of an export that could not write a character. NULL if none.
 * @p start is where the text begins, so a '?' at @p s can look behind it.
 */
const char *pdurep_lost_char(const char *start, const char *s);

/** Warn (at the cell) about every lost-character mark in the value @p text of a name. */
void pdurep_rows_lost_chars(const pdurep_rows *src, pdurep_diag *diag, unsigned long line,
                            unsigned long col, const char *what, const char *text);

#endif
