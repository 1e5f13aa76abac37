/**
 * @file diag.h
 * @brief Collected diagnostics in `file:line:column: message` form.
 *
 * Importers do not stop at the first problem: they record each one here, up to
 * a cap, so an analyst can fix a whole file in one pass.
 */
#ifndef PDUREP_DIAG_H
#define PDUREP_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Default cap on messages kept per collector. */
#define PDUREP_DIAG_DEFAULT_CAP 50

/** An ordered list of diagnostics. */
typedef struct pdurep_diag pdurep_diag;

/**
 * @brief Create an empty collector.
 * @param cap Most messages to keep; further ones are counted but dropped.
 * @return The collector, or NULL when out of memory.
 */
pdurep_diag *pdurep_diag_new(size_t cap);

/** @brief Free a collector and its messages. NULL is allowed. */
void pdurep_diag_free(pdurep_diag *diag);

/**
 * @brief Record one problem.
 *
 * The message reads `file:line:column: text`; a zero line drops `line:column`,
 * a zero column drops `column`. A NULL collector is allowed and ignores the call.
 * @param diag The collector.
 * @param file File the problem is in (as the user named it), or NULL.
 * @param line 1-based line, or 0.
 * @param column 1-based column in characters, or 0.
 * @param fmt printf-style format of the text.
 */
void pdurep_diag_add(pdurep_diag *diag, const char *file, unsigned long line,
                     unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/**
 * @brief Record a warning: kept and printed like a problem, marked "warning:",
 * but not counted by pdurep_diag_total(), so it does not fail an operation.
 */
void pdurep_diag_warn(pdurep_diag *diag, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/**
 * @brief The collector a reader should report into: @p diag, or a private one.
 *
 * Readers decide success by counting the problems they found, so a caller
 * that passes no collector must still get the error back. When @p diag is
 * NULL a private collector is made and stored in @p *own, for the reader to
 * free with pdurep_diag_free() before it returns; otherwise @p *own is NULL.
 * @return A collector that counts problems; NULL only when out of memory.
 */
pdurep_diag *pdurep_diag_ensure(pdurep_diag *diag, pdurep_diag **own);

/** @brief pdurep_diag_add() with a va_list. */
void pdurep_diag_addv(pdurep_diag *diag, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/** @brief pdurep_diag_warn() with a va_list. */
void pdurep_diag_warnv(pdurep_diag *diag, const char *file, unsigned long line,
                       unsigned long column, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/**
 * @brief Record a summary line (for example what an import normalised).
 *
 * Notes are neither problems nor warnings and never fall under the cap:
 * pdurep_diag_print() prints them after everything else.
 */
void pdurep_diag_note(pdurep_diag *diag, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** @brief Number of notes recorded. */
size_t pdurep_diag_notes(const pdurep_diag *diag);

/** @brief Note @p i (below pdurep_diag_notes()), owned by the collector; NULL when out of range. */
const char *pdurep_diag_note_text(const pdurep_diag *diag, size_t i);

/** @brief Number of warnings recorded. */
size_t pdurep_diag_warnings(const pdurep_diag *diag);

/** @brief Number of problems recorded, including those beyond the cap (warnings excluded). */
size_t pdurep_diag_total(const pdurep_diag *diag);

/** @brief Number of messages kept (at most the cap). */
size_t pdurep_diag_count(const pdurep_diag *diag);

/** @brief Whether the cap has been reached (further problems are not kept). */
int pdurep_diag_full(const pdurep_diag *diag);

/**
 * @brief One kept message.
 * @param diag The collector.
 * @param i Index below pdurep_diag_count().
 * @return The message, owned by the collector; NULL when out of range.
 */
const char *pdurep_diag_message(const pdurep_diag *diag, size_t i);

/**
 * @brief Print every kept message, one per line, prefixed by @p prefix, then
 * `…and N more problems` when some were not kept, then the notes.
 */
void pdurep_diag_print(const pdurep_diag *diag, FILE *out, const char *prefix);

#ifdef __cplusplus
}
#endif
#endif
