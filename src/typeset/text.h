/*
 * Internal: rich text (UTF-8 in spans of one face each), the small inline
 * markup reports use, and the line breaker that fits rich text to a width by
 * measured glyph advances.
 */
#ifndef PDUREP_PDF_TEXT_H
#define PDUREP_PDF_TEXT_H

#include <stddef.h>
#include "pdurep/error.h"
#include "typeset/font.h"

/** Span flags. */
enum {
    PDUREP_SPAN_SUPER = 1 << 0, /**< Superscript (footnote marker): smaller and raised. */
};

/** Size and rise of superscript text, as fractions of the body size. */
#define PDUREP_SUPER_SCALE 0.62
#define PDUREP_SUPER_RISE 0.36

/** A run of text in one face. */
typedef struct pdurep_span {
    size_t start, len; /**< Bytes of pdurep_rich::text. */
    pdurep_face face;
    unsigned flags;    /**< PDUREP_SPAN_* */
} pdurep_span;

/** Text with faces. `\n` in the text is a forced line break. */
typedef struct pdurep_rich {
    char *text;
    size_t len, cap;
    pdurep_span *spans;
    size_t n_spans, cap_spans;
    int oom; /**< An allocation failed; later appends do nothing. */
} pdurep_rich;

/**
 * @brief Make room for @p need elements of @p elem bytes in a growing array.
 * @return Non-zero on success; 0 when out of memory (the array is unchanged).
 */
int pdurep_grow(void **buf, size_t *cap, size_t need, size_t elem);

/** @brief An empty rich text. */
void pdurep_rich_init(pdurep_rich *r);
/** @brief Free the text and spans; @p r may be reused after pdurep_rich_init(). */
void pdurep_rich_free(pdurep_rich *r);
/** @brief Empty @p r but keep its buffers. */
void pdurep_rich_clear(pdurep_rich *r);

/**
 * @brief Append plain text in one face (no markup is interpreted).
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_rich_append(pdurep_rich *r, pdurep_face face, unsigned flags, const char *text,
                                size_t len);

/**
 * Resolves a footnote reference `[^key]` to its number (1, 2, ...), or returns
 * 0 when @p key names no footnote.
 */
typedef int (*pdurep_footnote_fn)(void *ctx, const char *key, size_t len);

/**
 * @brief Append text written in the inline markup.
 *
 * `**bold**`, `*italic*`, `[^key]` (a footnote marker, numbered by @p fn),
 * a backslash takes the next character literally; a newline forces a line break.
 * @param r Rich text to extend.
 * @param base Face of unmarked text (a bold base makes `**` switch bold off).
 * @param markup NUL-terminated UTF-8.
 * @param fn Footnote resolver; NULL makes every `[^key]` an error.
 * @param ctx Passed to @p fn.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_DATA for an unknown footnote;
 *         ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_rich_markup(pdurep_rich *r, pdurep_face base, const char *markup,
                                pdurep_footnote_fn fn, void *ctx);

/** A piece of one line, drawn with one text call. */
typedef struct pdurep_frag {
    size_t start, len; /**< Bytes of the rich text. */
    pdurep_face face;
    unsigned flags;    /**< PDUREP_SPAN_* */
    double x;          /**< Offset from the line start, before justification. */
    double width;      /**< Advance width in points. */
    unsigned gap;      /**< Word gaps before it on its line (justification adds per gap). */
} pdurep_frag;

/** One line of broken text. */
typedef struct pdurep_line {
    size_t first, n;   /**< Its fragments in pdurep_lines::frags. */
    double width;      /**< Natural width without trailing space. */
    unsigned gaps;     /**< Word gaps on the line. */
    int last;          /**< Ends the text or a forced break: never justified. */
} pdurep_line;

/** The lines of a broken rich text. */
typedef struct pdurep_lines {
    pdurep_frag *frags;
    size_t n_frags, cap_frags;
    pdurep_line *lines;
    size_t n_lines, cap_lines;
    double size;     /**< Font size the text was measured at. */
    double max_width; /**< Widest line. */
} pdurep_lines;

/** Flags for pdurep_lines_break(). */
enum {
    PDUREP_BREAK_JUSTIFY = 1 << 0, /**< Keep every word a fragment so gaps can be widened. */
};

/**
 * @brief Break rich text into lines no wider than @p width.
 *
 * Breaks at spaces; a word wider than the box is broken between characters.
 * Runs of spaces count as one; spaces at line ends are dropped.
 * @param out Receives the lines (previous content is discarded).
 * @param f Faces to measure with.
 * @param r The text.
 * @param size Font size in points.
 * @param width Box width in points (> 0).
 * @param flags PDUREP_BREAK_* flags.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_MEMORY, ::PDUREP_ERROR_INTERNAL (a face failed to load).
 */
pdurep_error pdurep_lines_break(pdurep_lines *out, pdurep_fonts *f, const pdurep_rich *r,
                                double size, double width, unsigned flags);

/** @brief Free the lines. */
void pdurep_lines_free(pdurep_lines *l);

#endif
