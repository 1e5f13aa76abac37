/*
 * Internal: the one growable string buffer of the library. Growing it can
 * fail: the buffer then remembers it (oom) and takes nothing more, so a
 * builder appends without checking each call and its owner checks once, at
 * pdurep_sbuf_take(), and returns ::PDUREP_ERROR_NO_MEMORY.
 */
#ifndef PDUREP_SBUF_H
#define PDUREP_SBUF_H

#include <stddef.h>
#include <string.h>

/** A NUL-terminated string that grows; zero-initialise, free s when done. */
typedef struct pdurep_sbuf {
    char *s;    /**< The text so far (NULL until something, even "", is added). */
    size_t len; /**< Bytes in s, without the NUL. */
    size_t cap; /**< Bytes allocated. */
    int oom;    /**< Growing failed: nothing more was added, the text is incomplete. */
} pdurep_sbuf;

/** @brief pdurep_sbuf_add() when the buffer must grow first (or has failed to). */
void pdurep_sbuf_add_growing(pdurep_sbuf *b, const char *s, size_t n);

/**
 * @brief Append @p n bytes of @p s (which need not be NUL-terminated).
 * Inline because readers append every cell and field: most appends fit.
 */
static inline void pdurep_sbuf_add(pdurep_sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap || b->oom) {
        pdurep_sbuf_add_growing(b, s, n);
        return;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/** @brief Append a NUL-terminated string. */
void pdurep_sbuf_puts(pdurep_sbuf *b, const char *s);

/** @brief Append printf-formatted text (a formatting error counts as a failure to grow). */
void pdurep_sbuf_printf(pdurep_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * @brief Append text so that the inline markup (typeset/text.h) prints it
 * literally: a backslash before each of `\ * [ ] { }`.
 */
void pdurep_sbuf_escaped(pdurep_sbuf *b, const char *s);

/**
 * @brief Hand over the text and empty the buffer.
 * @return The malloc'd text ("" when nothing was added), or NULL when growing
 *         failed at any time (what there was is freed).
 */
char *pdurep_sbuf_take(pdurep_sbuf *b);

#endif
