/* The layout loader (YAML), with the shipped strings and fonts beside it. */
#include "fuzz.h"
#include "pdurep/pdurep.h"
#include "report/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int linked;
    if (!linked) {
        /* "strings: en" is looked for beside the layout: lend it the shipped ones. */
        char from[4096], to[4096];
        snprintf(from, sizeof from, "%s/layouts/strings", pdurep_data_dir());
        snprintf(to, sizeof to, "%s/strings", fuzz_dir());
        if (symlink(from, to) != 0)
            abort();
        linked = 1;
    }
    const char *path = fuzz_write("layout.yaml", data, size);
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_layout *l = NULL;
    pdurep_error err = pdurep_layout_load(path, &l, d);
    if (err && pdurep_diag_total(d) == 0)
        abort();
    pdurep_layout_free(l);
    pdurep_diag_free(d);
    return 0;
}
