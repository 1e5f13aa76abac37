/*
 * One library call, for tests/library/test_oom_library.py: run under the
 * failing allocator (failmalloc.so), it must return ::PDUREP_ERROR_NO_MEMORY
 * or succeed, never end the process. Prints the call's status.
 *
 * usage: oom-library CALL SOURCE_ROOT      CALL: strings, strings-cy, layout, table, or one
 *        of the calculator and narrative calls below, which read the database
 *        $PDUREP_OOM_DB that `oom-library setup` (run without the shim) makes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdurep/strings.h"
#include "report/layout.h"
#include "rows.h"
#include "calls-calculator.h"

int main(int argc, char **argv)
{
    if (argc != 3)
        return 64;
    const char *call = argv[1], *root = argv[2];
    char path[4096];
    pdurep_error err;
    if (!strcmp(call, "strings") || !strcmp(call, "strings-cy")) {
        snprintf(path, sizeof path, "%s/layouts", root);
        pdurep_strings *s = NULL;
        err = pdurep_strings_load_lang(path, "annexe-", call[7] ? "cy" : "en", &s, NULL);
        pdurep_strings_free(s);
    } else if (!strcmp(call, "layout")) {
        snprintf(path, sizeof path, "%s/layouts/pdu-report.yaml", root);
        pdurep_layout *l = NULL;
        err = pdurep_layout_load(path, &l, NULL);
        pdurep_layout_free(l);
    } else if (!strcmp(call, "table")) {
        /* A bundle table, read as import and the framework loader read theirs. */
        static const pdurep_csv_column cols[] = {{"standard", 1}, {"rating", 1}, {"rationale", 0}};
        snprintf(path, sizeof path, "%s/fixtures/north-wales/judgements.csv", root);
        pdurep_rows src;
        pdurep_rows_csv(&src, path, NULL);
        pdurep_csv_table t;
        err = pdurep_rows_slurp(&src, cols, 3, &t, NULL);
        if (!err)
            pdurep_csv_table_free(&t);
        pdurep_rows_clear(&src);
    } else if (oom_calculator_call(call, root, &err) < 0) {
        return 64;
    }
    printf("%d\n", pdurep_exit_status(err));
    return 0;
}
