/**
 * @file atomic.h
 * @brief Writing an output file so that readers see the old file or the whole new one.
 *
 * The writer writes to a temporary file in the same folder and renames it over
 * the target on success; on failure the temporary file is removed.
 */
#ifndef PDUREP_ATOMIC_H
#define PDUREP_ATOMIC_H

#include "pdurep/error.h"
#include "pdurep/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An output file being written. */
typedef struct pdurep_atomic {
    char *path;     /**< Final path. */
    char *tmp_path; /**< Temporary file in the same folder; write here. */
} pdurep_atomic;

/**
 * @brief Reserve a temporary file beside @p path.
 * @param path Final output path.
 * @param out Filled on success.
 * @param diag Receives `PATH: reason` on failure; may be NULL.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_CANT_CREATE (folder missing or not writable).
 */
pdurep_error pdurep_atomic_begin(const char *path, pdurep_atomic *out, pdurep_diag *diag);

/**
 * @brief Flush the temporary file to disk and rename it over the final path.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_IO (the temporary file is removed).
 */
pdurep_error pdurep_atomic_commit(pdurep_atomic *a, pdurep_diag *diag);

/** @brief Remove the temporary file and release @p a. Safe after commit. */
void pdurep_atomic_abort(pdurep_atomic *a);

/**
 * @brief Remove every temporary file still pending in this process.
 *
 * Async-signal-safe: a SIGINT/SIGTERM handler calls this before exiting so an
 * interrupted run leaves no temporary file behind.
 */
void pdurep_atomic_cleanup_all(void);

#ifdef __cplusplus
}
#endif
#endif
