/**
 * @file synth.h
 * @brief A seeded generator of synthetic inspection bundles, for tests and benchmarks.
 *
 * pdurep_synth_write() writes PDU bundles (and, on request, one region bundle
 * per region) in the documented bundle format. Every number comes from a
 * small PRNG of our own over integers only, so the same options give the same
 * bytes on every machine and every C library. No case in the output is real.
 */
#ifndef PDUREP_SYNTH_H
#define PDUREP_SYNTH_H

#include <stdint.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest accepted pdurep_synth_options::regions. */
#define PDUREP_SYNTH_MAX_REGIONS 999
/** Largest accepted pdurep_synth_options::pdus_per_region. */
#define PDUREP_SYNTH_MAX_PDUS 999
/** Largest accepted pdurep_synth_options::cases_per_pdu. */
#define PDUREP_SYNTH_MAX_CASES 9999999UL

/**
 * @brief Called once per bundle after its folder is in place.
 * @param user pdurep_synth_options::user.
 * @param id Inspection id, e.g. "r01-p03-2025".
 * @param kind "pdu" or "region".
 * @param path The bundle folder (OUT/id).
 * @param n_cases Cases written (0 for a region bundle).
 */
typedef void (*pdurep_synth_callback)(void *user, const char *id, const char *kind,
                                      const char *path, unsigned long n_cases);

/** What to generate. Fill with pdurep_synth_options_init(), then change fields. */
typedef struct pdurep_synth_options {
    const char *out_dir;          /**< Output folder; created (with parents) when missing. */
    uint64_t seed;                /**< Same seed, same bytes. Default 1. */
    unsigned regions;             /**< Regions, 1..PDUREP_SYNTH_MAX_REGIONS. Default 1. */
    unsigned pdus_per_region;     /**< PDUs per region, 1..PDUREP_SYNTH_MAX_PDUS. Default 6. */
    unsigned long cases_per_pdu;  /**< Cases per PDU, 1..PDUREP_SYNTH_MAX_CASES. Default 80. */
    int write_regions;            /**< Non-zero: also write one region bundle per region. Default 1. */
    int year;                     /**< Fieldwork year, used in ids and dates. Default 2025. */
    /** PDU framework folder to take question codes, standards and attributes from;
     *  NULL means `pdurep_data_dir()/frameworks/probation-pdu-2023`. */
    const char *framework_dir;
    /** Region framework folder whose judged standards a region bundle rates; NULL means
     *  `pdurep_data_dir()/frameworks/probation-region-2024`. When that folder does not
     *  exist, the provisional judged set R1.1, R1.2, R2.4, R2.5, R2.6 is used. */
    const char *region_framework_dir;
    pdurep_synth_callback wrote;  /**< Told about each bundle written; may be NULL. */
    void *user;                   /**< Passed to @c wrote. */
} pdurep_synth_options;

/**
 * @brief Fill @p opt with the defaults (seed 1, 1 region of 6 PDUs of 80 cases,
 *        region bundles on, year 2025, default frameworks, no output folder).
 */
void pdurep_synth_options_init(pdurep_synth_options *opt);

/**
 * @brief Write the bundles @p opt asks for under pdurep_synth_options::out_dir.
 *
 * Each bundle goes to `OUT/ID/`. It is written into `OUT/.ID.tmp/` and renamed
 * into place only when all its files are complete, so a failure never leaves a
 * half-written bundle; a previous bundle of the same id is replaced (a folder
 * of that name holding anything but bundle files is refused instead). Bundles
 * already written when a later one fails stay in place, each complete.
 *
 * PDU ids are `rRR-pPP-YEAR` (name "PDU RR-PP", region "Region RR"), region ids
 * `rRR-YEAR`. Answer rates vary by PDU and by key question (the third key
 * question of each standard, keeping other people safe, lowest; the first,
 * engaging, highest), licence cases score a few points lower on desistance,
 * prompts follow their key question, and some answers are not applicable.
 * @param opt What to write.
 * @param diag Receives `PATH: reason` for each problem; may be NULL.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_USAGE (a count out of range, no output
 *         folder); ::PDUREP_ERROR_NO_INPUT or ::PDUREP_ERROR_DATA (framework
 *         missing or broken); ::PDUREP_ERROR_CANT_CREATE (output folder cannot
 *         be made); ::PDUREP_ERROR_IO (a write failed part way).
 */
pdurep_error pdurep_synth_write(const pdurep_synth_options *opt, pdurep_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
