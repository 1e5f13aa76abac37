/* Unit tests of the calculator through the public API: import a small bundle, rate it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pdurep/pdurep.h"

static char dir[64];
static char dbpath[128];

static void put(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

#define HEADER "case_id,sentence_type,rosh,gender,ethnicity,probation_reset," \
               "2.1.1,2.1.2,2.1.3,2.2.1,2.2.2,2.2.3,2.3.1,2.3.2,2.3.3,2.4.1,2.4.2,2.4.3,2.1.3a\n"
#define ATTRS "community,low,male,white,no,"

static const char *judged =
    "standard,rating,rationale\nP1.1,Good,a\nP1.2,Good,b\nP1.3,Outstanding,c\n";

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/pdurep-bundle-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
    put("inspection.csv", "key,value\nid,unit-pdu\nname,Unit\nfieldwork_start,2025-01-31\n");
    put("judgements.csv", judged);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd);
}

static pdurep_ratings *import_and_rate(const char *cases, int flags, pdurep_error *ierr)
{
    put("cases.csv", cases);
    pdurep_db *db;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(pdurep_db_open(dbpath, 0, &db, d), PDUREP_OK);
    *ierr = pdurep_import(db, dir, flags, NULL, d);
    pdurep_ratings *r = NULL;
    if (*ierr == PDUREP_OK)
        assert_int_equal(pdurep_ratings_compute(db, "unit-pdu", &r, d), PDUREP_OK);
    pdurep_diag_print(d, stderr, "  diag: ");
    pdurep_diag_free(d);
    pdurep_db_close(db);
    return r;
}

static const pdurep_standard_result *std(const pdurep_ratings *r, const char *code)
{
    return &r->standards[pdurep_framework_standard_index(r->framework, code)];
}

static pdurep_tally question(const pdurep_ratings *r, const char *code)
{
    return r->questions[pdurep_framework_question_index(r->framework, code)];
}

static void not_applicable_and_blank_prompts(void **state)
{
    (void)state;
    unlink(dbpath);
    pdurep_error err;
    /* 2.1.1: Y, N, NA, na -> 1 of 2; prompt 2.1.3a: Y, blank, blank, N -> 1 of 2. */
    pdurep_ratings *r = import_and_rate(
        HEADER
        "a," ATTRS "Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y\n"
        "b," ATTRS "N,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
        "c," ATTRS "NA,yes,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
        "d," ATTRS "na,Yes,no,Y,Y,Y,Y,Y,Y,Y,Y,Y,n\n",
        0, &err);
    assert_int_equal(err, PDUREP_OK);
    assert_int_equal(r->n_cases, 4);
    pdurep_tally t = question(r, "2.1.1");
    assert_int_equal(t.yes, 1);
    assert_int_equal(t.no, 1);
    assert_int_equal(t.na, 2);
    assert_true(pdurep_tally_percent(t) == 50.0);
    pdurep_tally p = question(r, "2.1.3a");
    assert_int_equal(p.yes, 1);
    assert_int_equal(pdurep_tally_relevant(p), 2);
    /* A prompt with no column at all applies to no case. */
    pdurep_tally absent = question(r, "2.2.3c");
    assert_int_equal(pdurep_tally_relevant(absent), 0);
    assert_int_equal(absent.na, 4);
    /* P2.1's lowest key question is 2.1.1 at 50%: Too few. */
    const pdurep_standard_result *s = std(r, "P2.1");
    assert_string_equal(r->framework->questions[s->driver].code, "2.1.1");
    assert_string_equal(s->band->name, "Too few");
    assert_int_equal(s->rating, PDUREP_RATING_REQUIRES_IMPROVEMENT);
    /* Ratings: 2+2+3 judged, P2.1 1, others 3 (100%): 16 -> Outstanding. */
    assert_int_equal(r->score, 2 + 2 + 3 + 1 + 3 + 3 + 3);
    assert_int_equal(r->max_score, 21);
    assert_int_equal(r->overall, PDUREP_RATING_OUTSTANDING);
    pdurep_ratings_free(r);
}

static void lowest_key_question_drives_and_ties_take_the_first(void **state)
{
    (void)state;
    unlink(dbpath);
    pdurep_error err;
    /* P2.2: 2.2.1 and 2.2.3 both 1 of 2; 2.2.1 comes first. */
    pdurep_ratings *r = import_and_rate(
        HEADER
        "a," ATTRS "Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
        "b," ATTRS "Y,Y,Y,N,Y,N,Y,Y,Y,Y,Y,N,\n",
        0, &err);
    assert_int_equal(err, PDUREP_OK);
    assert_string_equal(r->framework->questions[std(r, "P2.2")->driver].code, "2.2.1");
    assert_string_equal(r->framework->questions[std(r, "P2.4")->driver].code, "2.4.3");
    char *why = pdurep_standard_reason(r, 4);
    assert_non_null(strstr(why, "lowest key question 2.2.1: 1 of 2 relevant cases"));
    assert_non_null(strstr(why, "band Too few (50% to under 65%)"));
    free(why);
    pdurep_ratings_free(r);
}

static void panel_override_keeps_the_computed_rating(void **state)
{
    (void)state;
    unlink(dbpath);
    put("judgements.csv", "standard,rating,rationale\nP1.1,Good,a\nP1.2,Good,b\n"
                          "P1.3,Outstanding,c\nP2.1,Good,Fieldwork evidence outweighed the sample\n");
    pdurep_error err;
    pdurep_ratings *r = import_and_rate(
        HEADER
        "a," ATTRS "N,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
        "b," ATTRS "N,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n",
        0, &err);
    put("judgements.csv", judged);
    assert_int_equal(err, PDUREP_OK);
    const pdurep_standard_result *s = std(r, "P2.1");
    assert_int_equal(s->computed_rating, PDUREP_RATING_INADEQUATE);
    assert_int_equal(s->rating, PDUREP_RATING_GOOD);
    assert_true(s->overridden);
    assert_int_equal(s->points, 2);
    assert_string_equal(s->rationale, "Fieldwork evidence outweighed the sample");
    char *json = pdurep_ratings_to_json(r, 0);
    assert_non_null(strstr(json, "\"computed_rating\":\"Inadequate\""));
    assert_non_null(strstr(json, "\"overridden\":true"));
    free(json);
    pdurep_ratings_free(r);
}

static void replace_swaps_and_plain_import_refuses(void **state)
{
    (void)state;
    unlink(dbpath);
    pdurep_error err;
    const char *two = HEADER "a," ATTRS "Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
                             "b," ATTRS "Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n";
    pdurep_ratings_free(import_and_rate(two, 0, &err));
    assert_int_equal(err, PDUREP_OK);
    assert_null(import_and_rate(two, 0, &err));
    assert_int_equal(err, PDUREP_ERROR_EXISTS);
    pdurep_ratings *r = import_and_rate(HEADER "z," ATTRS "Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n",
                                        PDUREP_IMPORT_REPLACE, &err);
    assert_int_equal(err, PDUREP_OK);
    assert_int_equal(r->n_cases, 1);
    pdurep_ratings_free(r);
}

static void a_standard_without_relevant_cases_cannot_be_rated(void **state)
{
    (void)state;
    unlink(dbpath);
    put("cases.csv", HEADER "a," ATTRS "NA,NA,NA,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n");
    pdurep_db *db;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(pdurep_db_open(dbpath, 0, &db, d), PDUREP_OK);
    assert_int_equal(pdurep_import(db, dir, 0, NULL, d), PDUREP_OK);
    pdurep_ratings *r;
    assert_int_equal(pdurep_ratings_compute(db, "unit-pdu", &r, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0),
                        "standard P2.1: no case is relevant to any of its key questions, so it "
                        "cannot be rated");
    assert_int_equal(pdurep_ratings_compute(db, "nope", &r, d), PDUREP_ERROR_NO_INPUT);
    pdurep_diag_free(d);
    pdurep_db_close(db);
}

static void breakdowns_count_by_attribute(void **state)
{
    (void)state;
    unlink(dbpath);
    pdurep_error err;
    pdurep_ratings *r = import_and_rate(
        HEADER
        "a,community,medium,male,white,no,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
        "b,licence,medium,female,asian,yes,N,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n"
        "c,Licence,High,male,white,no,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,Y,\n",
        0, &err);
    assert_int_equal(err, PDUREP_OK);
    pdurep_tally t;
    assert_int_equal(pdurep_ratings_breakdown_by_code(r, "sentence_type", "licence", "2.1.1", &t),
                     PDUREP_OK);
    assert_int_equal(t.yes, 1);
    assert_int_equal(t.no, 1);
    assert_int_equal(pdurep_ratings_breakdown_by_code(r, "rosh", "medium", "2.1.1", &t), PDUREP_OK);
    assert_int_equal(t.yes, 1);
    assert_int_equal(pdurep_tally_relevant(t), 2);
    assert_int_equal(r->breakdowns[1].cases[2], 1); /* one high-risk case, spelt "High" */
    assert_int_equal(pdurep_ratings_breakdown_by_code(r, "rosh", "extreme", "2.1.1", &t),
                     PDUREP_ERROR_NO_INPUT);
    pdurep_ratings_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(not_applicable_and_blank_prompts),
        cmocka_unit_test(lowest_key_question_drives_and_ties_take_the_first),
        cmocka_unit_test(panel_override_keeps_the_computed_rating),
        cmocka_unit_test(replace_swaps_and_plain_import_refuses),
        cmocka_unit_test(a_standard_without_relevant_cases_cannot_be_rated),
        cmocka_unit_test(breakdowns_count_by_attribute),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
