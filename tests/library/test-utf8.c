/*
 * The one UTF-8 module (src/lib/utf8.c): validity with the place of the first
 * bad byte, character counts, and NFC.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void test_valid(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(pdurep_utf8_valid("", 0, &bad));
    assert_true(pdurep_utf8_valid("Gŵyl Ddewi", strlen("Gŵyl Ddewi"), &bad));
    assert_int_equal(bad, 99); /* untouched when valid */
    /* A lone continuation byte, a truncated sequence, an overlong '/', a surrogate. */
    static const struct { const char *s; size_t at; } cases[] = {
        {"ab\x80", 2}, {"Gw\xC5", 2}, {"x\xC0\xAF", 1}, {"\xED\xA0\x80z", 0},
        {"ŵ\xFF", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        assert_false(pdurep_utf8_valid(cases[i].s, strlen(cases[i].s), &bad));
        assert_int_equal(bad, cases[i].at);
        assert_false(pdurep_utf8_valid(cases[i].s, strlen(cases[i].s), NULL));
    }
    /* Only the first len bytes count. */
    assert_true(pdurep_utf8_valid("ok\xFF", 2, NULL));
}

static void test_count(void **state)
{
    (void)state;
    assert_int_equal(pdurep_utf8_count("", 0), 0);
    assert_int_equal(pdurep_utf8_count("Ŵŷ‘x’😀", strlen("Ŵŷ‘x’😀")), 6);
    assert_int_equal(pdurep_utf8_count("ŵyn", 2), 1);
}

static void test_nfc(void **state)
{
    (void)state;
    /* w + combining circumflex becomes one letter. */
    char *nfc = pdurep_utf8_nfc("w\xCC\x82yn");
    assert_non_null(nfc);
    assert_string_equal(nfc, "ŵyn");
    assert_int_equal(pdurep_utf8_count(nfc, strlen(nfc)), 3);
    free(nfc);
    nfc = pdurep_utf8_nfc(NULL);
    assert_string_equal(nfc, "");
    free(nfc);
    assert_null(pdurep_utf8_nfc("bad \xFF byte"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_count),
        cmocka_unit_test(test_nfc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
