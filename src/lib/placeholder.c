/*
 * The placeholder language of narratives and strings: {name}, {2.1.3:percent},
 * {P2.1:rating}, {rosh=high+very high:R2.2.1:percent}... parsed against a
 * framework and filled from computed ratings.
 */
#include "narrative_internal.h"
#include "sbuf.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * The parsers below return 1 when the placeholder is good, 0 when it is not (with why set),
 * and -1 when memory ran out, which says nothing about the placeholder.
 */

/* Parse "attr=value[+value...]" into ph->attribute and ph->values. */
static int parse_filter(const char *s, size_t len, const pdurep_framework *fw, placeholder *ph,
                        char *why, size_t why_len)
{
    const char *eq = memchr(s, '=', len), *end = s + len;
    char *attr = pdurep_trimmed_dup(s, (size_t)(eq - s));
    if (!attr)
        return -1;
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
        char *value = pdurep_trimmed_dup(v, (size_t)(stop - v));
        if (!value)
            return -1;
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
        char *name = pdurep_trimmed_dup(s, len);
        if (!name)
            return -1;
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
    char *code = pdurep_trimmed_dup(s, (size_t)(colon - s));
    char *field = pdurep_trimmed_dup(colon + 1, len - (size_t)(colon + 1 - s));
    if (!code || !field) {
        free(code);
        free(field);
        return -1;
    }
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
 * {attr=v1+v2:Q:field} or {attr=v:cases}. On failure say why and return 0; -1 when
 * memory ran out.
 */
static int ph_parse_full(const char *s, size_t len, const pdurep_framework *fw, placeholder *ph,
                         char *why, size_t why_len)
{
    memset(ph, 0, sizeof *ph);
    ph->attribute = -1;
    const char *colon = memchr(s, ':', len);
    if (!colon || !memchr(s, '=', (size_t)(colon - s)))
        return parse_target(s, len, fw, ph, why, why_len);
    int ok = parse_filter(s, (size_t)(colon - s), fw, ph, why, why_len);
    if (ok <= 0)
        return ok;
    const char *rest = colon + 1;
    size_t rest_len = len - (size_t)(rest - s);
    char *trimmed = pdurep_trimmed_dup(rest, rest_len);
    if (!trimmed)
        return -1;
    if (!strcmp(trimmed, "cases")) {
        ph->kind = PH_CASES;
        ok = 1;
    } else if ((ok = parse_target(rest, rest_len, fw, ph, why, why_len)) <= 0) {
        /* why is set, or memory ran out */
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

static void buf_ulong(pdurep_sbuf *b, unsigned long v)
{
    char t[32];
    pdurep_sbuf_add(b, t, (size_t)snprintf(t, sizeof t, "%lu", v));
}

/* 2660 -> "2,660", as the inspectorate prints counts of thousands. */
static void buf_grouped(pdurep_sbuf *b, long v)
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
    pdurep_sbuf_add(b, out, o);
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

/* Append the value; -1 when memory ran out (the buffer records its own growth failures). */
static int ph_value(pdurep_sbuf *b, const placeholder *ph, const pdurep_ratings *r,
                    const pdurep_narrative_words *w)
{
    const pdurep_inspection *in = r->inspection;
    const pdurep_framework *fw = r->framework;
    switch (ph->kind) {
    case PH_GLOBAL:
        switch ((enum ph_global)ph->field) {
        case G_NAME: pdurep_sbuf_escaped(b, in->name); break;
        case G_REGION: pdurep_sbuf_escaped(b, in->region); break;
        case G_INSPECTORATE: pdurep_sbuf_escaped(b, in->inspectorate); break;
        case G_SCORE: buf_ulong(b, (unsigned long)r->score); break;
        case G_MAX_SCORE: buf_ulong(b, (unsigned long)r->max_score); break;
        case G_OVERALL: pdurep_sbuf_escaped(b, rating_word(w, r->overall)); break;
        case G_CASES: buf_ulong(b, r->n_cases); break;
        case G_CASELOAD:
            if (in->caseload >= 0)
                buf_grouped(b, in->caseload);
            else
                pdurep_sbuf_escaped(b, w->none);
            break;
        case G_FIELDWORK: {
            /* One date formatter for every document: "1 September 2025", "1 Medi 2025". */
            char *t = pdurep_format_date(in->fieldwork_start, w->month, w->date);
            if (!t)
                return -1;
            pdurep_sbuf_escaped(b, t);
            free(t);
            break;
        }
        case G_LEAD: pdurep_sbuf_escaped(b, in->lead_inspector); break;
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
                pdurep_sbuf_escaped(b, w->none);
            break;
        case Q_TEXT: pdurep_sbuf_escaped(b, fw->questions[ph->index].text); break;
        case Q_COUNT: break;
        }
        break;
    }
    case PH_STANDARD: {
        const pdurep_standard_result *sr = &r->standards[ph->index];
        switch ((enum ph_sfield)ph->field) {
        case S_RATING: pdurep_sbuf_escaped(b, rating_word(w, sr->rating)); break;
        case S_COMPUTED:
            pdurep_sbuf_escaped(b, rating_word(w, sr->computed_rating != PDUREP_RATING_NONE
                                              ? sr->computed_rating : sr->rating));
            break;
        case S_NAME: pdurep_sbuf_escaped(b, sr->standard->name); break;
        case S_POINTS: buf_ulong(b, (unsigned long)sr->points); break;
        case S_BAND:
            pdurep_sbuf_escaped(b, sr->band ? pdurep_strings_term(w->strings, "band-name.", sr->band->name,
                                                          '-')
                                    : "");
            break;
        case S_DRIVER: pdurep_sbuf_escaped(b, sr->driver >= 0 ? fw->questions[sr->driver].code : ""); break;
        case S_STATEMENT: pdurep_sbuf_escaped(b, sr->standard->statement); break;
        case S_COUNT: break;
        }
        break;
    }
    }
    return 0;
}

pdurep_error pdurep_narrative_fill(const char *text, const pdurep_ratings *r,
                                   const pdurep_narrative_words *words, char **out, size_t *bad)
{
    pdurep_sbuf b = {0};
    pdurep_sbuf_add(&b, "", 0);
    const char *p = text;
    while (*p) {
        if (*p == '\\' && p[1]) {
            pdurep_sbuf_add(&b, p, 2);
            p += 2;
            continue;
        }
        if (*p == '{') {
            const char *end = strchr(p + 1, '}');
            placeholder ph;
            char why[256];
            int ok = end ? ph_parse_full(p + 1, (size_t)(end - p - 1), r->framework, &ph, why,
                                         sizeof why)
                         : 0;
            if (ok <= 0 || ph_value(&b, &ph, r, words)) {
                if (!ok && bad)
                    *bad = (size_t)(p - text);
                free(b.s);
                *out = NULL;
                return ok ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_DATA;
            }
            p = end + 1;
            /* A share of no cases prints the shorthand alone: "[x]", never "[x]%". */
            if (*p == '%' && ph.kind == PH_QUESTION && ph.field == Q_PERCENT &&
                !pdurep_tally_relevant(filtered_tally(r, &ph)))
                p++;
            continue;
        }
        pdurep_sbuf_add(&b, p, 1);
        p++;
    }
    if (!(*out = pdurep_sbuf_take(&b)))
        return PDUREP_ERROR_NO_MEMORY;
    return PDUREP_OK;
}


int pdurep_placeholder_check(const char *s, size_t len, const pdurep_framework *fw, char *why,
                             size_t why_len)
{
    placeholder ph;
    return ph_parse_full(s, len, fw, &ph, why, why_len);
}
