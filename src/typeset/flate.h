/*
 * Internal: compression of the page content streams at save time.
 *
 * libharu compresses every stream with zlib at its default level as it writes
 * the file, and that was the largest single cost of a report (about a fifth of
 * its time). The content streams are whole in memory by then, so they are
 * compressed here in one call each with libdeflate, which gives the same
 * FlateDecode format several times faster, and libharu writes them as they are.
 * The embedded faces and their maps are treated the same way.
 */
#ifndef PDUREP_TYPESET_FLATE_H
#define PDUREP_TYPESET_FLATE_H

#include <stddef.h>
#include <hpdf.h>
#include "pdurep/error.h"

/**
 * @brief Compress the content stream of each page and mark it /FlateDecode.
 *
 * A page whose stream libharu would not compress is left alone. Call once,
 * just before the document is written; the pages must not be drawn on after.
 * @return PDUREP_OK, PDUREP_ERROR_NO_MEMORY, or PDUREP_ERROR_INTERNAL when
 *         libharu refuses a stream operation.
 */
pdurep_error pdurep_flate_page_contents(const HPDF_Page *pages, size_t n_pages);

/**
 * @brief Complete a Type0 face's objects now and compress its streams likewise.
 *
 * Runs the hook libharu would run when writing the face (it builds the font
 * descriptor and the embedded subset), then compresses the subset, the
 * CIDToGIDMap and the /ToUnicode map. Call after the /ToUnicode map is final
 * and nothing more will be drawn.
 * @return PDUREP_OK, PDUREP_ERROR_NO_MEMORY or PDUREP_ERROR_INTERNAL.
 */
pdurep_error pdurep_flate_font(HPDF_Font font);

#endif
