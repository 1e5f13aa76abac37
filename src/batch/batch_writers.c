/* The document kinds a batch writes by default, in the order it writes them. */
#include "pdurep/batch.h"
#include "pdurep/annexe.h"
#include "pdurep/atomic.h"
#include "pdurep/ratings.h"
#include "pdurep/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


pdurep_error pdurep_write_ratings_json(pdurep_db *db, const char *id, const char *path,
                                       const char *lang, int *units, pdurep_diag *diag)
{
    (void)lang;
    pdurep_ratings *r;
    pdurep_error err = pdurep_ratings_compute(db, id, &r, diag);
    if (err)
        return err;
    char *json = pdurep_ratings_to_json(r, PDUREP_JSON_PROMPTS | PDUREP_JSON_BREAKDOWNS |
                                               PDUREP_JSON_PRETTY);
    pdurep_ratings_free(r);
    pdurep_atomic a;
    if ((err = pdurep_atomic_begin(path, &a, diag))) {
        free(json);
        return err;
    }
    FILE *f = fopen(a.tmp_path, "w");
    int ok = f && fputs(json, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0)
        ok = 0;
    free(json);
    if (!ok) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write: %s", strerror(errno));
        pdurep_atomic_abort(&a);
        return PDUREP_ERROR_IO;
    }
    *units = 1;
    return pdurep_atomic_commit(&a, diag);
}

static const pdurep_batch_writer writers[] = {
    {"ratings", ".json", NULL, 0, pdurep_write_ratings_json},
    {"annexe", ".xlsx", NULL, 1, pdurep_annexe_batch_write},
    {"share", "-share.xlsx", "pdu", 1, pdurep_annexe_batch_write_share},
    /* PDUs and regions alike: the report picks its layout by the inspection's kind. */
    {"report", ".pdf", NULL, 1, pdurep_report_batch_write},
};

const pdurep_batch_writer *pdurep_batch_default_writers(size_t *n)
{
    *n = sizeof writers / sizeof *writers;
    return writers;
}
