/**
 * @file ratings.h
 * @brief The rating calculator: percentages, ratings with reasons, score, breakdowns.
 *
 * Every writer (text table, JSON, PDF, XLSX) reads figures from a
 * ::pdurep_ratings and never re-derives them.
 */
#ifndef PDUREP_RATINGS_H
#define PDUREP_RATINGS_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/framework.h"
#include "pdurep/inspection.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Yes / No / not-applicable counts of one question over a set of cases. */
typedef struct pdurep_tally {
    unsigned long yes;      /**< Cases answered Yes. */
    unsigned long no;       /**< Cases answered No. */
    unsigned long na;       /**< Cases where the question did not apply (or a prompt was blank). */
} pdurep_tally;

/** @brief Relevant cases of a tally: Yes + No. */
static inline unsigned long pdurep_tally_relevant(pdurep_tally t) { return t.yes + t.no; }

/**
 * @brief Unrounded percent Yes of relevant cases.
 * @return 0..100, or a negative value when no case is relevant.
 */
double pdurep_tally_percent(pdurep_tally t);

/** The result of one standard. */
typedef struct pdurep_standard_result {
    const pdurep_standard *standard; /**< The framework's standard. */
    pdurep_rating rating;            /**< Final rating (after any panel override). */
    pdurep_rating computed_rating;   /**< Rating from cases; NONE for judged standards. */
    int points;                      /**< Points of the final rating. */
    int overridden;                  /**< Non-zero when a panel override changed a computed rating. */
    const char *rationale;           /**< Judgement or override rationale, or "". */
    long driver;                     /**< Question index of the lowest key question; -1 if judged. */
    const pdurep_band *band;         /**< Band of the driver; NULL if judged. */
} pdurep_standard_result;

/** Per-value tallies of every question for one attribute (e.g. rosh). */
typedef struct pdurep_breakdown {
    const pdurep_attribute *attribute; /**< The attribute. */
    unsigned long *cases;   /**< Cases per value, [attribute->n_values]. */
    pdurep_tally *tallies;  /**< [value * n_questions + question]. */
    /**
     * The reference group of the relative rate index: the value with the most
     * cases (first in framework order on ties), -1 when no case has any.
     */
    long reference;
} pdurep_breakdown;

/** Everything the calculator derives for one inspection. */
typedef struct pdurep_ratings {
    pdurep_inspection *inspection;     /**< Metadata. */
    pdurep_framework *framework;       /**< The inspection's framework. */
    unsigned long n_cases;             /**< Cases in the sample. */
    pdurep_tally *questions;           /**< One tally per framework question, same order. */
    /** Band of each question's percentage (pdurep_framework_band()), same order; NULL
     *  where no case is relevant. Writers shade every question by it, driver or not. */
    const pdurep_band **bands;
    /** PDU: per question, same order, non-zero when the inspection's bundle had its column;
     *  a question never collected is not "every case not applicable" and writers show it
     *  as not available. NULL when all count as collected (a region, a pool). */
    unsigned char *collected;
    pdurep_standard_result *standards; /**< One per framework standard, same order. */
    pdurep_breakdown *breakdowns;      /**< One per framework attribute, same order. */
    int score;                         /**< Sum of points. */
    int max_score;                     /**< Most points possible. */
    pdurep_rating overall;             /**< Overall rating from the score. */
    char **pdus;                       /**< Region: ids of the PDU inspections it lists, by id. */
    size_t n_pdus;                     /**< Region: number of PDU inspections pooled; 0 for a PDU. */
} pdurep_ratings;

/**
 * @brief Compute every figure of an inspection.
 * @param db The database.
 * @param id Inspection id.
 * @param out Receives the result; free with pdurep_ratings_free().
 * @param diag Receives messages on failure; may be NULL.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (no such inspection);
 *         ::PDUREP_ERROR_DATA (a judged standard has no judgement, a band is missing);
 *         ::PDUREP_ERROR_DATABASE; ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_ratings_compute(pdurep_db *db, const char *id, pdurep_ratings **out,
                                    pdurep_diag *diag);

/**
 * @brief Pool the cases of every PDU inspection on one framework, in one pass.
 *
 * For comparators ("the region", "all inspections"): the result holds only
 * tallies (questions, breakdowns, n_cases) and, in pdus, the inspections
 * pooled; inspection and standards are NULL and nothing is rated.
 * @param db The database.
 * @param framework Framework code; only PDU inspections on it are pooled.
 * @param region Only PDU inspections of this region, or NULL for all.
 * @param out Receives the result; free with pdurep_ratings_free().
 * @param diag Receives messages on failure; may be NULL.
 * @return ::PDUREP_OK (possibly with no case), ::PDUREP_ERROR_NO_INPUT (unknown
 *         framework), ::PDUREP_ERROR_DATA, ::PDUREP_ERROR_DATABASE.
 */
pdurep_error pdurep_ratings_pool(pdurep_db *db, const char *framework, const char *region,
                                 pdurep_ratings **out, pdurep_diag *diag);

/**
 * @brief Pool the cases of the PDU inspections a region inspection lists, on one framework.
 *
 * Like pdurep_ratings_pool(), but the set is the region's own list (its
 * bundle's pdus.csv), so another year's inspection of a PDU never joins it.
 * @param db The database.
 * @param framework Framework code of the PDUs.
 * @param region_id Id of the region inspection.
 * @param out Receives the tallies; free with pdurep_ratings_free().
 * @param diag Receives messages on failure; may be NULL.
 * @return As pdurep_ratings_pool().
 */
pdurep_error pdurep_ratings_pool_region(pdurep_db *db, const char *framework,
                                        const char *region_id, pdurep_ratings **out,
                                        pdurep_diag *diag);

/**
 * @brief The region inspection whose list holds a PDU inspection (the latest by fieldwork).
 * @param db The database.
 * @param pdu_id Id of the PDU inspection.
 * @param region_id Receives a malloc'd id, or NULL when no region lists it.
 * @param diag Receives a message on failure; may be NULL.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_DATABASE.
 */
pdurep_error pdurep_region_of_pdu(pdurep_db *db, const char *pdu_id, char **region_id,
                                  pdurep_diag *diag);

/** @brief Free a result. NULL is allowed. */
void pdurep_ratings_free(pdurep_ratings *r);

/**
 * @brief A deep copy of @p r (figures, framework, inspection) that shares no memory with it.
 * @return The copy; free with pdurep_ratings_free(). NULL when out of memory.
 */
pdurep_ratings *pdurep_ratings_copy(const pdurep_ratings *r);

/**
 * @brief The tally of a question for one value of one attribute.
 * @param r The result.
 * @param attribute Attribute index.
 * @param value Value index within the attribute.
 * @param question Question index.
 */
pdurep_tally pdurep_ratings_breakdown(const pdurep_ratings *r, size_t attribute, size_t value,
                                      size_t question);

/**
 * @brief The tally of a question for one attribute value, by codes ("rosh", "medium", "2.1.3").
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_INPUT if a code is unknown.
 */
pdurep_error pdurep_ratings_breakdown_by_code(const pdurep_ratings *r, const char *attribute,
                                              const char *value, const char *question,
                                              pdurep_tally *out);

/**
 * @brief Relative rate index of a group against a reference group for a question.
 * @return (yes_g / relevant_g) / (yes_ref / relevant_ref), or a negative value
 *         when either group has fewer than @p min_relevant relevant cases or
 *         the reference rate is zero.
 */
double pdurep_relative_rate_index(pdurep_tally group, pdurep_tally reference,
                                  unsigned long min_relevant);

/**
 * @brief Why a standard has its rating, in one English sentence.
 *
 * For a computed standard: the driving key question, its counts and percent,
 * the band and its range, and any panel override with its rationale.
 * @param r The result.
 * @param standard Standard index.
 * @return A malloc'd string, or NULL when out of memory.
 */
char *pdurep_standard_reason(const pdurep_ratings *r, size_t standard);

/** Flags for pdurep_ratings_to_json(). */
enum {
    PDUREP_JSON_PRETTY = 1 << 0,     /**< Indent the output. */
    PDUREP_JSON_PROMPTS = 1 << 1,    /**< Include every prompt's counts. */
    PDUREP_JSON_BREAKDOWNS = 1 << 2, /**< Include breakdowns by attribute. */
};

/**
 * @brief The ratings as JSON text (the shape documented in the README).
 * @param r The result.
 * @param flags Bitwise OR of PDUREP_JSON_* flags.
 * @return A malloc'd NUL-terminated string, or NULL when out of memory.
 */
char *pdurep_ratings_to_json(const pdurep_ratings *r, int flags);

/**
 * @brief The ratings as CSV: one row per standard, one per key question and
 * one for the overall rating, under the header documented in the README
 * (`pdurep rate ID --csv`).
 * @param r The result.
 * @return A malloc'd NUL-terminated string, or NULL when out of memory.
 */
char *pdurep_ratings_to_csv(const pdurep_ratings *r);

#ifdef __cplusplus
}
#endif
#endif
