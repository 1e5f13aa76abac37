/* The strings loader (YAML). */
#include "fuzz.h"
#include "pdurep/pdurep.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("cy.yaml", data, size);
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_strings *s = NULL;
    pdurep_error err = pdurep_strings_load(path, &s, d);
    if (err && pdurep_diag_total(d) == 0)
        abort();
    pdurep_strings_free(s);
    pdurep_diag_free(d);
    return 0;
}
