/**
 * @file inspection.h
 * @brief Inspections: import of bundles, listing, metadata.
 */
#ifndef PDUREP_INSPECTION_H
#define PDUREP_INSPECTION_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/framework.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Metadata of one inspection, as given in inspection.csv. Unset text fields are "". */
typedef struct pdurep_inspection {
    char *id;              /**< "north-wales-2025" */
    char *kind;            /**< "pdu" or "region" */
    char *name;            /**< "North Wales" */
    char *region;          /**< "Wales" */
    char *framework;       /**< "probation-pdu-2023" */
    char *fieldwork_start; /**< YYYY-MM-DD */
    char *published;       /**< YYYY-MM-DD or "" */
    char *lead_inspector;  /**< Name or "" */
    char *inspectorate;    /**< Publishing body, or "" */
    long caseload;         /**< PDU caseload at announcement, or -1 */
    long n_cases;          /**< Cases imported for it. */
    char *bundle_sha256;   /**< SHA-256 of the bundle it came from, or "" (imported before
                                schema version 4). */
    char *imported_at;     /**< When it was imported, YYYY-MM-DDTHH:MM:SSZ, or "". */
} pdurep_inspection;

/** Flags for pdurep_import(). */
enum {
    PDUREP_IMPORT_REPLACE = 1 << 0, /**< Replace an inspection with the same id, atomically. */
};

/**
 * @brief Import an inspection bundle (a folder of CSV files) in one transaction.
 *
 * Every problem found is added to @p diag as `PATH:LINE:COLUMN: message` (the
 * path as @p dir joined with the file name). On any error the database is left
 * exactly as it was.
 * @param db Open database.
 * @param dir Bundle folder.
 * @param flags ::PDUREP_IMPORT_REPLACE or 0.
 * @param id_out If not NULL, receives a malloc'd copy of the imported id.
 * @param diag Collector for problems.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (missing folder or file);
 *         ::PDUREP_ERROR_DATA (bad content); ::PDUREP_ERROR_EXISTS (id taken);
 *         ::PDUREP_ERROR_DATABASE; ::PDUREP_ERROR_NO_MEMORY (the transaction rolled back,
 *         as on every error).
 */
pdurep_error pdurep_import(pdurep_db *db, const char *dir, int flags, char **id_out,
                           pdurep_diag *diag);

/**
 * @brief Read one inspection's metadata.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (no such id), ::PDUREP_ERROR_DATABASE,
 *         ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_inspection_get(pdurep_db *db, const char *id, pdurep_inspection **out);

/**
 * @brief List every inspection, ordered by id.
 * @param db The database.
 * @param out Receives an array of @p n_out inspections; free with pdurep_inspection_list_free().
 * @param n_out Receives the count.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATABASE, ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_inspection_list(pdurep_db *db, pdurep_inspection **out, size_t *n_out);

/**
 * @brief The creation time to stamp on a document, so identical input gives identical bytes.
 *
 * `$SOURCE_DATE_EPOCH` when set. Otherwise, when @p in is given (batch runs,
 * which produce a publication set), midnight UTC of its publication date, else
 * of its fieldwork start. Otherwise the current time.
 * @param in The inspection the document is about, or NULL.
 * @param out Receives seconds since 1970 (UTC), at least 1.
 * @param diag Receives a message when SOURCE_DATE_EPOCH is malformed.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_DATA (malformed SOURCE_DATE_EPOCH).
 */
pdurep_error pdurep_document_time(const pdurep_inspection *in, long long *out, pdurep_diag *diag);

/** One case as stored, in the terms of a framework. Valid only during the callback. */
typedef struct pdurep_case {
    const char *case_id;   /**< The bundle's case id. */
    const size_t *values;  /**< For each framework attribute, the index of the case's value. */
    const char *answers;   /**< For each framework question, 'Y', 'N' or '-' (not applicable
                                or not asked). */
} pdurep_case;

/** Called for each case; return 0 to go on, non-zero to stop (returned as the error). */
typedef int (*pdurep_case_fn)(const pdurep_case *c, void *user);

/**
 * @brief Read an inspection's cases in case-id order, their attributes and answers mapped
 * onto @p fw (the framework the inspection was imported with).
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (no such inspection); ::PDUREP_ERROR_DATA
 *         (a stored value the framework does not list); ::PDUREP_ERROR_DATABASE;
 *         ::PDUREP_ERROR_NO_MEMORY; or the callback's non-zero value.
 */
pdurep_error pdurep_cases_read(pdurep_db *db, const char *id, const pdurep_framework *fw,
                               pdurep_case_fn fn, void *user, pdurep_diag *diag);

/** @brief Free one inspection from pdurep_inspection_get(). NULL is allowed. */
void pdurep_inspection_free(pdurep_inspection *insp);

/**
 * @brief A deep copy of @p in that shares no memory with it.
 * @return The copy; free with pdurep_inspection_free(). NULL when out of memory.
 */
pdurep_inspection *pdurep_inspection_copy(const pdurep_inspection *in);

/** @brief Free an array from pdurep_inspection_list(). */
void pdurep_inspection_list_free(pdurep_inspection *list, size_t n);

#ifdef __cplusplus
}
#endif
#endif
