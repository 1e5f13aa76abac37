/*
 * Internal: a streaming reader of the cell values of XLSX workbooks, over
 * libzip (the container) and expat (the XML). No Debian C library reads XLSX;
 * this is the smallest layer that gives the importer what a user typed:
 * shared and inline strings, numbers, booleans, dates (a number with a date
 * format, in the 1900 or the 1904 system) as YYYY-MM-DD, and the cached value
 * of a formula. A sheet is parsed as it is decompressed, so memory does not
 * grow with its size; only the shared strings are held.
 */
#ifndef PDUREP_XLSXREAD_H
#define PDUREP_XLSXREAD_H

#include "rows.h"

/**
 * Open a workbook and read its sheet list, shared strings and number formats.
 * @param path File to open.
 * @param name File name for messages.
 * @return PDUREP_OK; PDUREP_ERROR_NO_INPUT if it cannot be opened;
 *         PDUREP_ERROR_DATA if it is not a readable workbook (said in @p diag).
 */
pdurep_error pdurep_xlsx_open(const char *path, const char *name, pdurep_xlsx **out,
                              pdurep_diag *diag);

/** pdurep_xlsx_open() for a workbook held in memory (not copied: keep it while open). */
pdurep_error pdurep_xlsx_open_buffer(const void *data, size_t len, const char *name,
                                     pdurep_xlsx **out, pdurep_diag *diag);

/** Number of sheets. */
size_t pdurep_xlsx_sheet_count(const pdurep_xlsx *book);

/** Name of sheet @p i, as the workbook spells it. */
const char *pdurep_xlsx_sheet_name(const pdurep_xlsx *book, size_t i);

/** Index of the sheet called @p name in any letter case, or -1. */
long pdurep_xlsx_find_sheet(const pdurep_xlsx *book, const char *name);

/**
 * Stream the rows of the sheet of @p src to @p fn: each row's cells from
 * column A to its last cell, gaps as empty strings, row and column numbers as
 * the spreadsheet shows them. Merged cells are refused with their position.
 * Cell buffers may be written by @p fn (within each cell's length).
 */
pdurep_error pdurep_xlsx_read(const pdurep_rows *src, pdurep_csv_row_fn fn, void *user,
                              pdurep_diag *diag);

/** Close a workbook. NULL is allowed. */
void pdurep_xlsx_close(pdurep_xlsx *book);

#endif
