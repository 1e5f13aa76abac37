/*
 * The narrative of a report: sections of prose with placeholders. Parsing
 * checks everything a report needs (section names, placeholders, footnote
 * references) at import, so that rendering a report cannot fail on the prose.
 */
#include "pdurep/narrative.h"
#include "db_internal.h"
#include "util.h"
#include "rows.h"
#include "csvfile.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- placeholders ------------------------------------------------------ */

enum ph_kind { PH_GLOBAL, PH_QUESTION, PH_STANDARD, PH_CASES };

enum ph_global { G_NAME, G_REGION, G_INSPECTORATE, G_SCORE, G_MAX_SCORE, G_OVERALL, G_CASES,
                 G_CASELOAD, G_FIELDWORK, G_LEAD, G_PDUS, G_COUNT };
static const char *const global_names[G_COUNT] = {
    "name", "region", "inspectorate", "score", "max-score", "overall", "cases", "caseload",
    "fieldwork", "lead-inspector", "pdus",
};

enum ph_qfield { Q_YES, Q_NO, Q_NA, Q_RELEVANT, Q_PERCENT, Q_TEXT, Q_COUNT };
static const char *const qfield_names[Q_COUNT] = {"yes", "no", "na", "relevant", "percent", "text"};

enum ph_sfield { S_RATING, S_COMPUTED, S_NAME, S_POINTS, S_BAND, S_DRIVER, S_STATEMENT, S_COUNT };
static const char *const sfield_names[S_COUNT] = {"rating", "computed", "name", "points", "band",
                                                   "driver", "statement"};

typedef struct placeholder {
    enum ph_kind kind;
    int field;            /* ph_global, ph_qfield or ph_sfield */
    long index;           /* question or standard index */
    long attribute;       /* -1: no filter */
    unsigned long values; /* bit per attribute value in the filter */
} placeholder;

static int name_index(const char *s, size_t len, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && !memcmp(s, names[i], len))
            return i;
    return -1;
}

/* Trimmed copy of s[0..len). */
static char *span_dup(const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    char *out = pdurep_xmalloc(len + 1);
    memcpy(out, s, len);
    out[len] = '\0';
    return out;
}

/* Parse "attr=value[+value...]" into ph->attribute and ph->values. */
static int parse_filter(const char *s, size_t len, const pdurep_framework *fw, placeholder *ph,
                        char *why, size_t why_len)
{
    const char *eq = memchr(s, '=', len), *end = s + len;
    char *attr = span_dup(s, (size_t)(eq - s));
    ph->attribute = pdurep_framework_attribute_index(fw, attr);
    if (ph->attribute < 0) {
        snprintf(why, why_len, "no case attribute '%s' in framework %s", attr, fw->code);
        free(attr);
        return 0;
    }
    free(attr);
    const pdurep_attribute *a = &fw->attributes[ph->attribute];
    for (const char *v = eq + 1; v <= end;) {
        const char *plus = memchr(v, '+', (size_t)(end - v));
        const char *stop = plus ? plus : end;
        char *value = span_dup(v, (size_t)(stop - v));
        size_t k = 0;
        while (k < a->n_values && !pdurep_strieq(a->values[k], value))
            k++;
        if (k == a->n_values || k >= sizeof ph->values * 8) {
            snprintf(why, why_len, "'%s' is not a value of %s", value, a->code);
            free(value);
            return 0;
        }
        free(value);
        ph->values |= 1UL << k;
        v = stop + 1;
    }
    return 1;
}

/* Parse "global", "Q:field" or "S:field". */
static int parse_target(const char *s, size_t len, const pdurep_framework *fw, placeholder *ph,
                        char *why, size_t why_len)
{
    const char *colon = memchr(s, ':', len);
    if (!colon) {
        char *name = span_dup(s, len);
        int g = name_index(name, strlen(name), global_names, G_COUNT);
        free(name);
        if (g < 0) {
            snprintf(why, why_len, "expected one of name, region, inspectorate, score, max-score, "
                     "overall, cases, caseload, fieldwork, lead-inspector, pdus, or CODE:FIELD");
            return 0;
        }
        ph->kind = PH_GLOBAL;
        ph->field = g;
        return 1;
    }
    char *code = span_dup(s, (size_t)(colon - s));
    char *field = span_dup(colon + 1, len - (size_t)(colon + 1 - s));
    int ok = 1;
    long q = pdurep_framework_question_index(fw, code);
    long st = q < 0 ? pdurep_framework_standard_index(fw, code) : -1;
    if (q >= 0) {
        ph->kind = PH_QUESTION;
        ph->index = q;
        ph->field = name_index(field, strlen(field), qfield_names, Q_COUNT);
        if (ph->field < 0) {
            snprintf(why, why_len, "a question takes yes, no, na, relevant, percent or text, "
                     "not '%s'", field);
            ok = 0;
        }
    } else if (st >= 0) {
        ph->kind = PH_STANDARD;
        ph->index = st;
        ph->field = name_index(field, strlen(field), sfield_names, S_COUNT);
        if (ph->field < 0) {
            snprintf(why, why_len, "a standard takes rating, computed, name, points, band, "
                     "driver or statement, not '%s'", field);
            ok = 0;
        }
    } else {
        snprintf(why, why_len, "no question or standard '%s' in framework %s", code, fw->code);
        ok = 0;
    }
    free(code);
    free(field);
    return ok;
}

/*
 * Parse the inside of {...}: {global}, {Q:field}, {S:field},
 * {attr=v1+v2:Q:field} or {attr=v:cases}. On failure say why and return 0.
 */
static int ph_parse_full(const char *s, size_t len, const pdurep_framework *fw, placeholder *ph,
                         char *why, size_t why_len)
{
    memset(ph, 0, sizeof *ph);
    ph->attribute = -1;
    const char *colon = memchr(s, ':', len);
    if (!colon || !memchr(s, '=', (size_t)(colon - s)))
        return parse_target(s, len, fw, ph, why, why_len);
    if (!parse_filter(s, (size_t)(colon - s), fw, ph, why, why_len))
        return 0;
    const char *rest = colon + 1;
    size_t rest_len = len - (size_t)(rest - s);
    char *trimmed = span_dup(rest, rest_len);
    int ok;
    if (!strcmp(trimmed, "cases")) {
        ph->kind = PH_CASES;
        ok = 1;
    } else if (!(ok = parse_target(rest, rest_len, fw, ph, why, why_len))) {
        /* why is set */
    } else if (ph->kind != PH_QUESTION) {
        snprintf(why, why_len, "a filter (attribute=value) goes with a question or 'cases'");
        ok = 0;
    } else if (ph->field == Q_TEXT) {
        snprintf(why, why_len, "a filtered question takes yes, no, na, relevant or percent");
        ok = 0;
    }
    free(trimmed);
    return ok;
}

/* ---- values ------------------------------------------------------------- */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = pdurep_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Add a value so that it prints literally whatever characters it holds. */
static void buf_escaped(buf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\*[]{}", *s))
            buf_add(b, "\\", 1);
        buf_add(b, s, 1);
    }
}

static void buf_ulong(buf *b, unsigned long v)
{
    char t[32];
    buf_add(b, t, (size_t)snprintf(t, sizeof t, "%lu", v));
}

/* 2660 -> "2,660", as the inspectorate prints counts of thousands. */
static void buf_grouped(buf *b, long v)
{
    char t[32], out[48];
    int n = snprintf(t, sizeof t, "%ld", v < 0 ? -v : v);
    size_t o = 0;
    if (v < 0)
        out[o++] = '-';
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = t[i];
    }
    buf_add(b, out, o);
}

static const char *rating_word(const pdurep_narrative_words *w, pdurep_rating r)
{
    return r >= 0 && r < PDUREP_RATING_COUNT && w->rating[r] ? w->rating[r] : "";
}

static pdurep_tally filtered_tally(const pdurep_ratings *r, const placeholder *ph)
{
    if (ph->attribute < 0)
        return r->questions[ph->index];
    pdurep_tally t = {0, 0, 0};
    const pdurep_attribute *a = &r->framework->attributes[ph->attribute];
    for (size_t v = 0; v < a->n_values; v++)
        if (ph->values & (1UL << v)) {
            pdurep_tally x = pdurep_ratings_breakdown(r, (size_t)ph->attribute, v, (size_t)ph->index);
            t.yes += x.yes;
            t.no += x.no;
            t.na += x.na;
        }
    return t;
}

static void ph_value(buf *b, const placeholder *ph, const pdurep_ratings *r,
                     const pdurep_narrative_words *w)
{
    const pdurep_inspection *in = r->inspection;
    const pdurep_framework *fw = r->framework;
    switch (ph->kind) {
    case PH_GLOBAL:
        switch ((enum ph_global)ph->field) {
        case G_NAME: buf_escaped(b, in->name); break;
        case G_REGION: buf_escaped(b, in->region); break;
        case G_INSPECTORATE: buf_escaped(b, in->inspectorate); break;
        case G_SCORE: buf_ulong(b, (unsigned long)r->score); break;
        case G_MAX_SCORE: buf_ulong(b, (unsigned long)r->max_score); break;
        case G_OVERALL: buf_escaped(b, rating_word(w, r->overall)); break;
        case G_CASES: buf_ulong(b, r->n_cases); break;
        case G_CASELOAD:
            if (in->caseload >= 0)
                buf_grouped(b, in->caseload);
            else
                buf_escaped(b, w->none);
            break;
        case G_FIELDWORK: {
            /* One date formatter for every document: "1 September 2025", "1 Medi 2025". */
            char *t = pdurep_format_date(in->fieldwork_start, w->month, w->date);
            buf_escaped(b, t ? t : in->fieldwork_start);
            free(t);
            break;
        }
        case G_LEAD: buf_escaped(b, in->lead_inspector); break;
        case G_PDUS: buf_ulong(b, (unsigned long)r->n_pdus); break; /* 0 for a PDU */
        case G_COUNT: break;
        }
        break;
    case PH_CASES: {
        unsigned long n = 0;
        const pdurep_breakdown *bd = &r->breakdowns[ph->attribute];
        for (size_t v = 0; v < bd->attribute->n_values; v++)
            if (ph->values & (1UL << v))
                n += bd->cases[v];
        buf_ulong(b, n);
        break;
    }
    case PH_QUESTION: {
        pdurep_tally t = filtered_tally(r, ph);
        switch ((enum ph_qfield)ph->field) {
        case Q_YES: buf_ulong(b, t.yes); break;
        case Q_NO: buf_ulong(b, t.no); break;
        case Q_NA: buf_ulong(b, t.na); break;
        case Q_RELEVANT: buf_ulong(b, pdurep_tally_relevant(t)); break;
        case Q_PERCENT:
            if (pdurep_tally_relevant(t))
                buf_ulong(b, (unsigned long)pdurep_percent_rounded(t.yes, pdurep_tally_relevant(t)));
            else
                buf_escaped(b, w->none);
            break;
        case Q_TEXT: buf_escaped(b, fw->questions[ph->index].text); break;
        case Q_COUNT: break;
        }
        break;
    }
    case PH_STANDARD: {
        const pdurep_standard_result *sr = &r->standards[ph->index];
        switch ((enum ph_sfield)ph->field) {
        case S_RATING: buf_escaped(b, rating_word(w, sr->rating)); break;
        case S_COMPUTED:
            buf_escaped(b, rating_word(w, sr->computed_rating != PDUREP_RATING_NONE
                                              ? sr->computed_rating : sr->rating));
            break;
        case S_NAME: buf_escaped(b, sr->standard->name); break;
        case S_POINTS: buf_ulong(b, (unsigned long)sr->points); break;
        case S_BAND:
            buf_escaped(b, sr->band ? pdurep_strings_term(w->strings, "band-name.", sr->band->name,
                                                          '-')
                                    : "");
            break;
        case S_DRIVER: buf_escaped(b, sr->driver >= 0 ? fw->questions[sr->driver].code : ""); break;
        case S_STATEMENT: buf_escaped(b, sr->standard->statement); break;
        case S_COUNT: break;
        }
        break;
    }
    }
}

pdurep_error pdurep_narrative_fill(const char *text, const pdurep_ratings *r,
                                   const pdurep_narrative_words *words, char **out, size_t *bad)
{
    buf b = {0};
    buf_add(&b, "", 0);
    const char *p = text;
    while (*p) {
        if (*p == '\\' && p[1]) {
            buf_add(&b, p, 2);
            p += 2;
            continue;
        }
        if (*p == '{') {
            const char *end = strchr(p + 1, '}');
            placeholder ph;
            char why[256];
            if (!end || !ph_parse_full(p + 1, (size_t)(end - p - 1), r->framework, &ph, why,
                                       sizeof why)) {
                if (bad)
                    *bad = (size_t)(p - text);
                free(b.s);
                *out = NULL;
                return PDUREP_ERROR_DATA;
            }
            ph_value(&b, &ph, r, words);
            p = end + 1;
            continue;
        }
        buf_add(&b, p, 1);
        p++;
    }
    *out = b.s;
    return PDUREP_OK;
}

/* ---- parsing ------------------------------------------------------------ */

typedef struct parser {
    const char *file;
    const pdurep_framework *fw;
    pdurep_diag *diag;
    int errors;
    pdurep_narrative *n;
    buf body;            /* body of the open section */
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
    unsigned long c = 1;
    for (size_t i = 0; i < off; i++)
        if ((line[i] & 0xC0) != 0x80)
            c++;
    return c;
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

/* Normalise a section name; NULL (with @p why) when it names no section. */
static char *section_key(parser *p, const char *name, char *why, size_t why_len)
{
    /* Collapse runs of blanks so "[P1.1   strengths]" works. */
    char *k = pdurep_xmalloc(strlen(name) + 1);
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
    for (size_t i = 0; i < sizeof fixed_sections / sizeof *fixed_sections; i++)
        if (!strcmp(k, fixed_sections[i]))
            return k;
    char *sp = strchr(k, ' ');
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
        const char *part = sp + 1;
        if (s >= 0 && standard_part(part)) {
            char *norm = pdurep_xasprintf("%s %s", p->fw->standards[s].code, part);
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
    p->n->sections[p->open].body = p->body.s ? p->body.s : pdurep_xstrdup("");
    p->body = (buf){0};
    p->open = -1;
}

/* Check the placeholders and footnote references of one body line. */
static void scan_line(parser *p, const char *line, unsigned long lineno)
{
    for (size_t i = 0; line[i]; i++) {
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
            placeholder ph;
            char why[256];
            if (!ph_parse_full(line + i + 1, (size_t)(end - line - i - 1), p->fw, &ph, why,
                               sizeof why))
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
            p->refs = pdurep_xrealloc(p->refs, (p->n_refs + 1) * sizeof *p->refs);
            p->refs[p->n_refs++] = (struct ref){span_dup(line + i + 2, (size_t)(end - line - i - 2)),
                                                lineno, column(line, i)};
            i = (size_t)(end - line);
        }
    }
}

/* Report the first invalid UTF-8 sequence with its position; 0 if there is one. */
static int check_utf8(parser *p, const char *text, size_t len)
{
    unsigned long line = 1, col = 1;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0 || cp == 0) {
            problem(p, line, col, cp == 0 && n >= 0 ? "a NUL byte in the text"
                                                    : "the text is not valid UTF-8");
            return 0;
        }
        if (cp == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        i += (size_t)n;
    }
    return 1;
}

pdurep_error pdurep_narrative_parse(const char *text, size_t len, const char *file,
                                    const pdurep_framework *fw, pdurep_narrative **out,
                                    pdurep_diag *diag)
{
    *out = NULL;
    parser p = {file, fw, diag, 0, NULL, {0}, -1, NULL, 0};
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        text += 3, len -= 3;
    if (!check_utf8(&p, text, len))
        return PDUREP_ERROR_DATA;
    char *copy = pdurep_xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    /* Composed characters: "w" + U+0302 becomes "ŵ", one glyph in the PDF. */
    utf8proc_uint8_t *nfc = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)copy, 0, &nfc,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0) {
        free(copy);
        problem(&p, 1, 1, "the text is not valid UTF-8");
        return PDUREP_ERROR_DATA;
    }
    free(copy);

    p.n = pdurep_xcalloc(1, sizeof *p.n);
    unsigned long lineno = 0;
    char *save = NULL;
    char *s = (char *)nfc;
    for (char *line = s; line; line = save) {
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
            char *key = section_key(&p, line + 1, why, sizeof why);
            if (!key) {
                problem(&p, lineno, 2, "%s", why);
                continue;
            }
            if (pdurep_narrative_get(p.n, key)) {
                problem(&p, lineno, 1, "section [%s] is given twice", key);
                free(key);
                continue;
            }
            p.n->sections = pdurep_xrealloc(p.n->sections, (p.n->n_sections + 1) *
                                                               sizeof *p.n->sections);
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
        buf_add(&p.body, line, l);
        buf_add(&p.body, "\n", 1);
    }
    close_section(&p);
    free(nfc);

    for (size_t i = 0; i < p.n_refs; i++) {
        char *key = pdurep_xasprintf("footnote %s", p.refs[i].key);
        if (!pdurep_narrative_get(p.n, key))
            problem(&p, p.refs[i].line, p.refs[i].col, "footnote [^%s] has no [footnote %s] "
                    "section", p.refs[i].key, p.refs[i].key);
        free(key);
        free(p.refs[i].key);
    }
    free(p.refs);
    if (p.errors) {
        pdurep_narrative_free(p.n);
        return PDUREP_ERROR_DATA;
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
                last->text = pdurep_xrealloc(last->text, old + l + 2);
                last->text[old] = ' ';
                memcpy(last->text + old + 1, t, l);
                last->text[old + 1 + l] = '\0';
            } else {
                b = pdurep_xrealloc(b, (nb + 1) * sizeof *b);
                while (skip < l && t[skip] == ' ')
                    skip++;
                b[nb++] = (pdurep_block){kind, span_dup(t + skip, l - skip), lineno};
                open = kind != PDUREP_BLOCK_LINE;
            }
        }
        lineno++;
        p = nl ? nl + 1 : p + strlen(p);
    }
    *out = b;
    *n = nb;
    return PDUREP_OK;
}

void pdurep_blocks_free(pdurep_block *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(b[i].text);
    free(b);
}

/* ---- languages ----------------------------------------------------------- */

const char **pdurep_narrative_missing(const pdurep_narrative *lang, const pdurep_narrative *en,
                                      size_t *n)
{
    *n = 0;
    const char **out = NULL;
    for (size_t i = 0; en && i < en->n_sections; i++) {
        if (!*en->sections[i].body)
            continue;
        const pdurep_narrative_section *s = pdurep_narrative_get(lang, en->sections[i].key);
        if (s && *s->body)
            continue;
        out = pdurep_xrealloc(out, (*n + 1) * sizeof *out);
        out[(*n)++] = en->sections[i].key;
    }
    return out;
}

void pdurep_narrative_fill_gaps(pdurep_narrative *lang, const pdurep_narrative *en)
{
    for (size_t i = 0; en && i < en->n_sections; i++) {
        const pdurep_narrative_section *e = &en->sections[i];
        if (!*e->body)
            continue;
        pdurep_narrative_section *s = (pdurep_narrative_section *)pdurep_narrative_get(lang, e->key);
        if (s && *s->body)
            continue;
        if (!s) {
            lang->sections = pdurep_xrealloc(lang->sections,
                                             (lang->n_sections + 1) * sizeof *lang->sections);
            s = &lang->sections[lang->n_sections++];
            s->key = pdurep_xstrdup(e->key);
        } else {
            free(s->body);
        }
        s->body = pdurep_xstrdup(e->body);
        s->line = e->line;
    }
}

/* ---- storage -------------------------------------------------------------- */

/* Read a whole file; NULL with *err set (ENOENT gives PDUREP_OK: no such narrative). */
static char *read_text(const char *path, size_t *len, pdurep_error *err, pdurep_diag *diag)
{
    *err = PDUREP_OK;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (errno != ENOENT) {
            pdurep_diag_add(diag, path, 0, 0, "cannot read: %s", strerror(errno));
            *err = PDUREP_ERROR_IO;
        }
        return NULL;
    }
    buf text = {0};
    buf_add(&text, "", 0);
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_add(&text, chunk, got);
    int failed = ferror(fp);
    fclose(fp);
    if (failed) {
        pdurep_diag_add(diag, path, 0, 0, "cannot read the file");
        free(text.s);
        *err = PDUREP_ERROR_IO;
        return NULL;
    }
    *len = text.len;
    return text.s;
}

static pdurep_error store(pdurep_db *db, const char *inspection_id, const char *lang,
                          const pdurep_narrative *n, pdurep_diag *diag)
{
    sqlite3_stmt *ins = NULL;
    pdurep_error err = PDUREP_OK;
    if (sqlite3_prepare_v2(db->sql, "INSERT INTO narrative(inspection, lang, position, section, "
                                    "line, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    for (size_t i = 0; !err && i < n->n_sections; i++) {
        sqlite3_reset(ins);
        sqlite3_bind_text(ins, 1, inspection_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, lang, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 3, (sqlite3_int64)i);
        sqlite3_bind_text(ins, 4, n->sections[i].key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 5, (sqlite3_int64)n->sections[i].line);
        sqlite3_bind_text(ins, 6, n->sections[i].body, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE)
            err = pdurep_db_fail(db, diag);
    }
    sqlite3_finalize(ins);
    return err;
}

/* A '?' inside a word or a U+FFFD is where an export lost a letter: warn at its line and
 * column (in characters), so "G?yr" is caught before every document prints it. */
static void lost_chars(const char *text, size_t len, const char *path, pdurep_diag *diag)
{
    if (strlen(text) != len || !pdurep_utf8_valid(text, len))
        return; /* the parser reports what is wrong with such a file */
    unsigned long line = 1;
    const char *line_start = text;
    for (const char *p = pdurep_lost_char(text, text); p; p = pdurep_lost_char(text, p + 1)) {
        for (const char *q = line_start; q < p; q++)
            if (*q == '\n') {
                line++;
                line_start = q + 1;
            }
        unsigned long col = 1;
        for (const char *q = line_start; q < p; q++)
            col += ((unsigned char)*q & 0xC0) != 0x80;
        pdurep_diag_warn(diag, path, line, col, "%s: the program that wrote this file may have "
                         "lost a letter there", *p == '?' ? "a '?' inside a word"
                                                         : "a replacement character (U+FFFD)");
    }
}

/* Read, check and store one narrative file; *out keeps it for comparison. */
static pdurep_error import_one(pdurep_db *db, const pdurep_framework *fw, const char *inspection_id,
                               const char *path, const char *lang, pdurep_narrative **out,
                               pdurep_diag *diag)
{
    *out = NULL;
    size_t len = 0;
    pdurep_error err;
    char *text = read_text(path, &len, &err, diag);
    if (!text)
        return err;
    lost_chars(text, len, path, diag);
    err = pdurep_narrative_parse(text, len, path, fw, out, diag);
    free(text);
    if (!err)
        err = store(db, inspection_id, lang, *out, diag);
    return err;
}

/* Languages of the bundle's PREFIXnarrative.LANG.txt files, sorted so messages come in one
 * order. */
static size_t translations(const char *bundle_dir, const char *prefix, char ***out,
                           pdurep_diag *diag)
{
    char **langs = NULL;
    size_t n = 0;
    size_t plen = strlen(prefix);
    DIR *d = opendir(bundle_dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strncmp(e->d_name, prefix, plen))
            continue;
        const char *name = e->d_name + plen;
        size_t len = strlen(name);
        if (len <= 14 || strncmp(name, "narrative.", 10) || strcmp(name + len - 4, ".txt"))
            continue;
        char *lang = pdurep_xstrdup(name + 10);
        lang[len - 14] = '\0';
        if (!strcmp(lang, PDUREP_NARRATIVE_BASE_LANG) || !pdurep_strings_valid_lang(lang)) {
            char *path = pdurep_path_join(bundle_dir, e->d_name);
            pdurep_diag_add(diag, path, 0, 0, "%s", strcmp(lang, PDUREP_NARRATIVE_BASE_LANG)
                            ? "not a narrative language: name it narrative.LANG.txt with a "
                              "language code such as cy"
                            : "the English narrative is narrative.txt");
            free(path);
            free(lang);
            continue;
        }
        langs = pdurep_xrealloc(langs, (n + 1) * sizeof *langs);
        langs[n++] = lang;
    }
    if (d)
        closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(langs[j - 1], langs[j]) > 0; j--) {
            char *t = langs[j];
            langs[j] = langs[j - 1];
            langs[j - 1] = t;
        }
    *out = langs;
    return n;
}

pdurep_error pdurep_narrative_import(pdurep_db *db, const pdurep_framework *fw,
                                     const char *inspection_id, const char *bundle_dir,
                                     pdurep_diag *diag)
{
    return pdurep_narrative_import_files(db, fw, inspection_id, bundle_dir, "", diag);
}

pdurep_error pdurep_narrative_import_files(pdurep_db *db, const pdurep_framework *fw,
                                           const char *inspection_id, const char *bundle_dir,
                                           const char *prefix, pdurep_diag *diag)
{
    sqlite3_stmt *del = NULL;
    if (sqlite3_prepare_v2(db->sql, "DELETE FROM narrative WHERE inspection = ?1", -1, &del,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    sqlite3_bind_text(del, 1, inspection_id, -1, SQLITE_STATIC);
    pdurep_error err = sqlite3_step(del) == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
    sqlite3_finalize(del);
    if (err)
        return err;

    char *file = pdurep_xasprintf("%snarrative.txt", prefix);
    char *path = pdurep_path_join(bundle_dir, file);
    free(file);
    pdurep_narrative *en = NULL;
    err = import_one(db, fw, inspection_id, path, PDUREP_NARRATIVE_BASE_LANG, &en, diag);
    free(path);
    size_t before = pdurep_diag_total(diag);
    char **langs = NULL;
    size_t n_langs = translations(bundle_dir, prefix, &langs, diag);
    if (!err && pdurep_diag_total(diag) > before)
        err = PDUREP_ERROR_DATA;
    /* Every translation is checked even after a failure, so one run lists every problem. */
    for (size_t l = 0; l < n_langs; l++) {
        file = pdurep_xasprintf("%snarrative.%s.txt", prefix, langs[l]);
        path = pdurep_path_join(bundle_dir, file);
        pdurep_narrative *tr = NULL;
        pdurep_error e = import_one(db, fw, inspection_id, path, langs[l], &tr, diag);
        if (!e && en) {
            size_t n_missing = 0;
            const char **missing = pdurep_narrative_missing(tr, en, &n_missing);
            if (n_missing) {
                buf list = {0};
                for (size_t i = 0; i < n_missing && i < 12; i++) {
                    buf_add(&list, i ? ", [" : "[", i ? 3 : 1);
                    buf_add(&list, missing[i], strlen(missing[i]));
                    buf_add(&list, "]", 1);
                }
                if (n_missing > 12)
                    buf_add(&list, ", ...", 5);
                pdurep_diag_warn(diag, path, 0, 0, "%zu section%s of narrative.txt %s missing or "
                                 "empty: %s; a report in '%s' needs --allow-fallback to print "
                                 "%s in English", n_missing, n_missing == 1 ? "" : "s",
                                 n_missing == 1 ? "is" : "are", list.s, langs[l],
                                 n_missing == 1 ? "it" : "them");
                free(list.s);
            }
            free(missing);
        }
        if (!err)
            err = e;
        pdurep_narrative_free(tr);
        free(path);
        free(file);
        free(langs[l]);
    }
    free(langs);
    pdurep_narrative_free(en);
    return err;
}

pdurep_error pdurep_narrative_load(pdurep_db *db, const char *inspection_id, pdurep_narrative **out,
                                   pdurep_diag *diag)
{
    return pdurep_narrative_load_lang(db, inspection_id, NULL, out, diag);
}

pdurep_error pdurep_narrative_load_lang(pdurep_db *db, const char *inspection_id, const char *lang,
                                        pdurep_narrative **out, pdurep_diag *diag)
{
    *out = NULL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT section, line, body FROM narrative WHERE "
                                    "inspection = ?1 AND lang = ?2 ORDER BY position", -1, &st,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    sqlite3_bind_text(st, 1, inspection_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, lang && *lang ? lang : PDUREP_NARRATIVE_BASE_LANG, -1, SQLITE_STATIC);
    pdurep_narrative *n = pdurep_xcalloc(1, sizeof *n);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        n->sections = pdurep_xrealloc(n->sections, (n->n_sections + 1) * sizeof *n->sections);
        n->sections[n->n_sections++] = (pdurep_narrative_section){
            pdurep_xstrdup((const char *)sqlite3_column_text(st, 0)),
            pdurep_xstrdup((const char *)sqlite3_column_text(st, 2)),
            (unsigned long)sqlite3_column_int64(st, 1)};
    }
    pdurep_error err = rc == SQLITE_DONE ? PDUREP_OK : pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    if (err) {
        pdurep_narrative_free(n);
        return err;
    }
    *out = n;
    return PDUREP_OK;
}
