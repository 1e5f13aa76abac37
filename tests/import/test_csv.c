/* Unit tests of the strict CSV reader: positions, BOM, CRLF, quoting, UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "csvfile.h"
#include "rows.h"

#include "../common/csv_collect.h"

static pdurep_error read_text(const char *text, seen *s, pdurep_diag *d)
{
    return read_bytes(text, strlen(text), s, d);
}

static void bom_and_crlf_are_accepted(void **state)
{
    (void)state;
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_text("\xEF\xBB\xBFkey,value\r\nid,x\r\n", &s, d), PDUREP_OK);
    assert_int_equal(s.rows, 2);
    assert_string_equal(s.first[0], "key"); /* the BOM is not part of the first field */
    assert_string_equal(s.first[1], "id");
    assert_int_equal(s.widths[1], 2);
    assert_int_equal(pdurep_diag_total(d), 0);
    pdurep_diag_free(d);
}

static void lines_count_blank_lines_and_quoted_newlines(void **state)
{
    (void)state;
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_text("a,b\n\n\"two\nlines\",x\nc,d\n", &s, d), PDUREP_OK);
    assert_int_equal(s.rows, 3);
    assert_int_equal(s.lines[0], 1);
    assert_int_equal(s.lines[1], 3);
    assert_string_equal(s.first[1], "two\nlines");
    assert_int_equal(s.lines[2], 5);
    pdurep_diag_free(d);
}

static void unterminated_quote_is_reported_where_it_starts(void **state)
{
    (void)state;
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_text("a,b\nc,\"open\nmore\n", &s, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0),
                        "x.csv:2:2: unterminated quoted field (the closing quote is missing)");
    pdurep_diag_free(d);
}

static void stray_quote_is_malformed(void **state)
{
    (void)state;
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_text("a,b,c\n1,\"x\"y,3\n", &s, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 0), "x.csv:2:2: malformed quoting"));
    pdurep_diag_free(d);
}

static void invalid_utf8_is_refused(void **state)
{
    (void)state;
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_text("a,b\nok,caf\xE9\n", &s, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0),
                        "x.csv:2:2: text is not valid UTF-8 (save the file as UTF-8)");
    pdurep_diag_free(d);
    /* Welsh letters in UTF-8 are fine. */
    d = pdurep_diag_new(0);
    assert_int_equal(read_text("a\nGwynedd \xC5\xB5 \xC5\xB7 \xC3\xA2\n", &s, d), PDUREP_OK);
    pdurep_diag_free(d);
}

static void missing_file_is_no_input(void **state)
{
    (void)state;
    seen s = {0};
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(pdurep_csv_read("/nonexistent/x.csv", "x.csv", collect, &s, d),
                     PDUREP_ERROR_NO_INPUT);
    pdurep_diag_free(d);
}

static void slurp_refuses_unknown_and_missing_columns(void **state)
{
    (void)state;
    static const pdurep_csv_column cols[] = {{"key", 1}, {"value", 1}};
    const char *text = "key,surname\nid,x\n";
    write_file(text, strlen(text));
    pdurep_csv_table t;
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_rows src;
    pdurep_rows_csv(&src, path, NULL);
    assert_int_equal(pdurep_rows_slurp(&src, cols, 2, &t, d), PDUREP_ERROR_DATA);
    pdurep_rows_clear(&src);
    unlink(path);
    char want[256];
    snprintf(want, sizeof want, "%s:1:2: unknown column \"surname\"", path);
    assert_string_equal(pdurep_diag_message(d, 0), want);
    snprintf(want, sizeof want, "%s:1: missing column \"value\"", path);
    assert_string_equal(pdurep_diag_message(d, 1), want);
    pdurep_diag_free(d);
}

static void diag_caps_messages_but_counts_all(void **state)
{
    (void)state;
    pdurep_diag *d = pdurep_diag_new(3);
    for (int i = 0; i < 10; i++)
        pdurep_diag_add(d, "f", (unsigned long)i + 1, 1, "problem %d", i);
    assert_int_equal(pdurep_diag_count(d), 3);
    assert_int_equal(pdurep_diag_total(d), 10);
    assert_true(pdurep_diag_full(d));
    assert_string_equal(pdurep_diag_message(d, 2), "f:3:1: problem 2");
    pdurep_diag_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bom_and_crlf_are_accepted),
        cmocka_unit_test(lines_count_blank_lines_and_quoted_newlines),
        cmocka_unit_test(unterminated_quote_is_reported_where_it_starts),
        cmocka_unit_test(stray_quote_is_malformed),
        cmocka_unit_test(invalid_utf8_is_refused),
        cmocka_unit_test(missing_file_is_no_input),
        cmocka_unit_test(slurp_refuses_unknown_and_missing_columns),
        cmocka_unit_test(diag_caps_messages_but_counts_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
