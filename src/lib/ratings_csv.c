/*
 * The ratings as CSV, for spreadsheets and scripts: the same figures as
 * `rate --json`, flattened to one row per standard, per key question and
 * one for the overall rating.
 */
#include "pdurep/ratings.h"
#include "sbuf.h"

#include <stdio.h>
#include <string.h>

static void field(pdurep_sbuf *b, const char *s, int last)
{
    s = s ? s : "";
    if (strpbrk(s, ",\"\r\n")) {
        pdurep_sbuf_add(b, "\"", 1);
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                pdurep_sbuf_add(b, "\"", 1);
            pdurep_sbuf_add(b, p, 1);
        }
        pdurep_sbuf_add(b, "\"", 1);
    } else {
        pdurep_sbuf_add(b, s, strlen(s));
    }
    pdurep_sbuf_add(b, last ? "\n" : ",", 1);
}

static void number(pdurep_sbuf *b, long v, int last)
{
    char n[32];
    snprintf(n, sizeof n, "%ld", v);
    field(b, n, last);
}

/* yes, no, not_applicable, relevant, percent (unrounded), rounded: blank when none relevant. */
static void tally(pdurep_sbuf *b, pdurep_tally t)
{
    number(b, (long)t.yes, 0);
    number(b, (long)t.no, 0);
    number(b, (long)t.na, 0);
    unsigned long rel = pdurep_tally_relevant(t);
    number(b, (long)rel, 0);
    char p[64] = "";
    if (rel)
        snprintf(p, sizeof p, "%.15g", pdurep_tally_percent(t));
    field(b, p, 0);
    if (rel)
        number(b, pdurep_percent_rounded(t.yes, rel), 1);
    else
        field(b, "", 1);
}

char *pdurep_ratings_to_csv(const pdurep_ratings *r)
{
    const pdurep_framework *fw = r->framework;
    const char *id = r->inspection->id;
    pdurep_sbuf b = {0};
    static const char header[] = "inspection,row,code,standard,name,source,rating,"
                                 "computed_rating,overridden,points,band,driver,yes,no,"
                                 "not_applicable,relevant,percent,rounded\n";
    pdurep_sbuf_add(&b, header, sizeof header - 1);
    for (size_t s = 0; s < fw->n_standards; s++) {
        const pdurep_standard_result *res = &r->standards[s];
        const pdurep_standard *sd = res->standard;
        int cases = sd->rated_by == PDUREP_RATED_BY_CASES;
        field(&b, id, 0);
        field(&b, "standard", 0);
        field(&b, sd->code, 0);
        field(&b, sd->code, 0);
        field(&b, sd->name, 0);
        field(&b, cases ? "cases" : "judgement", 0);
        field(&b, pdurep_rating_name(res->rating), 0);
        field(&b, cases ? pdurep_rating_name(res->computed_rating) : "", 0);
        number(&b, res->overridden, 0);
        number(&b, res->points, 0);
        field(&b, res->band ? res->band->name : "", 0);
        field(&b, res->driver >= 0 ? fw->questions[res->driver].code : "", 0);
        if (res->driver >= 0)
            tally(&b, r->questions[res->driver]);
        else
            pdurep_sbuf_add(&b, ",,,,,\n", 6);
        for (size_t k = 0; k < sd->n_key_questions; k++) {
            size_t q = sd->key_questions[k];
            field(&b, id, 0);
            field(&b, "key_question", 0);
            field(&b, fw->questions[q].code, 0);
            field(&b, sd->code, 0);
            field(&b, fw->questions[q].text, 0);
            pdurep_sbuf_add(&b, ",,,,,,,", 7);
            tally(&b, r->questions[q]);
        }
    }
    field(&b, id, 0);
    field(&b, "overall", 0);
    pdurep_sbuf_add(&b, ",,,,", 4);
    field(&b, pdurep_rating_name(r->overall), 0);
    pdurep_sbuf_add(&b, ",,", 2);
    number(&b, r->score, 0);
    pdurep_sbuf_add(&b, ",,,,,,,\n", 8);
    return pdurep_sbuf_take(&b);
}
