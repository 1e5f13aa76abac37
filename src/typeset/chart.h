/*
 * Internal: the report's charts, drawn as vector graphics in the flow. Every
 * value is printed as a label beside its mark, so a chart reads the same in
 * greyscale as in colour.
 */
#ifndef PDUREP_PDF_CHART_H
#define PDUREP_PDF_CHART_H

#include "typeset/doc.h"

/** How charts look. */
typedef struct pdurep_chart_style {
    pdurep_style label;   /**< Category labels (wrapped). */
    pdurep_style small;   /**< Axis, value and legend labels. */
    pdurep_rgb axis;      /**< Axis and tick colour. */
    pdurep_rgb grid;      /**< Light grid lines. */
    pdurep_rgb mark;      /**< Threshold lines and their labels. */
    pdurep_rgb frame;     /**< Outline of light bars and swatches. */
    double bar;           /**< Bar thickness. */
    double gap;           /**< Space between categories. */
    double space_after;   /**< Space below a chart. */
} pdurep_chart_style;

/** One bar: a percentage with its fill and printed label. */
typedef struct pdurep_chart_bar {
    double value;          /**< 0..100, or negative for no value (only the label is printed). */
    pdurep_rgb fill;
    const char *text;      /**< Printed at the bar's end, e.g. "53%" or "n/a". */
} pdurep_chart_bar;

/** A category: a label and one bar per series. */
typedef struct pdurep_chart_group {
    const char *label;             /**< Inline markup, wrapped in the label column. */
    const pdurep_chart_bar *bars;  /**< One per series. */
} pdurep_chart_group;

/** A horizontal percentage bar chart. */
typedef struct pdurep_chart_bars {
    const pdurep_chart_group *groups;
    size_t n_groups;
    size_t n_series;              /**< Bars per group (1 or more). */
    const double *marks;          /**< Percentages drawn as dashed threshold lines. */
    size_t n_marks;
    const char *axis_title;       /**< Under the axis, or NULL. */
    const char *const *legend;    /**< Label per legend entry, or NULL for no legend. */
    const pdurep_rgb *legend_fill;/**< Swatch per legend entry. */
    size_t n_legend;
    const char *legend_title;     /**< Before the swatches, or NULL. */
    double label_share;           /**< Fraction of the width for category labels (0.2..0.6). */
    const char *alt_intro;        /**< Start of the alternative text ("Bar chart of ..."), or NULL. */
    const char *alt_marks;        /**< Words before the thresholds in it ("band thresholds at"), or NULL. */
} pdurep_chart_bars;

/**
 * @brief Draw a bar chart at the cursor, kept whole on one page.
 *
 * Tagged as a Figure with a bounding box and an alternative text made from
 * what it draws: "INTRO: label value, label value; MARKS 50%, 65%, 80%." (with
 * several series, "label: series value, series value; ..."). Its grid lines
 * are Artifacts.
 */
void pdurep_chart_draw_bars(pdurep_doc *doc, const pdurep_chart_style *cs, const pdurep_chart_bars *c);

/** The ratings overview: one row per standard, one column per rating. */
typedef struct pdurep_chart_grid {
    const char *const *rows;       /**< Row labels (inline markup). */
    size_t n_rows;
    const char *const *columns;    /**< Column titles, left to right. */
    size_t n_columns;
    const int *chosen;             /**< Per row: column filled, or -1. */
    const char *const *chip;       /**< Per row: text in the filled cell. */
    const pdurep_rgb *fill;        /**< Per column: fill of a chosen cell. */
    const pdurep_rgb *ink;         /**< Per column: text colour on that fill. */
    const int *group_break;        /**< Per row: non-zero draws a rule above it; may be NULL. */
    const char *const *spoken;     /**< Per row: the filled cell as read aloud ("Good, 2 points"), or NULL. */
} pdurep_chart_grid;

/**
 * @brief Draw the ratings overview at the cursor, kept whole on one page.
 *
 * Tagged as a table read row by row: the row label is a row header and the
 * filled cell reads as its spoken text. Rules and fills are Artifacts.
 */
void pdurep_chart_draw_grid(pdurep_doc *doc, const pdurep_chart_style *cs, const pdurep_chart_grid *g);

#endif
