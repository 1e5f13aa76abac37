/* The strict CSV reader: any bytes must give rows or positioned problems, never a crash. */
#include "fuzz.h"
#include "csvfile.h"

#include <stdlib.h>
#include <string.h>

typedef struct seen {
    unsigned long rows, last_line;
} seen;

static int on_row(const pdurep_csv_row *row, void *user)
{
    seen *s = user;
    /* Records come in file order, each on a real line. */
    if (row->line == 0 || row->line < s->last_line)
        abort();
    for (size_t i = 0; i < row->n; i++)
        if (strlen(row->fields[i]) != row->lengths[i]) /* a NUL inside must have been refused */
            abort();
    s->last_line = row->line;
    s->rows++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("cases.csv", data, size);
    pdurep_diag *d = pdurep_diag_new(0);
    seen s = {0, 0};
    pdurep_error err = pdurep_csv_read(path, "cases.csv", on_row, &s, d);
    /* A failure always says why. */
    if (err && pdurep_diag_total(d) == 0)
        abort();
    pdurep_diag_free(d);
    return 0;
}
