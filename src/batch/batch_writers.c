/* The document kinds a batch writes by default, in the order it writes them. */
#include "pdurep/batch.h"
#include "pdurep/annexe.h"
#include "pdurep/report.h"

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
