/*
 * Internal: the three faces a report uses, loaded into one libharu document on
 * first use, and text measurement in those faces.
 */
#ifndef PDUREP_PDF_FONT_H
#define PDUREP_PDF_FONT_H

#include <stddef.h>
#include <hpdf.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"

/** A face of the report's family. Bold italic is not shipped: it falls back to bold. */
typedef enum pdurep_face {
    PDUREP_FACE_REGULAR = 0,
    PDUREP_FACE_BOLD,
    PDUREP_FACE_ITALIC,
    PDUREP_FACE_COUNT
} pdurep_face;

/** The faces of one document. */
typedef struct pdurep_fonts {
    HPDF_Doc pdf;
    char *paths[PDUREP_FACE_COUNT];   /**< TrueType files. */
    HPDF_Font font[PDUREP_FACE_COUNT]; /**< NULL until the face is first used. */
    double ascent[PDUREP_FACE_COUNT];  /**< Per unit of size (ascender / 1000). */
    double descent[PDUREP_FACE_COUNT]; /**< Positive, per unit of size. */
    int failed;                        /**< A face could not be loaded. */
} pdurep_fonts;

/**
 * @brief Set up the faces of @p pdf without loading them yet.
 *
 * Each file is checked for readability now, so that a missing font is reported
 * before any work is done; libharu only parses a face when it is first used
 * (an unused face is neither parsed nor embedded).
 * @param f Filled on success.
 * @param pdf A libharu document with the UTF-8 encoder enabled.
 * @param paths One TrueType file per ::pdurep_face.
 * @param diag Receives `PATH: reason` for a missing file.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT, ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_fonts_init(pdurep_fonts *f, HPDF_Doc pdf, const char *const paths[PDUREP_FACE_COUNT],
                               pdurep_diag *diag);

/** @brief Release what pdurep_fonts_init() allocated (libharu owns the fonts). */
void pdurep_fonts_free(pdurep_fonts *f);

/**
 * @brief The libharu font of a face, loading it on first use.
 * @return The font, or NULL when libharu rejected the file (pdurep_fonts::failed is set).
 */
HPDF_Font pdurep_fonts_get(pdurep_fonts *f, pdurep_face face);

/**
 * @brief Advance width of UTF-8 text in points.
 *
 * libharu neither kerns when measuring nor when drawing, so widths add up:
 * the width of "ab" is the width of "a" plus the width of "b".
 * @param f The faces.
 * @param face Face to measure in.
 * @param size Font size in points.
 * @param text UTF-8 text (need not be NUL-terminated).
 * @param len Bytes of @p text.
 * @return The width, 0 when the face cannot be loaded.
 */
double pdurep_fonts_width(pdurep_fonts *f, pdurep_face face, double size, const char *text, size_t len);

#endif
