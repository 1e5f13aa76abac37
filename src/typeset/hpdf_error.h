/*
 * Internal: libharu's error codes turned into what a user can act on, with
 * the file concerned. libharu's error handler gets no file name, so the
 * caller names the file it is about to load or write in pdurep_hpdf_file.
 */
#ifndef PDUREP_TYPESET_HPDF_ERROR_H
#define PDUREP_TYPESET_HPDF_ERROR_H

#include <stddef.h>
#include <hpdf.h>
#include "pdurep/error.h"

/** File libharu is reading or writing on this thread, for messages; NULL if none. */
extern _Thread_local const char *pdurep_hpdf_file;

/**
 * Describe libharu error @p code in @p msg (size @p n).
 * @param saved_errno errno as it was when libharu reported the error.
 * @return The pdurep error it amounts to: bad data for a font that is not a
 *         usable TrueType file, no memory, I/O for a write that failed, else internal.
 */
pdurep_error pdurep_hpdf_describe(HPDF_STATUS code, HPDF_STATUS detail, int saved_errno, char *msg,
                                  size_t n);

#endif
