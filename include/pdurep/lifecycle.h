/**
 * @file lifecycle.h
 * @brief The whole life of an imported inspection: which rounds it is in,
 * deleting it, exporting its bundle, replacing its narrative, backing up the
 * database. Every change runs in one transaction.
 */
#ifndef PDUREP_LIFECYCLE_H
#define PDUREP_LIFECYCLE_H

#include <stddef.h>
#include "pdurep/db.h"
#include "pdurep/diag.h"
#include "pdurep/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The PDU inspections a region lists (its pdus.csv), in id order.
 * @param db The database.
 * @param region_id Id of a region inspection.
 * @param out Receives a malloc'd array of malloc'd ids; free with pdurep_id_list_free().
 * @param n_out Receives the count (0 for a PDU or an unknown id).
 * @param diag Receives a message on failure; may be NULL.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATABASE or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_region_members(pdurep_db *db, const char *region_id, char ***out,
                                   size_t *n_out, pdurep_diag *diag);

/**
 * @brief The region inspections that list a PDU inspection, in id order.
 * @return As pdurep_region_members().
 */
pdurep_error pdurep_regions_listing(pdurep_db *db, const char *pdu_id, char ***out,
                                    size_t *n_out, pdurep_diag *diag);

/** @brief Free an array of ids. NULL is allowed. */
void pdurep_id_list_free(char **ids, size_t n);

/** Flags for pdurep_inspection_delete(). */
enum {
    PDUREP_DELETE_FORCE = 1 << 0, /**< Delete a PDU even though a region lists it. */
};

/**
 * @brief Delete an inspection and everything of it: judgements, cases,
 * narratives, stored files, history and, for a region, its list of PDUs.
 *
 * A PDU that a region lists is refused without ::PDUREP_DELETE_FORCE; with
 * it, the regions keep listing the PDU and are refused when rated until it is
 * imported again (their figures never change silently).
 * @param db The database.
 * @param id The inspection.
 * @param flags ::PDUREP_DELETE_FORCE or 0.
 * @param regions Receives the regions that list it (malloc'd; free with
 *        pdurep_id_list_free()), or NULL if not wanted.
 * @param n_regions Receives their count; may be NULL when @p regions is.
 * @param diag Receives messages.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (no such inspection);
 *         ::PDUREP_ERROR_DATA (a region lists it and no force); ::PDUREP_ERROR_DATABASE;
 *         ::PDUREP_ERROR_NO_MEMORY. On any error the database is as it was.
 */
pdurep_error pdurep_inspection_delete(pdurep_db *db, const char *id, int flags, char ***regions,
                                      size_t *n_regions, pdurep_diag *diag);

/**
 * @brief Write an inspection's bundle back into folder @p dir, byte for byte
 * the files it was imported from (with any narrative replaced since).
 *
 * The folder is made whole under a temporary name and renamed into place, so
 * it appears complete or not at all; @p dir must not exist or be empty.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (no such inspection, or one
 *         imported before pdurep kept bundle files); ::PDUREP_ERROR_CANT_CREATE;
 *         ::PDUREP_ERROR_IO; ::PDUREP_ERROR_DATABASE; ::PDUREP_ERROR_NO_MEMORY (no
 *         folder is left then either).
 */
pdurep_error pdurep_inspection_export(pdurep_db *db, const char *id, const char *dir,
                                      pdurep_diag *diag);

/**
 * @brief Replace one language's narrative of an inspection, nothing else.
 *
 * Checked as import checks it; the stored bundle file is replaced, the bundle
 * hash recomputed and a "narrative" event added to the history.
 * @param db The database.
 * @param id The inspection.
 * @param path The new narrative file.
 * @param lang NULL or "en" for narrative.txt, else a language code such as "cy".
 * @param diag Receives problems and warnings.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_USAGE (not a language code);
 *         ::PDUREP_ERROR_NO_INPUT; ::PDUREP_ERROR_DATA; ::PDUREP_ERROR_IO;
 *         ::PDUREP_ERROR_DATABASE; ::PDUREP_ERROR_NO_MEMORY. On any error the database
 *         is as it was.
 */
pdurep_error pdurep_narrative_replace(pdurep_db *db, const char *id, const char *path,
                                      const char *lang, pdurep_diag *diag);

/**
 * @brief Copy the database to @p path with SQLite's online backup API.
 *
 * The copy is consistent (one read transaction), other connections may read
 * meanwhile, and it is written under a temporary name and renamed, so @p path
 * is never a half-written database.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_CANT_CREATE, ::PDUREP_ERROR_DATABASE.
 */
pdurep_error pdurep_db_backup(pdurep_db *db, const char *path, pdurep_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
