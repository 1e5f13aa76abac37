/*
 * The report's faces. Loading is lazy because libharu's HPDF_GetFont is the
 * most expensive step of a small report (it builds the Unicode maps of the
 * face): a face no text uses costs nothing and is not embedded.
 */
#include "typeset/font.h"
#include "typeset/alloc.h"
#include "typeset/hpdf_error.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

pdurep_error pdurep_fonts_init(pdurep_fonts *f, HPDF_Doc pdf, const char *const paths[PDUREP_FACE_COUNT],
                               pdurep_diag *diag)
{
    memset(f, 0, sizeof *f);
    f->pdf = pdf;
    for (int i = 0; i < PDUREP_FACE_COUNT; i++) {
        FILE *fp = fopen(paths[i], "rb");
        if (!fp) {
            /* fopen allocates the FILE: ENOMEM is the program's memory, not the font. */
            int oom = errno == ENOMEM;
            pdurep_diag_add(diag, paths[i], 0, 0, "cannot open font file: %s", strerror(errno));
            pdurep_fonts_free(f);
            return oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_NO_INPUT;
        }
        fclose(fp);
        if (!(f->paths[i] = pdurep_ts_strdup(paths[i]))) {
            pdurep_fonts_free(f);
            return PDUREP_ERROR_NO_MEMORY;
        }
    }
    return PDUREP_OK;
}

void pdurep_fonts_free(pdurep_fonts *f)
{
    for (int i = 0; i < PDUREP_FACE_COUNT; i++) {
        free(f->paths[i]);
        f->paths[i] = NULL;
    }
}

HPDF_Font pdurep_fonts_get(pdurep_fonts *f, pdurep_face face)
{
    if ((unsigned)face >= PDUREP_FACE_COUNT)
        face = PDUREP_FACE_REGULAR;
    if (f->font[face])
        return f->font[face];
    if (f->failed)
        return NULL;
    pdurep_hpdf_file = f->paths[face];
    const char *name = HPDF_LoadTTFontFromFile(f->pdf, f->paths[face], HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(f->pdf, name, "UTF-8") : NULL;
    pdurep_hpdf_file = NULL;
    if (!font) {
        f->failed = 1;
        return NULL;
    }
    f->font[face] = font;
    f->ascent[face] = HPDF_Font_GetAscent(font) / 1000.0;
    f->descent[face] = -HPDF_Font_GetDescent(font) / 1000.0;
    return font;
}

double pdurep_fonts_width(pdurep_fonts *f, pdurep_face face, double size, const char *text, size_t len)
{
    HPDF_Font font = pdurep_fonts_get(f, face);
    if (!font || !len)
        return 0;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)text, (HPDF_UINT)len);
    return tw.width * size / 1000.0;
}
