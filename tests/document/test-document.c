/*
 * The document-preparation step: a Welsh document gets Welsh words over the
 * same figures, the computed ratings keep the data's words, a region's PDUs
 * pool by the region's name in the data whatever the language, and a copy of
 * ratings shares no memory with them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdurep/document.h"
#include "pdurep/inspection.h"
#include "pdurep/localise.h"

static char dir[64];
static char db_path[96];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/pdurep-document-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(db_path, sizeof db_path, "%s/d.db", dir);
    pdurep_db *db = NULL;
    if (pdurep_db_open(db_path, 0, &db, NULL))
        return -1;
    static const char *const bundles[] = {
        "north-wales", "cardiff-and-the-vale", "cwm-taf-morgannwg", "dyfed-powys", "gwent",
        "swansea-neath-port-talbot", "region",
    };
    const char *root = getenv("PDUREP_DATA_DIR");
    int bad = !root;
    for (size_t i = 0; !bad && i < sizeof bundles / sizeof *bundles; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/fixtures/wales/%s", root, bundles[i]);
        if (!strcmp(bundles[i], "north-wales"))
            snprintf(path, sizeof path, "%s/fixtures/north-wales", root);
        bad = pdurep_import(db, path, 0, NULL, NULL) != PDUREP_OK;
    }
    pdurep_db_close(db);
    return bad ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static pdurep_db *open_db(void)
{
    pdurep_db *db = NULL;
    assert_int_equal(pdurep_db_open(db_path, PDUREP_DB_READONLY, &db, NULL), PDUREP_OK);
    return db;
}

/* Every figure of two ratings is the same. */
static void assert_same_figures(const pdurep_ratings *a, const pdurep_ratings *b)
{
    assert_int_equal(a->n_cases, b->n_cases);
    assert_int_equal(a->score, b->score);
    assert_int_equal(a->max_score, b->max_score);
    assert_int_equal(a->overall, b->overall);
    size_t nq = a->framework->n_questions;
    assert_int_equal(nq, b->framework->n_questions);
    assert_memory_equal(a->questions, b->questions, nq * sizeof *a->questions);
    for (size_t i = 0; i < a->framework->n_standards; i++) {
        assert_int_equal(a->standards[i].rating, b->standards[i].rating);
        assert_int_equal(a->standards[i].points, b->standards[i].points);
        assert_int_equal(a->standards[i].driver, b->standards[i].driver);
    }
    for (size_t i = 0; i < a->framework->n_attributes; i++) {
        size_t nv = a->framework->attributes[i].n_values;
        assert_memory_equal(a->breakdowns[i].cases, b->breakdowns[i].cases,
                            nv * sizeof *a->breakdowns[i].cases);
        assert_memory_equal(a->breakdowns[i].tallies, b->breakdowns[i].tallies,
                            nv * nq * sizeof *a->breakdowns[i].tallies);
    }
}

static void test_welsh_words_over_computed_figures(void **state)
{
    (void)state;
    pdurep_db *db = open_db();
    pdurep_ratings *fresh = NULL;
    assert_int_equal(pdurep_ratings_compute(db, "north-wales-2025", &fresh, NULL), PDUREP_OK);
    pdurep_document *d = NULL;
    assert_int_equal(pdurep_document_prepare(db, "north-wales-2025", "cy", 0, &d, NULL), PDUREP_OK);
    assert_string_equal(d->lang, "cy");
    /* The computed ratings keep the data's words... */
    assert_string_equal(d->computed->inspection->name, fresh->inspection->name);
    assert_string_equal(d->computed->inspection->region, fresh->inspection->region);
    assert_string_equal(d->computed->framework->standards[0].name,
                        fresh->framework->standards[0].name);
    /* ...the printed ones the narrative's and the framework terms' Welsh... */
    assert_string_equal(d->ratings->inspection->name, "Gogledd Cymru");
    assert_string_equal(d->ratings->inspection->region, "Cymru");
    assert_string_not_equal(d->ratings->framework->standards[0].name,
                            fresh->framework->standards[0].name);
    /* ...over the very same figures. */
    assert_same_figures(d->computed, fresh);
    assert_same_figures(d->ratings, fresh);
    assert_ptr_not_equal(d->ratings->framework, d->computed->framework);
    assert_null(d->pdus); /* not asked for, and not a region */
    pdurep_document_free(d);

    /* English: the words are the data's in both. */
    assert_int_equal(pdurep_document_prepare(db, "north-wales-2025", NULL, 0, &d, NULL), PDUREP_OK);
    assert_string_equal(d->lang, "en");
    assert_string_equal(d->ratings->inspection->name, fresh->inspection->name);
    pdurep_document_free(d);
    pdurep_ratings_free(fresh);
    pdurep_db_close(db);
}

/* The defect behind 20d1631: a Welsh region document pooled its PDUs by the Welsh name. */
static void test_region_pools_by_data_name_in_any_language(void **state)
{
    (void)state;
    pdurep_db *db = open_db();
    const char *langs[] = {"en", "cy"};
    unsigned long pooled[2];
    for (int l = 0; l < 2; l++) {
        pdurep_document *d = NULL;
        assert_int_equal(pdurep_document_prepare(db, "wales-2025", langs[l],
                                                 PDUREP_DOCUMENT_REGION_PDUS, &d, NULL),
                         PDUREP_OK);
        assert_non_null(d->pdus);
        assert_int_equal(d->pdus->n_pdus, 6);
        unsigned long sum = 0;
        for (size_t i = 0; i < d->pdus->n_pdus; i++)
            sum += d->pdus->pdus[i]->n_cases;
        pooled[l] = d->pdus->pooled->n_cases;
        assert_int_equal(pooled[l], sum);
        assert_int_equal(pooled[l], d->computed->n_cases);
        pdurep_document_free(d);
    }
    assert_int_equal(pooled[0], pooled[1]);
    assert_true(pooled[0] > 0);
    pdurep_db_close(db);
}

static void test_copy_shares_nothing(void **state)
{
    (void)state;
    pdurep_db *db = open_db();
    pdurep_ratings *r = NULL;
    assert_int_equal(pdurep_ratings_compute(db, "north-wales-2025", &r, NULL), PDUREP_OK);
    pdurep_ratings *c = pdurep_ratings_copy(r);
    pdurep_ratings *again = NULL;
    assert_int_equal(pdurep_ratings_compute(db, "north-wales-2025", &again, NULL), PDUREP_OK);
    pdurep_ratings_free(r); /* the copy must outlive it (ASan: no use after free) */
    assert_same_figures(c, again);
    assert_string_equal(c->inspection->name, again->inspection->name);
    for (size_t i = 0; i < c->framework->n_standards; i++) {
        assert_ptr_equal(c->standards[i].standard, &c->framework->standards[i]);
        assert_string_equal(c->standards[i].rationale, again->standards[i].rationale);
        if (c->standards[i].band)
            assert_string_equal(c->standards[i].band->name, again->standards[i].band->name);
    }
    for (size_t i = 0; i < c->framework->n_attributes; i++)
        assert_ptr_equal(c->breakdowns[i].attribute, &c->framework->attributes[i]);
    pdurep_ratings_free(c);
    pdurep_ratings_free(again);
    pdurep_db_close(db);
}

/* Writers shade every question and pick the reference group from the calculator alone. */
static void test_bands_and_reference_from_the_calculator(void **state)
{
    (void)state;
    pdurep_db *db = open_db();
    pdurep_ratings *r = NULL;
    assert_int_equal(pdurep_ratings_compute(db, "north-wales-2025", &r, NULL), PDUREP_OK);
    const pdurep_framework *fw = r->framework;
    size_t banded = 0;
    for (size_t q = 0; q < fw->n_questions; q++) {
        if (!pdurep_tally_relevant(r->questions[q])) {
            assert_null(r->bands[q]);
            continue;
        }
        assert_ptr_equal(r->bands[q],
                         pdurep_framework_band(fw, pdurep_tally_percent(r->questions[q])));
        banded++;
    }
    assert_true(banded > fw->n_standards); /* not only the drivers */
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_breakdown *b = &r->breakdowns[a];
        assert_true(b->reference >= 0);
        for (size_t v = 0; v < fw->attributes[a].n_values; v++)
            assert_true(b->cases[v] < b->cases[b->reference] ||
                        (b->cases[v] == b->cases[b->reference] && (long)v >= b->reference));
    }
    pdurep_ratings *c = pdurep_ratings_copy(r);
    for (size_t q = 0; q < fw->n_questions; q++)
        if (r->bands[q])
            assert_string_equal(c->bands[q]->name, r->bands[q]->name);
    pdurep_ratings_free(c);
    pdurep_ratings_free(r);
    pdurep_db_close(db);
}

static void test_bad_language_refused(void **state)
{
    (void)state;
    pdurep_db *db = open_db();
    pdurep_document *d = (pdurep_document *)1;
    pdurep_diag *diag = pdurep_diag_new(0);
    assert_int_equal(pdurep_document_prepare(db, "north-wales-2025", "../x", 0, &d, diag),
                     PDUREP_ERROR_USAGE);
    assert_null(d);
    assert_int_equal(pdurep_document_prepare(db, "no-such-inspection", "cy", 0, &d, diag),
                     PDUREP_ERROR_NO_INPUT);
    assert_null(d);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_welsh_words_over_computed_figures),
        cmocka_unit_test(test_region_pools_by_data_name_in_any_language),
        cmocka_unit_test(test_copy_shares_nothing),
        cmocka_unit_test(test_bands_and_reference_from_the_calculator),
        cmocka_unit_test(test_bad_language_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
