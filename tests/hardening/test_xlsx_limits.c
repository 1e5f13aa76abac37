/*
 * The XLSX reader against workbooks made to cost far more than their size:
 * found by the xlsx fuzz target's timeouts. A cell at column XFD stands for
 * 16,383 empty cells before it, and deflate shrinks repeated XML a thousand
 * times, so a 12 KB file could make billions of cells; a row count was only
 * checked when rows carried numbers; and sheets, relationships and number
 * formats were matched pairwise, so a workbook of 100,000 sheets took minutes
 * to open. Each test fails (or runs out its time) with the old reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "rows.h"
#include "xlsxread.h"

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void repeat(buf *b, const char *s, size_t times)
{
    for (size_t i = 0; i < times; i++)
        put(b, s);
}

static char path[64];

static void add_part(zip_t *z, const char *name, buf *b)
{
    zip_source_t *src = zip_source_buffer(z, b->s, b->len, 1);
    assert_non_null(src);
    assert_true(zip_file_add(z, name, src, ZIP_FL_OVERWRITE) >= 0);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* A workbook of the given parts (each NULL to leave it out); the buffers are taken. */
static void write_book(buf *workbook, buf *rels, buf *styles, buf *sheet)
{
    strcpy(path, "/tmp/pdurep-xlsx-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_TRUNCATE, &zerr);
    assert_non_null(z);
    add_part(z, "xl/workbook.xml", workbook);
    add_part(z, "xl/_rels/workbook.xml.rels", rels);
    if (styles)
        add_part(z, "xl/styles.xml", styles);
    add_part(z, "xl/worksheets/sheet1.xml", sheet);
    assert_int_equal(zip_close(z), 0);
}

static const char *const SHEET_REL =
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>";

/* One sheet called cases, holding @p rows_xml. */
static void write_one_sheet(const char *rows_xml, size_t times)
{
    buf wb = {0}, rels = {0}, sheet = {0};
    put(&wb, "<workbook><sheets><sheet name=\"cases\" r:id=\"rId1\"/></sheets></workbook>");
    put(&rels, "<Relationships>");
    put(&rels, SHEET_REL);
    put(&rels, "</Relationships>");
    put(&sheet, "<worksheet><sheetData>");
    repeat(&sheet, rows_xml, times);
    put(&sheet, "</sheetData></worksheet>");
    write_book(&wb, &rels, NULL, &sheet);
}

typedef struct seen {
    unsigned long rows, cells;
    char first[32];
} seen;

static int count(const pdurep_csv_row *row, void *user)
{
    seen *s = user;
    if (!s->rows++ && row->n)
        snprintf(s->first, sizeof s->first, "%s", row->fields[row->n - 1]);
    s->cells += row->n;
    return 0;
}

/* Read the first sheet; the diagnostics are left in @p d. */
static pdurep_error read_sheet(seen *s, pdurep_diag *d)
{
    memset(s, 0, sizeof *s);
    pdurep_xlsx *book = NULL;
    pdurep_error err = pdurep_xlsx_open(path, "book.xlsx", &book, d);
    if (!err) {
        pdurep_rows src;
        pdurep_rows_sheet(&src, book, 0, "book.xlsx", NULL);
        err = pdurep_rows_read(&src, count, s, d);
        pdurep_rows_clear(&src);
        pdurep_xlsx_close(book);
    }
    unlink(path);
    return err;
}

static double cpu_seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void far_cells_are_bounded(void **state)
{
    (void)state;
    /* 200,000 rows of one value at XFD: 3.3 billion cells. */
    write_one_sheet("<row><c r=\"XFD\"><v>1</v></c></row>", 200000);
    pdurep_diag *d = pdurep_diag_new(0);
    seen s;
    double t = cpu_seconds();
    assert_int_equal(read_sheet(&s, d), PDUREP_ERROR_DATA);
    assert_true(cpu_seconds() - t < 20);
    assert_int_equal(pdurep_diag_count(d), 1);
    const char *m = pdurep_diag_message(d, 0);
    assert_non_null(strstr(m, "book.xlsx:cases!XFD4097: the sheet is too large: more than "
                              "67108864 cells"));
    /* Every row before the limit was read whole. */
    assert_int_equal(s.rows, 4096);
    assert_int_equal(s.cells, 4096UL * 16384);
    pdurep_diag_free(d);
}

static void a_wide_row_is_still_read(void **state)
{
    (void)state;
    /* The limit counts cells, not width: rows out to XFD are fine when the sheet is small. */
    write_one_sheet("<row><c r=\"XFD\"><v>7</v></c></row>", 100);
    pdurep_diag *d = pdurep_diag_new(0);
    seen s;
    assert_int_equal(read_sheet(&s, d), PDUREP_OK);
    assert_int_equal(s.rows, 100);
    assert_int_equal(s.cells, 100UL * 16384);
    assert_string_equal(s.first, "7");
    pdurep_diag_free(d);
}

static void unnumbered_rows_stop_at_the_spreadsheet_limit(void **state)
{
    (void)state;
    write_one_sheet("<row><c><v>1</v></c></row>", 1048577);
    pdurep_diag *d = pdurep_diag_new(0);
    seen s;
    assert_int_equal(read_sheet(&s, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 0), "the sheet has more than 1048576 rows"));
    assert_int_equal(s.rows, 1048576);
    pdurep_diag_free(d);
}

static void many_sheets_open_in_linear_time(void **state)
{
    (void)state;
    /* 100,000 sheets sharing one part, and as many relationships that match none of them
     * before the one that matches them all: pairwise matching made 10^10 comparisons. */
    enum { N = 100000 };
    buf wb = {0}, rels = {0}, sheet = {0};
    put(&wb, "<workbook><sheets><sheet name=\"first\" r:id=\"rId2\"/>");
    repeat(&wb, "<sheet name=\"a\" r:id=\"rId1\"/>", N);
    put(&wb, "</sheets></workbook>");
    put(&rels, "<Relationships>");
    repeat(&rels, "<Relationship Id=\"rId9\" Type=\"/worksheet\" Target=\"none.xml\"/>", N);
    put(&rels, SHEET_REL);
    put(&rels, "<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"/xl/worksheets/"
               "sheet1.xml\"/></Relationships>");
    put(&sheet, "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>yes</t></is></c></row>"
                "</sheetData></worksheet>");
    write_book(&wb, &rels, NULL, &sheet);
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_xlsx *book = NULL;
    double t = cpu_seconds();
    assert_int_equal(pdurep_xlsx_open(path, "book.xlsx", &book, d), PDUREP_OK);
    assert_true(cpu_seconds() - t < 20);
    assert_int_equal(pdurep_xlsx_sheet_count(book), N + 1);
    assert_string_equal(pdurep_xlsx_sheet_name(book, 0), "first");
    /* Both the first sheet and the last of the shared ones reach the part. */
    size_t which[] = {0, N};
    for (size_t i = 0; i < 2; i++) {
        pdurep_rows src;
        seen s = {0};
        pdurep_rows_sheet(&src, book, which[i], "book.xlsx", NULL);
        assert_int_equal(pdurep_rows_read(&src, count, &s, d), PDUREP_OK);
        pdurep_rows_clear(&src);
        assert_string_equal(s.first, "yes");
    }
    pdurep_xlsx_close(book);
    unlink(path);
    pdurep_diag_free(d);
}

static int keep(const pdurep_csv_row *row, void *user)
{
    char(*got)[16] = user;
    for (size_t i = 0; i < 3 && i < row->n; i++)
        snprintf(got[i], 16, "%s", row->fields[i]);
    return 0;
}

static void many_date_formats_open_in_linear_time(void **state)
{
    (void)state;
    /* 200,000 date formats and 300,000 cell formats: pairwise, 6 * 10^10 comparisons. The
     * last cell format kept (65,536 are) uses a custom date format, which must be found. */
    enum { FORMATS = 200000, XFS = 65536, MORE = 250000 };
    buf wb = {0}, rels = {0}, styles = {0}, sheet = {0};
    put(&wb, "<workbook><sheets><sheet name=\"cases\" r:id=\"rId1\"/></sheets></workbook>");
    put(&rels, "<Relationships>");
    put(&rels, SHEET_REL);
    put(&rels, "</Relationships>");
    put(&styles, "<styleSheet><numFmts>");
    char one[192];
    for (long i = FORMATS; i > 0; i--) { /* out of order, as a writer may leave them */
        snprintf(one, sizeof one, "<numFmt numFmtId=\"%ld\" formatCode=\"dd/mm/yyyy\"/>",
                 1000 + 2 * i);
        put(&styles, one);
    }
    put(&styles, "</numFmts><cellXfs>");
    repeat(&styles, "<xf numFmtId=\"1\"/>", XFS - 2);
    put(&styles, "<xf numFmtId=\"1001\"/><xf numFmtId=\"1002\"/>");
    repeat(&styles, "<xf numFmtId=\"1\"/>", MORE);
    put(&styles, "</cellXfs></styleSheet>");
    snprintf(one, sizeof one, "<worksheet><sheetData><row><c s=\"%d\"><v>45000</v></c>"
             "<c s=\"%d\"><v>45000</v></c><c s=\"0\"><v>45000</v></c></row>", XFS - 1, XFS - 2);
    put(&sheet, one);
    put(&sheet, "</sheetData></worksheet>");
    write_book(&wb, &rels, &styles, &sheet);
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_xlsx *book = NULL;
    double t = cpu_seconds();
    assert_int_equal(pdurep_xlsx_open(path, "book.xlsx", &book, d), PDUREP_OK);
    assert_true(cpu_seconds() - t < 20);
    pdurep_rows src;
    pdurep_rows_sheet(&src, book, 0, "book.xlsx", NULL);
    char got[3][16] = {"", "", ""};
    assert_int_equal(pdurep_rows_read(&src, keep, got, d), PDUREP_OK);
    pdurep_rows_clear(&src);
    pdurep_xlsx_close(book);
    unlink(path);
    /* 1002 is a date format; 1001 is not one (only even ids are), nor is 1. */
    assert_string_equal(got[0], "2023-03-15");
    assert_string_equal(got[1], "45000");
    assert_string_equal(got[2], "45000");
    pdurep_diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(far_cells_are_bounded),
        cmocka_unit_test(a_wide_row_is_still_read),
        cmocka_unit_test(unnumbered_rows_stop_at_the_spreadsheet_limit),
        cmocka_unit_test(many_sheets_open_in_linear_time),
        cmocka_unit_test(many_date_formats_open_in_linear_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
