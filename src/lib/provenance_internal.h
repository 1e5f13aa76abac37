/* Internal: the files of a bundle as imported, kept so an inspection can say what it came from. */
#ifndef PDUREP_PROVENANCE_INTERNAL_H
#define PDUREP_PROVENANCE_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include "pdurep/db.h"
#include "pdurep/diag.h"
#include "pdurep/error.h"

/** One file of a bundle, read whole. */
typedef struct pdurep_bundle_file {
    char *name;            /**< File name inside the bundle, e.g. "cases.csv". */
    unsigned char *data;   /**< Its bytes. */
    size_t size;
    char sha256[65];       /**< Lower-case hex. */
} pdurep_bundle_file;

/** The data files of a bundle, in byte order of name, and the hash over them. */
typedef struct pdurep_bundle {
    pdurep_bundle_file *files;
    size_t n_files;
    char sha256[65]; /**< SHA-256 of the manifest "HASH  NAME\n" per file. */
} pdurep_bundle;

/** Read the rest of @p fp into @p f's data and size (a read error is left to ferror());
 *  ::PDUREP_ERROR_NO_MEMORY when out of memory, what was read staying in @p f. */
pdurep_error pdurep_bundle_file_read(FILE *fp, pdurep_bundle_file *f);

/**
 * Read the data files of a bundle (see the README's "Provenance"): a folder's
 * CSV and narrative files, or a workbook and the narratives beside it.
 * @param dir The bundle folder, or the workbook's folder.
 * @param prefix "" for a folder, "BOOK." for a workbook's narratives (BOOK.narrative.txt).
 * @param workbook Path of the workbook, or NULL for a folder bundle.
 */
pdurep_error pdurep_bundle_read(const char *dir, const char *prefix, const char *workbook,
                                pdurep_bundle **out, pdurep_diag *diag);

/** Hash the files of @p b (names, bytes) again and fill every sha256 field. */
void pdurep_bundle_hash(pdurep_bundle *b);

/** Free a bundle. NULL is allowed. */
void pdurep_bundle_free(pdurep_bundle *b);

/**
 * Store @p b as the files of inspection @p id (replacing any), set the
 * inspection's provenance columns and append an @p event to its history.
 * Runs inside the caller's transaction.
 */
pdurep_error pdurep_bundle_store(pdurep_db *db, const char *id, const pdurep_bundle *b,
                                 const char *event, pdurep_diag *diag);

/** Load the stored files of inspection @p id; *out has no files for an inspection imported
 *  before schema version 4. */
pdurep_error pdurep_bundle_load(pdurep_db *db, const char *id, pdurep_bundle **out,
                                pdurep_diag *diag);

/** Whether @p name is one of the files a folder bundle is made of (any letter case). */
int pdurep_bundle_file_name(const char *name);

#endif
