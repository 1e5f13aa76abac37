/* The ratings as JSON (shape documented in the README), built with jansson. */
#include "pdurep/ratings.h"
#include "util.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *percent_value(pdurep_tally t)
{
    double p = pdurep_tally_percent(t);
    return p < 0 ? json_null() : json_real(p);
}

static json_t *tally_object(const pdurep_question *q, pdurep_tally t, int with_text)
{
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(q->code));
    if (with_text)
        json_object_set_new(o, "text", json_string(q->text));
    json_object_set_new(o, "yes", json_integer((json_int_t)t.yes));
    json_object_set_new(o, "no", json_integer((json_int_t)t.no));
    json_object_set_new(o, "not_applicable", json_integer((json_int_t)t.na));
    json_object_set_new(o, "relevant", json_integer((json_int_t)pdurep_tally_relevant(t)));
    json_object_set_new(o, "percent", percent_value(t));
    int rounded = pdurep_percent_rounded(t.yes, pdurep_tally_relevant(t));
    json_object_set_new(o, "rounded", rounded < 0 ? json_null() : json_integer(rounded));
    return o;
}

static json_t *key_question(const pdurep_ratings *r, size_t q, int flags)
{
    const pdurep_framework *fw = r->framework;
    json_t *o = tally_object(&fw->questions[q], r->questions[q], 1);
    if (flags & PDUREP_JSON_PROMPTS) {
        json_t *prompts = json_array();
        for (size_t p = 0; p < fw->n_questions; p++)
            if (fw->questions[p].parent == (long)q)
                json_array_append_new(prompts,
                                      tally_object(&fw->questions[p], r->questions[p], 1));
        json_object_set_new(o, "prompts", prompts);
    }
    return o;
}

static json_t *standard(const pdurep_ratings *r, size_t s, int flags)
{
    const pdurep_standard_result *res = &r->standards[s];
    const pdurep_standard *sd = res->standard;
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(sd->code));
    json_object_set_new(o, "name", json_string(sd->name));
    json_object_set_new(o, "domain", json_integer(sd->domain));
    json_object_set_new(o, "source", json_string(sd->rated_by == PDUREP_RATED_BY_CASES
                                                     ? "cases" : "judgement"));
    json_object_set_new(o, "rating", json_string(pdurep_rating_name(res->rating)));
    json_object_set_new(o, "points", json_integer(res->points));
    if (sd->rated_by == PDUREP_RATED_BY_CASES) {
        json_object_set_new(o, "computed_rating",
                            json_string(pdurep_rating_name(res->computed_rating)));
        json_object_set_new(o, "overridden", json_boolean(res->overridden));
        json_object_set_new(o, "driver", json_string(r->framework->questions[res->driver].code));
        json_object_set_new(o, "band", json_string(res->band->name));
    }
    char *reason = pdurep_standard_reason(r, s);
    json_object_set_new(o, "reason", json_string(reason));
    free(reason);
    if (*res->rationale)
        json_object_set_new(o, "rationale", json_string(res->rationale));
    if (sd->n_key_questions) {
        json_t *kqs = json_array();
        for (size_t k = 0; k < sd->n_key_questions; k++)
            json_array_append_new(kqs, key_question(r, sd->key_questions[k], flags));
        json_object_set_new(o, "key_questions", kqs);
    }
    return o;
}

static json_t *breakdowns(const pdurep_ratings *r)
{
    const pdurep_framework *fw = r->framework;
    json_t *list = json_array();
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        json_t *values = json_array();
        for (size_t v = 0; v < at->n_values; v++) {
            json_t *qs = json_array();
            for (size_t q = 0; q < fw->n_questions; q++)
                json_array_append_new(qs, tally_object(&fw->questions[q],
                                                       pdurep_ratings_breakdown(r, a, v, q), 0));
            json_array_append_new(values,
                                  json_pack("{s:s, s:s, s:I, s:o}", "value", at->values[v],
                                            "label", at->labels[v], "cases",
                                            (json_int_t)r->breakdowns[a].cases[v], "questions",
                                            qs));
        }
        json_array_append_new(list, json_pack("{s:s, s:s, s:o}", "attribute", at->code, "label",
                                              at->label, "values", values));
    }
    return list;
}

char *pdurep_ratings_to_json(const pdurep_ratings *r, int flags)
{
    const pdurep_framework *fw = r->framework;
    const pdurep_inspection *in = r->inspection;
    json_t *root = json_object();
    json_object_set_new(root, "inspection", json_string(in->id));
    json_object_set_new(root, "framework", json_string(fw->code));
    json_object_set_new(root, "name", json_string(in->name));
    json_object_set_new(root, "kind", json_string(in->kind));
    json_object_set_new(root, "region", json_string(in->region));
    json_object_set_new(root, "fieldwork_start", json_string(in->fieldwork_start));
    if (*in->published)
        json_object_set_new(root, "published", json_string(in->published));
    if (*in->lead_inspector)
        json_object_set_new(root, "lead_inspector", json_string(in->lead_inspector));
    if (*in->inspectorate)
        json_object_set_new(root, "inspectorate", json_string(in->inspectorate));
    if (in->caseload >= 0)
        json_object_set_new(root, "caseload", json_integer(in->caseload));
    json_object_set_new(root, "provisional", json_boolean(fw->provisional));
    json_object_set_new(root, "cases", json_integer((json_int_t)r->n_cases));
    if (r->n_pdus) {
        json_t *pdus = json_array();
        for (size_t i = 0; i < r->n_pdus; i++)
            json_array_append_new(pdus, json_string(r->pdus[i]));
        json_object_set_new(root, "pdus", pdus);
    }
    json_t *sample = json_object();
    for (size_t a = 0; a < fw->n_attributes; a++) {
        json_t *counts = json_object();
        for (size_t v = 0; v < fw->attributes[a].n_values; v++)
            json_object_set_new(counts, fw->attributes[a].values[v],
                                json_integer((json_int_t)r->breakdowns[a].cases[v]));
        json_object_set_new(sample, fw->attributes[a].code, counts);
    }
    json_object_set_new(root, "sample", sample);
    json_t *standards = json_array();
    for (size_t s = 0; s < fw->n_standards; s++)
        json_array_append_new(standards, standard(r, s, flags));
    json_object_set_new(root, "standards", standards);
    json_object_set_new(root, "score", json_integer(r->score));
    json_object_set_new(root, "max_score", json_integer(r->max_score));
    json_object_set_new(root, "overall", json_string(pdurep_rating_name(r->overall)));
    if (flags & PDUREP_JSON_BREAKDOWNS)
        json_object_set_new(root, "breakdowns", breakdowns(r));

    size_t dump = JSON_REAL_PRECISION(15);
    dump |= (flags & PDUREP_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    char *text = json_dumps(root, dump);
    json_decref(root);
    return text;
}
