/*
 * Page content streams and embedded faces compressed with libdeflate before libharu writes them
 * (see flate.h for why). libharu writes a stream's /Filter from its filter
 * flags and drops the key when they are clear, so the entry is written by the
 * dictionary's write hook instead, which libharu calls after the other keys.
 */
#include "typeset/flate.h"
#include "typeset/alloc.h"

#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

/*
 * libdeflate's fastest level. Measured on the North Wales report (instructions
 * counted by callgrind, so that the figure does not depend on the machine's
 * load): zlib's default level, as libharu had it, 219.7 million for the whole
 * run; libdeflate level 6, 189.4 million; level 1, 172.8 million, which is what
 * the untagged report of the previous release took. The price is 7% on the file
 * (202 KB against 189 KB), nothing a reader of a 16-page report notices.
 */
#define FLATE_LEVEL 1

static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* The stream's bytes, gathered from the buffers of libharu's memory stream. */
static unsigned char *stream_bytes(HPDF_Stream s, size_t *len)
{
    size_t size = HPDF_Stream_Size(s), got = 0;
    unsigned char *buf = pdurep_ts_malloc(size ? size : 1);
    if (!buf)
        return NULL;
    HPDF_UINT count = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT n = 0;
        const HPDF_BYTE *part = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (!part || n > size - got) {
            free(buf);
            return NULL;
        }
        memcpy(buf + got, part, n);
        got += n;
    }
    if (got != size) {
        free(buf);
        return NULL;
    }
    *len = size;
    return buf;
}

static pdurep_error compress_one(struct libdeflate_compressor *c, HPDF_Dict contents)
{
    if (!contents || !contents->stream || contents->stream->type != HPDF_STREAM_MEMORY ||
        !(contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE) || contents->write_fn)
        return PDUREP_OK; /* libharu would not compress it, or it is done */
    size_t len = 0;
    unsigned char *plain = stream_bytes(contents->stream, &len);
    if (!plain)
        return PDUREP_ERROR_NO_MEMORY;
    size_t bound = libdeflate_zlib_compress_bound(c, len);
    unsigned char *packed = pdurep_ts_malloc(bound);
    size_t n = packed ? libdeflate_zlib_compress(c, plain, len, packed, bound) : 0;
    free(plain);
    if (!n) {
        free(packed);
        return PDUREP_ERROR_NO_MEMORY;
    }
    HPDF_MemStream_FreeData(contents->stream);
    HPDF_STATUS st = HPDF_Stream_Write(contents->stream, packed, (HPDF_UINT)n);
    free(packed);
    if (st != HPDF_OK)
        return PDUREP_ERROR_INTERNAL;
    contents->filter = HPDF_STREAM_FILTER_NONE;
    contents->write_fn = write_flate_filter;
    return PDUREP_OK;
}

pdurep_error pdurep_flate_page_contents(const HPDF_Page *pages, size_t n_pages)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(FLATE_LEVEL);
    if (!c)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = PDUREP_OK;
    for (size_t i = 0; i < n_pages && !err; i++)
        err = compress_one(c, ((HPDF_PageAttr)pages[i]->attr)->contents);
    libdeflate_free_compressor(c);
    return err;
}

pdurep_error pdurep_flate_font(HPDF_Font font)
{
    HPDF_FontAttr attr = font->attr;
    /* The hook makes the font descriptor and the embedded subset, from the glyphs
     * drawn so far: all of them, since the document is complete. Run now, it
     * leaves nothing to do when the font is written. */
    if (font->before_write_fn) {
        if (font->before_write_fn(font) != HPDF_OK)
            return PDUREP_ERROR_INTERNAL;
        font->before_write_fn = NULL;
    }
    if (!attr || !attr->fontdef)
        return PDUREP_OK;
    HPDF_Dict descriptor = attr->fontdef->descriptor;
    HPDF_Dict file = descriptor ? HPDF_Dict_GetItem(descriptor, "FontFile2", HPDF_OCLASS_DICT) : NULL;
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(FLATE_LEVEL);
    if (!c)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = compress_one(c, file);
    if (!err)
        err = compress_one(c, attr->map_stream);
    if (!err)
        err = compress_one(c, attr->cmap_stream);
    libdeflate_free_compressor(c);
    return err;
}
