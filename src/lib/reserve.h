/*
 * Internal: the reserve, memory for a library whose allocation just failed.
 * libxlsxwriter 1.1.4 checks few of its own allocations and crashes on a NULL
 * later (a sheet name it could not copy is measured in the same call, a shared
 * string it could not keep is compared on the next write). The allocator pdurep
 * gives it counts the failure, so the document is refused all the same, and
 * hands out a block from here instead of NULL, so that the library goes on
 * safely until then.
 */
#ifndef PDUREP_RESERVE_H
#define PDUREP_RESERVE_H

#include <stddef.h>

/**
 * A block of @p n bytes from the reserve (16-byte aligned, its contents
 * undefined), or NULL when the reserve is full or cannot be mapped.
 */
void *pdurep_reserve_alloc(size_t n);
/** As pdurep_reserve_alloc(), for @p n items of @p size bytes, zeroed (calloc's NULL on overflow). */
void *pdurep_reserve_calloc(size_t n, size_t size);
/** Whether @p p is a reserve block (free() must not see it: it is never given back). */
int pdurep_reserve_owns(const void *p);
/** free(@p p), unless it is a reserve block: the free() a library's counters route to. */
void pdurep_reserve_free(void *p);
/** The size asked for a reserve block @p p. */
size_t pdurep_reserve_size(const void *p);
/**
 * A document that may take from the reserve begins; pdurep_reserve_end() when
 * it has been freed. The reserve starts again from its beginning once no such
 * document is open.
 */
void pdurep_reserve_begin(void);
/** See pdurep_reserve_begin(). */
void pdurep_reserve_end(void);

#endif
