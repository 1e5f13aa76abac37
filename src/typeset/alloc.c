/*
 * Allocation for the PDF writer, counted per thread (batch makes documents on
 * several at once). A module of its own that calls nothing else, so the line
 * breaker and the document can both use it.
 */
#include "typeset/alloc.h"

#include <stdlib.h>
#include <string.h>

static _Thread_local unsigned long failures;

unsigned long pdurep_ts_alloc_failures(void) { return failures; }

void pdurep_ts_note_no_memory(void) { failures++; }

void *pdurep_ts_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        failures++;
    return p;
}

void *pdurep_ts_calloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p)
        failures++;
    return p;
}

void *pdurep_ts_realloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q && n)
        failures++;
    return q;
}

char *pdurep_ts_strdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        failures++;
    return p;
}

char *pdurep_ts_strndup(const char *s, size_t n)
{
    char *p = strndup(s, n);
    if (!p)
        failures++;
    return p;
}
