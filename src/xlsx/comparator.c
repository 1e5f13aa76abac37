/*
 * Comparators for sharing workbooks: the pooled tallies of a set of
 * inspections. Each inspection's figures come from the calculator, so a
 * comparator is exactly the sum of what each PDU's own annexe shows.
 */
#include <stdlib.h>
#include <string.h>

#include "pdurep/annexe.h"
#include "pdurep/inspection.h"

void pdurep_annexe_comparator_free(pdurep_annexe_comparator *c)
{
    if (!c)
        return;
    free(c->label);
    free(c->questions);
    free(c->breakdowns);
    free(c->cases);
    free(c);
}

static void tally_add(pdurep_tally *into, pdurep_tally t)
{
    into->yes += t.yes;
    into->no += t.no;
    into->na += t.na;
}

/* Add one inspection's figures; its framework must be the annexe's (same questions and attributes). */
static void pool(pdurep_annexe_comparator *c, const pdurep_ratings *src, size_t nq)
{
    const pdurep_framework *fw = src->framework;
    c->n_inspections++;
    c->n_cases += src->n_cases;
    for (size_t q = 0; q < nq; q++)
        tally_add(&c->questions[q], src->questions[q]);
    size_t flat = 0;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        for (size_t v = 0; v < fw->attributes[a].n_values; v++, flat++) {
            c->cases[flat] += src->breakdowns[a].cases[v];
            for (size_t q = 0; q < nq; q++)
                tally_add(&c->breakdowns[flat * nq + q], pdurep_ratings_breakdown(src, a, v, q));
        }
    }
}

static int same_shape(const pdurep_framework *a, const pdurep_framework *b)
{
    if (strcmp(a->code, b->code) || a->n_questions != b->n_questions ||
        a->n_attributes != b->n_attributes)
        return 0;
    for (size_t i = 0; i < a->n_attributes; i++)
        if (a->attributes[i].n_values != b->attributes[i].n_values)
            return 0;
    return 1;
}

pdurep_error pdurep_annexe_comparator_build(pdurep_db *db, const pdurep_ratings *r,
                                            const char *region, const char *label,
                                            pdurep_annexe_comparator **out, pdurep_diag *diag)
{
    *out = NULL;
    const pdurep_framework *fw = r->framework;
    size_t nq = fw->n_questions, n_flat = 0;
    for (size_t a = 0; a < fw->n_attributes; a++)
        n_flat += fw->attributes[a].n_values;

    pdurep_annexe_comparator *c = calloc(1, sizeof *c);
    if (!c)
        return PDUREP_ERROR_NO_MEMORY;
    c->label = strdup(label ? label : "");
    c->questions = calloc(nq ? nq : 1, sizeof *c->questions);
    c->breakdowns = calloc(n_flat * nq > 0 ? n_flat * nq : 1, sizeof *c->breakdowns);
    c->cases = calloc(n_flat ? n_flat : 1, sizeof *c->cases);
    if (!c->label || !c->questions || !c->breakdowns || !c->cases) {
        pdurep_annexe_comparator_free(c);
        return PDUREP_ERROR_NO_MEMORY;
    }

    pdurep_inspection *list = NULL;
    size_t n = 0;
    pdurep_error err = pdurep_inspection_list(db, &list, &n);
    for (size_t i = 0; !err && i < n; i++) {
        const pdurep_inspection *insp = &list[i];
        if (strcmp(insp->framework, fw->code) != 0)
            continue;
        if (region && strcmp(insp->region, region) != 0)
            continue;
        if (!strcmp(insp->id, r->inspection->id)) {
            pool(c, r, nq); /* already computed */
            continue;
        }
        pdurep_ratings *other = NULL;
        err = pdurep_ratings_compute(db, insp->id, &other, diag);
        if (!err && !same_shape(fw, other->framework)) {
            pdurep_diag_add(diag, NULL, 0, 0, "inspection '%s' uses a different form of framework '%s'",
                            insp->id, fw->code);
            err = PDUREP_ERROR_DATA;
        }
        if (!err)
            pool(c, other, nq);
        pdurep_ratings_free(other);
    }
    if (list)
        pdurep_inspection_list_free(list, n);
    if (err) {
        pdurep_annexe_comparator_free(c);
        return err;
    }
    *out = c;
    return PDUREP_OK;
}
