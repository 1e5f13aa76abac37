#include "typeset/hpdf_error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

_Thread_local const char *pdurep_hpdf_file;

pdurep_error pdurep_hpdf_describe(HPDF_STATUS code, HPDF_STATUS detail, int saved_errno, char *msg,
                                  size_t n)
{
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM:
        snprintf(msg, n, "out of memory while making the PDF");
        return PDUREP_ERROR_NO_MEMORY;
    case HPDF_FILE_OPEN_ERROR:
        snprintf(msg, n, "cannot open: %s", saved_errno ? strerror(saved_errno) : "unknown reason");
        /* fopen allocates the FILE: ENOMEM is the program's memory, not the file. */
        if (saved_errno == ENOMEM)
            return PDUREP_ERROR_NO_MEMORY;
        return saved_errno == ENOENT || saved_errno == EACCES ? PDUREP_ERROR_NO_INPUT
                                                              : PDUREP_ERROR_IO;
    case HPDF_FILE_IO_ERROR:
        if (saved_errno == ENOSPC || saved_errno == EDQUOT)
            snprintf(msg, n, "cannot write: the disk is full (%s)", strerror(saved_errno));
        else
            snprintf(msg, n, "cannot read or write the file%s%s", saved_errno ? ": " : "",
                     saved_errno ? strerror(saved_errno) : "");
        return PDUREP_ERROR_IO;
    case HPDF_INVALID_TTC_FILE:
    case HPDF_INVALID_TTC_INDEX:
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_UNSUPPORTED_FONT_TYPE:
    case HPDF_INVALID_FONTDEF_DATA:
    case HPDF_INVALID_FONTDEF_TYPE:
    case HPDF_FONT_INVALID_WIDTHS_TABLE:
    case HPDF_STREAM_EOF:
        snprintf(msg, n, "not a TrueType font that can be embedded (the file is damaged or of "
                 "another kind; PDF library code 0x%04X)", (unsigned)code);
        return PDUREP_ERROR_DATA;
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        snprintf(msg, n, "the font's licence does not allow embedding it in a PDF");
        return PDUREP_ERROR_DATA;
    default:
        snprintf(msg, n, "the PDF library failed (code 0x%04X, detail %u)", (unsigned)code,
                 (unsigned)detail);
        return PDUREP_ERROR_INTERNAL;
    }
}
