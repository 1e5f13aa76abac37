/*
 * libFuzzer target for the XLSX reader: any bytes are opened as a workbook and
 * every sheet is read through the row source the importer uses. The reader
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
        for (size_t i = 0; i < pdurep_xlsx_sheet_count(book); i++) {
            pdurep_rows src;
            pdurep_rows_sheet(&src, book, i, "fuzz.xlsx", &norm);
            pdurep_rows_read(&src, count_row, &cells, diag);
            pdurep_rows_clear(&src);
        }
        pdurep_xlsx_find_sheet(book, "cases");
        pdurep_xlsx_close(book);
    }
    pdurep_diag_free(diag);
    return 0;
}
