/* The ratings as JSON (shape documented in the README), built with jansson. */
#include "pdurep/ratings.h"
#include "jsonout.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *percent_value(pdurep_tally t)
{
    double p = pdurep_tally_percent(t);
    return p < 0 ? json_null() : json_real(p);
}

static json_t *tally_object(const pdurep_question *q, pdurep_tally t, int with_text, int *bad)
{
    json_t *o = json_object();
    pdurep_json_set(o, "code", json_string(q->code), bad);
    if (with_text)
        pdurep_json_set(o, "text", json_string(q->text), bad);
    pdurep_json_set(o, "yes", json_integer((json_int_t)t.yes), bad);
    pdurep_json_set(o, "no", json_integer((json_int_t)t.no), bad);
    pdurep_json_set(o, "not_applicable", json_integer((json_int_t)t.na), bad);
    pdurep_json_set(o, "relevant", json_integer((json_int_t)pdurep_tally_relevant(t)), bad);
    pdurep_json_set(o, "percent", percent_value(t), bad);
    int rounded = pdurep_percent_rounded(t.yes, pdurep_tally_relevant(t));
    pdurep_json_set(o, "rounded", rounded < 0 ? json_null() : json_integer(rounded), bad);
    return o;
}

static json_t *key_question(const pdurep_ratings *r, size_t q, int flags, int *bad)
{
    const pdurep_framework *fw = r->framework;
    json_t *o = tally_object(&fw->questions[q], r->questions[q], 1, bad);
    if (flags & PDUREP_JSON_PROMPTS) {
        json_t *prompts = json_array();
        for (size_t p = 0; p < fw->n_questions; p++)
            if (fw->questions[p].parent == (long)q)
                pdurep_json_append(prompts,
                                      tally_object(&fw->questions[p], r->questions[p], 1, bad), bad);
        pdurep_json_set(o, "prompts", prompts, bad);
    }
    return o;
}

static json_t *standard(const pdurep_ratings *r, size_t s, int flags, int *bad)
{
    const pdurep_standard_result *res = &r->standards[s];
    const pdurep_standard *sd = res->standard;
    json_t *o = json_object();
    pdurep_json_set(o, "code", json_string(sd->code), bad);
    pdurep_json_set(o, "name", json_string(sd->name), bad);
    pdurep_json_set(o, "domain", json_integer(sd->domain), bad);
    pdurep_json_set(o, "source", json_string(sd->rated_by == PDUREP_RATED_BY_CASES
                                                     ? "cases" : "judgement"), bad);
    pdurep_json_set(o, "rating", json_string(pdurep_rating_name(res->rating)), bad);
    pdurep_json_set(o, "points", json_integer(res->points), bad);
    if (sd->rated_by == PDUREP_RATED_BY_CASES) {
        pdurep_json_set(o, "computed_rating",
                            json_string(pdurep_rating_name(res->computed_rating)), bad);
        pdurep_json_set(o, "overridden", json_boolean(res->overridden), bad);
        pdurep_json_set(o, "driver", json_string(r->framework->questions[res->driver].code), bad);
        pdurep_json_set(o, "band", json_string(res->band->name), bad);
    }
    char *reason = pdurep_standard_reason(r, s);
    pdurep_json_set(o, "reason", json_string(reason), bad);
    free(reason);
    if (*res->rationale)
        pdurep_json_set(o, "rationale", json_string(res->rationale), bad);
    if (sd->n_key_questions) {
        json_t *kqs = json_array();
        for (size_t k = 0; k < sd->n_key_questions; k++)
            pdurep_json_append(kqs, key_question(r, sd->key_questions[k], flags, bad), bad);
        pdurep_json_set(o, "key_questions", kqs, bad);
    }
    return o;
}

static json_t *breakdowns(const pdurep_ratings *r, int *bad)
{
    const pdurep_framework *fw = r->framework;
    json_t *list = json_array();
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        json_t *values = json_array();
        for (size_t v = 0; v < at->n_values; v++) {
            json_t *qs = json_array();
            for (size_t q = 0; q < fw->n_questions; q++)
                pdurep_json_append(qs, tally_object(&fw->questions[q],
                                                       pdurep_ratings_breakdown(r, a, v, q), 0, bad), bad);
            pdurep_json_append(values,
                                  json_pack("{s:s, s:s, s:I, s:o}", "value", at->values[v],
                                            "label", at->labels[v], "cases",
                                            (json_int_t)r->breakdowns[a].cases[v], "questions",
                                            qs), bad);
        }
        pdurep_json_append(list, json_pack("{s:s, s:s, s:o}", "attribute", at->code, "label",
                                              at->label, "values", values), bad);
    }
    return list;
}

char *pdurep_ratings_to_json(const pdurep_ratings *r, int flags)
{
    const pdurep_framework *fw = r->framework;
    const pdurep_inspection *in = r->inspection;
    int flag = 0, *bad = &flag;
    json_t *root = json_object();
    pdurep_json_set(root, "inspection", json_string(in->id), bad);
    pdurep_json_set(root, "framework", json_string(fw->code), bad);
    pdurep_json_set(root, "name", json_string(in->name), bad);
    pdurep_json_set(root, "kind", json_string(in->kind), bad);
    pdurep_json_set(root, "region", json_string(in->region), bad);
    pdurep_json_set(root, "fieldwork_start", json_string(in->fieldwork_start), bad);
    if (*in->published)
        pdurep_json_set(root, "published", json_string(in->published), bad);
    if (*in->lead_inspector)
        pdurep_json_set(root, "lead_inspector", json_string(in->lead_inspector), bad);
    if (*in->inspectorate)
        pdurep_json_set(root, "inspectorate", json_string(in->inspectorate), bad);
    if (in->caseload >= 0)
        pdurep_json_set(root, "caseload", json_integer(in->caseload), bad);
    pdurep_json_set(root, "provisional", json_boolean(fw->provisional), bad);
    pdurep_json_set(root, "cases", json_integer((json_int_t)r->n_cases), bad);
    if (r->n_pdus) {
        json_t *pdus = json_array();
        for (size_t i = 0; i < r->n_pdus; i++)
            pdurep_json_append(pdus, json_string(r->pdus[i]), bad);
        pdurep_json_set(root, "pdus", pdus, bad);
    }
    json_t *sample = json_object();
    for (size_t a = 0; a < fw->n_attributes; a++) {
        json_t *counts = json_object();
        for (size_t v = 0; v < fw->attributes[a].n_values; v++)
            pdurep_json_set(counts, fw->attributes[a].values[v],
                                json_integer((json_int_t)r->breakdowns[a].cases[v]), bad);
        pdurep_json_set(sample, fw->attributes[a].code, counts, bad);
    }
    pdurep_json_set(root, "sample", sample, bad);
    json_t *standards = json_array();
    for (size_t s = 0; s < fw->n_standards; s++)
        pdurep_json_append(standards, standard(r, s, flags, bad), bad);
    pdurep_json_set(root, "standards", standards, bad);
    pdurep_json_set(root, "score", json_integer(r->score), bad);
    pdurep_json_set(root, "max_score", json_integer(r->max_score), bad);
    pdurep_json_set(root, "overall", json_string(pdurep_rating_name(r->overall)), bad);
    if (flags & PDUREP_JSON_BREAKDOWNS)
        pdurep_json_set(root, "breakdowns", breakdowns(r, bad), bad);

    size_t dump = JSON_REAL_PRECISION(15);
    dump |= (flags & PDUREP_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    char *text = root && !flag ? json_dumps(root, dump) : NULL;
    json_decref(root);
    return text;
}
