/* libharu's own calls of malloc, calloc and free, counted (see hpdf_alloc.h). */
#include "typeset/hpdf_alloc.h"

#include <pthread.h>
#include <stdlib.h>

#include "lib/got.h"
#include "lib/reserve.h"
#include "typeset/alloc.h"

static void *counted_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p && n) {
        pdurep_ts_note_no_memory();
        p = pdurep_reserve_alloc(n);
    }
    return p;
}

static void *counted_calloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p && n && size) {
        pdurep_ts_note_no_memory();
        p = pdurep_reserve_calloc(n, size);
    }
    return p;
}

static const pdurep_got_entry counters[] = {
    {"malloc", (void *)counted_malloc},
    {"calloc", (void *)counted_calloc},
    {"free", (void *)pdurep_reserve_free},
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int watching;

static void watch_once(void)
{
    watching = pdurep_got_redirect("libhpdf", counters, sizeof counters / sizeof *counters) == 0;
}

int pdurep_hpdf_alloc_watch(void)
{
    pthread_once(&once, watch_once);
    return watching ? 0 : -1;
}
