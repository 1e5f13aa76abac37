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
#include <stddef.h>

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

/**
 * @brief Have pdurep_atomic_cleanup_all() remove @p path too (a file this run created).
 */
void pdurep_atomic_track(const char *path);

/** @brief Undo pdurep_atomic_track(): @p path is to stay. */
void pdurep_atomic_untrack(const char *path);

/**
 * @brief Remove the temporary files of processes that no longer exist from @p dir.
 *
 * Only names pdurep_atomic_begin() makes are looked at, and only those whose
 * process ID is not running on this machine: a live writer's file is kept.
 * pdurep_atomic_begin() calls this for its output folder.
 * @param dir A folder ("" for the current one).
 */
void pdurep_atomic_clean_stale(const char *dir);

/**
 * @brief The final path a temporary file stands for, for messages.
 * @return A new string (the caller frees it): @p tmp_path itself when it is
 *         not a name from pdurep_atomic_begin(); NULL when out of memory.
 */
char *pdurep_atomic_shown_path(const char *tmp_path);

/**
 * @brief Write @p len bytes to the temporary file @p tmp_path, checking every write.
 *
 * A failure is reported against the final name, and a full disk says so.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_IO or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_atomic_write_file(const char *tmp_path, const void *data, size_t len,
                                      pdurep_diag *diag);

/**
 * @brief Whether the file system holding @p path has no space left for this user.
 *
 * Libraries that report a write error without errno are asked through this
 * whether the reason is a full disk.
 */
int pdurep_atomic_disk_full(const char *path);

#ifdef __cplusplus
}
#endif
#endif
