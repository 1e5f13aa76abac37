/*
 * The report's words: strings looked up by key in the report's language,
 * templates filled from name/value pairs and the narrative placeholders, and
 * the markup escaping and stripping that go with them.
 */
#include "report/report_internal.h"
#include "typeset/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The text of a key, in the report's language or else in English (the strings
 * module falls back per key and has normalised every value to NFC).
 */
const char *pdurep_report_string(report *rp, const char *key)
{
    const char *s = NULL;
    /* A region report says "region" where a PDU report says "PDU": its own
     * wording lives under region: in the strings file and wins when present. */
    if (rp->region) {
        char k[160];
        snprintf(k, sizeof k, "region.%s", key);
        s = pdurep_strings_get(rp->str, k);
    }
    if (!s)
        s = pdurep_strings_get(rp->str, key);
    return s ? s : "";
}

typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

static void sb_add(report *rp, sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = pdurep_ts_realloc(b->s, cap);
        if (!p) {
            pdurep_doc_fail(rp->doc, PDUREP_ERROR_NO_MEMORY, NULL);
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Append text so that the inline markup prints it literally. */
static void sb_escaped(report *rp, sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\*[]{}", *s))
            sb_add(rp, b, "\\", 1);
        sb_add(rp, b, s, 1);
    }
}

char *pdurep_report_escaped(report *rp, const char *s)
{
    sbuf b = {0};
    sb_add(rp, &b, "", 0);
    sb_escaped(rp, &b, s);
    return b.s;
}

/*
 * Expand a template: {var} from the NULL-terminated name/value pairs (a name
 * starting with '=' inserts its value as markup, others are escaped), then the
 * narrative placeholders ({name}, {score}, {P2.1:rating}...) from the ratings.
 * Returns malloc'd markup, or NULL with the error recorded.
 */
char *pdurep_report_vtemplate(report *rp, const char *key, va_list ap)
{
    const char *names[16], *values[16];
    size_t nv = 0;
    const char *name;
    while (nv < 16 && (name = va_arg(ap, const char *))) {
        names[nv] = name;
        values[nv++] = va_arg(ap, const char *);
    }
    const char *t = pdurep_report_string(rp, key);
    sbuf b = {0};
    sb_add(rp, &b, "", 0);
    for (const char *p = t; *p;) {
        if (*p == '\\' && p[1]) {
            sb_add(rp, &b, p, 2);
            p += 2;
            continue;
        }
        const char *end = *p == '{' ? strchr(p, '}') : NULL;
        size_t i = 0;
        if (end) {
            size_t len = (size_t)(end - p - 1);
            for (; i < nv; i++) {
                const char *nm = names[i][0] == '=' ? names[i] + 1 : names[i];
                if (strlen(nm) == len && !memcmp(nm, p + 1, len))
                    break;
            }
        }
        if (end && i < nv) {
            if (names[i][0] == '=')
                sb_add(rp, &b, values[i], strlen(values[i]));
            else
                sb_escaped(rp, &b, values[i] ? values[i] : "");
            p = end + 1;
        } else {
            sb_add(rp, &b, p, 1);
            p++;
        }
    }
    if (!b.s)
        return NULL;
    char *out = NULL;
    size_t bad = 0;
    pdurep_error err = pdurep_narrative_fill(b.s, rp->r, &rp->words, &out, &bad);
    if (err == PDUREP_ERROR_NO_MEMORY)
        pdurep_doc_fail(rp->doc, err, NULL);
    else if (err)
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_DATA, "%s: string '%s': unknown placeholder at "
                        "'%.40s'", rp->lay->strings_path, key, b.s + bad);
    free(b.s);
    return out;
}

char *pdurep_report_template(report *rp, const char *key, ...)
{
    va_list ap;
    va_start(ap, key);
    char *s = pdurep_report_vtemplate(rp, key, ap);
    va_end(ap);
    return s;
}

/* Plain text of a template (markup removed), for outlines and drawn labels. */
char *pdurep_report_plain(const char *markup)
{
    char *out = pdurep_ts_malloc(strlen(markup) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (const char *p = markup; *p; p++) {
        if (*p == '\\' && p[1])
            out[o++] = *++p;
        else if (*p == '[' && p[1] == '^') {
            const char *e = strchr(p, ']');
            if (e)
                p = e;
        } else if (*p != '*')
            out[o++] = *p;
    }
    out[o] = '\0';
    return out;
}

void pdurep_report_percent(report *rp, pdurep_tally t, char *out, size_t len)
{
    unsigned long rel = pdurep_tally_relevant(t);
    if (!rel) {
        snprintf(out, len, "%s", pdurep_report_string(rp, "percent-none"));
        return;
    }
    char n[16];
    snprintf(n, sizeof n, "%d", pdurep_percent_rounded(t.yes, rel));
    char *s = pdurep_report_template(rp, "percent", "n", n, NULL);
    char *p = s ? pdurep_report_plain(s) : NULL;
    snprintf(out, len, "%s", p ? p : n);
    free(s);
    free(p);
}
