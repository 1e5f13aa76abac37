/*
 * The suppression plan: which cells of a sharing workbook are shown as [c].
 * Worked out once, before any sheet is written, so that every sheet hides
 * the same things and no sheet undoes another's suppression.
 *
 * Rules (threshold N):
 *  - Sample: a group's case count below N is hidden, then secondary
 *    suppression across the attribute's groups (the sample total is shown).
 *  - Breakdowns: for each question and attribute, a group is hidden when its
 *    relevant count is below N or its case count is hidden (its Yes + No +
 *    not applicable would give the case count back); then secondary
 *    suppression across the groups, whose sum is the question's total.
 *  - Comparators: computed on the part of the aggregate that is not the
 *    PDU's own (the aggregate minus the PDU, and minus the smaller
 *    aggregate it contains), since that difference is what a reader could
 *    work out about other PDUs. A comparator pooling too few inspections is
 *    not shown at all.
 *  - The reference group of an attribute is its largest group in the sample
 *    (first in framework order on ties): the toolkit's convention.
 */
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

void annexe_plan_free(annexe_plan *p)
{
    free(p->offset);
    free(p->sample);
    free(p->block);
    free(p->reference);
    free(p->cmp_shown);
    free(p->cmp_question);
    free(p->cmp_block);
    free(p->cmp_sample);
    memset(p, 0, sizeof *p);
}

pdurep_tally annexe_cmp_breakdown(const pdurep_annexe_comparator *cmp, const annexe_ctx *c,
                                  size_t attribute, size_t value, size_t q)
{
    return cmp->breakdowns[(c->plan.offset[attribute] + value) * c->nq + q];
}

static unsigned long diff(unsigned long a, unsigned long b) { return a > b ? a - b : 0; }

int annexe_plan_build(annexe_ctx *c)
{
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;
    annexe_plan *p = &c->plan;
    size_t nq = c->nq, na = fw->n_attributes, nc = c->n_cmp;

    p->offset = calloc(na + 1, sizeof *p->offset);
    p->reference = calloc(na + 1, sizeof *p->reference);
    if (!p->offset || !p->reference)
        return -1;
    size_t max_values = 1;
    for (size_t a = 0; a < na; a++) {
        p->offset[a] = p->n_flat;
        p->n_flat += fw->attributes[a].n_values;
        if (fw->attributes[a].n_values > max_values)
            max_values = fw->attributes[a].n_values;
    }
    size_t nf = p->n_flat ? p->n_flat : 1;
    p->sample = calloc(nf, 1);
    p->block = calloc(nf * (nq ? nq : 1), 1);
    p->cmp_shown = calloc(nc + 1, 1);
    p->cmp_question = calloc((nc + 1) * (nq + 1), 1);
    p->cmp_block = calloc((nc + 1) * nf * (nq + 1), 1);
    p->cmp_sample = calloc((nc + 1) * nf, 1);
    unsigned long *counts = calloc(max_values, sizeof *counts);
    unsigned char *mask = calloc(max_values, 1);
    if (!p->sample || !p->block || !p->cmp_shown || !p->cmp_question || !p->cmp_block ||
        !p->cmp_sample || !counts || !mask) {
        free(counts);
        free(mask);
        return -1;
    }

    for (size_t a = 0; a < na; a++) {
        const pdurep_breakdown *b = &r->breakdowns[a];
        size_t nv = fw->attributes[a].n_values;
        p->reference[a] = b->reference; /* chosen by the calculator */

        memset(mask, 0, nv);
        pdurep_suppress_row(b->cases, nv, c->threshold, mask);
        memcpy(p->sample + p->offset[a], mask, nv);

        for (size_t q = 0; q < nq; q++) {
            for (size_t v = 0; v < nv; v++)
                counts[v] = pdurep_tally_relevant(pdurep_ratings_breakdown(r, a, v, q));
            memcpy(mask, p->sample + p->offset[a], nv);
            pdurep_suppress_row(counts, nv, c->threshold, mask);
            for (size_t v = 0; v < nv; v++)
                p->block[(p->offset[a] + v) * nq + q] = mask[v];
        }
    }

    /* Comparators are nested: each pools a superset of the inspections of the one before. */
    long prev = -1;
    for (size_t k = 0; k < nc; k++) {
        const pdurep_annexe_comparator *cmp = c->cmp[k];
        if (!cmp || cmp->n_inspections < c->opts->min_comparator)
            continue;
        const pdurep_annexe_comparator *inner = prev >= 0 ? c->cmp[prev] : NULL;
        if (inner && cmp->n_inspections > inner->n_inspections &&
            cmp->n_inspections - inner->n_inspections + 1 < c->opts->min_comparator)
            continue; /* the difference would be one or two other PDUs' own figures */
        if (inner && cmp->n_inspections == inner->n_inspections)
            inner = NULL; /* the same inspections: nothing new to work out */
        p->cmp_shown[k] = 1;
        prev = (long)k;

        for (size_t q = 0; q < nq; q++) {
            unsigned long others = diff(pdurep_tally_relevant(cmp->questions[q]),
                                        pdurep_tally_relevant(r->questions[q]));
            if (inner) {
                unsigned long d = diff(pdurep_tally_relevant(cmp->questions[q]),
                                       pdurep_tally_relevant(inner->questions[q]));
                if (d < others)
                    others = d;
            }
            p->cmp_question[k * nq + q] = c->threshold > 0 && others < c->threshold;
        }
        for (size_t a = 0; a < na; a++) {
            size_t nv = fw->attributes[a].n_values, off = p->offset[a];
            for (size_t v = 0; v < nv; v++) {
                counts[v] = diff(cmp->cases[off + v], r->breakdowns[a].cases[v]);
                if (inner) {
                    unsigned long d = diff(cmp->cases[off + v], inner->cases[off + v]);
                    if (d < counts[v])
                        counts[v] = d;
                }
            }
            memset(mask, 0, nv);
            pdurep_suppress_row(counts, nv, c->threshold, mask);
            memcpy(p->cmp_sample + k * p->n_flat + off, mask, nv);
            for (size_t q = 0; q < nq; q++) {
                for (size_t v = 0; v < nv; v++) {
                    unsigned long total = pdurep_tally_relevant(annexe_cmp_breakdown(cmp, c, a, v, q));
                    counts[v] = diff(total, pdurep_tally_relevant(pdurep_ratings_breakdown(r, a, v, q)));
                    if (inner) {
                        unsigned long d = diff(total,
                                               pdurep_tally_relevant(annexe_cmp_breakdown(inner, c, a, v, q)));
                        if (d < counts[v])
                            counts[v] = d;
                    }
                }
                memcpy(mask, p->cmp_sample + k * p->n_flat + off, nv);
                pdurep_suppress_row(counts, nv, c->threshold, mask);
                for (size_t v = 0; v < nv; v++)
                    p->cmp_block[(k * p->n_flat + off + v) * nq + q] = mask[v];
            }
        }
    }
    free(counts);
    free(mask);
    return 0;
}
