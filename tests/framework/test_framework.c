/* Unit tests of the framework rules: bands at their edges, rounding, points, overall bands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pdurep/pdurep.h"

static pdurep_framework *fw;

static int setup(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/frameworks/probation-pdu-2023", pdurep_data_dir());
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_error err = pdurep_framework_read_dir(dir, &fw, d);
    pdurep_diag_print(d, stderr, "setup: ");
    pdurep_diag_free(d);
    return err == PDUREP_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pdurep_framework_free(fw);
    return 0;
}

static pdurep_rating band_rating(double percent)
{
    const pdurep_band *b = pdurep_framework_band(fw, percent);
    assert_non_null(b);
    return b->rating;
}

static void bands_at_edges_unrounded(void **state)
{
    (void)state;
    fw->band_on_rounded = 0;
    assert_int_equal(band_rating(0), PDUREP_RATING_INADEQUATE);
    assert_int_equal(band_rating(49.99), PDUREP_RATING_INADEQUATE);
    assert_int_equal(band_rating(50), PDUREP_RATING_REQUIRES_IMPROVEMENT);
    assert_int_equal(band_rating(64.99), PDUREP_RATING_REQUIRES_IMPROVEMENT);
    assert_int_equal(band_rating(65), PDUREP_RATING_GOOD);
    assert_int_equal(band_rating(79.99), PDUREP_RATING_GOOD);
    assert_int_equal(band_rating(80), PDUREP_RATING_OUTSTANDING);
    assert_int_equal(band_rating(100), PDUREP_RATING_OUTSTANDING);
    assert_string_equal(pdurep_framework_band(fw, 64.99)->name, "Too few");
    assert_string_equal(pdurep_framework_band(fw, 65)->name, "Reasonable majority");
    assert_string_equal(pdurep_framework_band(fw, 80)->name, "Large majority");
    assert_string_equal(pdurep_framework_band(fw, 49.99)->name, "Minority");
    assert_null(pdurep_framework_band(fw, -1));
}

static void bands_at_edges_rounded(void **state)
{
    (void)state;
    /* The framework switch: 64.5% prints as 65% and then bands as Good. */
    fw->band_on_rounded = 1;
    assert_int_equal(band_rating(49.49), PDUREP_RATING_INADEQUATE);
    assert_int_equal(band_rating(49.5), PDUREP_RATING_REQUIRES_IMPROVEMENT);
    assert_int_equal(band_rating(64.99), PDUREP_RATING_GOOD);
    assert_int_equal(band_rating(79.5), PDUREP_RATING_OUTSTANDING);
    assert_int_equal(band_rating(79.49), PDUREP_RATING_GOOD);
    fw->band_on_rounded = 0;
}

static void exact_fractions_band_exactly(void **state)
{
    (void)state;
    /* 13 of 20 is exactly 65%: Good, not Requires improvement. */
    pdurep_tally t = {.yes = 13, .no = 7};
    assert_true(pdurep_tally_percent(t) == 65.0);
    assert_int_equal(band_rating(pdurep_tally_percent(t)), PDUREP_RATING_GOOD);
    /* 11 of 17 is 64.7%: prints 65% but bands Too few on the unrounded value. */
    pdurep_tally u = {.yes = 11, .no = 6};
    assert_int_equal(pdurep_percent_rounded(11, 17), 65);
    assert_int_equal(band_rating(pdurep_tally_percent(u)), PDUREP_RATING_REQUIRES_IMPROVEMENT);
    /* 399 of 500 is 79.8%: Good; 4 of 5 is 80%: Outstanding. */
    assert_int_equal(band_rating(pdurep_tally_percent((pdurep_tally){399, 101, 0})),
                     PDUREP_RATING_GOOD);
    assert_int_equal(band_rating(pdurep_tally_percent((pdurep_tally){4, 1, 0})),
                     PDUREP_RATING_OUTSTANDING);
}

static void rounding_is_half_up(void **state)
{
    (void)state;
    assert_int_equal(pdurep_percent_rounded(1, 8), 13);   /* 12.5 */
    assert_int_equal(pdurep_percent_rounded(21, 40), 53); /* 52.5 */
    assert_int_equal(pdurep_percent_rounded(63, 77), 82); /* 81.8 */
    assert_int_equal(pdurep_percent_rounded(0, 5), 0);
    assert_int_equal(pdurep_percent_rounded(5, 5), 100);
    assert_int_equal(pdurep_percent_rounded(0, 0), -1);
}

static void not_applicable_leaves_the_denominator(void **state)
{
    (void)state;
    pdurep_tally t = {.yes = 3, .no = 1, .na = 96};
    assert_int_equal(pdurep_tally_relevant(t), 4);
    assert_true(pdurep_tally_percent(t) == 75.0);
    pdurep_tally none = {.na = 10};
    assert_true(pdurep_tally_percent(none) < 0);
}

static void points_and_score_bands(void **state)
{
    (void)state;
    assert_int_equal(fw->points[PDUREP_RATING_OUTSTANDING], 3);
    assert_int_equal(fw->points[PDUREP_RATING_GOOD], 2);
    assert_int_equal(fw->points[PDUREP_RATING_REQUIRES_IMPROVEMENT], 1);
    assert_int_equal(fw->points[PDUREP_RATING_INADEQUATE], 0);
    assert_int_equal(pdurep_framework_max_score(fw), 21);
    static const struct { int score; pdurep_rating want; } cases[] = {
        {0, PDUREP_RATING_INADEQUATE}, {5, PDUREP_RATING_INADEQUATE},
        {6, PDUREP_RATING_REQUIRES_IMPROVEMENT}, {10, PDUREP_RATING_REQUIRES_IMPROVEMENT},
        {11, PDUREP_RATING_GOOD}, {15, PDUREP_RATING_GOOD},
        {16, PDUREP_RATING_OUTSTANDING}, {21, PDUREP_RATING_OUTSTANDING},
        {22, PDUREP_RATING_NONE}, {-1, PDUREP_RATING_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(pdurep_framework_overall(fw, cases[i].score), cases[i].want);
    /* The published checks: 2+2+2+1+1+1+1 and 1+1+0+0+0+0+0. */
    assert_int_equal(pdurep_framework_overall(fw, 10), PDUREP_RATING_REQUIRES_IMPROVEMENT);
    assert_int_equal(pdurep_framework_overall(fw, 2), PDUREP_RATING_INADEQUATE);
}

static void rating_names_round_trip(void **state)
{
    (void)state;
    for (int r = 0; r < PDUREP_RATING_COUNT; r++)
        assert_int_equal(pdurep_rating_parse(pdurep_rating_name((pdurep_rating)r)), r);
    assert_int_equal(pdurep_rating_parse("  requires IMPROVEMENT "),
                     PDUREP_RATING_REQUIRES_IMPROVEMENT);
    assert_int_equal(pdurep_rating_parse("Requires"), PDUREP_RATING_NONE);
    assert_int_equal(pdurep_rating_parse(""), PDUREP_RATING_NONE);
    assert_string_equal(pdurep_rating_name(PDUREP_RATING_NONE), "");
}

static void framework_structure(void **state)
{
    (void)state;
    assert_int_equal(fw->n_standards, 7);
    long p21 = pdurep_framework_standard_index(fw, "P2.1");
    assert_true(p21 >= 0);
    assert_int_equal(fw->standards[p21].n_key_questions, 3);
    assert_string_equal(fw->questions[fw->standards[p21].key_questions[2]].code, "2.1.3");
    long prompt = pdurep_framework_question_index(fw, "2.1.3b");
    assert_true(prompt >= 0);
    assert_string_equal(fw->questions[fw->questions[prompt].parent].code, "2.1.3");
    assert_int_equal(fw->questions[prompt].paraphrased, 0);
    assert_int_equal(pdurep_framework_question_index(fw, "9.9.9"), -1);
}

static void relative_rate_index(void **state)
{
    (void)state;
    pdurep_tally g = {.yes = 6, .no = 4}, ref = {.yes = 8, .no = 2};
    assert_true(pdurep_relative_rate_index(g, ref, 5) > 0.7499 &&
                pdurep_relative_rate_index(g, ref, 5) < 0.7501);
    pdurep_tally small = {.yes = 2, .no = 2};
    assert_true(pdurep_relative_rate_index(small, ref, 5) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bands_at_edges_unrounded),
        cmocka_unit_test(bands_at_edges_rounded),
        cmocka_unit_test(exact_fractions_band_exactly),
        cmocka_unit_test(rounding_is_half_up),
        cmocka_unit_test(not_applicable_leaves_the_denominator),
        cmocka_unit_test(points_and_score_bands),
        cmocka_unit_test(rating_names_round_trip),
        cmocka_unit_test(framework_structure),
        cmocka_unit_test(relative_rate_index),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
