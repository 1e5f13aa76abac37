/*
 * Internal: libxlsxwriter's allocations, counted. libxlsxwriter 1.1.4 has no
 * allocator hook, and where an allocation fails in a function that returns
 * nothing it goes on without what it asked for: a defined name, a selection,
 * a chart's cached label leave the workbook and workbook_close() still
 * reports success (an exhaustive fault run found over a hundred such points).
 * errno cannot tell: the temporary-file helper it bundles sets errno to 0.
 * So the calls libxlsxwriter itself makes to malloc, calloc, realloc and free
 * are routed through counters; a workbook made while one failed is refused,
 * and the allocation that failed is served from a reserve, as libxlsxwriter
 * crashes on many of the NULLs it does not check.
 */
#ifndef PDUREP_XLSX_ALLOC_H
#define PDUREP_XLSX_ALLOC_H

/**
 * Route libxlsxwriter's own calls of malloc, calloc, realloc and free through the
 * counters, once for the process (later calls do nothing). Only the entries of
 * libxlsxwriter's import table change; every other caller keeps the allocator
 * it had, and what is allocated is the same memory as before.
 * @return 0, or -1 when libxlsxwriter's table cannot be changed here (not
 *         loaded as a shared library, or a machine whose relocations this does
 *         not know): failures then go uncounted and the package check alone
 *         stands guard.
 */
int annexe_alloc_watch(void);

/** Allocations by libxlsxwriter that failed on this thread so far. */
unsigned long annexe_alloc_failures(void);


#endif
