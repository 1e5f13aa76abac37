/*
 * Unit tests of the strings module's language support: English fallback per
 * key, the list of missing keys, NFC at load, band terms and the date
 * formatter; and of the narrative's per-language helpers.
 */
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

#include "pdurep/diag.h"
#include "pdurep/narrative.h"
#include "pdurep/strings.h"

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/strings/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/pdurep-strings-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    char sub[96];
    snprintf(sub, sizeof sub, "%s/strings", dir);
    mkdir(sub, 0700);
    write_file("en.yaml", "rating:\n  good: Good\n  inadequate: Inadequate\n"
                          "band-name:\n  too-few: Too few\n"
                          "page: \"Page {page} of {pages}\"\nonly-en: English only\n"
                          "emptied: Was here\n");
    /* "w" + U+0302 COMBINING CIRCUMFLEX: must come back as one "ŵ" (U+0175). */
    write_file("cy.yaml", "rating:\n  good: Da\n  inadequate: Annigonol\n"
                          "band-name:\n  too-few: Rhy ychydig\n"
                          "page: \"Tudalen {page} o {pages}\"\nemptied: \"\"\n"
                          "letter: \"grw\xCC\x82p\"\nextra: Dim ond yn Gymraeg\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_fallback(void **state)
{
    (void)state;
    pdurep_strings *s = NULL;
    assert_int_equal(pdurep_strings_load_lang(dir, "", "cy", &s, NULL), PDUREP_OK);
    assert_string_equal(pdurep_strings_get(s, "rating.good"), "Da");
    assert_string_equal(pdurep_strings_get(s, "page"), "Tudalen {page} o {pages}");
    /* Missing and empty keys give the English text; unknown keys nothing. */
    assert_string_equal(pdurep_strings_get(s, "only-en"), "English only");
    assert_string_equal(pdurep_strings_get(s, "emptied"), "Was here");
    assert_null(pdurep_strings_get(s, "nowhere"));
    assert_null(pdurep_strings_get_own(s, "only-en"));
    assert_string_equal(pdurep_strings_get_own(s, "emptied"), "");
    assert_non_null(pdurep_strings_fallback(s));
    assert_non_null(strstr(pdurep_strings_file(s), "/strings/cy.yaml"));

    size_t n = 0;
    const char **missing = pdurep_strings_missing(s, pdurep_strings_fallback(s), &n);
    assert_int_equal(n, 2);
    assert_string_equal(missing[0], "emptied");
    assert_string_equal(missing[1], "only-en");
    free(missing);
    pdurep_strings_free(s);

    /* English has nothing to fall back to. */
    assert_int_equal(pdurep_strings_load_lang(dir, "", NULL, &s, NULL), PDUREP_OK);
    assert_null(pdurep_strings_fallback(s));
    assert_string_equal(pdurep_strings_get(s, "rating.good"), "Good");
    pdurep_strings_free(s);
}

static void test_nfc_and_terms(void **state)
{
    (void)state;
    pdurep_strings *s = NULL;
    assert_int_equal(pdurep_strings_load_lang(dir, "", "cy", &s, NULL), PDUREP_OK);
    assert_string_equal(pdurep_strings_get(s, "letter"), "gr\xC5\xB5p");
    assert_string_equal(pdurep_strings_term(s, "band-name.", "Too few", '-'), "Rhy ychydig");
    assert_string_equal(pdurep_strings_term(s, "band-name.", "  TOO   few ", '-'), "Rhy ychydig");
    /* A term without a key prints as the framework names it. */
    assert_string_equal(pdurep_strings_term(s, "band-name.", "Large majority", '-'),
                        "Large majority");
    pdurep_strings_free(s);
}

static void test_bad_lang(void **state)
{
    (void)state;
    pdurep_strings *s = NULL;
    assert_int_equal(pdurep_strings_load_lang(dir, "", "../en", &s, NULL), PDUREP_ERROR_USAGE);
    assert_int_equal(pdurep_strings_load_lang(dir, "", "fr", &s, NULL), PDUREP_ERROR_NO_INPUT);
    assert_null(s);
    assert_true(pdurep_strings_valid_lang("cy"));
    assert_true(pdurep_strings_valid_lang("pt-BR"));
    assert_false(pdurep_strings_valid_lang(""));
    assert_false(pdurep_strings_valid_lang("c/y"));
    assert_false(pdurep_strings_valid_lang("cy.yaml"));
}

static void test_dates(void **state)
{
    (void)state;
    static const char *const cy[12] = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai",
                                       "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                                       "Tachwedd", "Rhagfyr"};
    char *d = pdurep_format_date("2025-09-01", cy, NULL);
    assert_string_equal(d, "1 Medi 2025");
    free(d);
    d = pdurep_format_date("2026-01-21", cy, "{day} {month} {year}");
    assert_string_equal(d, "21 Ionawr 2026");
    free(d);
    d = pdurep_format_date("2025-12-05", cy, "{month} {day}, {year}");
    assert_string_equal(d, "Rhagfyr 5, 2025");
    free(d);
    /* Not a date: printed as given. */
    d = pdurep_format_date("soon", cy, NULL);
    assert_string_equal(d, "soon");
    free(d);
    d = pdurep_format_date("2025-13-01", cy, NULL);
    assert_string_equal(d, "2025-13-01");
    free(d);
}

static pdurep_narrative *narrative(const char *const *keys, const char *const *bodies, size_t n)
{
    pdurep_narrative *nv = calloc(1, sizeof *nv);
    nv->sections = calloc(n, sizeof *nv->sections);
    for (size_t i = 0; i < n; i++)
        nv->sections[i] = (pdurep_narrative_section){strdup(keys[i]), strdup(bodies[i]), i + 1};
    nv->n_sections = n;
    return nv;
}

static void test_narrative_gaps(void **state)
{
    (void)state;
    const char *ek[] = {"foreword", "background", "P2.1 findings", "comparison"};
    const char *eb[] = {"Foreword.", "Background.", "Findings.", ""};
    const char *ck[] = {"foreword", "background", "name"};
    const char *cb[] = {"Rhagair.", "", "Gogledd Cymru"};
    pdurep_narrative *en = narrative(ek, eb, 4), *cy = narrative(ck, cb, 3);
    size_t n = 0;
    const char **missing = NULL;
    assert_int_equal(pdurep_narrative_missing(cy, en, &missing, &n), PDUREP_OK);
    /* An empty Welsh section is missing; an empty English one is not asked for. */
    assert_int_equal(n, 2);
    assert_string_equal(missing[0], "background");
    assert_string_equal(missing[1], "P2.1 findings");
    free(missing);
    assert_int_equal(pdurep_narrative_fill_gaps(cy, en), PDUREP_OK);
    assert_string_equal(pdurep_narrative_get(cy, "foreword")->body, "Rhagair.");
    assert_string_equal(pdurep_narrative_get(cy, "background")->body, "Background.");
    assert_string_equal(pdurep_narrative_get(cy, "P2.1 findings")->body, "Findings.");
    assert_string_equal(pdurep_narrative_get(cy, "name")->body, "Gogledd Cymru");
    assert_int_equal(pdurep_narrative_missing(cy, en, &missing, &n), PDUREP_OK);
    assert_null(missing);
    assert_int_equal(n, 0);
    pdurep_narrative_free(en);
    pdurep_narrative_free(cy);
}

/* Load strings/NAME (written from TEXT); the status, and the first message in *msg. */
static pdurep_error load_text(const char *name, const char *text, char *msg, size_t cap)
{
    write_file(name, text);
    char path[128];
    snprintf(path, sizeof path, "%s/strings/%s", dir, name);
    pdurep_diag *d = pdurep_diag_new(16);
    pdurep_strings *s = NULL;
    pdurep_error err = pdurep_strings_load(path, &s, d);
    snprintf(msg, cap, "%s", pdurep_diag_count(d) ? pdurep_diag_message(d, 0) : "");
    if (!err) {
        assert_non_null(s);
        assert_int_equal(pdurep_diag_count(d), 0);
    } else {
        assert_null(s);
    }
    pdurep_strings_free(s);
    pdurep_diag_free(d);
    return err;
}

/* One key per rating word in every strings file: the other spelling is reported, with its place. */
static void test_rating_key(void **state)
{
    (void)state;
    char msg[512];
    assert_string_equal(pdurep_strings_rating_key(PDUREP_RATING_REQUIRES_IMPROVEMENT),
                        "rating.requires-improvement");
    assert_string_equal(pdurep_strings_rating_key(PDUREP_RATING_NONE), "");
    assert_int_equal(load_text("ri.yaml", "rating:\n  good: Da\n  requires_improvement: Angen "
                                          "gwella\n", msg, sizeof msg), PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "/strings/ri.yaml:3:3: "));
    assert_non_null(strstr(msg, "the key is rating.requires-improvement, not "
                                "rating.requires_improvement"));
    /* Under a prefix (a region's own wording) too. */
    assert_int_equal(load_text("ri.yaml", "region:\n  rating: {requires_improvement: x}\n", msg,
                               sizeof msg), PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "the key is region.rating.requires-improvement, not"));
    /* The right spelling loads, and the helper finds the word. */
    assert_int_equal(load_text("ri.yaml", "rating:\n  requires-improvement: Angen gwella\n",
                               msg, sizeof msg), PDUREP_OK);
    char path[128];
    snprintf(path, sizeof path, "%s/strings/ri.yaml", dir);
    pdurep_strings *s = NULL;
    assert_int_equal(pdurep_strings_load(path, &s, NULL), PDUREP_OK);
    assert_string_equal(pdurep_strings_rating(s, PDUREP_RATING_REQUIRES_IMPROVEMENT),
                        "Angen gwella");
    assert_string_equal(pdurep_strings_rating(s, PDUREP_RATING_GOOD), "");
    assert_string_equal(pdurep_strings_rating(s, PDUREP_RATING_NONE), "");
    pdurep_strings_free(s);
    /* Other keys with '_' are not rating words and are left alone. */
    assert_int_equal(load_text("ri.yaml", "rating_note: x\nratings:\n  requires_improvement: y\n",
                               msg, sizeof msg), PDUREP_OK);
}

/* Strings files are read by the one YAML reader: its limits and messages apply. */
static void test_yaml_reader(void **state)
{
    (void)state;
    char msg[512];
    assert_int_equal(load_text("y.yaml", "", msg, sizeof msg), PDUREP_OK); /* not begun yet */
    assert_int_equal(load_text("y.yaml", "a: &x hello\nb: *x\n", msg, sizeof msg),
                     PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "y.yaml:2:4: aliases (*name) are not allowed"));
    char deep[400] = "";
    for (int i = 0; i < 70; i++)
        strcat(deep, "{a: ");
    strcat(deep, "x");
    for (int i = 0; i < 70; i++)
        strcat(deep, "}");
    assert_int_equal(load_text("y.yaml", deep, msg, sizeof msg), PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "nested more than 64 levels deep"));
    assert_int_equal(load_text("y.yaml", "- a\n- b\n", msg, sizeof msg), PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "y.yaml:1:1: a strings file must be a mapping"));
    assert_int_equal(load_text("y.yaml", "a:\n  - x\n", msg, sizeof msg), PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "y.yaml:2:3: only mappings of text are allowed here"));
    assert_int_equal(load_text("y.yaml", "a: {b: 1}\na.b: 2\n", msg, sizeof msg),
                     PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "y.yaml:2:1: duplicate key 'a.b'"));
    assert_int_equal(load_text("y.yaml", "a: \"\xC3\x28\"\n", msg, sizeof msg),
                     PDUREP_ERROR_DATA);
    assert_non_null(strstr(msg, "y.yaml:1:"));
    assert_non_null(strstr(msg, "UTF-8"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_nfc_and_terms),
        cmocka_unit_test(test_bad_lang),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_narrative_gaps),
        cmocka_unit_test(test_rating_key),
        cmocka_unit_test(test_yaml_reader),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
