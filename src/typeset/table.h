/*
 * Internal: tables that flow with the document. Cells wrap; a row is never
 * split across pages; a table that runs on repeats its header row.
 *
 * A table with a header row is tagged Table, THead, TBody, TR, TH (scope
 * Column, or Row for row headers) and TD; its repeats are Artifacts. A table
 * without one only places text side by side: each filled cell is a P.
 */
#ifndef PDUREP_PDF_TABLE_H
#define PDUREP_PDF_TABLE_H

#include "typeset/doc.h"

/** How a table looks. */
typedef struct pdurep_table_style {
    pdurep_style head;     /**< Header text (its colour is the header text colour). */
    pdurep_style body;     /**< Body text. */
    pdurep_rgb head_fill;  /**< Header background. */
    pdurep_rgb rule;       /**< Lines under rows. */
    pdurep_rgb stripe;     /**< Background of every other body row... */
    int striped;           /**< ...when non-zero. */
    double pad_x, pad_y;   /**< Cell padding. */
    double space_after;    /**< Space below the table. */
    int row_headers;       /**< Non-zero: the first cell of each body row is its row's header. */
} pdurep_table_style;

/** One cell. */
typedef struct pdurep_table_cell {
    const char *markup;    /**< Inline markup. */
    int has_fill;          /**< Use @c fill as the cell's background. */
    pdurep_rgb fill;
    int has_colour;        /**< Use @c colour for the text. */
    pdurep_rgb colour;
} pdurep_table_cell;

/** A table being built. */
typedef struct pdurep_table pdurep_table;

/**
 * @brief Start a table as wide as the body.
 * @param doc The document.
 * @param ts Its look (copied).
 * @param n_cols Number of columns.
 * @param widths Relative column widths (scaled to the body width).
 * @param align Alignment per column.
 * @param fn Footnote resolver for markers in cells, or NULL; @p ctx is passed to it.
 * @return The table, or NULL when out of memory (recorded in the document).
 */
pdurep_table *pdurep_table_new(pdurep_doc *doc, const pdurep_table_style *ts, size_t n_cols,
                               const double *widths, const pdurep_align *align,
                               pdurep_footnote_fn fn, void *ctx);

/**
 * @brief Add a row of @c n_cols cells (copied).
 * @param header Non-zero for the header row, repeated on each page the table reaches.
 */
void pdurep_table_row(pdurep_table *t, const pdurep_table_cell *cells, int header);

/** @brief Lay the table out, draw it and free it. NULL is allowed. */
void pdurep_table_end(pdurep_table *t);

#endif
