/*
 * Rich text and line breaking. libharu's own HPDF_Page_TextRect breaks only at
 * ASCII spaces and justifies by letter spacing, and cannot mix faces on a line,
 * so lines are broken here from measured advances and drawn fragment by
 * fragment by the document layer.
 */
#include "typeset/text.h"
#include "typeset/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Tolerance for widths that equal the box up to rounding. */
#define WIDTH_EPSILON 1e-6

void pdurep_rich_init(pdurep_rich *r) { memset(r, 0, sizeof *r); }

void pdurep_rich_free(pdurep_rich *r)
{
    free(r->text);
    free(r->spans);
    memset(r, 0, sizeof *r);
}

void pdurep_rich_clear(pdurep_rich *r)
{
    r->len = 0;
    r->n_spans = 0;
    r->oom = 0;
    if (r->text)
        r->text[0] = '\0';
}

int pdurep_grow(void **buf, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *p = pdurep_ts_realloc(*buf, n * elem);
    if (!p)
        return 0;
    *buf = p;
    *cap = n;
    return 1;
}

pdurep_error pdurep_rich_append(pdurep_rich *r, pdurep_face face, unsigned flags, const char *text,
                                size_t len)
{
    if (r->oom)
        return PDUREP_ERROR_NO_MEMORY;
    if (!len)
        return PDUREP_OK;
    if (!pdurep_grow((void **)&r->text, &r->cap, r->len + len + 1, 1)) {
        r->oom = 1;
        return PDUREP_ERROR_NO_MEMORY;
    }
    memcpy(r->text + r->len, text, len);
    /* Extend the last span when the face carries on, so lines get fewer fragments. */
    pdurep_span *last = r->n_spans ? &r->spans[r->n_spans - 1] : NULL;
    if (last && last->face == face && last->flags == flags && last->start + last->len == r->len) {
        last->len += len;
    } else {
        if (!pdurep_grow((void **)&r->spans, &r->cap_spans, r->n_spans + 1, sizeof *r->spans)) {
            r->oom = 1;
            return PDUREP_ERROR_NO_MEMORY;
        }
        r->spans[r->n_spans++] = (pdurep_span){r->len, len, face, flags};
    }
    r->len += len;
    r->text[r->len] = '\0';
    return PDUREP_OK;
}

static pdurep_face face_of(int bold, int italic)
{
    return bold ? PDUREP_FACE_BOLD : italic ? PDUREP_FACE_ITALIC : PDUREP_FACE_REGULAR;
}

pdurep_error pdurep_rich_markup(pdurep_rich *r, pdurep_face base, const char *markup,
                                pdurep_footnote_fn fn, void *ctx)
{
    int bold = base == PDUREP_FACE_BOLD, italic = base == PDUREP_FACE_ITALIC;
    const char *p = markup, *run = markup;
    pdurep_error err = PDUREP_OK;
#define FLUSH()                                                                              \
    do {                                                                                     \
        if (p > run && (err = pdurep_rich_append(r, face_of(bold, italic), 0, run,           \
                                                 (size_t)(p - run))))                        \
            return err;                                                                      \
    } while (0)
    while (*p) {
        if (*p == '\\' && p[1]) {
            FLUSH();
            run = p + 1;
            p += 2;
            /* The escaped byte starts the next run; a multi-byte character carries on. */
            while ((*p & 0xC0) == 0x80)
                p++;
        } else if (p[0] == '*' && p[1] == '*') {
            FLUSH();
            bold = !bold;
            p += 2;
            run = p;
        } else if (*p == '*') {
            FLUSH();
            italic = !italic;
            p++;
            run = p;
        } else if (p[0] == '[' && p[1] == '^') {
            const char *end = strchr(p + 2, ']');
            if (!end)
                return PDUREP_ERROR_DATA;
            FLUSH();
            int n = fn ? fn(ctx, p + 2, (size_t)(end - p - 2)) : 0;
            if (n <= 0)
                return PDUREP_ERROR_DATA;
            char num[16];
            int k = snprintf(num, sizeof num, "%d", n);
            if ((err = pdurep_rich_append(r, face_of(bold, italic), PDUREP_SPAN_SUPER, num, (size_t)k)))
                return err;
            p = end + 1;
            run = p;
        } else {
            p++;
        }
    }
    FLUSH();
#undef FLUSH
    return PDUREP_OK;
}

/* ---- line breaking ---------------------------------------------------- */

enum { ATOM_PIECE, ATOM_SPACE, ATOM_BREAK };

typedef struct atom {
    int kind;
    size_t span;
    size_t start, len;
    double width;
} atom;

typedef struct breaker {
    pdurep_lines *out;
    pdurep_fonts *f;
    const pdurep_rich *r;
    double size, width;
    unsigned flags;
    /* The line being filled. */
    size_t line_first;
    double cur;      /* width so far */
    unsigned gaps;
    int empty;
    int oom;
} breaker;

static double span_size(const breaker *b, const pdurep_span *s)
{
    return (s->flags & PDUREP_SPAN_SUPER) ? b->size * PDUREP_SUPER_SCALE : b->size;
}

static void end_line(breaker *b, int last)
{
    pdurep_lines *o = b->out;
    if (!pdurep_grow((void **)&o->lines, &o->cap_lines, o->n_lines + 1, sizeof *o->lines)) {
        b->oom = 1;
        return;
    }
    o->lines[o->n_lines++] = (pdurep_line){b->line_first, o->n_frags - b->line_first, b->cur,
                                           b->gaps, last};
    if (b->cur > o->max_width)
        o->max_width = b->cur;
    b->line_first = o->n_frags;
    b->cur = 0;
    b->gaps = 0;
    b->empty = 1;
}

/*
 * Add text of one span at the end of the current line. @p gap_width > 0 means
 * a word gap precedes it. Fragments merge when they continue the previous one
 * in the same face, which keeps the number of text operators low.
 */
static void add_piece(breaker *b, size_t span, size_t start, size_t len, double w, double gap_width)
{
    pdurep_lines *o = b->out;
    const pdurep_span *s = &b->r->spans[span];
    if (gap_width > 0)
        b->gaps++;
    pdurep_frag *prev = o->n_frags > b->line_first ? &o->frags[o->n_frags - 1] : NULL;
    int contiguous = prev && prev->face == s->face && prev->flags == s->flags &&
                     ((gap_width <= 0 && prev->start + prev->len == start) ||
                      (gap_width > 0 && !(b->flags & PDUREP_BREAK_JUSTIFY) &&
                       prev->start + prev->len + 1 == start && b->r->text[start - 1] == ' '));
    if (contiguous) {
        prev->len = start + len - prev->start;
        prev->width += gap_width + w;
    } else {
        if (!pdurep_grow((void **)&o->frags, &o->cap_frags, o->n_frags + 1, sizeof *o->frags)) {
            b->oom = 1;
            return;
        }
        o->frags[o->n_frags++] = (pdurep_frag){start, len, s->face, s->flags, b->cur + gap_width, w,
                                               b->gaps};
    }
    b->cur += gap_width + w;
    b->empty = 0;
}

/* Break a word too wide for the box between characters, measuring each one. */
static void split_word(breaker *b, const atom *a, size_t n)
{
    for (size_t i = 0; i < n && !b->oom; i++) {
        const pdurep_span *s = &b->r->spans[a[i].span];
        double sz = span_size(b, s);
        size_t pos = a[i].start, end = a[i].start + a[i].len;
        while (pos < end) {
            size_t clen = 1;
            while (pos + clen < end && (b->r->text[pos + clen] & 0xC0) == 0x80)
                clen++;
            double cw = pdurep_fonts_width(b->f, s->face, sz, b->r->text + pos, clen);
            if (!b->empty && b->cur + cw > b->width + WIDTH_EPSILON)
                end_line(b, 0);
            add_piece(b, a[i].span, pos, clen, cw, 0);
            pos += clen;
        }
    }
}

pdurep_error pdurep_lines_break(pdurep_lines *out, pdurep_fonts *f, const pdurep_rich *r,
                                double size, double width, unsigned flags)
{
    out->n_frags = out->n_lines = 0;
    out->size = size;
    out->max_width = 0;
    if (r->oom)
        return PDUREP_ERROR_NO_MEMORY;

    /* Cut the spans into pieces of words, spaces and forced breaks. */
    atom *atoms = NULL;
    size_t n_atoms = 0, cap_atoms = 0;
    for (size_t si = 0; si < r->n_spans; si++) {
        const pdurep_span *s = &r->spans[si];
        double sz = (s->flags & PDUREP_SPAN_SUPER) ? size * PDUREP_SUPER_SCALE : size;
        size_t i = s->start, end = s->start + s->len;
        while (i < end) {
            atom a = {ATOM_PIECE, si, i, 0, 0};
            if (r->text[i] == ' ') {
                while (i < end && r->text[i] == ' ')
                    i++;
                a.kind = ATOM_SPACE;
                a.width = pdurep_fonts_width(f, s->face, sz, " ", 1);
            } else if (r->text[i] == '\n') {
                i++;
                a.kind = ATOM_BREAK;
            } else {
                while (i < end && r->text[i] != ' ' && r->text[i] != '\n')
                    i++;
                a.width = pdurep_fonts_width(f, s->face, sz, r->text + a.start, i - a.start);
            }
            a.len = i - a.start;
            if (!pdurep_grow((void **)&atoms, &cap_atoms, n_atoms + 1, sizeof *atoms)) {
                free(atoms);
                return PDUREP_ERROR_NO_MEMORY;
            }
            atoms[n_atoms++] = a;
        }
    }
    if (f->failed) {
        free(atoms);
        return PDUREP_ERROR_INTERNAL;
    }

    breaker b = {out, f, r, size, width, flags, 0, 0, 0, 1, 0};
    double space = 0; /* width of the gap before the next word, 0 when none */
    size_t i = 0;
    while (i < n_atoms && !b.oom) {
        if (atoms[i].kind == ATOM_BREAK) {
            end_line(&b, 1);
            space = 0;
            i++;
            continue;
        }
        if (atoms[i].kind == ATOM_SPACE) {
            if (!b.empty)
                space = atoms[i].width;
            i++;
            continue;
        }
        size_t j = i;
        double w = 0;
        while (j < n_atoms && atoms[j].kind == ATOM_PIECE)
            w += atoms[j++].width;
        if (!b.empty && b.cur + space + w > width + WIDTH_EPSILON) {
            end_line(&b, 0);
            space = 0;
        }
        if (b.empty && w > width + WIDTH_EPSILON) {
            split_word(&b, atoms + i, j - i);
        } else {
            for (size_t k = i; k < j; k++) {
                add_piece(&b, atoms[k].span, atoms[k].start, atoms[k].len, atoms[k].width,
                          k == i ? space : 0);
            }
        }
        space = 0;
        i = j;
    }
    if (!b.empty && !b.oom)
        end_line(&b, 1);
    else if (out->n_lines)
        out->lines[out->n_lines - 1].last = 1;
    free(atoms);
    return b.oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
}

void pdurep_lines_free(pdurep_lines *l)
{
    free(l->frags);
    free(l->lines);
    memset(l, 0, sizeof *l);
}

