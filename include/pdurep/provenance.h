/**
 * @file provenance.h
 * @brief Where an inspection's data came from: import time, pdurep version,
 * the SHA-256 of its bundle and of each file, and the history of its imports.
 */
#ifndef PDUREP_PROVENANCE_H
#define PDUREP_PROVENANCE_H

#include <stddef.h>
#include "pdurep/db.h"
#include "pdurep/diag.h"
#include "pdurep/error.h"
#include "pdurep/inspection.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One stored file of an inspection's bundle. */
typedef struct pdurep_provenance_file {
    char *name;   /**< File name in the bundle, e.g. "cases.csv". */
    char *sha256; /**< SHA-256 of its bytes, lower-case hex. */
    long long size; /**< Bytes. */
} pdurep_provenance_file;

/** One change of an inspection's data, oldest first. */
typedef struct pdurep_provenance_event {
    char *event;   /**< "import", "replace" or "narrative" (a narrative replaced in place). */
    char *at;      /**< UTC time, YYYY-MM-DDTHH:MM:SSZ. */
    char *version; /**< pdurep version that made the change. */
    char *sha256;  /**< Bundle hash after the change. */
} pdurep_provenance_event;

/** The provenance of one inspection. Text fields are "" when unknown (imported before
 *  schema version 4, which started recording them). */
typedef struct pdurep_provenance {
    char *imported_at;               /**< Time of the latest change. */
    char *version;                   /**< pdurep version of the latest change. */
    char *sha256;                    /**< Bundle hash now. */
    pdurep_provenance_file *files;   /**< Stored files, in byte order of name. */
    size_t n_files;                  /**< Number of stored files. */
    pdurep_provenance_event *history; /**< Every import, replacement and narrative change. */
    size_t n_history;                /**< Number of events. */
} pdurep_provenance;

/**
 * @brief Read an inspection's provenance.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (no such inspection), ::PDUREP_ERROR_DATABASE,
 *         ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_provenance_get(pdurep_db *db, const char *id, pdurep_provenance **out,
                                   pdurep_diag *diag);

/** @brief Free what pdurep_provenance_get() gave. NULL is allowed. */
void pdurep_provenance_free(pdurep_provenance *p);

/** Flags for the JSON writers below. */
enum {
    PDUREP_SHOW_PRETTY = 1 << 0, /**< Indent the output. */
};

/**
 * @brief Everything `pdurep show ID --json` prints: the inspection's facts, its
 * round (the PDUs a region lists, with whether each is present, or the
 * regions that list a PDU), its provenance, files and history.
 * @param db The database.
 * @param id The inspection.
 * @param flags ::PDUREP_SHOW_PRETTY or 0.
 * @param out Receives a malloc'd NUL-terminated string.
 * @param diag Receives a message on failure; may be NULL.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT, ::PDUREP_ERROR_DATABASE,
 *         ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_inspection_show_json(pdurep_db *db, const char *id, int flags, char **out,
                                         pdurep_diag *diag);

/**
 * @brief `pdurep list --json`: an array with one object per inspection (id,
 * kind, name, region, framework, fieldwork_start, published, cases,
 * bundle_sha256, imported_at).
 * @return A malloc'd NUL-terminated string, or NULL when out of memory.
 */
char *pdurep_inspection_list_json(const pdurep_inspection *list, size_t n, int flags);

#ifdef __cplusplus
}
#endif
#endif
