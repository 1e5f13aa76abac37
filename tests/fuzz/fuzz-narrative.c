/* The narrative language, against the shipped PDU framework. */
#include "fuzz.h"
#include "pdurep/pdurep.h"

#include <stdio.h>
#include <stdlib.h>

static pdurep_framework *fw;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fw) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/frameworks/probation-pdu-2023", pdurep_data_dir());
        pdurep_diag *d = pdurep_diag_new(0);
        if (pdurep_framework_read_dir(dir, &fw, d) != PDUREP_OK)
            abort();
        pdurep_diag_free(d);
    }
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_narrative *n = NULL;
    pdurep_error err = pdurep_narrative_parse((const char *)data, size, "narrative.txt", fw, &n, d);
    if (err && pdurep_diag_total(d) == 0)
        abort();
    pdurep_narrative_free(n);
    pdurep_diag_free(d);
    return 0;
}
