/**
 * @file db.h
 * @brief The SQLite database that holds frameworks and imported inspections.
 */
#ifndef PDUREP_DB_H
#define PDUREP_DB_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/framework.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Schema version written to `PRAGMA user_version` by this build. */
#define PDUREP_SCHEMA_VERSION 5

/** An open database. */
typedef struct pdurep_db pdurep_db;

/** Flags for pdurep_db_open(). */
enum {
    PDUREP_DB_READONLY = 1 << 0, /**< Open read-only; fail if the file does not exist. */
};

/**
 * @brief The database path to use when none is given: `$PDUREP_DB`, else `pdurep.db`.
 * @return A string owned by the environment or static storage.
 */
const char *pdurep_db_default_path(void);

/**
 * @brief Open (creating if needed) a database and bring its schema up to date.
 *
 * Foreign keys are switched on. Migrations run forward from the file's
 * `user_version`, each in its own transaction. A file from a newer pdurep is refused.
 * @param path File name.
 * @param flags ::PDUREP_DB_READONLY or 0.
 * @param out Receives the handle.
 * @param diag Receives a message on failure; may be NULL.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (read-only and missing);
 *         ::PDUREP_ERROR_DATABASE (cannot open, not a pdurep database, too new);
 *         ::PDUREP_ERROR_NO_MEMORY (an upgrade cut short keeps the steps it committed).
 */
pdurep_error pdurep_db_open(const char *path, int flags, pdurep_db **out, pdurep_diag *diag);

/**
 * @brief Whether SQLite failed to allocate memory at any time in this process.
 *
 * SQLite's out-of-memory code is easily lost on its way up (a later reset or
 * finalize replaces it), so a command that fails with ::PDUREP_ERROR_DATABASE
 * asks this to tell the user it ran out of memory (exit 70), not that the
 * database is at fault (exit 74). Known from the first pdurep_db_open() on.
 * @return 1 if an allocation inside SQLite failed, else 0.
 */
int pdurep_db_memory_failed(void);

/** @brief Close a database. NULL is allowed. */
void pdurep_db_close(pdurep_db *db);

/** @brief The file name the database was opened with. */
const char *pdurep_db_path(const pdurep_db *db);

/**
 * @brief Store (or update) a framework in the database.
 *
 * Must be called inside a transaction the caller owns.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATABASE or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_db_store_framework(pdurep_db *db, const pdurep_framework *fw,
                                       pdurep_diag *diag);

/**
 * @brief Read a framework back from the database.
 * @param db The database.
 * @param code Framework code, e.g. "probation-pdu-2023".
 * @param out Receives the framework; free with pdurep_framework_free().
 * @param diag Receives the reason for a failure.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (no such framework), ::PDUREP_ERROR_DATABASE,
 *         ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_db_load_framework(pdurep_db *db, const char *code,
                                      pdurep_framework **out, pdurep_diag *diag);

/**
 * @brief Folder holding `frameworks/`, `layouts/` and `fonts/`.
 *
 * `$PDUREP_DATA_DIR` if set; else the folder given to meson as `-Ddata_dir`;
 * else, for an installed library, `DATADIR/pdurep` of the prefix it was loaded
 * from (found at run time, so an installed tree can be moved); else the source
 * tree it was built from.
 */
const char *pdurep_data_dir(void);

/**
 * @brief Which rule of pdurep_data_dir() chose the folder, in a few English
 * words (for `pdurep --version`).
 */
const char *pdurep_data_dir_origin(void);

#ifdef __cplusplus
}
#endif
#endif
