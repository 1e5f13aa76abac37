/*
 * The narrative of a report: sections of prose with placeholders. Parsing
 * checks everything a report needs (section names, placeholders, footnote
 * references) at import, so that rendering a report cannot fail on the prose.
 * The placeholder language is placeholder.c; storage in the database is
 * narrative_db.c.
 */
#include "narrative_internal.h"
#include "sbuf.h"
#include "util.h"
#include "utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- parsing ------------------------------------------------------------ */

typedef struct parser {
    const char *file;
    const pdurep_framework *fw;
    pdurep_diag *diag;
    int errors;
    int oom;             /* memory ran out: stop, report nothing more */
    pdurep_narrative *n;
    pdurep_sbuf body;            /* body of the open section */
    long open;           /* index of the open section, -1 before the first */
    /* Footnote references, checked once every section is known. */
    struct ref { char *key; unsigned long line, col; } *refs;
    size_t n_refs;
} parser;

static void problem(parser *p, unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(parser *p, unsigned long line, unsigned long col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pdurep_diag_add(p->diag, p->file, line, col, "%s", msg);
    p->errors++;
}

/* 1-based column in characters of byte @p off of a line. */
static unsigned long column(const char *line, size_t off)
{
    return 1 + pdurep_utf8_count(line, off);
}

static const char *const fixed_sections[] = {
    "foreword", "signature", "recommendations-intro", "recommendations", "background",
    "diversity strengths", "diversity improvements", "comparison", "further-information",
    "pdus",
    /* What {name}, {region} and {inspectorate} print in this narrative's language. */
    "name", "region", "inspectorate",
};

/* Parts of a standard's sections; "rationale" is the judgement's basis in this language. */
static int standard_part(const char *part)
{
    return !strcmp(part, "strengths") || !strcmp(part, "improvements") ||
           !strcmp(part, "findings") || !strcmp(part, "rationale");
}

/* Normalise a section name; NULL (with @p why) when it names no section, or NULL with p->oom
 * set when memory runs out. */
static char *section_key(parser *p, const char *name, char *why, size_t why_len)
{
    /* Collapse runs of blanks so "[P1.1   strengths]" works. */
    char *k = malloc(strlen(name) + 1);
    if (!k) {
        p->oom = 1;
        return NULL;
    }
    size_t o = 0;
    for (const char *s = name; *s; s++) {
        if (isspace((unsigned char)*s)) {
            if (o && k[o - 1] != ' ')
                k[o++] = ' ';
        } else {
            k[o++] = *s;
        }
    }
    while (o && k[o - 1] == ' ')
        o--;
    k[o] = '\0';
    /* Any letter case: [Foreword] is [foreword], [p2.1 Strengths] is [P2.1 strengths]. */
    for (size_t i = 0; i < sizeof fixed_sections / sizeof *fixed_sections; i++)
        if (pdurep_strieq(k, fixed_sections[i])) {
            strcpy(k, fixed_sections[i]);
            return k;
        }
    char *sp = strchr(k, ' ');
    if (sp && !strncasecmp(k, "footnote ", 9))
        memcpy(k, "footnote", 8);
    if (sp && !strncmp(k, "footnote ", 9)) {
        const char *key = k + 9;
        int ok = *key != '\0';
        for (const char *c = key; *c; c++)
            if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-'))
                ok = 0;
        if (ok)
            return k;
        snprintf(why, why_len, "a footnote key is made of a-z, 0-9 and '-'");
        free(k);
        return NULL;
    }
    if (sp) {
        *sp = '\0';
        long s = pdurep_framework_standard_index(p->fw, k);
        for (size_t i = 0; s < 0 && i < p->fw->n_standards; i++)
            if (pdurep_strieq(k, p->fw->standards[i].code))
                s = (long)i;
        char *part = sp + 1;
        for (char *c = part; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (s >= 0 && standard_part(part)) {
            char *norm = pdurep_asprintf("%s %s", p->fw->standards[s].code, part);
            if (!norm)
                p->oom = 1;
            free(k);
            return norm;
        }
        if (s < 0 && standard_part(part)) {
            snprintf(why, why_len, "no standard '%s' in framework %s", k, p->fw->code);
            free(k);
            return NULL;
        }
        *sp = ' ';
    }
    snprintf(why, why_len, "unknown section '%s' (expected foreword, signature, "
             "recommendations-intro, recommendations, background, STANDARD strengths, STANDARD "
             "improvements, STANDARD findings, STANDARD rationale, diversity strengths, diversity "
             "improvements, comparison, further-information, pdus, name, region, inspectorate or "
             "footnote KEY)", k);
    free(k);
    return NULL;
}

static void close_section(parser *p)
{
    if (p->open < 0)
        return;
    /* Drop trailing blank lines. */
    while (p->body.len && p->body.s[p->body.len - 1] == '\n')
        p->body.s[--p->body.len] = '\0';
    if (!(p->n->sections[p->open].body = pdurep_sbuf_take(&p->body)))
        p->oom = 1;
    p->open = -1;
}

/* Check the placeholders and footnote references of one body line. */
static void scan_line(parser *p, const char *line, unsigned long lineno)
{
    for (size_t i = 0; line[i] && !p->oom; i++) {
        if (line[i] == '\\') {
            if (line[i + 1])
                i++;
            continue;
        }
        if (line[i] == '{') {
            const char *end = strchr(line + i + 1, '}');
            const char *open2 = strchr(line + i + 1, '{');
            if (!end || (open2 && open2 < end)) {
                problem(p, lineno, column(line, i), "unterminated placeholder (a '{' needs its "
                        "'}' on the same line; write \\{ for a brace)");
                continue;
            }
            char why[256];
            int known = pdurep_placeholder_check(line + i + 1, (size_t)(end - line - i - 1),
                                                 p->fw, why, sizeof why);
            if (known < 0)
                p->oom = 1;
            else if (!known)
                problem(p, lineno, column(line, i), "unknown placeholder '%.*s': %s",
                        (int)(end - line - i + 1), line + i, why);
            i = (size_t)(end - line);
        } else if (line[i] == '}') {
            problem(p, lineno, column(line, i), "a '}' without its '{' (write \\} for a brace)");
        } else if (line[i] == '[' && line[i + 1] == '^') {
            const char *end = strchr(line + i + 2, ']');
            if (!end || end == line + i + 2) {
                problem(p, lineno, column(line, i), "a footnote reference is written [^key]");
                continue;
            }
            struct ref *grown = realloc(p->refs, (p->n_refs + 1) * sizeof *p->refs);
            char *key = grown ? pdurep_trimmed_dup(line + i + 2, (size_t)(end - line - i - 2))
                              : NULL;
            if (grown)
                p->refs = grown;
            if (!key) {
                p->oom = 1;
                return;
            }
            p->refs[p->n_refs++] = (struct ref){key, lineno, column(line, i)};
            i = (size_t)(end - line);
        }
    }
}

/* Report the first invalid UTF-8 sequence with its position; 0 if there is one. */
static int check_utf8(parser *p, const char *text, size_t len)
{
    size_t bad = len;
    int valid = pdurep_utf8_valid(text, len, &bad);
    /* Whichever comes first, a NUL or the first invalid sequence, is reported. */
    const char *nul = memchr(text, '\0', bad);
    if (valid && !nul)
        return 1;
    size_t off = nul ? (size_t)(nul - text) : bad;
    unsigned long line = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n')
            line++, start = i + 1;
    problem(p, line, column(text + start, off - start),
            nul ? "a NUL byte in the text" : "the text is not valid UTF-8");
    return 0;
}

pdurep_error pdurep_narrative_parse(const char *text, size_t len, const char *file,
                                    const pdurep_framework *fw, pdurep_narrative **out,
                                    pdurep_diag *diag)
{
    *out = NULL;
    parser p = {file, fw, diag, 0, 0, NULL, {0}, -1, NULL, 0};
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        text += 3, len -= 3;
    if (!check_utf8(&p, text, len))
        return PDUREP_ERROR_DATA;
    char *copy = malloc(len + 1);
    if (!copy)
        return PDUREP_ERROR_NO_MEMORY;
    memcpy(copy, text, len);
    copy[len] = '\0';
    /* Composed characters: "w" + U+0302 becomes "ŵ", one glyph in the PDF. The text was
     * checked above, so only memory can fail here. */
    char *nfc = pdurep_utf8_nfc(copy);
    free(copy);
    if (!nfc || !(p.n = calloc(1, sizeof *p.n))) {
        free(nfc);
        return PDUREP_ERROR_NO_MEMORY;
    }
    unsigned long lineno = 0;
    char *save = NULL;
    char *s = (char *)nfc;
    for (char *line = s; line && !p.oom; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\r' || line[l - 1] == ' ' || line[l - 1] == '\t'))
            line[--l] = '\0';
        if (line[0] == '#')
            continue;
        if (line[0] == '[' && line[1] != '^' && l >= 2 && line[l - 1] == ']') {
            close_section(&p);
            line[l - 1] = '\0';
            char why[512];
            char *key = p.oom ? NULL : section_key(&p, line + 1, why, sizeof why);
            if (!key) {
                if (!p.oom)
                    problem(&p, lineno, 2, "%s", why);
                continue;
            }
            if (pdurep_narrative_get(p.n, key)) {
                problem(&p, lineno, 1, "section [%s] is given twice", key);
                free(key);
                continue;
            }
            pdurep_narrative_section *grown =
                realloc(p.n->sections, (p.n->n_sections + 1) * sizeof *p.n->sections);
            if (!grown) {
                free(key);
                p.oom = 1;
                continue;
            }
            p.n->sections = grown;
            p.n->sections[p.n->n_sections] = (pdurep_narrative_section){key, NULL, lineno + 1};
            p.open = (long)p.n->n_sections++;
            continue;
        }
        if (p.open < 0) {
            if (l)
                problem(&p, lineno, 1, "text before the first section (start with a line such "
                        "as [foreword])");
            continue;
        }
        if (!p.body.len && !l) {
            p.n->sections[p.open].line = lineno + 1; /* leading blank lines */
            continue;
        }
        scan_line(&p, line, lineno);
        pdurep_sbuf_add(&p.body, line, l);
        pdurep_sbuf_add(&p.body, "\n", 1);
    }
    close_section(&p);
    free(p.body.s); /* left only when memory ran out */
    free(nfc);

    for (size_t i = 0; i < p.n_refs; i++) {
        if (!p.oom) {
            char *key = pdurep_asprintf("footnote %s", p.refs[i].key);
            if (!key)
                p.oom = 1;
            else if (!pdurep_narrative_get(p.n, key))
                problem(&p, p.refs[i].line, p.refs[i].col, "footnote [^%s] has no [footnote %s] "
                        "section", p.refs[i].key, p.refs[i].key);
            free(key);
        }
        free(p.refs[i].key);
    }
    free(p.refs);
    if (p.oom || p.errors) {
        pdurep_narrative_free(p.n);
        return p.oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_DATA;
    }
    *out = p.n;
    return PDUREP_OK;
}

void pdurep_narrative_free(pdurep_narrative *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n_sections; i++) {
        free(n->sections[i].key);
        free(n->sections[i].body);
    }
    free(n->sections);
    free(n);
}

const pdurep_narrative_section *pdurep_narrative_get(const pdurep_narrative *n, const char *key)
{
    for (size_t i = 0; n && i < n->n_sections; i++)
        if (!strcmp(n->sections[i].key, key))
            return &n->sections[i];
    return NULL;
}

/* ---- blocks --------------------------------------------------------------- */

pdurep_error pdurep_narrative_blocks(const pdurep_narrative_section *s, int lines,
                                     pdurep_block **out, size_t *n)
{
    pdurep_block *b = NULL;
    size_t nb = 0;
    int open = 0; /* the last block takes continuation lines */
    unsigned long lineno = s->line;
    const char *p = s->body;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        const char *t = p;
        while (l && (*t == ' ' || *t == '\t'))
            t++, l--;
        if (!l) {
            open = 0;
        } else {
            pdurep_block_kind kind = PDUREP_BLOCK_PARAGRAPH;
            size_t skip = 0;
            if (lines) {
                kind = PDUREP_BLOCK_LINE;
            } else if (l >= 2 && t[0] == '-' && t[1] == ' ') {
                kind = PDUREP_BLOCK_BULLET;
                skip = 2;
            } else if (isdigit((unsigned char)t[0])) {
                size_t d = 0;
                while (d < l && isdigit((unsigned char)t[d]))
                    d++;
                if (d + 1 < l && t[d] == '.' && t[d + 1] == ' ') {
                    kind = PDUREP_BLOCK_NUMBERED;
                    skip = d + 2;
                }
            }
            if (open && kind == PDUREP_BLOCK_PARAGRAPH) {
                pdurep_block *last = &b[nb - 1];
                size_t old = strlen(last->text);
                char *grown = realloc(last->text, old + l + 2);
                if (!grown)
                    goto oom;
                last->text = grown;
                last->text[old] = ' ';
                memcpy(last->text + old + 1, t, l);
                last->text[old + 1 + l] = '\0';
            } else {
                pdurep_block *grown = realloc(b, (nb + 1) * sizeof *b);
                if (!grown)
                    goto oom;
                b = grown;
                while (skip < l && t[skip] == ' ')
                    skip++;
                char *text = pdurep_trimmed_dup(t + skip, l - skip);
                if (!text)
                    goto oom;
                b[nb++] = (pdurep_block){kind, text, lineno};
                open = kind != PDUREP_BLOCK_LINE;
            }
        }
        lineno++;
        p = nl ? nl + 1 : p + strlen(p);
    }
    *out = b;
    *n = nb;
    return PDUREP_OK;
oom:
    pdurep_blocks_free(b, nb);
    *out = NULL;
    *n = 0;
    return PDUREP_ERROR_NO_MEMORY;
}

void pdurep_blocks_free(pdurep_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(b[i].text);
    free(b);
}

/* ---- languages ----------------------------------------------------------- */

pdurep_error pdurep_narrative_missing(const pdurep_narrative *lang, const pdurep_narrative *en,
                                      const char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const char **list = NULL;
    size_t count = 0;
    for (size_t i = 0; en && i < en->n_sections; i++) {
        if (!*en->sections[i].body)
            continue;
        const pdurep_narrative_section *s = pdurep_narrative_get(lang, en->sections[i].key);
        if (s && *s->body)
            continue;
        const char **grown = realloc(list, (count + 1) * sizeof *list);
        if (!grown) {
            free(list);
            return PDUREP_ERROR_NO_MEMORY;
        }
        list = grown;
        list[count++] = en->sections[i].key;
    }
    *out = list;
    *n = count;
    return PDUREP_OK;
}

/* One English section into @p lang: a new section, or the body of its empty one. */
static pdurep_error fill_gap(pdurep_narrative *lang, const pdurep_narrative_section *e)
{
    pdurep_narrative_section *s = (pdurep_narrative_section *)pdurep_narrative_get(lang, e->key);
    char *body = strdup(e->body);
    if (!body)
        return PDUREP_ERROR_NO_MEMORY;
    if (!s) {
        char *key = strdup(e->key);
        pdurep_narrative_section *grown =
            key ? realloc(lang->sections, (lang->n_sections + 1) * sizeof *lang->sections) : NULL;
        if (!grown) {
            free(key);
            free(body);
            return PDUREP_ERROR_NO_MEMORY;
        }
        lang->sections = grown;
        s = &lang->sections[lang->n_sections++];
        s->key = key;
    } else {
        free(s->body);
    }
    s->body = body;
    s->line = e->line;
    return PDUREP_OK;
}

pdurep_error pdurep_narrative_fill_gaps(pdurep_narrative *lang, const pdurep_narrative *en)
{
    for (size_t i = 0; en && i < en->n_sections; i++) {
        const pdurep_narrative_section *e = &en->sections[i];
        if (!*e->body)
            continue;
        const pdurep_narrative_section *s = pdurep_narrative_get(lang, e->key);
        if (s && *s->body)
            continue;
        pdurep_error err = fill_gap(lang, e);
        if (err)
            return err;
    }
    return PDUREP_OK;
}
