/*
 * Internal: the report being laid out, and the pieces every section writer
 * uses (strings and templates, footnotes, blocks), so that the PDU sections
 * (report.c) and the region sections (region.c) set text, fill templates and
 * number footnotes the same way. These pieces call no section writer: the
 * section files depend on them, never the other way round.
 */
#ifndef PDUREP_REPORT_INTERNAL_H
#define PDUREP_REPORT_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <time.h>
#include "pdurep/report.h"
#include "pdurep/strings.h"
#include "typeset/chart.h"
#include "typeset/doc.h"
#include "report/layout.h"
#include "typeset/table.h"

/** A footnote: its key, its text and the number it got when first referred to. */
typedef struct pdurep_report_footnote {
    char *key;
    char *markup; /**< NULL until known */
    int number;   /**< 0 until first referenced */
} pdurep_report_footnote;

/** A report being laid out. */
typedef struct report {
    const pdurep_ratings *r;
    const pdurep_region_pdus *pdus; /**< a region's PDUs, or NULL */
    int region;               /**< strings: try "region.KEY" before "KEY" */
    const pdurep_narrative *n;
    pdurep_layout *lay;
    pdurep_strings *str;
    pdurep_doc *doc;
    pdurep_diag *diag;
    pdurep_narrative_words words;
    pdurep_report_footnote *notes;
    size_t n_notes;
    int next_note;
    size_t contents_page;     /**< first reserved contents page */
    size_t contents_pages;    /**< how many, 0 when there is no contents section */
    double contents_y;        /**< where entries start on the first contents page */
    size_t contents_tag;      /**< its TOC element, filled in with the entries */
    pdurep_table_style ts;
    pdurep_chart_style cs;
    const pdurep_style *st;   /**< the layout's styles */
    time_t created;           /**< the document time (Info, XMP, copyright year) */
} report;

/* ---- template.c: strings and templates ----------------------------------- */

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

/** @brief pdurep_report_template() with the pairs in a va_list. */
char *pdurep_report_vtemplate(report *rp, const char *key, va_list ap);

/** @brief Markup made plain text (malloc'd), for drawn labels. */
char *pdurep_report_plain(const char *markup);

/** @brief Text escaped so that markup prints it literally (malloc'd). */
char *pdurep_report_escaped(report *rp, const char *text);

/** @brief A tally's rounded percentage as printed ("53%", or the word for none). */
void pdurep_report_percent(report *rp, pdurep_tally t, char *out, size_t len);

/* ---- footnotes.c ------------------------------------------------------------ */

/** @brief Register a note the report writes itself; takes @p markup. */
void pdurep_report_note_define(report *rp, const char *key, char *markup);

/**
 * @brief Footnote resolver for tables and rich text (@p ctx is the report):
 * numbers notes in the order the document first refers to them; 0 for none.
 */
int pdurep_report_note(void *ctx, const char *key, size_t len);

/** @brief Free the report's notes. */
void pdurep_report_notes_free(report *rp);

/* ---- blocks.c: headings, paragraphs, narrative, sections ------------------ */

/** @brief A layout style of the report. */
static inline const pdurep_style *pdurep_report_style(report *rp, pdurep_style_id id)
{
    return &rp->st[id];
}

/**
 * @brief Queue a heading in a layout style.
 * @param level 0 or 1 for an outline and contents entry, -1 for none.
 */
void pdurep_report_heading(report *rp, pdurep_style_id id, const char *markup, int level);

/** @brief A paragraph in a layout style; `[^key]` markers become numbered footnotes. */
void pdurep_report_paragraph(report *rp, pdurep_style_id id, const char *markup);

/**
 * @brief Lay out a narrative section (paragraphs and lists); 0 when there is none.
 * @param as_lines Non-zero: each line is its own paragraph.
 */
int pdurep_report_narrative(report *rp, const char *key, int as_lines);

/**
 * @brief Start a section: a new page if the layout says so, the running head, the title.
 * @param title Inline markup (a filled template).
 */
void pdurep_report_section(report *rp, const pdurep_layout_section *sec, const char *title);

/* ---- colophon.c ----------------------------------------------------------- */

/** @brief The `colophon` section: publication, copyright and licence, contact, credit. */
void pdurep_report_section_colophon(report *rp, const pdurep_layout_section *sec);

/** @brief The publication date in the report's words (malloc'd), or NULL when unknown. */
char *pdurep_report_published(report *rp);

/** @brief The copyright line as plain text (malloc'd), e.g. "© Crown copyright 2026". */
char *pdurep_report_copyright(report *rp);

/* ---- region.c ------------------------------------------------------------- */

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
