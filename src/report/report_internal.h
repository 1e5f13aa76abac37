/*
 * Internal: what report.c lends to the section writers kept in files of their
 * own (region.c), so that those sections look up strings, fill templates, set
 * text and number footnotes exactly as the rest of the report does.
 */
#ifndef PDUREP_PDF_REPORT_INTERNAL_H
#define PDUREP_PDF_REPORT_INTERNAL_H

#include <stddef.h>
#include "pdurep/report.h"
#include "typeset/chart.h"
#include "typeset/doc.h"
#include "report/layout.h"
#include "typeset/table.h"

/** A report being laid out (defined in report.c). */
typedef struct report report;

/** What a section writer reads from the report. */
typedef struct pdurep_report_parts {
    const pdurep_ratings *r;        /**< The inspection's ratings. */
    const pdurep_region_pdus *pdus; /**< A region's PDUs, or NULL. */
    const pdurep_narrative *n;      /**< Its narrative. */
    const pdurep_layout *lay;       /**< The layout: colours, rating fills, styles. */
    pdurep_doc *doc;                /**< The document. */
    pdurep_table_style ts;          /**< How tables look. */
    pdurep_chart_style cs;          /**< How charts look. */
} pdurep_report_parts;

/** @brief The parts of @p rp. */
void pdurep_report_parts_get(report *rp, pdurep_report_parts *out);

/**
 * @brief The text of a strings key (NFC), or "" when absent.
 *
 * In a region report a key K is first looked up as `region.K`.
 */
const char *pdurep_report_string(report *rp, const char *key);

/**
 * @brief Fill a strings template: `{name}` from the NULL-terminated name/value
 * pairs (a name starting with '=' inserts markup), then the narrative placeholders.
 * @return malloc'd markup, or NULL with the error recorded in the document.
 */
char *pdurep_report_template(report *rp, const char *key, ...) __attribute__((sentinel));

/** @brief Markup made plain text (malloc'd), for drawn labels. */
char *pdurep_report_plain(const char *markup);

/** @brief Text escaped so that markup prints it literally (malloc'd). */
char *pdurep_report_escaped(report *rp, const char *text);

/** @brief The word for a rating in the report's language, or "". */
const char *pdurep_report_rating_word(report *rp, pdurep_rating rating);

/** @brief A tally's rounded percentage as printed ("53%", or the word for none). */
void pdurep_report_percent(report *rp, pdurep_tally t, char *out, size_t len);

/**
 * @brief Queue a heading in a layout style.
 * @param level 0 or 1 for an outline and contents entry, -1 for none.
 */
void pdurep_report_heading(report *rp, pdurep_style_id id, const char *markup, int level);

/** @brief A paragraph in a layout style; `[^key]` markers become numbered footnotes. */
void pdurep_report_paragraph(report *rp, pdurep_style_id id, const char *markup);

/** @brief Lay out a narrative section (paragraphs and lists); 0 when there is none. */
int pdurep_report_narrative(report *rp, const char *key);

/**
 * @brief Start a section: a new page if the layout says so, the running head, the title.
 * @param title Inline markup (a filled template).
 */
void pdurep_report_section(report *rp, const pdurep_layout_section *sec, const char *title);

/** @brief Footnote resolver for tables and rich text: @p ctx is the report. */
int pdurep_report_note(void *ctx, const char *key, size_t len);

/* ---- region.c ---------------------------------------------------------- */

/** @brief The `pdus` section: a region's PDUs compared (left out without PDUs). */
void pdurep_region_section_pdus(report *rp, const pdurep_layout_section *sec);

/** @brief The `breakdown` section: pooled key questions by a case attribute. */
void pdurep_region_section_breakdown(report *rp, const pdurep_layout_section *sec);

/**
 * @brief Contents entries a region section adds, so the contents pages are reserved to fit.
 * @return Headings of @p sec with an outline entry; 0 for other sections.
 */
size_t pdurep_region_contents_entries(const pdurep_layout_section *sec,
                                      const pdurep_region_pdus *pdus);

#endif
