/*
 * Comparators for sharing workbooks: the pooled tallies of a set of
 * inspections, counted by the calculator in one pass over their cases, so a
 * comparator is exactly the sum of what each PDU's own annexe shows.
 */
#include <stdlib.h>
#include <string.h>

#include "pdurep/annexe.h"
#include "pdurep/ratings.h"

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

pdurep_error pdurep_annexe_comparator_build(pdurep_db *db, const pdurep_ratings *r,
                                            const char *region, const char *label,
                                            pdurep_annexe_comparator **out, pdurep_diag *diag)
{
    *out = NULL;
    const pdurep_framework *fw = r->framework;
    size_t nq = fw->n_questions, n_flat = 0;
    for (size_t a = 0; a < fw->n_attributes; a++)
        n_flat += fw->attributes[a].n_values;

    /* One pass over the pooled cases: the same counts the calculator gives each PDU. */
    pdurep_ratings *pool = NULL;
    char *round = NULL;
    pdurep_error err = PDUREP_OK;
    /* "The region" is the round the PDU was inspected in when a region lists it, so
     * another year's inspection of a neighbour never joins the comparison. */
    if (region && r->inspection)
        err = pdurep_region_of_pdu(db, r->inspection->id, &round, diag);
    if (!err)
        err = round ? pdurep_ratings_pool_region(db, fw->code, round, &pool, diag)
                    : pdurep_ratings_pool(db, fw->code, region, &pool, diag);
    free(round);
    if (err)
        return err;

    pdurep_annexe_comparator *c = calloc(1, sizeof *c);
    if (!c) {
        pdurep_ratings_free(pool);
        return PDUREP_ERROR_NO_MEMORY;
    }
    c->label = strdup(label ? label : "");
    c->questions = calloc(nq ? nq : 1, sizeof *c->questions);
    c->breakdowns = calloc(n_flat * nq > 0 ? n_flat * nq : 1, sizeof *c->breakdowns);
    c->cases = calloc(n_flat ? n_flat : 1, sizeof *c->cases);
    if (!c->label || !c->questions || !c->breakdowns || !c->cases) {
        pdurep_ratings_free(pool);
        pdurep_annexe_comparator_free(c);
        return PDUREP_ERROR_NO_MEMORY;
    }
    c->n_inspections = pool->n_pdus;
    c->n_cases = pool->n_cases;
    memcpy(c->questions, pool->questions, nq * sizeof *c->questions);
    size_t flat = 0;
    for (size_t a = 0; a < fw->n_attributes; a++)
        for (size_t v = 0; v < fw->attributes[a].n_values; v++, flat++) {
            c->cases[flat] = pool->breakdowns[a].cases[v];
            for (size_t q = 0; q < nq; q++)
                c->breakdowns[flat * nq + q] = pdurep_ratings_breakdown(pool, a, v, q);
        }
    pdurep_ratings_free(pool);
    *out = c;
    return PDUREP_OK;
}
