/*
 * TEMPORARY: weak stand-ins for calculator functions that main has not
 * merged yet, so the annexe writer links and its unit test runs. The real
 * (strong) definitions replace these at link time; delete this file after
 * merging main.
 */
#include <math.h>
#include <stdlib.h>
#include "pdurep/ratings.h"
#include "pdurep/inspection.h"

#define WEAK __attribute__((weak))

WEAK double pdurep_tally_percent(pdurep_tally t)
{
    unsigned long rel = t.yes + t.no;
    return rel ? 100.0 * (double)t.yes / (double)rel : -1.0;
}

WEAK int pdurep_percent_rounded(unsigned long yes, unsigned long relevant)
{
    if (!relevant)
        return -1;
    return (int)((200 * yes + relevant) / (2 * relevant));
}

WEAK double pdurep_relative_rate_index(pdurep_tally g, pdurep_tally ref, unsigned long min)
{
    unsigned long rg = g.yes + g.no, rr = ref.yes + ref.no;
    if (rg < min || rr < min || rg == 0 || rr == 0 || ref.yes == 0)
        return -1.0;
    return ((double)g.yes / (double)rg) / ((double)ref.yes / (double)rr);
}

WEAK pdurep_tally pdurep_ratings_breakdown(const pdurep_ratings *r, size_t attribute, size_t value,
                                           size_t question)
{
    return r->breakdowns[attribute].tallies[value * r->framework->n_questions + question];
}

WEAK const pdurep_band *pdurep_framework_band(const pdurep_framework *fw, double percent)
{
    for (size_t i = 0; i < fw->n_bands; i++)
        if (percent >= fw->bands[i].min_percent)
            return &fw->bands[i];
    return NULL;
}

WEAK const char *pdurep_rating_name(pdurep_rating r)
{
    static const char *const n[] = {"Inadequate", "Requires improvement", "Good", "Outstanding"};
    return r >= 0 && r < PDUREP_RATING_COUNT ? n[r] : "";
}

WEAK pdurep_error pdurep_ratings_compute(pdurep_db *db, const char *id, pdurep_ratings **out,
                                         pdurep_diag *diag)
{
    (void)db; (void)id; (void)diag;
    *out = NULL;
    return PDUREP_ERROR_INTERNAL;
}

WEAK void pdurep_ratings_free(pdurep_ratings *r) { (void)r; }

WEAK pdurep_error pdurep_inspection_list(pdurep_db *db, pdurep_inspection **out, size_t *n_out)
{
    (void)db;
    *out = NULL;
    *n_out = 0;
    return PDUREP_OK;
}

WEAK void pdurep_inspection_list_free(pdurep_inspection *list, size_t n) { (void)list; (void)n; }
