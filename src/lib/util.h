/*
 * Internal helpers shared by the library modules.
 *
 * Out-of-memory policy (README "The library does not end its caller"): a
 * library function that cannot allocate returns PDUREP_ERROR_NO_MEMORY (or
 * NULL where documented), as these helpers do; only the command ends the
 * process (scripts/check-layers.sh refuses exit() and abort() below it).
 */
#ifndef PDUREP_UTIL_H
#define PDUREP_UTIL_H

#include <stddef.h>

/** printf into a new string; NULL when memory ran out. */
char *pdurep_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** A copy of s[0..len) without leading and trailing white space; NULL when memory ran out. */
char *pdurep_trimmed_dup(const char *s, size_t len);

/** Join a folder and a file name with one '/'; NULL when memory ran out. */
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
