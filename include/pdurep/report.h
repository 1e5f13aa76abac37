/**
 * @file report.h
 * @brief The print-ready PDF inspection report.
 *
 * The report is laid out from the ratings (pdurep_ratings_compute()), the
 * inspection's narrative (narrative.h), a layout file (`layouts/NAME.yaml`)
 * and the layout's strings file (`layouts/strings/LANG.yaml`). Nothing it
 * prints is typed in C: figures come from the ratings, prose from the
 * narrative, fixed words from the strings file.
 */
#ifndef PDUREP_REPORT_H
#define PDUREP_REPORT_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/ratings.h"
#include "pdurep/narrative.h"
#include "pdurep/region.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The layout used when none is named. */
#define PDUREP_REPORT_DEFAULT_LAYOUT "pdu-report"
/** The layout used for a region inspection when none is named. */
#define PDUREP_REPORT_REGION_LAYOUT "region-report"

/** Options of a report. Zero-initialise, then set what you need. */
typedef struct pdurep_report_options {
    /**
     * Layout name (`layouts/NAME.yaml` in the data folder) or path; NULL for
     * "region-report" when the inspection is a region, else "pdu-report".
     */
    const char *layout;
    /**
     * Creation date written into the PDF, in seconds since 1970 (UTC). Zero:
     * `$SOURCE_DATE_EPOCH` when set, else the current time. Identical input and
     * date give a byte-identical file.
     */
    long long created;
    /**
     * Language of the fixed strings: `strings/LANG.yaml` beside the layout
     * (letters and '-' only). NULL: the language the layout names.
     */
    const char *lang;
    /**
     * Non-zero: where the narrative in @c lang lacks a section the English one
     * has, print the English section. Zero: pdurep_report_write() refuses to mix
     * languages (::PDUREP_ERROR_DATA, naming the missing sections).
     */
    int allow_fallback;
} pdurep_report_options;

/** What a rendering produced, for tests and benchmarks. */
typedef struct pdurep_report_stats {
    size_t pages;                /**< Pages in the document. */
    unsigned long text_drawn;    /**< Text fragments drawn. */
    unsigned long text_outside;  /**< Fragments that crossed the page margins (0 when all is well). */
} pdurep_report_stats;

/**
 * @brief Lay out a report from computed ratings and a narrative and save it.
 *
 * The file at @p path is written directly; use pdurep_report_write() for an
 * atomic replacement.
 * @param r Ratings of the inspection.
 * @param n Its narrative (may have no sections; the prose parts are then left out).
 * @param path Output file.
 * @param opt Options, or NULL for the defaults.
 * @param stats Receives counts when not NULL.
 * @param diag Receives `file:line:column: message` for layout and strings problems.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (layout, strings or font missing);
 *         ::PDUREP_ERROR_DATA (a problem in the layout or strings file, or a bad
 *         `$SOURCE_DATE_EPOCH`); ::PDUREP_ERROR_IO; ::PDUREP_ERROR_INTERNAL (libharu failed).
 */
pdurep_error pdurep_report_render(const pdurep_ratings *r, const pdurep_narrative *n, const char *path,
                                  const pdurep_report_options *opt, pdurep_report_stats *stats,
                                  pdurep_diag *diag);

/**
 * @brief Lay out a region's report, with its PDUs for the sections that compare them.
 *
 * As pdurep_report_render(); @p pdus (pdurep_region_pdus_load()) feeds the
 * layout's `pdus` section. With @p pdus NULL that section is left out, as it
 * is by pdurep_report_render().
 */
pdurep_error pdurep_report_render_region(const pdurep_ratings *r, const pdurep_region_pdus *pdus,
                                         const pdurep_narrative *n, const char *path,
                                         const pdurep_report_options *opt,
                                         pdurep_report_stats *stats, pdurep_diag *diag);

/**
 * @brief Compute an inspection's ratings, load its narrative and write its report atomically.
 *
 * For a region inspection the PDUs it pools are rated too, for the sections
 * that compare them (see pdurep_report_render_region()).
 *
 * The PDF goes to a temporary file beside @p path, renamed over @p path only
 * when complete: a failure leaves no partial file and keeps an older one.
 * @param db The database.
 * @param id Inspection id.
 * @param path Output file.
 * @param opt Options, or NULL.
 * @param stats Receives counts when not NULL.
 * @param diag Receives messages.
 * @return As pdurep_report_render(), and ::PDUREP_ERROR_NO_INPUT (no such
 *         inspection), ::PDUREP_ERROR_CANT_CREATE (folder missing or not writable),
 *         ::PDUREP_ERROR_DATABASE.
 */
pdurep_error pdurep_report_write(pdurep_db *db, const char *id, const char *path,
                                 const pdurep_report_options *opt, pdurep_report_stats *stats,
                                 pdurep_diag *diag);

/**
 * @brief Batch writer (see batch.h): the report of @p id in language @p lang.
 *
 * Written atomically with the default layout of the inspection's kind
 * (`pdu-report` or `region-report`). The creation date is
 * `$SOURCE_DATE_EPOCH` when set, else the inspection's publication date, else
 * its fieldwork start (midnight UTC), so that a batch run twice gives the same bytes.
 * @param db The database.
 * @param id The inspection.
 * @param path Where to write.
 * @param lang Language code, e.g. "en" or "cy".
 * @param units Receives the number of pages.
 * @param diag Receives the reason for a failure.
 */
pdurep_error pdurep_report_batch_write(pdurep_db *db, const char *id, const char *path,
                                       const char *lang, int *units, pdurep_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
