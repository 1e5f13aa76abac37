/*
 * Internal: a report layout (layouts/NAME.yaml) and its strings file
 * (layouts/strings/LANG.yaml). The layout decides page, fonts, colours,
 * styles and the order of sections; the strings file holds every fixed word
 * the report prints.
 */
#ifndef PDUREP_PDF_LAYOUT_H
#define PDUREP_PDF_LAYOUT_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/framework.h"
#include "typeset/doc.h"

/** Text styles a layout sets (names in the YAML in the comments). */
typedef enum pdurep_style_id {
    PDUREP_STYLE_BODY = 0,      /* body */
    PDUREP_STYLE_H1,            /* h1 */
    PDUREP_STYLE_H2,            /* h2 */
    PDUREP_STYLE_H3,            /* h3 */
    PDUREP_STYLE_LIST,          /* list */
    PDUREP_STYLE_STATEMENT,     /* statement */
    PDUREP_STYLE_SMALL,         /* small */
    PDUREP_STYLE_TABLE_HEAD,    /* table-head */
    PDUREP_STYLE_TABLE_BODY,    /* table-body */
    PDUREP_STYLE_CAPTION,       /* caption */
    PDUREP_STYLE_FOOTNOTE,      /* footnote */
    PDUREP_STYLE_RUNNING,       /* running */
    PDUREP_STYLE_CHART_LABEL,   /* chart-label */
    PDUREP_STYLE_CONTENTS,      /* contents */
    PDUREP_STYLE_COVER_TITLE,   /* cover-title */
    PDUREP_STYLE_COVER_TEXT,    /* cover-text */
    PDUREP_STYLE_COUNT
} pdurep_style_id;

/** Named colours a layout sets. */
typedef enum pdurep_colour_id {
    PDUREP_COLOUR_TEXT = 0,     /* text */
    PDUREP_COLOUR_MUTED,        /* muted */
    PDUREP_COLOUR_ACCENT,       /* accent */
    PDUREP_COLOUR_RULE,         /* rule */
    PDUREP_COLOUR_TABLE_HEAD,   /* table-head */
    PDUREP_COLOUR_STRIPE,       /* stripe */
    PDUREP_COLOUR_HIGHLIGHT,    /* highlight: the driving key question's row */
    PDUREP_COLOUR_COVER,        /* cover */
    PDUREP_COLOUR_COVER_TEXT,   /* cover-text */
    PDUREP_COLOUR_PANEL,        /* panel: boxes such as the rating panel */
    PDUREP_COLOUR_GRID,         /* grid */
    PDUREP_COLOUR_MARK,         /* mark: band threshold lines */
    PDUREP_COLOUR_SERIES_1,     /* series-1 */
    PDUREP_COLOUR_SERIES_2,     /* series-2 */
    PDUREP_COLOUR_SERIES_3,     /* series-3 */
    PDUREP_COLOUR_SERIES_4,     /* series-4 */
    PDUREP_COLOUR_COUNT
} pdurep_colour_id;

/** Kinds of section. */
typedef enum pdurep_section_type {
    PDUREP_SECTION_COVER = 0,
    PDUREP_SECTION_CONTENTS,
    PDUREP_SECTION_FOREWORD,
    PDUREP_SECTION_RATINGS,
    PDUREP_SECTION_RECOMMENDATIONS,
    PDUREP_SECTION_BACKGROUND,
    PDUREP_SECTION_DOMAIN,
    PDUREP_SECTION_DIVERSITY,
    PDUREP_SECTION_COMPARISON,
    PDUREP_SECTION_FURTHER,
    PDUREP_SECTION_FOOTNOTES,
    PDUREP_SECTION_PDUS,        /* region: its PDUs compared (region.c) */
    PDUREP_SECTION_BREAKDOWN,   /* region: pooled key questions by a case attribute (region.c) */
    PDUREP_SECTION_COLOPHON,    /* publication, copyright, licence, contact (colophon.c) */
    PDUREP_SECTION_TYPE_COUNT
} pdurep_section_type;

/** One section of a layout. */
typedef struct pdurep_layout_section {
    pdurep_section_type type;
    int domain;        /**< For a domain section: 1 or 2. */
    int new_page;      /**< Start on a new page. */
    char *attribute;   /**< For a comparison, background or breakdown: the case attribute. */
    unsigned long line, column; /**< Where it is in the layout file. */
} pdurep_layout_section;

/** A loaded layout. */
typedef struct pdurep_layout {
    char *path;
    double page_w, page_h;
    double margin[4];           /**< Top, right, bottom, left. */
    double header_h, footer_h;
    int orphans, widows;
    char *fonts[PDUREP_FACE_COUNT]; /**< Resolved file paths. */
    char *strings_path;
    char *strings_lang;         /**< `strings: LANG` as a language code; NULL when it names a file. */
    pdurep_style styles[PDUREP_STYLE_COUNT];
    pdurep_rgb colours[PDUREP_COLOUR_COUNT];
    pdurep_rgb rating_fill[PDUREP_RATING_COUNT];
    pdurep_rgb rating_ink[PDUREP_RATING_COUNT];
    pdurep_layout_section *sections;
    size_t n_sections;
} pdurep_layout;

/**
 * @brief Load a layout by name (`layouts/NAME.yaml` in the data folder) or path.
 *
 * A @p name with a '/' or ending in `.yaml` is a path. Font files named without
 * a folder are looked for in the data folder's `fonts/`; the strings file
 * `strings: LANG` is `strings/LANG.yaml` beside the layout.
 * @param name Name or path.
 * @param out Receives the layout.
 * @param diag Receives `file:line:column: message` for each problem.
 * Every text/background pair the report draws must reach the WCAG 2.1 contrast
 * of pdurep_contrast_needed(); a pair below it is a problem of the file.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (no such layout);
 *         ::PDUREP_ERROR_DATA (a problem in the file, low contrast included).
 */
pdurep_error pdurep_layout_load(const char *name, pdurep_layout **out, pdurep_diag *diag);

/**
 * @brief WCAG 2.1 contrast ratio of two sRGB colours, from 1 to 21.
 *
 * (L1 + 0.05) / (L2 + 0.05) with L the relative luminance of the lighter and
 * the darker colour.
 */
double pdurep_contrast(pdurep_rgb a, pdurep_rgb b);

/** @brief The contrast text in style @p st needs: 3 for large text (18pt, 14pt bold), else 4.5. */
double pdurep_contrast_needed(const pdurep_style *st);

/** @brief Free a layout. NULL is allowed. */
void pdurep_layout_free(pdurep_layout *l);

#endif
