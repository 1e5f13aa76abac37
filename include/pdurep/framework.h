/**
 * @file framework.h
 * @brief Inspection frameworks: standards, questions, bands, points, overall bands.
 *
 * A framework is data. It is read from a folder of CSV files under
 * `frameworks/NAME/` (see the README for the format), stored in the database
 * on import, and read back from there by the rating calculator. Nothing about
 * a particular framework is written in C.
 */
#ifndef PDUREP_FRAMEWORK_H
#define PDUREP_FRAMEWORK_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The inspectorate's four-point scale, ordered worst to best. */
typedef enum pdurep_rating {
    PDUREP_RATING_NONE = -1,              /**< No rating (not rated, unknown). */
    PDUREP_RATING_INADEQUATE = 0,         /**< "Inadequate" */
    PDUREP_RATING_REQUIRES_IMPROVEMENT,   /**< "Requires improvement" */
    PDUREP_RATING_GOOD,                   /**< "Good" */
    PDUREP_RATING_OUTSTANDING,            /**< "Outstanding" */
    PDUREP_RATING_COUNT                   /**< Number of ratings. */
} pdurep_rating;

/**
 * @brief The canonical English name of a rating ("Requires improvement").
 * @return A static string; "" for ::PDUREP_RATING_NONE or out of range.
 */
const char *pdurep_rating_name(pdurep_rating rating);

/**
 * @brief Parse a rating name, ignoring case and surrounding spaces.
 * @return The rating, or ::PDUREP_RATING_NONE when @p text names none.
 */
pdurep_rating pdurep_rating_parse(const char *text);

/** How a standard gets its rating. */
typedef enum pdurep_rated_by {
    PDUREP_RATED_BY_JUDGEMENT = 0, /**< Inspectors' judgement, from judgements.csv. */
    PDUREP_RATED_BY_CASES          /**< Computed from case answers to its key questions. */
} pdurep_rated_by;

/** One band of the percentage scale ("Too few": 50% to under 65%). */
typedef struct pdurep_band {
    double min_percent;   /**< Lower bound, inclusive, in percent (0..100). */
    char *name;           /**< Band name, e.g. "Reasonable majority". */
    pdurep_rating rating; /**< Rating a driver question in this band gives. */
} pdurep_band;

/** One overall band of the score ("6 to 10: Requires improvement"). */
typedef struct pdurep_overall_band {
    int min_score;        /**< Inclusive. */
    int max_score;        /**< Inclusive. */
    pdurep_rating rating; /**< Overall rating for scores in the range. */
} pdurep_overall_band;

/** A key question or a prompt under one. */
typedef struct pdurep_question {
    char *code;          /**< "2.1.3" (key question) or "2.1.3b" (prompt). */
    char *text;          /**< Wording. */
    int paraphrased;     /**< Non-zero when the wording is ours, not the inspectorate's. */
    size_t standard;     /**< Index of its standard in pdurep_framework::standards. */
    long parent;         /**< Index of its key question for a prompt; -1 for a key question. */
    char *pooled_from;      /**< Region frameworks: code of the PDU question whose answers are
                                 pooled over the region's PDU cases; NULL otherwise. */
    char *filter_attribute; /**< With pooled_from: count only cases whose attribute ... */
    char *filter_value;     /**< ... has this value (e.g. sentence_type = licence); NULL for all. */
} pdurep_question;

/** A rated standard. */
typedef struct pdurep_standard {
    char *code;               /**< "P2.1" */
    char *name;               /**< "Assessment" */
    char *statement;          /**< The standard's one-sentence statement. */
    int domain;               /**< 1 or 2. */
    char *domain_name;        /**< "Service delivery" */
    pdurep_rated_by rated_by; /**< Judgement or cases. */
    size_t *key_questions;    /**< Indices into pdurep_framework::questions, in order. */
    size_t n_key_questions;   /**< Number of key questions (0 for judged standards). */
} pdurep_standard;

/** A case attribute used for breakdowns and the allowed values. */
typedef struct pdurep_attribute {
    char *code;      /**< Column name in cases.csv, e.g. "rosh". */
    char *label;     /**< Readable name, e.g. "Risk of serious harm". */
    char **values;   /**< Allowed values as written in cases.csv (lower case). */
    char **labels;   /**< Readable label per value. */
    size_t n_values; /**< Number of values. */
} pdurep_attribute;

/** A whole framework. All arrays are owned by the framework. */
typedef struct pdurep_framework {
    char *code;                 /**< "probation-pdu-2023" */
    char *name;                 /**< Readable name. */
    char *kind;                 /**< "pdu" or "region". */
    int band_on_rounded;        /**< Non-zero: band on the rounded percent, not the unrounded one. */
    int provisional;            /**< Non-zero: the rules are provisional (say so in outputs). */
    pdurep_standard *standards;     /**< Standards, in order. */
    size_t n_standards;             /**< Number of standards. */
    pdurep_question *questions;     /**< Key questions and prompts, in order. */
    size_t n_questions;             /**< Number of questions. */
    pdurep_band *bands;             /**< Sorted by min_percent descending. */
    size_t n_bands;                 /**< Number of bands. */
    int points[PDUREP_RATING_COUNT]; /**< Points per rating. */
    pdurep_overall_band *overall;   /**< Sorted by min_score ascending. */
    size_t n_overall;               /**< Number of overall bands. */
    pdurep_attribute *attributes;   /**< Breakdown attributes, in order. */
    size_t n_attributes;            /**< Number of attributes. */
} pdurep_framework;

/**
 * @brief Read a framework from a folder of CSV files.
 * @param dir Folder holding framework.csv, standards.csv, questions.csv,
 *        bands.csv, points.csv, overall.csv and attributes.csv.
 * @param out Receives the framework on success.
 * @param diag Receives `file:line:column: message` for each problem; may be NULL.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT if a file is missing;
 *         ::PDUREP_ERROR_DATA if a file is malformed; ::PDUREP_ERROR_NO_MEMORY when
 *         out of memory (nothing is returned then).
 */
pdurep_error pdurep_framework_read_dir(const char *dir, pdurep_framework **out,
                                       pdurep_diag *diag);

/** @brief Free a framework. NULL is allowed. */
void pdurep_framework_free(pdurep_framework *fw);

/**
 * @brief A deep copy of @p fw that shares no memory with it.
 * @return The copy; free with pdurep_framework_free(). NULL when out of memory.
 */
pdurep_framework *pdurep_framework_copy(const pdurep_framework *fw);

/**
 * @brief Find a question by code.
 * @return Its index in pdurep_framework::questions, or -1.
 */
long pdurep_framework_question_index(const pdurep_framework *fw, const char *code);

/**
 * @brief Find a standard by code.
 * @return Its index in pdurep_framework::standards, or -1.
 */
long pdurep_framework_standard_index(const pdurep_framework *fw, const char *code);

/**
 * @brief Find an attribute by code.
 * @return Its index in pdurep_framework::attributes, or -1.
 */
long pdurep_framework_attribute_index(const pdurep_framework *fw, const char *code);

/**
 * @brief The band a percentage falls in, honouring pdurep_framework::band_on_rounded.
 * @param fw The framework.
 * @param percent Unrounded percent, 0..100.
 * @return The band, or NULL if no band covers @p percent (a broken framework).
 */
const pdurep_band *pdurep_framework_band(const pdurep_framework *fw, double percent);

/**
 * @brief The overall rating for a score.
 * @return The rating, or ::PDUREP_RATING_NONE when no overall band covers @p score.
 */
pdurep_rating pdurep_framework_overall(const pdurep_framework *fw, int score);

/** @brief Highest possible score: the best rating's points times the number of standards. */
int pdurep_framework_max_score(const pdurep_framework *fw);

/**
 * @brief Round a percentage half up to a whole number, as the inspectorate prints it.
 *
 * Works on the exact fraction so that 52.5 prints 53 and 64.999... prints 65.
 * @param yes Count of Yes answers.
 * @param relevant Count of relevant answers; 0 gives -1.
 */
int pdurep_percent_rounded(unsigned long yes, unsigned long relevant);

#ifdef __cplusplus
}
#endif
#endif
