/**
 * @file error.h
 * @brief The one error enum of libpdurep, its messages and its exit statuses.
 *
 * Every fallible libpdurep function returns a ::pdurep_error. Callers that need
 * detail (a file, a line, a column) pass a ::pdurep_diag to collect it.
 */
#ifndef PDUREP_ERROR_H
#define PDUREP_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/** Errors returned by libpdurep functions. */
typedef enum pdurep_error {
    PDUREP_OK = 0,            /**< No error. */
    PDUREP_ERROR_USAGE,       /**< A caller passed arguments that make no sense. */
    PDUREP_ERROR_DATA,        /**< Input data is malformed or breaks a rule. */
    PDUREP_ERROR_NO_INPUT,    /**< An input file, folder or inspection does not exist. */
    PDUREP_ERROR_EXISTS,      /**< The inspection exists already (import without replace). */
    PDUREP_ERROR_CANT_CREATE, /**< An output file cannot be created. */
    PDUREP_ERROR_IO,          /**< Reading or writing failed part way. */
    PDUREP_ERROR_DATABASE,    /**< SQLite reported an error. */
    PDUREP_ERROR_NO_MEMORY,   /**< An allocation failed. */
    PDUREP_ERROR_INTERNAL,    /**< A library (libharu, libxlsxwriter, ...) failed unexpectedly. */
    PDUREP_ERROR_MAX          /**< Number of error codes; not an error. */
} pdurep_error;

/**
 * @brief Describe an error in a short English phrase.
 * @param err An error code.
 * @return A static string, never NULL ("unknown error" for out-of-range codes).
 */
const char *pdurep_strerror(pdurep_error err);

/**
 * @brief Map an error to the process exit status documented in `pdurep --help`.
 *
 * 0 ok, 64 usage, 65 bad data (also: inspection exists), 66 missing input,
 * 73 cannot create output, 74 I/O or database error, 70 internal.
 * @param err An error code.
 * @return A sysexits(3)-style status.
 */
int pdurep_exit_status(pdurep_error err);

#ifdef __cplusplus
}
#endif
#endif
