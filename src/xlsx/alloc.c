/*
 * libxlsxwriter's allocations, counted (see alloc.h for why). libxlsxwriter
 * is a shared library that reaches malloc, calloc, realloc and free through
 * its import table, which is changed, once, to point at the functions below
 * (lib/got.h). They call the allocator the rest of the process uses: the C
 * library's, AddressSanitizer's, or a test's fault shim.
 */
#define _GNU_SOURCE
#include "alloc.h"
#include "lib/got.h"
#include "lib/reserve.h"

#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static __thread unsigned long failures;

unsigned long annexe_alloc_failures(void)
{
    return failures;
}

/*
 * A failed allocation is counted, then served from the reserve instead of NULL:
 * libxlsxwriter crashes on many of the NULLs it does not check, and the workbook is
 * refused all the same.
 */
static void *counted_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p && n) {
        failures++;
        p = pdurep_reserve_alloc(n);
    }
    return p;
}

static void *counted_calloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p && n && size) {
        failures++;
        p = pdurep_reserve_calloc(n, size);
    }
    return p;
}

static void *counted_realloc(void *old, size_t n)
{
    if (old && pdurep_reserve_owns(old)) {
        /* Moved out (or along the reserve): a reserve block does not grow in place. */
        size_t had = pdurep_reserve_size(old);
        void *p = counted_malloc(n ? n : 1);
        if (p)
            memcpy(p, old, had < n ? had : n);
        return p;
    }
    void *p = realloc(old, n);
    if (!p && n) {
        failures++;
        /* realloc left @p old as it was: its contents move into the reserve block. */
        if ((p = pdurep_reserve_alloc(n)) && old) {
            size_t had = malloc_usable_size(old);
            memcpy(p, old, had < n ? had : n);
            free(old);
        }
    }
    return p;
}

static const pdurep_got_entry counters[] = {
    {"malloc", (void *)counted_malloc},
    {"calloc", (void *)counted_calloc},
    {"realloc", (void *)counted_realloc},
    {"free", (void *)pdurep_reserve_free},
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int watching;

static void watch_once(void)
{
    size_t n = sizeof counters / sizeof *counters;
    watching = pdurep_got_redirect("libxlsxwriter.so", counters, n) == 0;
    /* The zip writer libxlsxwriter closes with: zipOpenNewFileInZip4_64 copies into a
     * header it could not allocate. Absent (built into libxlsxwriter), it is covered. */
    pdurep_got_redirect("libminizip.so", counters, n);
}

int annexe_alloc_watch(void)
{
    pthread_once(&once, watch_once);
    return watching ? 0 : -1;
}
