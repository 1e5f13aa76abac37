/*
 * Internal: redirecting a shared library's calls to the C library. libxlsxwriter
 * and libharu allocate with malloc directly in places, with no hook, and do not
 * check every result; the writers count those allocations by pointing the
 * library's own import-table slots at counters. No other caller is affected.
 */
#ifndef PDUREP_GOT_H
#define PDUREP_GOT_H

#include <stddef.h>

/** A function a library imports, by name, and what its calls should reach instead. */
typedef struct pdurep_got_entry {
    const char *name;
    void *to;
} pdurep_got_entry;

/**
 * Point the import slots of the loaded library whose file name begins with
 * @p lib (such as "libxlsxwriter.so") for the functions in @p entries at their
 * replacements. Call it once for a library; it is not undone.
 * @return 0; or -1 when the library is not loaded as a shared object, imports
 *         none of them, or the machine's relocations are not known here
 *         (x86-64 and arm64 are).
 */
int pdurep_got_redirect(const char *lib, const pdurep_got_entry *entries, size_t n);

#endif
