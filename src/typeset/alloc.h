/*
 * Internal: allocation for the PDF writer (src/typeset, src/report). A failure
 * is counted for the thread before NULL is returned, so pdurep_doc_save()
 * refuses the document even where a caller went on without what it asked for
 * (the fault run found reports saved with a cover line or a chart label
 * missing, exit 0). Memory from these is freed with free().
 */
#ifndef PDUREP_TYPESET_ALLOC_H
#define PDUREP_TYPESET_ALLOC_H

#include <stddef.h>

/** Allocations that failed on this thread so far. */
unsigned long pdurep_ts_alloc_failures(void);

/** Count a failed allocation made some other way (libharu's, through its allocator). */
void pdurep_ts_note_no_memory(void);

/** malloc(), counting a failure. */
void *pdurep_ts_malloc(size_t n);
/** calloc(), counting a failure. */
void *pdurep_ts_calloc(size_t n, size_t size);
/** realloc(), counting a failure (@p p is then left as it was). */
void *pdurep_ts_realloc(void *p, size_t n);
/** strdup(), counting a failure. */
char *pdurep_ts_strdup(const char *s);
/** strndup(), counting a failure. */
char *pdurep_ts_strndup(const char *s, size_t n);

#endif
