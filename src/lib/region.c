/*
 * The PDUs behind a region. Every figure comes from the calculator: each PDU
 * is rated exactly as `pdurep rate` rates it, and the region-wide values on
 * the PDU framework come from one pooling pass over the same cases the region
 * rating pooled.
 */
#include "pdurep/region.h"

#include <stdlib.h>
#include <string.h>

/* Publications list PDUs by name; the id breaks ties so the order never depends on the database. */
static int by_name(const void *a, const void *b)
{
    const pdurep_ratings *x = *(pdurep_ratings *const *)a, *y = *(pdurep_ratings *const *)b;
    int c = strcmp(x->inspection->name, y->inspection->name);
    return c ? c : strcmp(x->inspection->id, y->inspection->id);
}

pdurep_error pdurep_region_pdus_load(pdurep_db *db, const pdurep_ratings *region,
                                     pdurep_region_pdus **out, pdurep_diag *diag)
{
    *out = NULL;
    if (!region || !region->inspection || strcmp(region->inspection->kind, "region") ||
        !region->n_pdus) {
        pdurep_diag_add(diag, NULL, 0, 0, "%s is not a region inspection with PDUs",
                        region && region->inspection ? region->inspection->id : "(none)");
        return PDUREP_ERROR_USAGE;
    }
    pdurep_region_pdus *p = calloc(1, sizeof *p);
    if (!p)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = PDUREP_OK;
    if (!(p->pdus = calloc(region->n_pdus, sizeof *p->pdus)))
        err = PDUREP_ERROR_NO_MEMORY;
    for (size_t i = 0; i < region->n_pdus && !err; i++) {
        err = pdurep_ratings_compute(db, region->pdus[i], &p->pdus[i], diag);
        if (!err)
            p->n_pdus++;
    }
    if (!err) {
        qsort(p->pdus, p->n_pdus, sizeof *p->pdus, by_name);
        /* The region refuses PDUs on different frameworks, so the first one's is everyone's.
         * The pool is the region's own list, the same PDUs its rating pooled. */
        err = pdurep_ratings_pool_region(db, p->pdus[0]->framework->code,
                                         region->inspection->id, &p->pooled, diag);
    }
    if (err) {
        pdurep_region_pdus_free(p);
        return err;
    }
    *out = p;
    return PDUREP_OK;
}

void pdurep_region_pdus_free(pdurep_region_pdus *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_pdus; i++)
        pdurep_ratings_free(p->pdus[i]);
    free(p->pdus);
    pdurep_ratings_free(p->pooled);
    free(p);
}
