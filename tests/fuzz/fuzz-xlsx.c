/*
 * libFuzzer target for the XLSX reader: any bytes are opened as a workbook and
 * the sheets import would read are read through the row source it uses. The reader
 * must report bad input and never crash, leak or read out of bounds.
 *
 * Build the fuzzer with clang (meson setup build-fuzz -Db_sanitize=address
 * with CC=clang makes tests/fuzz/fuzz-xlsx); the suite replays the corpus
 * through the same function (replay.c).
 */
#include <stddef.h>
#include <stdint.h>

#include "rows.h"
#include "xlsxread.h"

static int count_row(const pdurep_csv_row *row, void *user)
{
    size_t *cells = user;
    for (size_t i = 0; i < row->n; i++)
        *cells += row->lengths[i] > 0;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_xlsx *book = NULL;
    if (pdurep_xlsx_open_buffer(data, size, "fuzz.xlsx", &book, diag) == PDUREP_OK) {
        pdurep_import_norm norm = {0};
        size_t cells = 0;
        /* The sheets import reads, each once: reading every sheet would let a workbook of a
         * thousand sheets sharing one large part cost a thousand parts, which import never
         * does. The first sheet stands for a workbook with other names. */
        static const char *const tables[] = {"inspection", "judgements", "cases", "pdus"};
        long read[5];
        size_t n_read = 0;
        for (size_t t = 0; t <= 4; t++) {
            long i = t < 4 ? pdurep_xlsx_find_sheet(book, tables[t])
                           : pdurep_xlsx_sheet_count(book) ? 0 : -1;
            int seen = i < 0;
            for (size_t k = 0; !seen && k < n_read; k++)
                seen = read[k] == i;
            if (seen)
                continue;
            read[n_read++] = i;
            pdurep_rows src;
            pdurep_rows_sheet(&src, book, (size_t)i, "fuzz.xlsx", &norm);
            pdurep_rows_read(&src, count_row, &cells, diag);
            pdurep_rows_clear(&src);
        }
        pdurep_xlsx_close(book);
    }
    pdurep_diag_free(diag);
    return 0;
}
