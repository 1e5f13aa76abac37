/**
 * @file check.h
 * @brief Integrity of the database: SQLite's own checks and a checksum of
 *        each inspection's and each framework's stored rows.
 *
 * Import records a SHA-256 of every row that belongs to the inspection (its
 * own row and every row of a table with a foreign key to it, or else an
 * `inspection` column, naming it) and of every row of its framework (likewise,
 * other than inspections). Commands that
 * compute figures verify both first, so a damaged database is refused rather
 * than giving different figures.
 */
#ifndef PDUREP_CHECK_H
#define PDUREP_CHECK_H

#include <stdio.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a checksum covers: one inspection or one framework. */
typedef enum pdurep_checksum_owner {
    PDUREP_CHECKSUM_INSPECTION = 0, /**< An inspection, by id. */
    PDUREP_CHECKSUM_FRAMEWORK,      /**< A framework, by code. */
} pdurep_checksum_owner;

/**
 * @brief Compute and record the checksum of @p id's rows.
 *
 * Call it inside the transaction that changes the rows, after the change.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_MEMORY, or the database error (reported to @p diag).
 */
pdurep_error pdurep_checksum_record(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                                    pdurep_diag *diag);

/**
 * @brief Verify @p id's rows against the recorded checksum.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_DATABASE with a message naming the
 *         database and the inspection or framework when the rows do not match
 *         or no checksum is recorded; ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_checksum_verify(pdurep_db *db, pdurep_checksum_owner owner, const char *id,
                                    pdurep_diag *diag);

/**
 * @brief Verify an inspection and its framework: what every command that
 *        computes figures from @p id calls first.
 */
pdurep_error pdurep_checksum_verify_inspection(pdurep_db *db, const char *id, pdurep_diag *diag);

/**
 * @brief Verify every inspection and framework; stops at the first that does not match.
 *
 * For figures pooled over several inspections.
 */
pdurep_error pdurep_checksum_verify_all(pdurep_db *db, pdurep_diag *diag);

/**
 * @brief Record the checksum of every inspection and framework afresh.
 *
 * For a schema migration, which changes rows on purpose, inside its transaction.
 */
pdurep_error pdurep_checksum_record_all(pdurep_db *db, pdurep_diag *diag);

/**
 * @brief The whole check of `pdurep check`: SQLite's integrity_check and
 *        foreign_key_check, then the checksum of every inspection (or only
 *        @p id, if not NULL) and of the frameworks they use.
 *
 * One line per inspection or framework checked goes to @p out ("ok" or what
 * is wrong); problems also go to @p diag.
 * @return ::PDUREP_OK if everything holds; ::PDUREP_ERROR_NO_INPUT if @p id is
 *         not in the database; ::PDUREP_ERROR_DATABASE if anything is damaged.
 */
pdurep_error pdurep_db_check(pdurep_db *db, const char *id, FILE *out, pdurep_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
