/*
 * Internal: libharu's own calls of malloc, calloc and free. libharu 2.3 takes an
 * allocator (HPDF_NewEx) for its objects, but its UTF-8 text encoder and a few
 * image paths call malloc themselves and copy into the result unchecked: a failure
 * there crashed `report` inside HPDF_Page_ShowText. Those calls are routed through
 * the functions here (lib/got.h), which count a failure for the thread, so the
 * document is refused (typeset/alloc.h), and serve it from the reserve
 * (lib/reserve.h) instead of NULL.
 */
#ifndef PDUREP_TYPESET_HPDF_ALLOC_H
#define PDUREP_TYPESET_HPDF_ALLOC_H

/**
 * Route libharu's own calls, once for the process (later calls do nothing).
 * @return 0, or -1 when its import table cannot be changed here (libharu linked
 *         statically, or a machine other than x86-64 and arm64).
 */
int pdurep_hpdf_alloc_watch(void);

#endif
