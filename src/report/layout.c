/*
 * Layout files. Everything has a default except the list of sections, so a
 * layout states only what it changes; every key is checked, so a misspelt key
 * is an error with its position instead of a setting silently ignored.
 */
#include "report/layout.h"
#include "lib/yamlfile.h"
#include "pdurep/db.h"
#include "pdurep_config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MM (72.0 / 25.4)

static const char *const style_names[PDUREP_STYLE_COUNT] = {
    "body", "h1", "h2", "h3", "list", "statement", "small", "table-head", "table-body",
    "caption", "footnote", "running", "chart-label", "contents", "cover-title", "cover-text",
};

static const char *const colour_names[PDUREP_COLOUR_COUNT] = {
    "text", "muted", "accent", "rule", "table-head", "stripe", "highlight", "cover",
    "cover-text", "panel", "grid", "mark", "series-1", "series-2", "series-3", "series-4",
};

static const char *const section_names[PDUREP_SECTION_TYPE_COUNT] = {
    "cover", "contents", "foreword", "ratings", "recommendations", "background",
    "domain", "diversity", "comparison", "further-information", "footnotes",
    "pdus", "breakdown", "colophon",
};

/* Rating keys in the order of pdurep_rating. */
static const char *const rating_keys[PDUREP_RATING_COUNT] = {
    "inadequate", "requires-improvement", "good", "outstanding",
};

static const char *const face_names[PDUREP_FACE_COUNT] = {"regular", "bold", "italic"};

static const char *const default_fonts[PDUREP_FACE_COUNT] = {
    "PdurepSans-Regular.ttf", "PdurepSans-Bold.ttf", "PdurepSans-Italic.ttf",
};

typedef struct loader {
    pdurep_yaml y;
    pdurep_layout *l;
    char *dir; /* folder of the layout file */
    int oom;   /* an allocation failed: the layout is refused with NO_MEMORY, not misread */
} loader;

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (s) {
        memcpy(s, a, la);
        s[la] = '/';
        memcpy(s + la + 1, b, lb + 1);
    }
    return s;
}

/* A bare font name: the data folder's fonts/, else the system's folder of the
 * Liberation faces (Debian's fonts-liberation2), which pdurep depends on
 * rather than shipping copies of. A name found in neither keeps the data
 * folder's path, so the error names where a shipped font belongs. */
static char *bare_font(const char *name)
{
    char *dir = join(pdurep_data_dir(), "fonts");
    char *path = dir ? join(dir, name) : NULL;
    free(dir);
    if (path && access(path, F_OK) != 0 && *PDUREP_SYSTEM_FONT_DIR) {
        char *sys = join(PDUREP_SYSTEM_FONT_DIR, name);
        if (sys && access(sys, F_OK) == 0) {
            free(path);
            return sys;
        }
        free(sys);
    }
    return path;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && !strcmp(s + ls - lx, suffix);
}

static int parse_number(const char *s, double *out)
{
    char *end;
    if (!s || !*s)
        return 0;
    double v = strtod(s, &end);
    if (end == s || *end)
        return 0;
    *out = v;
    return 1;
}

/* A length: a number of points, or a number with pt, mm, cm or in. */
static int length(loader *ld, yaml_node_t *n, double *out)
{
    const char *s = pdurep_yaml_scalar(n);
    if (s) {
        char buf[64];
        size_t len = strlen(s);
        if (len < sizeof buf) {
            memcpy(buf, s, len + 1);
            double scale = 1;
            if (len > 2 && isalpha((unsigned char)buf[len - 1])) {
                const char *unit = buf + len - 2;
                scale = !strcmp(unit, "pt") ? 1 : !strcmp(unit, "mm") ? MM
                      : !strcmp(unit, "cm") ? 10 * MM : !strcmp(unit, "in") ? 72 : 0;
                buf[len - 2] = '\0';
                while (len > 2 && buf[strlen(buf) - 1] == ' ')
                    buf[strlen(buf) - 1] = '\0';
            }
            double v;
            if (scale > 0 && parse_number(buf, &v) && v >= 0 && v < 10000) {
                *out = v * scale;
                return 1;
            }
        }
    }
    pdurep_yaml_error(&ld->y, n, "expected a length such as 12pt, 18mm, 2cm or 1in");
    return 0;
}

static int parse_hex(const char *s, pdurep_rgb *out)
{
    if (!s || s[0] != '#' || strlen(s) != 7)
        return 0;
    unsigned v[3];
    for (int i = 0; i < 3; i++) {
        char h[3] = {s[1 + 2 * i], s[2 + 2 * i], 0};
        if (!isxdigit((unsigned char)h[0]) || !isxdigit((unsigned char)h[1]))
            return 0;
        v[i] = (unsigned)strtoul(h, NULL, 16);
    }
    *out = (pdurep_rgb){v[0] / 255.0, v[1] / 255.0, v[2] / 255.0};
    return 1;
}

/* A colour: "#rrggbb", or the name of a colour set under colours:. */
static int colour(loader *ld, yaml_node_t *n, pdurep_rgb *out)
{
    const char *s = pdurep_yaml_scalar(n);
    if (parse_hex(s, out))
        return 1;
    for (int i = 0; s && i < PDUREP_COLOUR_COUNT; i++)
        if (!strcmp(s, colour_names[i])) {
            *out = ld->l->colours[i];
            return 1;
        }
    pdurep_yaml_error(&ld->y, n, "expected a colour \"#rrggbb\" or the name of a colour under "
                      "'colours'");
    return 0;
}

static int lookup(const char *s, const char *const *names, int n)
{
    for (int i = 0; s && i < n; i++)
        if (!strcmp(s, names[i]))
            return i;
    return -1;
}

static void load_page(loader *ld, yaml_node_t *page)
{
    pdurep_layout *l = ld->l;
    static const char *const keys[] = {"size", "margins", "header", "footer", "orphans", "widows"};
    if (!pdurep_yaml_check_keys(&ld->y, page, keys, 6)) {
        pdurep_yaml_error(&ld->y, page, "'page' must be a mapping");
        return;
    }
    yaml_node_t *n = pdurep_yaml_get(&ld->y, page, "size");
    if (n) {
        const char *s = pdurep_yaml_scalar(n);
        static const struct { const char *name; double w, h; } sizes[] = {
            {"A4", 210 * MM, 297 * MM}, {"A5", 148 * MM, 210 * MM},
            {"letter", 612, 792}, {"legal", 612, 1008},
        };
        size_t i = 0;
        while (s && i < 4 && strcasecmp(s, sizes[i].name))
            i++;
        if (s && i < 4) {
            l->page_w = sizes[i].w;
            l->page_h = sizes[i].h;
        } else if (n->type == YAML_SEQUENCE_NODE &&
                   n->data.sequence.items.top - n->data.sequence.items.start == 2) {
            length(ld, pdurep_yaml_node(&ld->y, n->data.sequence.items.start[0]), &l->page_w);
            length(ld, pdurep_yaml_node(&ld->y, n->data.sequence.items.start[1]), &l->page_h);
        } else {
            pdurep_yaml_error(&ld->y, n, "expected A4, A5, letter, legal or [width, height]");
        }
    }
    if ((n = pdurep_yaml_get(&ld->y, page, "margins"))) {
        if (n->type == YAML_SEQUENCE_NODE &&
            n->data.sequence.items.top - n->data.sequence.items.start == 4) {
            for (int i = 0; i < 4; i++)
                length(ld, pdurep_yaml_node(&ld->y, n->data.sequence.items.start[i]), &l->margin[i]);
        } else if (n->type == YAML_SCALAR_NODE) {
            if (length(ld, n, &l->margin[0]))
                l->margin[1] = l->margin[2] = l->margin[3] = l->margin[0];
        } else {
            pdurep_yaml_error(&ld->y, n, "expected one length or [top, right, bottom, left]");
        }
    }
    if ((n = pdurep_yaml_get(&ld->y, page, "header")))
        length(ld, n, &l->header_h);
    if ((n = pdurep_yaml_get(&ld->y, page, "footer")))
        length(ld, n, &l->footer_h);
    const char *names[2] = {"orphans", "widows"};
    int *dst[2] = {&l->orphans, &l->widows};
    for (int i = 0; i < 2; i++) {
        double v;
        if ((n = pdurep_yaml_get(&ld->y, page, names[i]))) {
            if (parse_number(pdurep_yaml_scalar(n), &v) && v >= 1 && v <= 5 && v == (int)v)
                *dst[i] = (int)v;
            else
                pdurep_yaml_error(&ld->y, n, "expected a whole number of lines from 1 to 5");
        }
    }
}

static void load_fonts(loader *ld, yaml_node_t *fonts)
{
    if (!pdurep_yaml_check_keys(&ld->y, fonts, face_names, PDUREP_FACE_COUNT)) {
        pdurep_yaml_error(&ld->y, fonts, "'fonts' must be a mapping of regular, bold and italic");
        return;
    }
    for (int i = 0; i < PDUREP_FACE_COUNT; i++) {
        yaml_node_t *n = pdurep_yaml_get(&ld->y, fonts, face_names[i]);
        const char *s = pdurep_yaml_scalar(n);
        if (!n)
            continue;
        if (!s || !*s) {
            pdurep_yaml_error(&ld->y, n, "expected a TrueType file name");
            continue;
        }
        free(ld->l->fonts[i]);
        /* A bare name is a shipped font, or one of the system's Liberation faces. */
        if (s[0] == '/') {
            ld->l->fonts[i] = strdup(s);
        } else if (strchr(s, '/')) {
            ld->l->fonts[i] = join(ld->dir, s);
        } else {
            ld->l->fonts[i] = bare_font(s);
        }
        if (!ld->l->fonts[i])
            ld->oom = 1; /* else the default face would stand in, unsaid */
    }
}

static void load_colours(loader *ld, yaml_node_t *cols)
{
    if (!pdurep_yaml_check_keys(&ld->y, cols, colour_names, PDUREP_COLOUR_COUNT)) {
        pdurep_yaml_error(&ld->y, cols, "'colours' must be a mapping");
        return;
    }
    for (int i = 0; i < PDUREP_COLOUR_COUNT; i++) {
        yaml_node_t *n = pdurep_yaml_get(&ld->y, cols, colour_names[i]);
        if (n && !parse_hex(pdurep_yaml_scalar(n), &ld->l->colours[i]))
            pdurep_yaml_error(&ld->y, n, "expected a colour \"#rrggbb\"");
    }
}

static void load_ratings(loader *ld, yaml_node_t *rt)
{
    if (!pdurep_yaml_check_keys(&ld->y, rt, rating_keys, PDUREP_RATING_COUNT)) {
        pdurep_yaml_error(&ld->y, rt, "'ratings' must be a mapping");
        return;
    }
    static const char *const keys[] = {"fill", "ink"};
    for (int i = 0; i < PDUREP_RATING_COUNT; i++) {
        yaml_node_t *n = pdurep_yaml_get(&ld->y, rt, rating_keys[i]);
        if (!n)
            continue;
        if (!pdurep_yaml_check_keys(&ld->y, n, keys, 2)) {
            pdurep_yaml_error(&ld->y, n, "expected a mapping with fill and ink");
            continue;
        }
        yaml_node_t *v;
        if ((v = pdurep_yaml_get(&ld->y, n, "fill")))
            colour(ld, v, &ld->l->rating_fill[i]);
        if ((v = pdurep_yaml_get(&ld->y, n, "ink")))
            colour(ld, v, &ld->l->rating_ink[i]);
    }
}

static void load_style(loader *ld, yaml_node_t *n, pdurep_style *st)
{
    static const char *const keys[] = {"font", "size", "leading", "colour", "before", "after",
                                       "align"};
    if (!pdurep_yaml_check_keys(&ld->y, n, keys, 7)) {
        pdurep_yaml_error(&ld->y, n, "a style must be a mapping");
        return;
    }
    yaml_node_t *v;
    if ((v = pdurep_yaml_get(&ld->y, n, "font"))) {
        int f = lookup(pdurep_yaml_scalar(v), face_names, PDUREP_FACE_COUNT);
        if (f < 0)
            pdurep_yaml_error(&ld->y, v, "expected regular, bold or italic");
        else
            st->face = (pdurep_face)f;
    }
    yaml_node_t *lead = pdurep_yaml_get(&ld->y, n, "leading");
    if ((v = pdurep_yaml_get(&ld->y, n, "size"))) {
        if (length(ld, v, &st->size) && (st->size < 4 || st->size > 96))
            pdurep_yaml_error(&ld->y, v, "a font size must be from 4pt to 96pt");
        /* A new size without a leading gets the usual 130%. */
        if (!lead)
            st->leading = st->size * 1.3;
    }
    if (lead)
        length(ld, lead, &st->leading);
    if (st->leading < st->size * 0.8)
        pdurep_yaml_error(&ld->y, n, "the leading is too small for the font size");
    if ((v = pdurep_yaml_get(&ld->y, n, "colour")))
        colour(ld, v, &st->colour);
    if ((v = pdurep_yaml_get(&ld->y, n, "before")))
        length(ld, v, &st->space_before);
    if ((v = pdurep_yaml_get(&ld->y, n, "after")))
        length(ld, v, &st->space_after);
    if ((v = pdurep_yaml_get(&ld->y, n, "align"))) {
        static const char *const aligns[] = {"left", "centre", "right", "justify"};
        int a = lookup(pdurep_yaml_scalar(v), aligns, 4);
        if (a < 0)
            pdurep_yaml_error(&ld->y, v, "expected left, centre, right or justify");
        else
            st->align = (pdurep_align)a;
    }
}

static void load_styles(loader *ld, yaml_node_t *styles)
{
    if (!pdurep_yaml_check_keys(&ld->y, styles, style_names, PDUREP_STYLE_COUNT)) {
        pdurep_yaml_error(&ld->y, styles, "'styles' must be a mapping");
        return;
    }
    /* The body style first: unset styles start from it. */
    yaml_node_t *body = pdurep_yaml_get(&ld->y, styles, "body");
    if (body)
        load_style(ld, body, &ld->l->styles[PDUREP_STYLE_BODY]);
    for (int i = 1; i < PDUREP_STYLE_COUNT; i++) {
        ld->l->styles[i] = ld->l->styles[PDUREP_STYLE_BODY];
        yaml_node_t *n = pdurep_yaml_get(&ld->y, styles, style_names[i]);
        if (n)
            load_style(ld, n, &ld->l->styles[i]);
    }
}

static void load_sections(loader *ld, yaml_node_t *seq)
{
    pdurep_layout *l = ld->l;
    if (!seq || seq->type != YAML_SEQUENCE_NODE ||
        seq->data.sequence.items.top == seq->data.sequence.items.start) {
        pdurep_yaml_error(&ld->y, seq ? seq : pdurep_yaml_root(&ld->y),
                          "'sections' must be a list of at least one section");
        return;
    }
    size_t n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
    if (!(l->sections = calloc(n, sizeof *l->sections)))
        return;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = pdurep_yaml_node(&ld->y, seq->data.sequence.items.start[i]);
        pdurep_layout_section *s = &l->sections[l->n_sections];
        yaml_node_t *type = item, *v;
        if (item->type == YAML_MAPPING_NODE) {
            static const char *const keys[] = {"type", "domain", "new-page", "attribute",
                                               "share-page"};
            pdurep_yaml_check_keys(&ld->y, item, keys, 5);
            type = pdurep_yaml_get(&ld->y, item, "type");
            if (!type) {
                pdurep_yaml_error(&ld->y, item, "a section needs a 'type'");
                continue;
            }
        }
        int t = lookup(pdurep_yaml_scalar(type), section_names, PDUREP_SECTION_TYPE_COUNT);
        if (t < 0) {
            pdurep_yaml_error(&ld->y, type, "unknown section type '%s' (expected cover, contents, "
                              "foreword, ratings, recommendations, background, domain, diversity, "
                              "comparison, further-information, footnotes, pdus, breakdown or colophon)",
                              pdurep_yaml_scalar(type) ? pdurep_yaml_scalar(type) : "");
            continue;
        }
        s->type = (pdurep_section_type)t;
        s->line = item->start_mark.line + 1;
        s->column = item->start_mark.column + 1;
        /* Big sections open a page; short ones follow on. */
        s->new_page = t == PDUREP_SECTION_COVER || t == PDUREP_SECTION_CONTENTS ||
                      t == PDUREP_SECTION_FOREWORD || t == PDUREP_SECTION_DOMAIN;
        if (item->type == YAML_MAPPING_NODE) {
            if ((v = pdurep_yaml_get(&ld->y, item, "new-page"))) {
                const char *b = pdurep_yaml_scalar(v);
                if (b && (!strcmp(b, "true") || !strcmp(b, "yes")))
                    s->new_page = 1;
                else if (b && (!strcmp(b, "false") || !strcmp(b, "no")))
                    s->new_page = 0;
                else
                    pdurep_yaml_error(&ld->y, v, "expected true or false");
            }
            if ((v = pdurep_yaml_get(&ld->y, item, "share-page"))) {
                const char *b = pdurep_yaml_scalar(v);
                if (b && (!strcmp(b, "true") || !strcmp(b, "yes")))
                    s->share_page = 1;
                else if (b && (!strcmp(b, "false") || !strcmp(b, "no")))
                    s->share_page = 0;
                else
                    pdurep_yaml_error(&ld->y, v, "expected true or false");
            }
            if ((v = pdurep_yaml_get(&ld->y, item, "domain"))) {
                double d;
                if (t != PDUREP_SECTION_DOMAIN)
                    pdurep_yaml_error(&ld->y, v, "only a domain section takes 'domain'");
                else if (parse_number(pdurep_yaml_scalar(v), &d) && d >= 1 && d <= 9 && d == (int)d)
                    s->domain = (int)d;
                else
                    pdurep_yaml_error(&ld->y, v, "expected a domain number such as 1 or 2");
            }
            if ((v = pdurep_yaml_get(&ld->y, item, "attribute"))) {
                if ((t != PDUREP_SECTION_COMPARISON && t != PDUREP_SECTION_BACKGROUND &&
                     t != PDUREP_SECTION_BREAKDOWN && t != PDUREP_SECTION_PDUS) ||
                    !pdurep_yaml_scalar(v))
                    pdurep_yaml_error(&ld->y, v, "only a comparison, background, breakdown or "
                                      "pdus section takes 'attribute'");
                else if (!(s->attribute = strdup(pdurep_yaml_scalar(v))))
                    ld->oom = 1;
            }
        }
        if (t == PDUREP_SECTION_DOMAIN && !s->domain) {
            pdurep_yaml_error(&ld->y, item, "a domain section needs 'domain: N'");
            continue;
        }
        int takes = t == PDUREP_SECTION_COMPARISON || t == PDUREP_SECTION_BREAKDOWN ||
                    t == PDUREP_SECTION_BACKGROUND || t == PDUREP_SECTION_PDUS;
        if (takes && !s->attribute && l->attribute && !(s->attribute = strdup(l->attribute)))
            ld->oom = 1;
        if ((t == PDUREP_SECTION_COMPARISON || t == PDUREP_SECTION_BREAKDOWN) && !s->attribute) {
            pdurep_yaml_error(&ld->y, item, "a %s section needs an 'attribute' (or the layout "
                              "one for every section: 'attribute: CODE')",
                              pdurep_yaml_scalar(type));
            continue;
        }
        l->n_sections++;
    }
}

/* ---- contrast ------------------------------------------------------------- */

double pdurep_contrast(pdurep_rgb a, pdurep_rgb b)
{
    double l[2];
    const pdurep_rgb *c[2] = {&a, &b};
    for (int i = 0; i < 2; i++) {
        double ch[3] = {c[i]->r, c[i]->g, c[i]->b};
        for (int k = 0; k < 3; k++)
            ch[k] = ch[k] <= 0.04045 ? ch[k] / 12.92 : pow((ch[k] + 0.055) / 1.055, 2.4);
        l[i] = 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    }
    double hi = l[0] > l[1] ? l[0] : l[1], lo = l[0] > l[1] ? l[1] : l[0];
    return (hi + 0.05) / (lo + 0.05);
}

double pdurep_contrast_needed(const pdurep_style *st)
{
    /* WCAG 2.1: 18pt, or 14pt bold, and larger is "large text". */
    int large = st->size >= 18 - 1e-9 || (st->face == PDUREP_FACE_BOLD && st->size >= 14 - 1e-9);
    return large ? 3.0 : 4.5;
}

static void hex(pdurep_rgb c, char out[8])
{
    snprintf(out, 8, "#%02x%02x%02x", (unsigned)(c.r * 255 + 0.5), (unsigned)(c.g * 255 + 0.5),
             (unsigned)(c.b * 255 + 0.5));
}

/* Where to point at for a style: its own entry, else the styles mapping, else the file. */
static yaml_node_t *style_node(loader *ld, yaml_node_t *root, int id)
{
    yaml_node_t *styles = pdurep_yaml_get(&ld->y, root, "styles");
    yaml_node_t *n = styles ? pdurep_yaml_get(&ld->y, styles, style_names[id]) : NULL;
    return n ? n : styles ? styles : root;
}

static void pair(loader *ld, yaml_node_t *at, const char *what, pdurep_rgb fg, const char *on,
                 pdurep_rgb bg, const pdurep_style *st)
{
    double c = pdurep_contrast(fg, bg), need = pdurep_contrast_needed(st);
    /* Compare at the precision printed, so the message never says "4.50 is below 4.50". */
    if (floor(c * 100 + 1e-9) / 100 < need) {
        char f[8], b[8];
        hex(fg, f);
        hex(bg, b);
        pdurep_yaml_error(&ld->y, at, "%s (%s) on %s (%s) has contrast %.2f:1, below the %.1f:1 "
                          "WCAG 2.1 asks of %s text", what, f, on, b, floor(c * 100) / 100, need,
                          need < 4.5 ? "large" : "this size of");
    }
}

/*
 * Every text/background pair the report draws, from the layout's own colours.
 * A layout below WCAG 2.1 1.4.3 is refused rather than warned about: a report
 * that fails it may not be published by a public body, and a warning in a
 * batch run is easily lost.
 */
static void check_contrast(loader *ld, yaml_node_t *root)
{
    const pdurep_layout *l = ld->l;
    const pdurep_rgb white = {1, 1, 1};
    static const int on_page[] = {PDUREP_STYLE_BODY, PDUREP_STYLE_H1, PDUREP_STYLE_H2,
                                  PDUREP_STYLE_H3, PDUREP_STYLE_LIST, PDUREP_STYLE_STATEMENT,
                                  PDUREP_STYLE_SMALL, PDUREP_STYLE_TABLE_BODY, PDUREP_STYLE_CAPTION,
                                  PDUREP_STYLE_FOOTNOTE, PDUREP_STYLE_RUNNING,
                                  PDUREP_STYLE_CHART_LABEL, PDUREP_STYLE_CONTENTS};
    char what[64];
    for (size_t i = 0; i < sizeof on_page / sizeof *on_page; i++) {
        int id = on_page[i];
        snprintf(what, sizeof what, "text of style '%s'", style_names[id]);
        pair(ld, style_node(ld, root, id), what, l->styles[id].colour, "the page", white,
             &l->styles[id]);
    }
    /* Table cells: striped rows, panels (domain rows, headline figures), highlighted rows. */
    static const int fills[] = {PDUREP_COLOUR_STRIPE, PDUREP_COLOUR_PANEL, PDUREP_COLOUR_HIGHLIGHT};
    const pdurep_style *tb = &l->styles[PDUREP_STYLE_TABLE_BODY];
    for (size_t i = 0; i < sizeof fills / sizeof *fills; i++) {
        char on[48];
        snprintf(on, sizeof on, "colour '%s'", colour_names[fills[i]]);
        pair(ld, style_node(ld, root, PDUREP_STYLE_TABLE_BODY), "text of style 'table-body'",
             tb->colour, on, l->colours[fills[i]], tb);
    }
    pair(ld, style_node(ld, root, PDUREP_STYLE_TABLE_HEAD), "text of style 'table-head'",
         l->styles[PDUREP_STYLE_TABLE_HEAD].colour, "colour 'table-head'",
         l->colours[PDUREP_COLOUR_TABLE_HEAD], &l->styles[PDUREP_STYLE_TABLE_HEAD]);
    static const int cover[] = {PDUREP_STYLE_COVER_TITLE, PDUREP_STYLE_COVER_TEXT};
    for (size_t i = 0; i < 2; i++) {
        snprintf(what, sizeof what, "text of style '%s'", style_names[cover[i]]);
        pair(ld, style_node(ld, root, cover[i]), what, l->styles[cover[i]].colour, "colour 'cover'",
             l->colours[PDUREP_COLOUR_COVER], &l->styles[cover[i]]);
    }
    /* Chips print the rating word at table-body size at the smallest. */
    yaml_node_t *rt = pdurep_yaml_get(&ld->y, root, "ratings");
    for (int k = 0; k < PDUREP_RATING_COUNT; k++) {
        yaml_node_t *n = rt ? pdurep_yaml_get(&ld->y, rt, rating_keys[k]) : NULL;
        snprintf(what, sizeof what, "the ink of rating '%s'", rating_keys[k]);
        pair(ld, n ? n : rt ? rt : root, what, l->rating_ink[k], "its fill", l->rating_fill[k], tb);
    }
}

static void set_defaults(pdurep_layout *l)
{
    l->page_w = 210 * MM;
    l->page_h = 297 * MM;
    for (int i = 0; i < 4; i++)
        l->margin[i] = 20 * MM;
    l->header_h = 10 * MM;
    l->footer_h = 10 * MM;
    l->orphans = l->widows = 2;
    for (int i = 0; i < PDUREP_COLOUR_COUNT; i++)
        l->colours[i] = (pdurep_rgb){0.3, 0.3, 0.3};
    l->colours[PDUREP_COLOUR_TEXT] = (pdurep_rgb){0, 0, 0};
    l->colours[PDUREP_COLOUR_COVER_TEXT] = (pdurep_rgb){1, 1, 1};
    l->colours[PDUREP_COLOUR_STRIPE] = l->colours[PDUREP_COLOUR_PANEL] = (pdurep_rgb){0.94, 0.94, 0.94};
    l->colours[PDUREP_COLOUR_GRID] = l->colours[PDUREP_COLOUR_HIGHLIGHT] = (pdurep_rgb){0.85, 0.85, 0.85};
    /* Defaults pass the contrast check: light fills behind the default black text,
     * black ink on the two lighter rating greys. */
    l->colours[PDUREP_COLOUR_COVER] = l->colours[PDUREP_COLOUR_TABLE_HEAD] = (pdurep_rgb){0.85, 0.85, 0.85};
    for (int i = 0; i < PDUREP_RATING_COUNT; i++) {
        double g = 0.2 + 0.2 * i;
        l->rating_fill[i] = (pdurep_rgb){g, g, g};
        l->rating_ink[i] = i < 2 ? (pdurep_rgb){1, 1, 1} : (pdurep_rgb){0, 0, 0};
    }
    l->styles[PDUREP_STYLE_BODY] = (pdurep_style){PDUREP_FACE_REGULAR, 10, 14, {0, 0, 0}, 0, 6,
                                                  PDUREP_ALIGN_LEFT};
}

pdurep_error pdurep_layout_load(const char *name, pdurep_layout **out, pdurep_diag *diag)
{
    *out = NULL;
    loader ld = {0};
    pdurep_layout *l = ld.l = calloc(1, sizeof *l);
    if (!l)
        return PDUREP_ERROR_NO_MEMORY;
    if (strchr(name, '/') || ends_with(name, ".yaml")) {
        l->path = strdup(name);
    } else {
        char *dir = join(pdurep_data_dir(), "layouts");
        size_t n = strlen(name);
        char *file = malloc(n + 6);
        if (file)
            memcpy(file, name, n), memcpy(file + n, ".yaml", 6);
        l->path = dir && file ? join(dir, file) : NULL;
        free(dir);
        free(file);
    }
    if (!l->path) {
        free(l);
        return PDUREP_ERROR_NO_MEMORY;
    }
    set_defaults(l);
    const char *slash = strrchr(l->path, '/');
    ld.dir = slash ? strndup(l->path, (size_t)(slash - l->path)) : strdup(".");
    if (!ld.dir) {
        pdurep_layout_free(l);
        return PDUREP_ERROR_NO_MEMORY;
    }
    pdurep_error err = pdurep_yaml_load(&ld.y, l->path, diag);
    if (err == PDUREP_ERROR_NO_INPUT && !strchr(name, '/') && !ends_with(name, ".yaml"))
        pdurep_diag_add(diag, NULL, 0, 0, "no layout named '%s' (layouts live in %s/layouts)",
                        name, pdurep_data_dir());
    if (!err) {
        yaml_node_t *root = pdurep_yaml_root(&ld.y);
        static const char *const keys[] = {"strings", "page", "fonts", "colours", "ratings",
                                           "styles", "attribute", "sections"};
        if (!root) {
            pdurep_yaml_error(&ld.y, root, "the file is empty");
        } else if (!pdurep_yaml_check_keys(&ld.y, root, keys, 8)) {
            pdurep_yaml_error(&ld.y, root, "a layout must be a mapping");
        } else {
            yaml_node_t *n;
            const char *lang = "en";
            if ((n = pdurep_yaml_get(&ld.y, root, "strings"))) {
                lang = pdurep_yaml_scalar(n);
                if (!lang || !*lang) {
                    pdurep_yaml_error(&ld.y, n, "expected a language such as en");
                    lang = "en";
                }
            }
            char *file = malloc(strlen(lang) + 16);
            if (file) {
                if (strchr(lang, '/') || ends_with(lang, ".yaml"))
                    strcpy(file, lang);
                else if (!(l->strings_lang = strdup(lang)))
                    *file = '\0', ld.oom = 1;
                else
                    sprintf(file, "strings/%s.yaml", lang);
                l->strings_path = lang[0] == '/' ? strdup(lang) : join(ld.dir, file);
                free(file);
            }
            if ((n = pdurep_yaml_get(&ld.y, root, "page")))
                load_page(&ld, n);
            if ((n = pdurep_yaml_get(&ld.y, root, "fonts")))
                load_fonts(&ld, n);
            if ((n = pdurep_yaml_get(&ld.y, root, "colours")))
                load_colours(&ld, n);
            if ((n = pdurep_yaml_get(&ld.y, root, "ratings")))
                load_ratings(&ld, n);
            n = pdurep_yaml_get(&ld.y, root, "styles");
            if (n)
                load_styles(&ld, n);
            else
                for (int i = 1; i < PDUREP_STYLE_COUNT; i++)
                    l->styles[i] = l->styles[PDUREP_STYLE_BODY];
            /* The attribute sections split by when they name none: a framework's
             * attribute, so it is the layout's choice, not the program's. */
            if ((n = pdurep_yaml_get(&ld.y, root, "attribute"))) {
                const char *a = pdurep_yaml_scalar(n);
                if (!a || !*a)
                    pdurep_yaml_error(&ld.y, n, "expected a case attribute such as rosh");
                else if (!(l->attribute = strdup(a)))
                    ld.oom = 1;
            }
            load_sections(&ld, pdurep_yaml_get(&ld.y, root, "sections"));
            if (!ld.y.errors)
                check_contrast(&ld, root);
        }
        for (int i = 0; i < PDUREP_FACE_COUNT; i++) {
            if (!l->fonts[i])
                l->fonts[i] = bare_font(default_fonts[i]);
        }
        if (ld.oom)
            err = PDUREP_ERROR_NO_MEMORY;
        else if (ld.y.errors)
            err = PDUREP_ERROR_DATA;
        else if (!l->strings_path || !l->sections)
            err = PDUREP_ERROR_NO_MEMORY;
        for (int i = 0; !err && i < PDUREP_FACE_COUNT; i++)
            if (!l->fonts[i])
                err = PDUREP_ERROR_NO_MEMORY;
    }
    pdurep_yaml_free(&ld.y);
    free(ld.dir);
    if (err) {
        pdurep_layout_free(l);
        return err;
    }
    *out = l;
    return PDUREP_OK;
}

void pdurep_layout_free(pdurep_layout *l)
{
    if (!l)
        return;
    free(l->path);
    for (int i = 0; i < PDUREP_FACE_COUNT; i++)
        free(l->fonts[i]);
    free(l->strings_path);
    free(l->strings_lang);
    free(l->attribute);
    for (size_t i = 0; i < l->n_sections; i++)
        free(l->sections[i].attribute);
    free(l->sections);
    free(l);
}
