/*
 * Unit tests of the annexe writer that need no database: suppression, the
 * strings loader, and whole workbooks written from figures built by hand.
 */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <zip.h>

#include "pdurep/annexe.h"
#include "pdurep/inspection.h"
#include "pdurep/strings.h"
#include "xlsx/alloc.h"
#include "xlsx/annexe_internal.h"

static char tmpdir[256];

/* ---- a tiny framework and its figures ---- */

typedef struct fixture {
    pdurep_framework fw;
    pdurep_inspection insp;
    pdurep_ratings r;
    pdurep_standard std[2];
    pdurep_question q[5];
    pdurep_band bands[4];
    pdurep_overall_band overall[4];
    pdurep_attribute attr[2];
    size_t kq[3];
    char *a0_values[2], *a0_labels[2], *a1_values[3], *a1_labels[3];
    pdurep_tally tallies[5];
    const pdurep_band *qbands[5];
    pdurep_standard_result res[2];
    pdurep_breakdown bd[2];
    unsigned long cases0[2], cases1[3];
    pdurep_tally t0[2 * 5], t1[3 * 5];
} fixture;

static void build(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->std[0] = (pdurep_standard){"P1.1", "Leadership", "Leaders lead.", 1, "Organisation",
                                  PDUREP_RATED_BY_JUDGEMENT, NULL, 0};
    f->kq[0] = 0, f->kq[1] = 1, f->kq[2] = 3;
    f->std[1] = (pdurep_standard){"P2.1", "Assessment", "Assess well.", 2, "Service delivery",
                                  PDUREP_RATED_BY_CASES, f->kq, 3};
    f->q[0] = (pdurep_question){.code = "2.1.1", .text = "Engaging?", .paraphrased = 0, .standard = 1, .parent = -1};
    f->q[1] = (pdurep_question){.code = "2.1.2", .text = "Desistance?", .paraphrased = 0, .standard = 1, .parent = -1};
    f->q[2] = (pdurep_question){.code = "2.1.2a", .text = "Factors identified", .paraphrased = 1, .standard = 1, .parent = 1};
    f->q[3] = (pdurep_question){.code = "2.1.3", .text = "Safety?", .paraphrased = 0, .standard = 1, .parent = -1};
    f->q[4] = (pdurep_question){.code = "2.1.3a", .text = "Risk analysed", .paraphrased = 0, .standard = 1, .parent = 3};
    f->bands[0] = (pdurep_band){80, "Large majority", PDUREP_RATING_OUTSTANDING};
    f->bands[1] = (pdurep_band){65, "Reasonable majority", PDUREP_RATING_GOOD};
    f->bands[2] = (pdurep_band){50, "Too few", PDUREP_RATING_REQUIRES_IMPROVEMENT};
    f->bands[3] = (pdurep_band){0, "Minority", PDUREP_RATING_INADEQUATE};
    f->overall[0] = (pdurep_overall_band){0, 1, PDUREP_RATING_INADEQUATE};
    f->overall[1] = (pdurep_overall_band){2, 3, PDUREP_RATING_REQUIRES_IMPROVEMENT};
    f->overall[2] = (pdurep_overall_band){4, 5, PDUREP_RATING_GOOD};
    f->overall[3] = (pdurep_overall_band){6, 6, PDUREP_RATING_OUTSTANDING};
    f->a0_values[0] = "community", f->a0_values[1] = "licence";
    f->a0_labels[0] = "Community order", f->a0_labels[1] = "Release on licence";
    f->a1_values[0] = "male", f->a1_values[1] = "female", f->a1_values[2] = "other";
    f->a1_labels[0] = "Male", f->a1_labels[1] = "Female", f->a1_labels[2] = "Other";
    f->attr[0] = (pdurep_attribute){"sentence_type", "Sentence type", f->a0_values, f->a0_labels, 2};
    f->attr[1] = (pdurep_attribute){"gender", "Gender", f->a1_values, f->a1_labels, 3};
    f->fw = (pdurep_framework){"test-fw", "Test framework", "pdu", 0, 0, f->std, 2, f->q, 5,
                               f->bands, 4, {0, 1, 2, 3}, f->overall, 4, f->attr, 2};
    f->insp = (pdurep_inspection){"test-pdu", "pdu", "Test & Vale", "Testshire",
                                  "test-fw", "2025-09-01", "", "A. Inspector", "Test Inspectorate",
                                  -1, 40, "", ""};

    /* 40 cases: 30 community + 10 licence; 33 male, 5 female, 2 other. */
    f->cases0[0] = 30, f->cases0[1] = 10;
    f->cases1[0] = 33, f->cases1[1] = 5, f->cases1[2] = 2;
    for (size_t q = 0; q < 5; q++) {
        f->t0[0 * 5 + q] = (pdurep_tally){20, 8, 2};
        f->t0[1 * 5 + q] = (pdurep_tally){5, 4, 1};
        f->t1[0 * 5 + q] = (pdurep_tally){21, 9, 3};
        f->t1[1 * 5 + q] = (pdurep_tally){3, 2, 0};
        f->t1[2 * 5 + q] = (pdurep_tally){1, 1, 0};
        f->tallies[q] = (pdurep_tally){25, 12, 3};
        f->qbands[q] = &f->bands[1]; /* 25 of 37: 67.6% */
    }
    f->res[0] = (pdurep_standard_result){&f->std[0], PDUREP_RATING_GOOD, PDUREP_RATING_NONE, 2, 0,
                                         "Strong leadership.", -1, NULL};
    f->res[1] = (pdurep_standard_result){&f->std[1], PDUREP_RATING_GOOD, PDUREP_RATING_GOOD, 2, 0,
                                         "", 0, &f->bands[1]};
    f->bd[0] = (pdurep_breakdown){&f->attr[0], f->cases0, f->t0, 0};
    f->bd[1] = (pdurep_breakdown){&f->attr[1], f->cases1, f->t1, 0};
    f->r = (pdurep_ratings){.inspection = &f->insp, .framework = &f->fw, .n_cases = 40,
                            .questions = f->tallies, .bands = f->qbands, .standards = f->res, .breakdowns = f->bd,
                            .score = 4, .max_score = 6, .overall = PDUREP_RATING_GOOD};
}

static void opts_for_test(pdurep_annexe_options *o)
{
    pdurep_annexe_options_init(o);
    o->created = 1700000000;
    o->strings_path = SOURCE_ROOT "/layouts/strings/annexe-en.yaml";
}

static char *path_in_tmp(const char *name)
{
    static char buf[4][512];
    static int i;
    char *p = buf[i++ % 4];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    return p;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int same_bytes(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb;
    while (same) {
        int ca = fgetc(fa), cb = fgetc(fb);
        if (ca != cb)
            same = 0;
        if (ca == EOF || cb == EOF)
            break;
    }
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

/* ---- pdurep's own allocations, failed one at a time ----
 * The link wraps malloc, calloc, realloc, strdup and strndup (tests/annexe/meson.build),
 * which reroutes the calls made by the objects linked in statically, the internal library
 * among them, and not those made inside shared libraries (libxlsxwriter, libyaml): so what
 * is counted here is what pdurep's own code asks for, or what its counter hands on for
 * libxlsxwriter (src/xlsx/alloc.c). */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

static int own_counting;
static long own_calls, own_fail_at;

static int own_fails(void)
{
    if (!own_counting || ++own_calls != own_fail_at)
        return 0;
    errno = ENOMEM;
    return 1;
}

void *__wrap_malloc(size_t n) { return own_fails() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return own_fails() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return own_fails() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return own_fails() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return own_fails() ? NULL : __real_strndup(s, n); }

/* ---- suppression ---- */

static void test_suppress_none(void **state)
{
    (void)state;
    unsigned long c[3] = {10, 20, 30};
    unsigned char m[3] = {0};
    assert_int_equal(pdurep_suppress_row(c, 3, 5, m), 0);
    assert_int_equal(pdurep_suppress_row(c, 3, 0, m), 0);
}

static void test_suppress_secondary(void **state)
{
    (void)state;
    unsigned long c[4] = {40, 3, 12, 9};
    unsigned char m[4] = {0};
    /* 3 is small; the next smallest (9) goes with it, so the total cannot give 3 back. */
    assert_int_equal(pdurep_suppress_row(c, 4, 5, m), 2);
    assert_int_equal(m[0], 0);
    assert_int_equal(m[1], 1);
    assert_int_equal(m[2], 0);
    assert_int_equal(m[3], 1);
}

static void test_suppress_zeros(void **state)
{
    (void)state;
    /* The 12 women: groups with no cases disclose nothing, so nothing is hidden at all. */
    unsigned long c[4] = {65, 12, 0, 0};
    unsigned char m[4] = {0};
    assert_int_equal(pdurep_suppress_row(c, 4, 5, m), 0);
    assert_int_equal(m[0] + m[1] + m[2] + m[3], 0);
}

static void test_suppress_zero_never_complement(void **state)
{
    (void)state;
    /* 3 is small; the empty groups cannot protect it (the sample shows them empty), so the
     * complement is the smallest group with cases, and the zeros stay visible. */
    unsigned long c[5] = {60, 3, 0, 25, 0};
    unsigned char m[5] = {0};
    assert_int_equal(pdurep_suppress_row(c, 5, 5, m), 2);
    assert_int_equal(m[1], 1);
    assert_int_equal(m[3], 1);
    assert_int_equal(m[0] + m[2] + m[4], 0);
}

static void test_suppress_all_small_but_one(void **state)
{
    (void)state;
    /* Two small groups together still under 5: the next smallest group with cases goes too. */
    unsigned long c[4] = {2, 1, 0, 40};
    unsigned char m[4] = {0};
    assert_int_equal(pdurep_suppress_row(c, 4, 5, m), 3);
    assert_int_equal(m[2], 0);
}

static void test_suppress_forced(void **state)
{
    (void)state;
    unsigned long c[3] = {50, 30, 20};
    unsigned char m[3] = {0, 0, 1};
    assert_int_equal(pdurep_suppress_row(c, 3, 5, m), 2);
    assert_int_equal(m[1], 1);
}

/* ---- strings ---- */

static void test_strings_load(void **state)
{
    (void)state;
    pdurep_strings *s = NULL;
    assert_int_equal(pdurep_strings_load(SOURCE_ROOT "/layouts/strings/annexe-en.yaml", &s, NULL),
                     PDUREP_OK);
    assert_string_equal(pdurep_strings_get(s, "sheet.cover"), "Cover");
    assert_string_equal(pdurep_strings_get(s, "rating.requires-improvement"),
                        pdurep_rating_name(PDUREP_RATING_REQUIRES_IMPROVEMENT));
    assert_null(pdurep_strings_get(s, "sheet.nope"));
    pdurep_strings_free(s);

    const char *names[] = {"name", "North Wales", NULL};
    char *t = pdurep_strings_format("{name}: {unknown} {name}", names);
    assert_string_equal(t, "North Wales: {unknown} North Wales");
    free(t);
}

static void test_strings_errors(void **state)
{
    (void)state;
    pdurep_strings *s = NULL;
    pdurep_diag *d = pdurep_diag_new(10);
    assert_int_equal(pdurep_strings_load("/nonexistent/strings.yaml", &s, d), PDUREP_ERROR_NO_INPUT);
    char *p = path_in_tmp("bad.yaml");
    FILE *f = fopen(p, "w");
    fputs("sheet:\n  about: About\n  list: [a, b]\n", f);
    fclose(f);
    assert_int_equal(pdurep_strings_load(p, &s, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 1), ":3:"));
    f = fopen(p, "w");
    fputs("a: 1\na: 2\n", f);
    fclose(f);
    assert_int_equal(pdurep_strings_load(p, &s, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 2), "duplicate"));
    pdurep_diag_free(d);
}

/* ---- whole workbooks ---- */

static void test_write_full(void **state)
{
    (void)state;
    fixture *f = malloc(sizeof *f);
    build(f);
    pdurep_annexe_options o;
    opts_for_test(&o);
    char *a = path_in_tmp("full-a.xlsx"), *b = path_in_tmp("full-b.xlsx");
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, NULL, 0, a, &o, NULL), PDUREP_OK);
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, NULL, 0, b, &o, NULL), PDUREP_OK);
    assert_true(file_size(a) > 5000);
    assert_true(same_bytes(a, b));
    /* Constant-memory mode writes a valid workbook too (autofilters instead of tables). */
    o.memory = PDUREP_ANNEXE_MEMORY_CONSTANT;
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, NULL, 0, path_in_tmp("full-cm.xlsx"),
                                                 &o, NULL),
                     PDUREP_OK);
    free(f);
}

static void test_write_share(void **state)
{
    (void)state;
    fixture *f = malloc(sizeof *f);
    build(f);
    /* A comparator pooling this PDU and three others: every figure times four. */
    pdurep_annexe_comparator cmp = {0};
    pdurep_tally qs[5], bds[5 * 5];
    unsigned long cases[5];
    cmp.label = "Testshire region";
    cmp.n_inspections = 4;
    cmp.n_cases = 160;
    for (size_t q = 0; q < 5; q++)
        qs[q] = (pdurep_tally){f->tallies[q].yes * 4, f->tallies[q].no * 4, f->tallies[q].na * 4};
    for (size_t v = 0; v < 5; v++) {
        cases[v] = (v < 2 ? f->cases0[v] : f->cases1[v - 2]) * 4;
        for (size_t q = 0; q < 5; q++) {
            pdurep_tally t = v < 2 ? f->t0[v * 5 + q] : f->t1[(v - 2) * 5 + q];
            bds[v * 5 + q] = (pdurep_tally){t.yes * 4, t.no * 4, t.na * 4};
        }
    }
    cmp.questions = qs;
    cmp.breakdowns = bds;
    cmp.cases = cases;
    pdurep_annexe_comparator *list[2] = {&cmp, NULL};

    pdurep_annexe_options o;
    opts_for_test(&o);
    o.share = 1;
    char *p = path_in_tmp("share.xlsx");
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, list, 2, p, &o, NULL), PDUREP_OK);
    assert_true(file_size(p) > 5000);

    o.with_cases = 1;
    unlink(p);
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, list, 2, p, &o, NULL),
                     PDUREP_ERROR_USAGE);
    assert_int_equal(file_size(p), -1);
    free(f);
}

static void test_unwritable(void **state)
{
    (void)state;
    fixture *f = malloc(sizeof *f);
    build(f);
    pdurep_annexe_options o;
    opts_for_test(&o);
    pdurep_diag *d = pdurep_diag_new(10);
    char *p = path_in_tmp("missing-folder/out.xlsx");
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, NULL, 0, p, &o, d),
                     PDUREP_ERROR_CANT_CREATE);
    assert_int_equal(file_size(p), -1);
    assert_int_equal(pdurep_exit_status(PDUREP_ERROR_CANT_CREATE), 73);
    pdurep_diag_free(d);
    free(f);
}

static void test_missing_strings(void **state)
{
    (void)state;
    fixture *f = malloc(sizeof *f);
    build(f);
    pdurep_annexe_options o;
    opts_for_test(&o);
    char *sp = path_in_tmp("short.yaml");
    FILE *fp = fopen(sp, "w");
    fputs("sheet:\n  cover: Cover\n", fp);
    fclose(fp);
    o.strings_path = sp;
    pdurep_diag *d = pdurep_diag_new(10);
    char *p = path_in_tmp("nostrings.xlsx");
    assert_int_equal(pdurep_annexe_write_ratings(&f->r, NULL, NULL, 0, p, &o, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 0), "sheet.contents"));
    assert_int_equal(file_size(p), -1);
    pdurep_diag_free(d);
    free(f);
}

static void test_batch_writers(void **state)
{
    (void)state;
    setenv("PDUREP_DATA_DIR", SOURCE_ROOT, 1);
    pdurep_db *db = NULL;
    assert_int_equal(pdurep_db_open(path_in_tmp("batch.db"), 0, &db, NULL), PDUREP_OK);
    assert_int_equal(pdurep_import(db, SOURCE_ROOT "/fixtures/north-wales", 0, NULL, NULL), PDUREP_OK);
    int units = 0;
    char *p = path_in_tmp("batch.xlsx");
    assert_int_equal(pdurep_annexe_batch_write(db, "north-wales-2025", p, "en", &units, NULL), PDUREP_OK);
    /* Cover, contents, notes, ratings, score, key questions, prompts, breakdowns, sample,
     * two chart sheets, bands, points and overall bands. */
    assert_int_equal(units, 14);
    assert_true(file_size(p) > 20000);
    p = path_in_tmp("batch-share.xlsx");
    assert_int_equal(pdurep_annexe_batch_write_share(db, "north-wales-2025", p, "en", &units, NULL),
                     PDUREP_OK);
    /* No strings file for this language: nothing is written. */
    p = path_in_tmp("batch-xx.xlsx");
    assert_int_equal(pdurep_annexe_batch_write(db, "north-wales-2025", p, "xx", &units, NULL),
                     PDUREP_ERROR_NO_INPUT);
    assert_int_equal(file_size(p), -1);
    assert_int_equal(pdurep_annexe_batch_write(db, "north-wales-2025", p, "../en", &units, NULL),
                     PDUREP_ERROR_USAGE);
    pdurep_db_close(db);
}

/* A package of two parts, each with its content type, the workbook part holding @p workbook. */
static char *small_package(const char *name, const char *workbook)
{
    static const char types[] =
        "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"x\"/></Types>";
    char *p = path_in_tmp(name);
    int zerr = 0;
    zip_t *z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    assert_non_null(z);
    zip_source_t *a = zip_source_buffer(z, types, strlen(types), 0);
    zip_source_t *b = zip_source_buffer(z, workbook, strlen(workbook), 0);
    assert_true(zip_file_add(z, "[Content_Types].xml", a, 0) >= 0);
    assert_true(zip_file_add(z, "xl/workbook.xml", b, 0) >= 0);
    assert_int_equal(zip_close(z), 0);
    return p;
}

/* libxlsxwriter prints a defined name it failed to copy as "(null)" and reports
 * success (fault injection: the Bands sheet's print titles as "(null)!$6:$6"). */
static void test_package_null_name(void **state)
{
    (void)state;
    assert_int_equal(annexe_package_complete(small_package(
                         "good.xlsx", "<definedName>Bands!$6:$6</definedName>"), NULL, 0, 0), 1);
    assert_int_equal(annexe_package_complete(small_package(
                         "null.xlsx", "<definedName>(null)!$6:$6</definedName>"), NULL, 0, 0), 0);
}

/* A package of the given parts (name, text), each typed by an Override. */
static char *package_of(const char *name, const char *const parts[][2], size_t n)
{
    static char types[4096];
    strcpy(types, "<Types><Default Extension=\"rels\" ContentType=\"r\"/>");
    for (size_t i = 0; i < n; i++)
        snprintf(types + strlen(types), sizeof types - strlen(types),
                 "<Override PartName=\"/%s\" ContentType=\"x\"/>", parts[i][0]);
    strcat(types, "</Types>");
    char *p = path_in_tmp(name);
    int zerr = 0;
    zip_t *z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    assert_non_null(z);
    zip_source_t *t = zip_source_buffer(z, types, strlen(types), 0);
    assert_true(zip_file_add(z, "[Content_Types].xml", t, 0) >= 0);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *b = zip_source_buffer(z, parts[i][1], strlen(parts[i][1]), 0);
        assert_true(zip_file_add(z, parts[i][0], b, 0) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
    return p;
}

#define WB "<workbook><sheets><sheet name=\"Cover\" r:id=\"rId1\"/>" \
           "<sheet name=\"Q&amp;A\" r:id=\"rId2\"/></sheets></workbook>"
#define RELS "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>" \
             "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>"
#define SHEET_RELS "<Relationships><Relationship Id=\"rId1\" Target=\"../drawings/d1.xml\"/>" \
                   "<Relationship Id=\"rId2\" Target=\"https://example.org/\" " \
                   "TargetMode=\"External\"/></Relationships>"
#define APP(PAIRS, TITLES) "<Properties><HeadingPairs><vt:vector size=\"2\">" PAIRS \
                           "</vt:vector></HeadingPairs><TitlesOfParts><vt:vector>" TITLES \
                           "</vt:vector></TitlesOfParts></Properties>"
#define PAIR2 "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>" \
              "<vt:variant><vt:i4>2</vt:i4></vt:variant>"
#define TITLES2 "<vt:lpstr>Cover</vt:lpstr><vt:lpstr>Q&amp;A</vt:lpstr>"

/* What libxlsxwriter 1.1.4 drops silently when an allocation fails, besides content types:
 * a name from docProps/app.xml (the fault run: exit 0, app.c), a relationship's part, a sheet.
 * The package read back must hold every part it points at and every sheet given. */
static void test_package_parts_and_sheets(void **state)
{
    (void)state;
    const char *const sheets[] = {"Cover", "Q&A"};
    const char *const good[][2] = {
        {"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", RELS},
        {"xl/worksheets/sheet1.xml", "<worksheet/>"}, {"xl/worksheets/sheet2.xml", "<worksheet/>"},
        {"xl/worksheets/_rels/sheet1.xml.rels", SHEET_RELS}, {"xl/drawings/d1.xml", "<d/>"},
        {"docProps/app.xml", APP(PAIR2, TITLES2)}};
    size_t n = sizeof good / sizeof *good;
    assert_int_equal(annexe_package_complete(package_of("whole.xlsx", good, n), sheets, 2, 0), 1);

    /* A name missing from TitlesOfParts, its count still 2. */
    const char *const short_app[][2] = {{"xl/workbook.xml", WB},
                                        {"docProps/app.xml", APP(PAIR2, "<vt:lpstr>Cover</vt:lpstr>")}};
    assert_int_equal(annexe_package_complete(package_of("app.xlsx", short_app, 2), sheets, 2, 0), 0);

    /* A relationship whose part is not there (the drawing): n - 2 drops xl/drawings/d1.xml. */
    const char *const no_part[][2] = {
        {"xl/workbook.xml", WB}, {"xl/_rels/workbook.xml.rels", RELS},
        {"xl/worksheets/sheet1.xml", "<worksheet/>"}, {"xl/worksheets/sheet2.xml", "<worksheet/>"},
        {"xl/worksheets/_rels/sheet1.xml.rels", SHEET_RELS}};
    assert_int_equal(annexe_package_complete(package_of("rels.xlsx", no_part, 5), sheets, 2, 0), 0);

    /* A sheet the workbook was given that the workbook part does not list. */
    const char *const three[] = {"Cover", "Q&A", "Bands"};
    assert_int_equal(annexe_package_complete(package_of("sheets.xlsx", good, n), three, 3, 0), 0);
    const char *const renamed[] = {"Cover", "Q and A"};
    assert_int_equal(annexe_package_complete(package_of("names.xlsx", good, n), renamed, 2, 0), 0);
}

#define STYLES "<styleSheet><cellXfs count=\"2\"><xf/><xf/></cellXfs><dxfs count=\"1\"/></styleSheet>"
#define STYLED_SHEET(COL, ROW, CELL, DXF) \
    "<worksheet><cols><col min=\"1\" style=\"" COL "\"/></cols><sheetData>" \
    "<row r=\"1\" s=\"" ROW "\" customFormat=\"1\"><c r=\"A1\" s=\"" CELL "\"><v>1</v></c>" \
    "<c r=\"B1\" t=\"inlineStr\"><is><t> s=\"9\" style=\"9\"</t></is></c></row></sheetData>" \
    "<conditionalFormatting><cfRule dxfId=\"" DXF "\"/></conditionalFormatting></worksheet>"

/* libxlsxwriter enters a format in its table of used formats with a hash insertion whose
 * failure it ignores: the cells then name a style styles.xml lacks. Each kind of reference is
 * broken one way at a time; text that looks like an attribute is not read as one. */
static void test_package_styles(void **state)
{
    (void)state;
    const char *const good[][2] = {{"xl/styles.xml", STYLES},
                                   {"xl/worksheets/sheet1.xml", STYLED_SHEET("1", "1", "1", "0")}};
    assert_int_equal(
        annexe_package_complete(package_of("styled.xlsx", good, 2), NULL, 0, ANNEXE_CHECK_STYLES),
        1);
    const char *const broken[][2] = {{"xl/worksheets/sheet1.xml", STYLED_SHEET("2", "1", "1", "0")},
                                     {"xl/worksheets/sheet1.xml", STYLED_SHEET("1", "2", "1", "0")},
                                     {"xl/worksheets/sheet1.xml", STYLED_SHEET("1", "1", "2", "0")},
                                     {"xl/worksheets/sheet1.xml", STYLED_SHEET("1", "1", "1", "1")}};
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
        const char *const parts[][2] = {{"xl/styles.xml", STYLES}, {broken[i][0], broken[i][1]}};
        assert_int_equal(annexe_package_complete(package_of("unstyled.xlsx", parts, 2), NULL, 0,
                                                 ANNEXE_CHECK_STYLES), 0);
    }

}

/* A workbook with one chart, made by libxlsxwriter: labels with markup and Welsh letters
 * on a sheet whose name needs quotes, numbers that print differently in a cell, and a
 * shorthand in place of a number (cached as 0). */
static char *chart_workbook(void)
{
    char *p = path_in_tmp("chart.xlsx");
    lxw_workbook *wb = workbook_new(p);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Data sheet");
    const char *labels[] = {"Alpha & <co>", "B\xc3\xaata \xc5\xb5", "Gamma", "Delta"};
    const double values[] = {0.1, 1.0 / 3, 0.75};
    worksheet_write_string(ws, 0, 1, "Share", NULL);
    for (int i = 0; i < 3; i++) {
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, labels[i], NULL);
        worksheet_write_number(ws, (lxw_row_t)(i + 1), 1, values[i], NULL);
    }
    worksheet_write_string(ws, 4, 0, labels[3], NULL);
    worksheet_write_string(ws, 4, 1, "[z]", NULL);
    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_BAR);
    lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(se, "Data sheet", 1, 0, 4, 0);
    chart_series_set_values(se, "Data sheet", 1, 1, 4, 1);
    chart_series_set_name_range(se, "Data sheet", 0, 1);
    worksheet_insert_chart(ws, 0, 3, chart);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    return p;
}

/* A copy of @p from named @p name, its chart part edited: @p find replaced by @p with. */
static char *chart_edited(const char *from, const char *name, const char *find, const char *with)
{
    char *p = path_in_tmp(name);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, p);
    assert_int_equal(system(cmd), 0);
    int zerr = 0;
    zip_t *z = zip_open(p, 0, &zerr);
    assert_non_null(z);
    zip_stat_t st;
    assert_int_equal(zip_stat(z, "xl/charts/chart1.xml", 0, &st), 0);
    char *xml = calloc(1, st.size + 1);
    zip_file_t *f = zip_fopen(z, "xl/charts/chart1.xml", 0);
    assert_int_equal(zip_fread(f, xml, st.size), (zip_int64_t)st.size);
    zip_fclose(f);
    char *at = strstr(xml, find);
    assert_non_null(at);
    static char edited[65536];
    snprintf(edited, sizeof edited, "%.*s%s%s", (int)(at - xml), xml, with, at + strlen(find));
    free(xml);
    zip_source_t *src = zip_source_buffer(z, edited, strlen(edited), 0);
    assert_true(zip_file_replace(z, zip_name_locate(z, "xl/charts/chart1.xml", 0), src, 0) == 0);
    assert_int_equal(zip_close(z), 0);
    return p;
}

/* libxlsxwriter fills a chart's cached values while it closes the workbook and, when an
 * allocation fails there, writes 0 for a label or leaves the cache out (the fault run: exit 0,
 * a chart labelled "0"). Each cached value must be the one its cell holds; broken one way at
 * a time, the package is refused. */
static void test_package_chart_caches(void **state)
{
    (void)state;
    char good[512], edited[512]; /* path_in_tmp() reuses its buffers */
    snprintf(good, sizeof good, "%s", chart_workbook());
    assert_int_equal(annexe_package_complete(good, NULL, 0, ANNEXE_CHECK_CHART_CACHES), 1);
    static const char *const broken[][2] = {
        {"<c:v>Gamma</c:v>", "<c:v>0</c:v>"},             /* a label lost to a failed copy */
        {"<c:v>0.75</c:v>", "<c:v>0.7</c:v>"},            /* another number */
        {"<c:v>Share</c:v>", "<c:v>Shar</c:v>"},          /* the series name */
        {"<c:v>Alpha &amp; &lt;co&gt;</c:v>", "<c:v>Alpha</c:v>"},
        {"<c:pt idx=\"2\"><c:v>Gamma</c:v></c:pt>", ""}, /* a point left out */
        {"<c:pt idx=\"2\">", "<c:pt idx=\"9\">"},        /* a point past the range */
        {"<c:pt idx=\"3\"><c:v>0</c:v>", "<c:pt idx=\"3\"><c:v>1</c:v>"}, /* [z] as 1 */
        {"$B$5</c:f>", "$B$4</c:f>"},                    /* four values for three cells */
        {"Data sheet", "Other sheet"},                   /* a sheet the workbook lacks */
    };
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
        char *bad = chart_edited(good, "broken-chart.xlsx", broken[i][0], broken[i][1]);
        if (annexe_package_complete(bad, NULL, 0, ANNEXE_CHECK_CHART_CACHES))
            fail_msg("chart edited from %s to %s was taken as whole", broken[i][0], broken[i][1]);
    }
    /* The values left out altogether: refused when the check is asked for (not for a workbook
     * written in constant memory, where no chart has them). */
    snprintf(edited, sizeof edited, "%s",
             chart_edited(good, "no-cache.xlsx", "<c:numCache>", "<c:numCacheX>"));
    char *no_cache = chart_edited(edited, "no-cache2.xlsx", "</c:numCache>", "</c:numCacheX>");
    assert_int_equal(annexe_package_complete(no_cache, NULL, 0, ANNEXE_CHECK_CHART_CACHES), 0);
    assert_int_equal(annexe_package_complete(no_cache, NULL, 0, 0), 1);
}

/* On the machines Debian builds pdurep for most (x86-64, arm64), libxlsxwriter's allocations
 * are counted; elsewhere the package check reads styles and chart caches instead. The fault
 * run (tests/fault, "while closing") shows a failure is then refused. */
static void test_alloc_watch(void **state)
{
    (void)state;
#if defined(__x86_64__) || defined(__aarch64__)
    assert_int_equal(annexe_alloc_watch(), 0);
    assert_int_equal(annexe_alloc_watch(), 0); /* once for the process; asking again is free */
    /* What libxlsxwriter allocates through the counters still works as before. */
    lxw_workbook *wb = workbook_new(path_in_tmp("watched.xlsx"));
    assert_non_null(wb);
    assert_non_null(workbook_add_worksheet(wb, "Sheet"));
    unsigned long before = annexe_alloc_failures();
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    assert_int_equal(annexe_alloc_failures(), before);
#else
    skip();
#endif
}

/* Entries in @p dir, "." and ".." aside. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

/*
 * Each allocation the writer's own code makes, failed alone, in turn: the workbook is
 * refused with PDUREP_ERROR_NO_MEMORY and nothing is left in its folder, or it is written
 * exactly as without the failure. Every point, not a sample: a title, a column heading,
 * a chart's alternative text or a cover date once went missing with PDUREP_OK when one
 * text of ours could not be made. Both the full annexe and a sharing workbook with a
 * comparator (its label is made too).
 */
static void own_failures_refused(int share)
{
    fixture *f = malloc(sizeof *f);
    build(f);
    pdurep_tally qs[5], bds[5 * 5];
    unsigned long cases[5] = {120, 40, 132, 20, 8};
    for (size_t i = 0; i < 5; i++)
        qs[i] = (pdurep_tally){100, 48, 12};
    for (size_t i = 0; i < 25; i++)
        bds[i] = (pdurep_tally){20, 8, 2};
    pdurep_annexe_comparator cmp = {.label = "Testshire region", .n_inspections = 4, .n_cases = 160,
                                    .questions = qs, .breakdowns = bds, .cases = cases};
    pdurep_annexe_comparator *list[2] = {&cmp, NULL};
    pdurep_annexe_options o;
    opts_for_test(&o);
    o.share = share;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/own-%d", tmpdir, share);
    assert_int_equal(mkdir(dir, 0700), 0);
    char good[600], out[600];
    snprintf(good, sizeof good, "%s.xlsx", dir);
    snprintf(out, sizeof out, "%s/out.xlsx", dir);

    own_calls = 0, own_fail_at = 0, own_counting = 1;
    pdurep_error err = pdurep_annexe_write_ratings(&f->r, NULL, share ? list : NULL, share ? 2 : 0,
                                                   good, &o, NULL);
    own_counting = 0;
    assert_int_equal(err, PDUREP_OK);
    long total = own_calls;
    assert_true(total > 100);
    /* One child per point, so that a crash at one point does not hide the others. */
    enum { SAME, REFUSED, OTHER_WORKBOOK, OTHER_ERROR, FILE_LEFT, CRASHED, OUTCOMES };
    static const char *const what[OUTCOMES] = {
        "PDUREP_OK, the same workbook", "refused",      "PDUREP_OK with another workbook",
        "an error other than out of memory", "a file left in the output folder after a failure",
        "a crash"};
    long count[OUTCOMES] = {0}, first[OUTCOMES] = {0};
    /* About 400 evenly spaced points (5 s a workbook; 100 under AddressSanitizer, whose
     * fork is slow); OWN_EVERY=1 tries every point, and OWN_AT=N that one alone, to look
     * at it in a debugger. */
#if defined(__SANITIZE_ADDRESS__)
    const long points = 100;
#else
    const long points = 400;
#endif
    long from = getenv("OWN_AT") ? atol(getenv("OWN_AT")) : 1, to = getenv("OWN_AT") ? from : total;
    long step = getenv("OWN_EVERY") || getenv("OWN_AT") || total < points ? 1 : total / points;
    long tried = 0;
    for (long n = from; n <= to; n += step, tried++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            /* A crash ends the child, not in cmocka's handler, which would go on testing. */
            signal(SIGSEGV, SIG_DFL);
            signal(SIGBUS, SIG_DFL);
            signal(SIGABRT, SIG_DFL);
            signal(SIGILL, SIG_DFL);
            signal(SIGFPE, SIG_DFL);
            own_calls = 0, own_fail_at = n, own_counting = 1;
            err = pdurep_annexe_write_ratings(&f->r, NULL, share ? list : NULL, share ? 2 : 0,
                                              out, &o, NULL);
            own_counting = 0;
            _exit(err == PDUREP_OK ? (same_bytes(out, good) ? SAME : OTHER_WORKBOOK)
                  : err != PDUREP_ERROR_NO_MEMORY ? OTHER_ERROR
                  : entries(dir)                  ? FILE_LEFT
                                                  : REFUSED);
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        int outcome = WIFEXITED(status) && WEXITSTATUS(status) < CRASHED ? WEXITSTATUS(status)
                                                                         : CRASHED;
        if (!count[outcome]++)
            first[outcome] = n;
        unlink(out);
    }
    int bad = 0;
    for (int k = 0; k < OUTCOMES; k++) {
        if (k != SAME && k != REFUSED && count[k]) {
            print_error("%ld of %ld allocations tried (of %ld) gave %s (the first: %ld)\n",
                        count[k], tried, total, what[k], first[k]);
            bad = 1;
        }
    }
    assert_false(bad);
    long refused = count[REFUSED];
    /* Most points must refuse: a wrap that counted nothing would pass the loop above. */
    assert_true(refused > tried / 2);
    free(f);
}

static void test_own_failures_full(void **state)
{
    (void)state;
    own_failures_refused(0);
}

static void test_own_failures_share(void **state)
{
    (void)state;
    own_failures_refused(1);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/annexe-unit-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suppress_none),   cmocka_unit_test(test_suppress_secondary),
        cmocka_unit_test(test_suppress_zeros),  cmocka_unit_test(test_suppress_forced),
        cmocka_unit_test(test_suppress_zero_never_complement),
        cmocka_unit_test(test_suppress_all_small_but_one),
        cmocka_unit_test(test_strings_load),    cmocka_unit_test(test_strings_errors),
        cmocka_unit_test(test_write_full),      cmocka_unit_test(test_write_share),
        cmocka_unit_test(test_unwritable),      cmocka_unit_test(test_missing_strings),
        cmocka_unit_test(test_batch_writers),   cmocka_unit_test(test_package_null_name),
        cmocka_unit_test(test_package_parts_and_sheets),
        cmocka_unit_test(test_package_styles),
        cmocka_unit_test(test_package_chart_caches),
        cmocka_unit_test(test_alloc_watch),
        cmocka_unit_test(test_own_failures_full),
        cmocka_unit_test(test_own_failures_share),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    /* Keep the workbooks when asked, to look at them. */
    if (!getenv("PDUREP_KEEP_TEST_FILES")) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", tmpdir);
    } else {
        fprintf(stderr, "test files kept in %s\n", tmpdir);
    }
    return failed;
}
