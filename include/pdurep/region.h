/**
 * @file region.h
 * @brief The PDUs behind a region: each PDU's own ratings and their pooled figures.
 *
 * A region's ratings (pdurep_ratings_compute() on a region inspection) hold
 * the region framework's pooled tallies. The region's documents also compare
 * its PDUs with each other and with the region as a whole on the PDUs' own
 * framework; this object gathers those figures once, from the calculator, so
 * the PDF report and the XLSX annexe print the same numbers.
 */
#ifndef PDUREP_REGION_H
#define PDUREP_REGION_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/ratings.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A region's PDU inspections, rated one by one, and pooled on their own framework. */
typedef struct pdurep_region_pdus {
    pdurep_ratings **pdus;  /**< Each PDU's ratings, ordered by PDU name (then id). */
    size_t n_pdus;          /**< Number of PDUs (the region's pooled inspections). */
    /**
     * The PDUs' cases pooled on the PDU framework (pdurep_ratings_pool()): tallies
     * only, no ratings. Its key questions are the region-wide values the PDUs
     * are compared with.
     */
    pdurep_ratings *pooled;
} pdurep_region_pdus;

/**
 * @brief Rate every PDU a region pools and pool their cases on the PDU framework.
 * @param db The database.
 * @param region Computed ratings of a region inspection (its @c pdus name the PDUs; its
 *        region is the name the PDUs carry in the data, so not a localised copy).
 * @param out Receives the figures; free with pdurep_region_pdus_free().
 * @param diag Receives messages on failure.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_USAGE when @p region is not a region or
 *         pools no PDU; otherwise as pdurep_ratings_compute().
 */
pdurep_error pdurep_region_pdus_load(pdurep_db *db, const pdurep_ratings *region,
                                     pdurep_region_pdus **out, pdurep_diag *diag);

/** @brief Free the figures. NULL is allowed. */
void pdurep_region_pdus_free(pdurep_region_pdus *p);

#ifdef __cplusplus
}
#endif
#endif
