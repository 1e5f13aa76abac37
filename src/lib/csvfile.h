/*
 * Internal: a strict CSV reader over libcsv that knows where each record
 * starts, so every problem can be reported as FILE:LINE:COLUMN. COLUMN is the
 * CSV column (field) number, counting from 1, which is what a user sees when
 * opening the file in a spreadsheet.
 */
#ifndef PDUREP_CSVFILE_H
#define PDUREP_CSVFILE_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"

/** Largest bundle file read, in bytes (1 GiB): a bigger one is refused before reading. */
#define PDUREP_CSV_MAX_FILE (1024ULL * 1024 * 1024)
/** Longest field accepted, in bytes (1 MiB). */
#define PDUREP_CSV_MAX_FIELD (1024 * 1024)

/** One record, valid only during the callback. Fields are NUL-terminated. */
typedef struct pdurep_csv_row {
    const char *const *fields; /**< fields[i] is column i + 1 */
    const size_t *lengths;     /**< byte length of each field */
    size_t n;                  /**< number of fields */
    unsigned long line;        /**< physical line the record starts on */
    unsigned long index;       /**< 0 for the header, 1 for the first data record, ... */
} pdurep_csv_row;

/**
 * Called for every non-blank record. Return 0 to go on, non-zero to stop
 * reading (the value is returned by pdurep_csv_read() as an error).
 */
typedef int (*pdurep_csv_row_fn)(const pdurep_csv_row *row, void *user);

/**
 * Read a CSV file strictly: malformed quoting, an unterminated quote and
 * invalid UTF-8 are reported to @p diag against @p name. A leading UTF-8 BOM
 * and LF, CRLF or CR line ends are accepted; lines are physical lines. A
 * NUL byte, a field longer than PDUREP_CSV_MAX_FIELD, and a file that is not a
 * regular file or is larger than PDUREP_CSV_MAX_FILE are refused.
 * @param path File to open.
 * @param name File name used in messages (as the user should see it).
 * @return PDUREP_OK; PDUREP_ERROR_NO_INPUT if the file is missing or unreadable;
 *         PDUREP_ERROR_DATA if it is malformed (every problem is in @p diag);
 *         PDUREP_ERROR_NO_MEMORY when memory runs out (never taken for the end);
 *         PDUREP_ERROR_IO on a read error;
 *         the callback's non-zero return value cast to pdurep_error.
 */
pdurep_error pdurep_csv_read(const char *path, const char *name, pdurep_csv_row_fn fn,
                             void *user, pdurep_diag *diag);

/**
 * Check, without reading it, that @p path (or the open @p fd, if >= 0) is a
 * regular file no larger than PDUREP_CSV_MAX_FILE; problems go to @p diag
 * against @p name.
 * @return PDUREP_OK, PDUREP_ERROR_NO_INPUT, PDUREP_ERROR_DATA or PDUREP_ERROR_IO.
 */
pdurep_error pdurep_csv_check_file(const char *path, const char *name, int fd, pdurep_diag *diag);

/**
 * Check every file of bundle folder @p dir that import reads (CSV files and
 * narratives) with pdurep_csv_check_file(), before any lock is taken.
 * @return PDUREP_OK; PDUREP_ERROR_NO_INPUT if the folder or a file cannot be
 *         read; PDUREP_ERROR_DATA for a file that is not a regular file or too big.
 */
pdurep_error pdurep_bundle_check_files(const char *dir, pdurep_diag *diag);

/** Room for a narrative file's language part, with its NUL. */
#define PDUREP_BUNDLE_LANG_SIZE 64

/**
 * Whether @p name is a narrative file of a bundle: @p prefix then `narrative.txt`
 * or `narrative.LANG.txt`, all in any letter case (`GWYR.Narrative.CY.txt`).
 * @param prefix "" for a folder bundle, "BOOK." for the narratives beside BOOK.xlsx.
 * @param lang Set to "" for the English narrative.txt, else to LANG in BCP 47's
 *        conventional case ("cy", "pt-BR"); LANG is not checked to be a language.
 * @return 1 if it is such a name, else 0.
 */
int pdurep_bundle_narrative_name(const char *name, const char *prefix,
                                 char lang[PDUREP_BUNDLE_LANG_SIZE]);

/** A column a small CSV file must (or may) have. */
typedef struct pdurep_csv_column {
    const char *name; /**< Header text, matched exactly. */
    int required;     /**< Non-zero: a missing column is an error. */
} pdurep_csv_column;

/** A small CSV file read whole, its columns in declared order. */
typedef struct pdurep_csv_table {
    size_t n_rows;
    size_t n_cols;
    char **cells;          /**< cells[row * n_cols + col]; "" for absent optional columns */
    unsigned long *lines;  /**< line of each row */
    long *col_index;       /**< 1-based CSV column of each declared column, 0 if absent */
} pdurep_csv_table;

/** Cell of a slurped table. */
static inline const char *pdurep_csv_cell(const pdurep_csv_table *t, size_t row, size_t col)
{
    return t->cells[row * t->n_cols + col];
}

/** Free a slurped table's contents. */
void pdurep_csv_table_free(pdurep_csv_table *t);

#endif
