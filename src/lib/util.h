/*
 * Internal helpers shared by the library modules.
 *
 * Out-of-memory policy (README "The library does not end its caller"): a
 * library function that cannot allocate returns PDUREP_ERROR_NO_MEMORY (or
 * NULL where documented). The pdurep_x* functions below break that rule and
 * remain only in core modules not yet converted: on failure they print
 * "pdurep: out of memory" and exit 70. New code must not use them.
 */
#ifndef PDUREP_UTIL_H
#define PDUREP_UTIL_H

#include <stddef.h>

/** Print "pdurep: out of memory" and exit 70: the end of every pdurep_x* failure. */
void pdurep_out_of_memory(void) __attribute__((noreturn));

void *pdurep_xmalloc(size_t n);
void *pdurep_xcalloc(size_t n, size_t size);
void *pdurep_xrealloc(void *p, size_t n);
char *pdurep_xstrdup(const char *s);
/** printf into a new string. */
char *pdurep_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** printf into a new string; NULL when memory ran out (the policy's way, see above). */
char *pdurep_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** A copy of s[0..len) without leading and trailing white space (exits as pdurep_xmalloc). */
char *pdurep_trimmed_dup(const char *s, size_t len);

/** Join a folder and a file name with one '/' (exits as pdurep_xmalloc). */
char *pdurep_path_join(const char *dir, const char *file);

/** ASCII case-insensitive equality. */
int pdurep_strieq(const char *a, const char *b);

/** Parse a whole decimal integer; 0 on success, -1 if @p s is not one. */
int pdurep_parse_long(const char *s, long *out);

/** Parse a whole decimal number; 0 on success, -1 if @p s is not one. */
int pdurep_parse_double(const char *s, double *out);

/** Whether @p s is a date written YYYY-MM-DD that exists in the calendar. */
int pdurep_valid_date(const char *s);

#endif
