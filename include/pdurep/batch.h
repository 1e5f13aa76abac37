/**
 * @file batch.h
 * @brief Producing every document of a region or of the whole database at once.
 *
 * A batch is a list of jobs (one inspection, one kind of document, one
 * language) run by worker threads, each with its own database connection.
 * Every document is written atomically; a failing document does not stop the
 * others; `index.csv` is written last, and only when the batch was not
 * interrupted.
 */
#ifndef PDUREP_BATCH_H
#define PDUREP_BATCH_H

#include <signal.h>
#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A kind of document a batch can write.
 *
 * @c write writes the document of inspection @p id to @p path (atomically),
 * in language @p lang, and stores in @p units the number of pages or sheets.
 */
typedef struct pdurep_batch_writer {
    const char *name;       /**< Kind of document in index.csv, e.g. "report". */
    const char *suffix;     /**< File name after the id, e.g. ".pdf" or "-share.xlsx". */
    const char *for_kind;   /**< Inspection kind it applies to: "pdu", "region" or NULL for both. */
    int per_language;       /**< Non-zero: one document per requested language. */
    /** Writes one document; see above. */
    pdurep_error (*write)(pdurep_db *db, const char *id, const char *path, const char *lang,
                          int *units, pdurep_diag *diag);
} pdurep_batch_writer;

/** What to produce and how. */
typedef struct pdurep_batch_options {
    const char *db_path;   /**< Database file. */
    const char *out_dir;   /**< Output folder (created if missing). */
    const char *region;    /**< Only inspections of this region (PDUs and the region itself); NULL: all. */
    int jobs;              /**< Worker threads; 0 means one per online CPU. */
    const char *const *langs; /**< Languages, e.g. {"en", "cy"}; NULL means {"en"}. */
    size_t n_langs;        /**< Number of languages. */
    const pdurep_batch_writer *writers; /**< Kinds of document; NULL means pdurep_batch_default_writers(). */
    size_t n_writers;      /**< Number of writers. */
    int progress;          /**< 0 quiet, 1 plain lines, 2 a redrawn bar (for a terminal). */
} pdurep_batch_options;

/** Outcome of a batch. */
typedef struct pdurep_batch_summary {
    size_t total;       /**< Documents planned. */
    size_t written;     /**< Documents written. */
    size_t failed;      /**< Documents that failed (their messages are in the diag). */
    int interrupted;    /**< Non-zero when pdurep_batch_interrupt was set before the end. */
    double seconds;     /**< Wall time. */
} pdurep_batch_summary;

/**
 * Set to non-zero (from a signal handler) to stop a running batch: workers
 * finish the document they are writing, start no other, and no index is written.
 */
extern volatile sig_atomic_t pdurep_batch_interrupt;

/**
 * @brief The document kinds libpdurep knows, in the order a batch writes them.
 * @param n Receives the number of writers.
 */
const pdurep_batch_writer *pdurep_batch_default_writers(size_t *n);

/**
 * @brief Run a batch.
 * @param opt What to produce.
 * @param summary Receives counts and timing.
 * @param diag Receives one message per failed document, prefixed by its file name.
 * @return ::PDUREP_OK when every document was written; ::PDUREP_ERROR_DATA when
 *         some failed; ::PDUREP_ERROR_NO_INPUT when nothing matches;
 *         ::PDUREP_ERROR_CANT_CREATE when the output folder cannot be made;
 *         ::PDUREP_ERROR_IO when interrupted or the index cannot be written.
 */
pdurep_error pdurep_batch_run(const pdurep_batch_options *opt, pdurep_batch_summary *summary,
                              pdurep_diag *diag);

/**
 * @brief SHA-256 of a file as 64 lower-case hex digits.
 * @param path File to hash.
 * @param hex Receives the digest and a NUL (65 bytes).
 * @return ::PDUREP_OK or ::PDUREP_ERROR_IO.
 */
pdurep_error pdurep_sha256_file(const char *path, char hex[65]);

/**
 * @brief Write ratings JSON (as `pdurep rate --json`) to a file, atomically.
 *
 * A batch writer; @p lang is ignored and @p units is set to 1.
 */
pdurep_error pdurep_write_ratings_json(pdurep_db *db, const char *id, const char *path,
                                       const char *lang, int *units, pdurep_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
