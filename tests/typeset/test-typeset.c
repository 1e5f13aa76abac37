/*
 * Unit tests of the typesetting layer: the line breaker (widths, long words,
 * Welsh letters, markup) and the flow (keep-with-next, orphans, tables that
 * run on), with the layer's own instrument checking that no text is drawn
 * outside the page margins.
 *
 * Needs PDUREP_DATA_DIR pointing at the source tree (for fonts/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pdurep/db.h"
#include "pdurep_config.h"
#include "typeset/chart.h"
#include "typeset/alloc.h"
#include "typeset/doc.h"
#include "typeset/hpdf_error.h"
#include "typeset/table.h"
#include "typeset/text.h"

#define MM (72.0 / 25.4)

static char font_paths[PDUREP_FACE_COUNT][1024];

static void set_font_paths(void)
{
    static const char *const files[PDUREP_FACE_COUNT] = {
        "PdurepSans-Regular.ttf", "PdurepSans-Bold.ttf", "PdurepSans-Italic.ttf"};
    for (int i = 0; i < PDUREP_FACE_COUNT; i++)
        snprintf(font_paths[i], sizeof font_paths[i], "%s/fonts/%s", pdurep_data_dir(), files[i]);
}

static pdurep_doc_config config(void)
{
    pdurep_doc_config c = {210 * MM, 297 * MM, {15 * MM, 18 * MM, 12 * MM, 18 * MM}, 12 * MM, 11 * MM,
                           {font_paths[0], font_paths[1], font_paths[2]}, 2, 2, NULL};
    return c;
}

static int setup_doc(void **state)
{
    pdurep_doc_config c = config();
    pdurep_doc *doc = NULL;
    if (pdurep_doc_new(&c, NULL, &doc))
        return -1;
    *state = doc;
    return 0;
}

static int teardown_doc(void **state)
{
    pdurep_doc_free(*state);
    return 0;
}

static const pdurep_style body = {PDUREP_FACE_REGULAR, 10, 14, {0, 0, 0}, 0, 6, PDUREP_ALIGN_LEFT};

static const char *const sample =
    "Inspectors read **every case** in the sample and judged each key question. "
    "The *lowest* share of relevant cases answered Yes decides the rating, and "
    "the report prints that share rounded half up, beside the counts behind it. "
    "Mae’r gwasanaeth ar gael yn Gymraeg ac yn Saesneg ym mhob swyddfa.";

/* Width of a line measured afresh from its fragments and gaps. */
static double remeasure(pdurep_fonts *f, const pdurep_lines *l, const pdurep_rich *r, size_t li)
{
    const pdurep_line *line = &l->lines[li];
    double right = 0;
    for (size_t k = line->first; k < line->first + line->n; k++) {
        const pdurep_frag *fr = &l->frags[k];
        double size = (fr->flags & PDUREP_SPAN_SUPER) ? l->size * PDUREP_SUPER_SCALE : l->size;
        double w = pdurep_fonts_width(f, fr->face, size, r->text + fr->start, fr->len);
        assert_true(fabs(w - fr->width) < 1e-6);
        if (fr->x + w > right)
            right = fr->x + w;
    }
    return right;
}

static void test_no_line_wider_than_box(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_rich r;
    pdurep_rich_init(&r);
    assert_int_equal(pdurep_rich_markup(&r, PDUREP_FACE_REGULAR, sample, NULL, NULL), PDUREP_OK);
    pdurep_lines l = {0};
    for (double width = 30; width <= 480; width += 7.5) {
        for (unsigned flags = 0; flags <= PDUREP_BREAK_JUSTIFY; flags += PDUREP_BREAK_JUSTIFY) {
            assert_int_equal(pdurep_lines_break(&l, &doc->fonts, &r, 10, width, flags), PDUREP_OK);
            assert_true(l.n_lines >= 1);
            for (size_t i = 0; i < l.n_lines; i++) {
                double w = remeasure(&doc->fonts, &l, &r, i);
                assert_true(w <= width + 1e-6);
                assert_true(fabs(w - l.lines[i].width) < 1e-6);
            }
            assert_true(l.lines[l.n_lines - 1].last);
        }
    }
    pdurep_lines_free(&l);
    pdurep_rich_free(&r);
}

/* Lines put back together with single spaces give the text again. */
static void test_words_kept_in_order(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_rich r;
    pdurep_rich_init(&r);
    const char *text = "one  two three\nfour five six seven eight nine ten";
    assert_int_equal(pdurep_rich_append(&r, PDUREP_FACE_REGULAR, 0, text, strlen(text)), PDUREP_OK);
    pdurep_lines l = {0};
    assert_int_equal(pdurep_lines_break(&l, &doc->fonts, &r, 10, 60, PDUREP_BREAK_JUSTIFY), PDUREP_OK);
    char out[256] = "";
    for (size_t i = 0; i < l.n_lines; i++) {
        for (size_t k = l.lines[i].first; k < l.lines[i].first + l.lines[i].n; k++) {
            if (*out)
                strcat(out, " ");
            strncat(out, r.text + l.frags[k].start, l.frags[k].len);
        }
    }
    assert_string_equal(out, "one two three four five six seven eight nine ten");
    /* The forced break ends a line that must not be justified. */
    int forced = 0;
    for (size_t i = 0; i < l.n_lines; i++)
        if (l.lines[i].last && i + 1 < l.n_lines)
            forced++;
    assert_int_equal(forced, 1);
    pdurep_lines_free(&l);
    pdurep_rich_free(&r);
}

static void test_long_word_broken(void **state)
{
    pdurep_doc *doc = *state;
    const char *word = "https://hmiprobation.justiceinspectorates.gov.uk/inspections/north-wales-pdu";
    pdurep_rich r;
    pdurep_rich_init(&r);
    char text[256];
    snprintf(text, sizeof text, "See %s now.", word);
    assert_int_equal(pdurep_rich_append(&r, PDUREP_FACE_BOLD, 0, text, strlen(text)), PDUREP_OK);
    pdurep_lines l = {0};
    double width = 90;
    assert_int_equal(pdurep_lines_break(&l, &doc->fonts, &r, 10, width, 0), PDUREP_OK);
    assert_true(l.n_lines >= 4);
    char joined[256] = "";
    for (size_t i = 0; i < l.n_lines; i++) {
        assert_true(remeasure(&doc->fonts, &l, &r, i) <= width + 1e-6);
        for (size_t k = l.lines[i].first; k < l.lines[i].first + l.lines[i].n; k++)
            strncat(joined, r.text + l.frags[k].start, l.frags[k].len);
    }
    /* Every character survives, in order (spaces aside: those at breaks are dropped). */
    char expect[256], *o = joined;
    for (const char *c = joined; *c; c++)
        if (*c != ' ')
            *o++ = *c;
    *o = '\0';
    snprintf(expect, sizeof expect, "See%snow.", word);
    assert_string_equal(joined, expect);
    /* A box narrower than one letter still gives one letter per line, never an empty line. */
    assert_int_equal(pdurep_lines_break(&l, &doc->fonts, &r, 10, 2, 0), PDUREP_OK);
    for (size_t i = 0; i < l.n_lines; i++)
        assert_true(l.lines[i].n >= 1);
    pdurep_lines_free(&l);
    pdurep_rich_free(&r);
}

static void test_welsh_letters(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_fonts *f = &doc->fonts;
    for (int face = 0; face < PDUREP_FACE_COUNT; face++) {
        double w = pdurep_fonts_width(f, face, 10, "w", 1);
        double y = pdurep_fonts_width(f, face, 10, "y", 1);
        assert_true(w > 0 && y > 0);
        /* A circumflex does not change the advance: ŵ is as wide as w, ŷ as y (2 bytes each). */
        assert_true(fabs(pdurep_fonts_width(f, face, 10, "ŵ", strlen("ŵ")) - w) < 1e-9);
        assert_true(fabs(pdurep_fonts_width(f, face, 10, "ŷ", strlen("ŷ")) - y) < 1e-9);
        assert_true(fabs(pdurep_fonts_width(f, face, 10, "Ŵ", strlen("Ŵ")) -
                         pdurep_fonts_width(f, face, 10, "W", 1)) < 1e-9);
        /* Widths add up, so a word is measured as the sum of its letters. */
        assert_true(fabs(pdurep_fonts_width(f, face, 10, "ŵŷŵ", strlen("ŵŷŵ")) - (2 * w + y)) < 1e-9);
    }
    /* The cut-down faces keep Liberation's metrics. */
    {
        pdurep_doc_config c = config();
        char full[PDUREP_FACE_COUNT][1024];
        static const char *const files[PDUREP_FACE_COUNT] = {
            "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"};
        for (int i = 0; i < PDUREP_FACE_COUNT; i++) {
            snprintf(full[i], sizeof full[i], "%s/%s", PDUREP_SYSTEM_FONT_DIR, files[i]);
            c.fonts[i] = full[i];
        }
        pdurep_doc *lib = NULL;
        assert_int_equal(pdurep_doc_new(&c, NULL, &lib), PDUREP_OK);
        const char *t = "Ŵŵ Ŷŷ ẁẃẅỳ ‘Mae’r’ – “x” • 1,234.5%";
        for (int face = 0; face < PDUREP_FACE_COUNT; face++)
            assert_true(fabs(pdurep_fonts_width(f, face, 10, t, strlen(t)) -
                             pdurep_fonts_width(&lib->fonts, face, 10, t, strlen(t))) < 1e-9);
        pdurep_doc_free(lib);
    }
    /* Breaking Welsh text: each line fits, and the letters count as one character each. */
    pdurep_rich r;
    pdurep_rich_init(&r);
    const char *t = "Bydd ŵyn bach yn chwarae yn y caeau ŷd tra bo’r gwynt yn chwythu dros y bryniau";
    assert_int_equal(pdurep_rich_append(&r, PDUREP_FACE_REGULAR, 0, t, strlen(t)), PDUREP_OK);
    pdurep_lines l = {0};
    assert_int_equal(pdurep_lines_break(&l, f, &r, 11, 120, 0), PDUREP_OK);
    assert_true(l.n_lines > 1);
    for (size_t i = 0; i < l.n_lines; i++)
        assert_true(remeasure(f, &l, &r, i) <= 120 + 1e-6);
    pdurep_lines_free(&l);
    pdurep_rich_free(&r);
}

static int note_number(void *ctx, const char *key, size_t len)
{
    (void)ctx;
    return len == 4 && !memcmp(key, "rosh", 4) ? 7 : 0;
}

static void test_markup(void **state)
{
    (void)state;
    pdurep_rich r;
    pdurep_rich_init(&r);
    assert_int_equal(pdurep_rich_markup(&r, PDUREP_FACE_REGULAR,
                                        "a **b** *c* d\\*e[^rosh] \\{x\\}", note_number, NULL),
                     PDUREP_OK);
    assert_string_equal(r.text, "a b c d*e7 {x}");
    /* a / b bold / space / c italic / " d*e" / superscript 7 / " {x}" */
    assert_int_equal(r.n_spans, 7);
    assert_int_equal(r.spans[1].face, PDUREP_FACE_BOLD);
    assert_int_equal(r.spans[3].face, PDUREP_FACE_ITALIC);
    assert_int_equal(r.spans[5].flags, PDUREP_SPAN_SUPER);
    pdurep_rich_clear(&r);
    assert_int_equal(pdurep_rich_markup(&r, PDUREP_FACE_REGULAR, "x[^nope]", note_number, NULL),
                     PDUREP_ERROR_DATA);
    pdurep_rich_free(&r);
}

/* ---- flow ------------------------------------------------------------- */

static void test_heading_kept_with_next(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_new_page(doc);
    pdurep_style h = body;
    h.face = PDUREP_FACE_BOLD;
    h.size = 14;
    h.leading = 18;
    h.space_after = 4;
    /* Leave room for the heading and one line only. */
    doc->y = doc->body.y0 + 18 + 4 + 14 + 2;
    doc->fresh = 0;
    pdurep_doc_heading(doc, &h, "A heading", 0, NULL);
    pdurep_doc_paragraph(doc, &body, sample, NULL, NULL);
    assert_int_equal(doc->err, PDUREP_OK);
    assert_int_equal(doc->n_pages, 2);
    assert_int_equal(doc->n_anchors, 1);
    assert_int_equal(doc->anchors[0].page, 1); /* moved with its paragraph */
    assert_true(fabs(doc->anchors[0].y - doc->body.y1) < 1e-6);
}

static void test_orphans_and_widows(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_new_page(doc);
    pdurep_rich r;
    pdurep_rich_init(&r);
    for (int i = 0; i < 2; i++)
        assert_int_equal(pdurep_rich_markup(&r, PDUREP_FACE_REGULAR, sample, NULL, NULL), PDUREP_OK);
    pdurep_lines l = {0};
    double width = doc->body.x1 - doc->body.x0;
    assert_int_equal(pdurep_lines_break(&l, &doc->fonts, &r, 10, width, 0), PDUREP_OK);
    size_t n = l.n_lines;
    assert_true(n >= 4);

    /* Room for one line: an orphan would be left, so the paragraph moves whole. */
    doc->y = doc->body.y0 + body.leading * 1.5;
    doc->fresh = 0;
    size_t page = doc->page;
    pdurep_doc_flow(doc, &body, &r, 0, NULL, 0);
    assert_int_equal(doc->page, page + 1);
    assert_true(fabs(doc->y - (doc->body.y1 - n * body.leading - body.space_after)) < 1e-6);

    /* Room for all but one line: one line would be a widow, so two lines go over. */
    pdurep_doc_new_page(doc);
    doc->y = doc->body.y0 + body.leading * (n - 1) + 0.5;
    doc->fresh = 0;
    page = doc->page;
    pdurep_doc_flow(doc, &body, &r, 0, NULL, 0);
    assert_int_equal(doc->page, page + 1);
    assert_true(fabs(doc->y - (doc->body.y1 - 2 * body.leading - body.space_after)) < 1e-6);
    pdurep_lines_free(&l);
    pdurep_rich_free(&r);
}

static void test_table_runs_on_with_header(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_new_page(doc);
    pdurep_table_style ts = {body, body, {0.1, 0.2, 0.3}, {0.7, 0.7, 0.7}, {0.95, 0.95, 0.95}, 1,
                             5, 4, 8, 0};
    ts.head.face = PDUREP_FACE_BOLD;
    double widths[3] = {5, 1, 1};
    pdurep_align align[3] = {PDUREP_ALIGN_LEFT, PDUREP_ALIGN_RIGHT, PDUREP_ALIGN_RIGHT};
    pdurep_table *t = pdurep_table_new(doc, &ts, 3, widths, align, NULL, NULL);
    pdurep_table_row(t, (pdurep_table_cell[3]){{.markup = "Key question"}, {.markup = "Yes"},
                                               {.markup = "%"}}, 1);
    for (int i = 0; i < 80; i++) {
        char q[200], n[16];
        snprintf(q, sizeof q, "Row %d: does the work focus sufficiently on keeping other people "
                 "safe, with a word far too long for its cell: %s", i,
                 i % 7 ? "" : "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch");
        snprintf(n, sizeof n, "%d", i);
        pdurep_table_row(t, (pdurep_table_cell[3]){{.markup = q}, {.markup = n}, {.markup = "50%"}}, 0);
    }
    size_t before = doc->n_pages;
    unsigned long drawn = doc->text_draws;
    pdurep_table_end(t);
    assert_int_equal(doc->err, PDUREP_OK);
    assert_true(doc->n_pages >= before + 2);
    assert_true(doc->text_draws > drawn);
}

/* Everything above, plus a chart, must stay inside the margins; then prove the instrument works. */
static void test_no_text_outside_margins(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_new_page(doc);
    for (int i = 0; i < 30; i++) {
        pdurep_doc_heading(doc, &body, "**Heading** with an unbreakable "
                           "Pneumonoultramicroscopicsilicovolcanoconiosis-Llanfairpwllgwyngyll", 1, NULL);
        pdurep_doc_paragraph(doc, &body, sample, NULL, NULL);
    }
    pdurep_chart_style cs = {body, body, {0, 0, 0}, {0.8, 0.8, 0.8}, {0, 0, 0}, {0.4, 0.4, 0.4}, 12, 8, 8};
    cs.small.size = 7.5;
    cs.small.leading = 9.5;
    pdurep_chart_bar bars[3] = {{100, {0.1, 0.3, 0.5}, "100%"}, {0, {0.9, 0.9, 0.9}, "0%"},
                                {-1, {0, 0, 0}, "n/a"}};
    pdurep_chart_group groups[3] = {{"A label long enough to wrap over two or three lines in the "
                                     "label column", &bars[0]},
                                    {"Short", &bars[1]}, {"None", &bars[2]}};
    double marks[3] = {50, 65, 80};
    const char *legend[2] = {"First", "Second"};
    pdurep_rgb fills[2] = {{0, 0, 0}, {1, 1, 1}};
    pdurep_chart_bars c = {groups, 3, 1, marks, 3, "Axis", legend, fills, 2, "Legend:", 0.35, NULL, NULL};
    for (int i = 0; i < 8; i++)
        pdurep_chart_draw_bars(doc, &cs, &c);
    unsigned long drawn, outside;
    pdurep_doc_stats(doc, &drawn, &outside);
    assert_int_equal(doc->err, PDUREP_OK);
    assert_true(drawn > 200);
    assert_int_equal(outside, 0);

    /* The instrument counts text that crosses a margin. */
    pdurep_doc_draw_text(doc, PDUREP_FACE_REGULAR, 10, (pdurep_rgb){0, 0, 0}, doc->frame.x1 - 5,
                         doc->body.y1 - 20, PDUREP_ALIGN_LEFT, "overflowing");
    pdurep_doc_stats(doc, NULL, &outside);
    assert_int_equal(outside, 1);
    pdurep_doc_draw_text(doc, PDUREP_FACE_REGULAR, 10, (pdurep_rgb){0, 0, 0}, doc->frame.x0,
                         doc->frame.y0 + 1, PDUREP_ALIGN_LEFT, "gpq descenders below");
    pdurep_doc_stats(doc, NULL, &outside);
    assert_int_equal(outside, 2);
}

/* libharu's file errors carry the errno of the call that failed: a font that fopen could not
 * open for want of memory is out of memory (exit 70), not a file error (the exhaustive fault
 * run aimed at libharu: three fonts ended 74); a missing font is a missing input. */
static void test_hpdf_file_errors(void **state)
{
    (void)state;
    char msg[256];
    assert_int_equal(pdurep_hpdf_describe(HPDF_FILE_OPEN_ERROR, 0, ENOMEM, msg, sizeof msg),
                     PDUREP_ERROR_NO_MEMORY);
    assert_non_null(strstr(msg, "memory"));
    assert_int_equal(pdurep_hpdf_describe(HPDF_FILE_OPEN_ERROR, 0, ENOENT, msg, sizeof msg),
                     PDUREP_ERROR_NO_INPUT);
    assert_int_equal(pdurep_hpdf_describe(HPDF_FILE_OPEN_ERROR, 0, EIO, msg, sizeof msg),
                     PDUREP_ERROR_IO);
    assert_int_equal(pdurep_hpdf_describe(HPDF_FAILD_TO_ALLOC_MEM, 0, 0, msg, sizeof msg),
                     PDUREP_ERROR_NO_MEMORY);
}

/* An allocation whose caller went on without it (pdurep_ts_note_no_memory) stops the
 * document from being saved, and only the documents made before it on this thread. */
static void test_dropped_failure_refused(void **state)
{
    (void)state;
    pdurep_doc_config c = config();
    pdurep_doc *doc = NULL, *later = NULL;
    assert_int_equal(pdurep_doc_new(&c, NULL, &doc), PDUREP_OK);
    pdurep_doc_new_page(doc);
    pdurep_doc_paragraph(doc, &body, "A paragraph drawn before the failure.", NULL, NULL);
    pdurep_ts_note_no_memory();
    char path[] = "/tmp/pdurep-test-dropped-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    assert_int_equal(pdurep_doc_save(doc, path), PDUREP_ERROR_NO_MEMORY);
    assert_int_equal(access(path, F_OK), -1);
    pdurep_doc_free(doc);

    assert_int_equal(pdurep_doc_new(&c, NULL, &later), PDUREP_OK);
    pdurep_doc_new_page(later);
    pdurep_doc_paragraph(later, &body, "A document begun after it.", NULL, NULL);
    assert_int_equal(pdurep_doc_save(later, path), PDUREP_OK);
    assert_int_equal(access(path, F_OK), 0);
    unlink(path);
    pdurep_doc_free(later);
}

static void test_missing_font(void **state)
{
    (void)state;
    pdurep_doc_config c = config();
    c.fonts[1] = "/nonexistent/font.ttf";
    pdurep_doc *doc = NULL;
    pdurep_diag *diag = pdurep_diag_new(0);
    assert_int_equal(pdurep_doc_new(&c, diag, &doc), PDUREP_ERROR_NO_INPUT);
    assert_null(doc);
    assert_non_null(strstr(pdurep_diag_message(diag, 0), "/nonexistent/font.ttf"));
    pdurep_diag_free(diag);
}

int main(void)
{
    set_font_paths();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_no_line_wider_than_box, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_words_kept_in_order, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_long_word_broken, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_welsh_letters, setup_doc, teardown_doc),
        cmocka_unit_test(test_markup),
        cmocka_unit_test_setup_teardown(test_heading_kept_with_next, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_orphans_and_widows, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_table_runs_on_with_header, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_no_text_outside_margins, setup_doc, teardown_doc),
        cmocka_unit_test(test_missing_font),
        cmocka_unit_test(test_dropped_failure_refused),
        cmocka_unit_test(test_hpdf_file_errors),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    int n = (int)(sizeof tests / sizeof tests[0]);
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed ? 1 : 0;
}
