/**
 * @file annexe.h
 * @brief XLSX data annexes and per-PDU sharing workbooks.
 *
 * The full annexe holds every figure behind an inspection's ratings. The
 * sharing workbook (::pdurep_annexe_options::share) is sent to a PDU leader:
 * their own figures, comparators that are only aggregates of several
 * inspections, no case ids and small numbers suppressed as `[c]`.
 *
 * Figures are read only through ratings.h; the writer derives nothing but
 * fractions (Yes / relevant) for display.
 */
#ifndef PDUREP_ANNEXE_H
#define PDUREP_ANNEXE_H

#include <stddef.h>
#include <time.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/ratings.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default small-number threshold of sharing workbooks (relevant below it is `[c]`). */
#define PDUREP_ANNEXE_DEFAULT_SUPPRESS 5

/**
 * Default least number of inspections in a comparator aggregate. With fewer,
 * subtracting the PDU's own figures would give another PDU's figures.
 */
#define PDUREP_ANNEXE_DEFAULT_MIN_COMPARATOR 3

/** Fewest relevant cases a group needs for a relative rate index (methodology). */
#define PDUREP_ANNEXE_RRI_MIN_RELEVANT 5

/** Relative rate index below this is flagged (the toolkit's convention, not the inspectorate's). */
#define PDUREP_ANNEXE_RRI_LOW 0.8

/** Relative rate index above this is flagged (the toolkit's convention). */
#define PDUREP_ANNEXE_RRI_HIGH 1.25

/** How to choose libxlsxwriter's constant-memory mode. */
typedef enum pdurep_annexe_memory {
    PDUREP_ANNEXE_MEMORY_AUTO = 0, /**< Constant memory when the case sheet is large. */
    PDUREP_ANNEXE_MEMORY_NORMAL,   /**< Always in memory (worksheet tables everywhere). */
    PDUREP_ANNEXE_MEMORY_CONSTANT  /**< Always constant memory (autofilters instead of tables). */
} pdurep_annexe_memory;

/** Options of pdurep_annexe_write(). Initialise with pdurep_annexe_options_init(). */
typedef struct pdurep_annexe_options {
    int share;                  /**< Non-zero: a sharing workbook for the PDU's leader. */
    long suppress;              /**< Threshold; -1: the default (5 when sharing, none otherwise). */
    int with_cases;             /**< Non-zero: add the case-level sheet (refused when sharing). */
    pdurep_annexe_memory memory;/**< Constant-memory choice. */
    time_t created;             /**< Creation time; 0: `$SOURCE_DATE_EPOCH`, else now. */
    const char *strings_path;   /**< Strings file read alone (no fallback); NULL: see @c lang. */
    unsigned min_comparator;    /**< Least inspections in a comparator aggregate. */
    unsigned long large_cases;  /**< AUTO memory: case sheets with more cases use constant memory. */
    /**
     * Language of the fixed text when @c strings_path is NULL:
     * `layouts/strings/annexe-LANG.yaml`, falling back to `annexe-en.yaml` per key.
     * NULL means English.
     */
    const char *lang;
    /** If not NULL, receives the number of sheets of a workbook written successfully. */
    int *n_sheets;
} pdurep_annexe_options;

/** @brief Fill @p opts with the defaults: full annexe, no case sheet, automatic memory mode. */
void pdurep_annexe_options_init(pdurep_annexe_options *opts);

/**
 * One comparator: the pooled tallies of several inspections (a region, or all
 * inspections in the database) over the same framework as the annexe's.
 */
typedef struct pdurep_annexe_comparator {
    char *label;                /**< "Wales region", "All inspections". */
    size_t n_inspections;       /**< Inspections pooled. */
    unsigned long n_cases;      /**< Cases pooled. */
    pdurep_tally *questions;    /**< One per framework question. */
    pdurep_tally *breakdowns;   /**< [attribute][value][question], flattened like the calculator's. */
    unsigned long *cases;       /**< Cases per attribute value, flattened [attribute][value]. */
} pdurep_annexe_comparator;

/**
 * @brief Pool every inspection of the database that uses @p r's framework and
 * matches @p region (all of them when @p region is NULL).
 *
 * Each inspection's figures come from pdurep_ratings_compute(); its tallies are summed.
 * @param db The database.
 * @param r The annexe's own ratings (gives the framework; its inspection is pooled too).
 * @param region Region name, or NULL for all inspections.
 * @param label Label to give the comparator.
 * @param out Receives the comparator; free with pdurep_annexe_comparator_free().
 * @param diag Receives messages on failure.
 */
pdurep_error pdurep_annexe_comparator_build(pdurep_db *db, const pdurep_ratings *r,
                                            const char *region, const char *label,
                                            pdurep_annexe_comparator **out, pdurep_diag *diag);

/** @brief Free a comparator. NULL is allowed. */
void pdurep_annexe_comparator_free(pdurep_annexe_comparator *c);

/**
 * @brief Write the annexe (or sharing workbook) of inspection @p id to @p path.
 *
 * Computes the ratings, builds comparators when sharing, and writes the file
 * atomically: on any failure no file is left at @p path (an older file there
 * is kept).
 * @return ::PDUREP_OK; ::PDUREP_ERROR_USAGE (sharing with the case sheet);
 *         ::PDUREP_ERROR_NO_INPUT (no such inspection, no strings file);
 *         ::PDUREP_ERROR_DATA; ::PDUREP_ERROR_CANT_CREATE (folder missing or
 *         not writable); ::PDUREP_ERROR_IO; ::PDUREP_ERROR_INTERNAL (libxlsxwriter failed).
 */
pdurep_error pdurep_annexe_write(pdurep_db *db, const char *id, const char *path,
                                 const pdurep_annexe_options *opts, pdurep_diag *diag);

/**
 * @brief Write an annexe from figures already computed.
 *
 * The entry point for callers that hold a ::pdurep_ratings (and for tests
 * that build one by hand).
 * @param r The figures.
 * @param db Source of the case-level sheet; may be NULL when @p opts does not ask for it.
 * @param comparators Comparators to show when sharing (entries may be NULL: shown as not available).
 * @param n_comparators Number of comparators.
 * @param path Output file.
 * @param opts Options.
 * @param diag Receives messages on failure.
 */
pdurep_error pdurep_annexe_write_ratings(const pdurep_ratings *r, pdurep_db *db,
                                         pdurep_annexe_comparator *const *comparators,
                                         size_t n_comparators, const char *path,
                                         const pdurep_annexe_options *opts, pdurep_diag *diag);

/**
 * @brief Batch writer (see batch.h): the full annexe of @p id in language @p lang.
 *
 * Uses `layouts/strings/annexe-LANG.yaml` (English per missing key); stores the
 * number of sheets in @p units.
 * Plug into a ::pdurep_batch_writer as {"annexe", ".xlsx", NULL, 1, pdurep_annexe_batch_write}.
 */
pdurep_error pdurep_annexe_batch_write(pdurep_db *db, const char *id, const char *path,
                                       const char *lang, int *units, pdurep_diag *diag);

/**
 * @brief Batch writer: the sharing workbook of PDU @p id in language @p lang.
 *
 * Plug in as {"share", "-share.xlsx", "pdu", 1, pdurep_annexe_batch_write_share}.
 */
pdurep_error pdurep_annexe_batch_write_share(pdurep_db *db, const char *id, const char *path,
                                             const char *lang, int *units, pdurep_diag *diag);

/**
 * @brief Choose which cells of one table row to suppress (small-number suppression).
 *
 * The cells partition a total that is published elsewhere, so one hidden cell
 * could be recovered by subtraction. Primary suppression hides every cell
 * from 1 to below @p threshold (and every cell already marked in @p out); a
 * cell of 0 discloses nothing and is shown. Secondary suppression then hides
 * the smallest cells that are not 0 until at least two are hidden and the
 * hidden cells add up to at least @p threshold, so no single hidden cell can
 * be read off the total; a 0 is never chosen, since hiding an empty group
 * protects nothing.
 * @param counts Count per cell.
 * @param n Number of cells.
 * @param threshold Counts below this are hidden; 0 hides nothing.
 * @param out In: cells already to hide (non-zero); out: cells to hide.
 * @return Number of cells hidden.
 */
size_t pdurep_suppress_row(const unsigned long *counts, size_t n, unsigned long threshold,
                           unsigned char *out);

#ifdef __cplusplus
}
#endif
#endif
