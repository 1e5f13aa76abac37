/*
 * Unit tests of tagging (typeset/tag.c and the engine's use of it): heading
 * levels follow the outline without a skip, list items share one L, a footnote
 * marker is a Reference of its own, furniture takes no MCID, a table's header
 * repeated on a new page is not tagged again, and text strings are UTF-16BE.
 *
 * Needs PDUREP_DATA_DIR pointing at the source tree (for fonts/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdurep/db.h"
#include "typeset/doc.h"
#include "typeset/table.h"
#include "typeset/tag.h"

#define MM (72.0 / 25.4)

static char font_paths[PDUREP_FACE_COUNT][1024];

static int setup_doc(void **state)
{
    static const char *const files[PDUREP_FACE_COUNT] = {
        "PdurepSans-Regular.ttf", "PdurepSans-Bold.ttf", "PdurepSans-Italic.ttf"};
    for (int i = 0; i < PDUREP_FACE_COUNT; i++)
        snprintf(font_paths[i], sizeof font_paths[i], "%s/fonts/%s", pdurep_data_dir(), files[i]);
    pdurep_doc_config c = {210 * MM, 297 * MM, {15 * MM, 18 * MM, 12 * MM, 18 * MM}, 12 * MM, 11 * MM,
                           {font_paths[0], font_paths[1], font_paths[2]}, 2, 2, NULL};
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

static int one_note(void *ctx, const char *key, size_t len)
{
    (void)ctx;
    (void)key;
    (void)len;
    return 1;
}

/* The types of the elements, in the order they were opened (reading order). */
static size_t types(const pdurep_doc *doc, pdurep_tag_type *out, size_t max)
{
    size_t n = pdurep_tags_count(doc->tags);
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = pdurep_tags_type(doc->tags, i);
    return n;
}

static void test_heading_levels(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_style h = body;
    h.face = PDUREP_FACE_BOLD;
    const int outline[5] = {0, -1, 1, -1, 0};
    for (int i = 0; i < 5; i++) {
        pdurep_doc_heading(doc, &h, "Heading", outline[i], NULL);
        pdurep_doc_paragraph(doc, &body, "Text under it.", NULL, NULL);
    }
    pdurep_tag_type t[64];
    size_t n = types(doc, t, 64);
    pdurep_tag_type heads[8];
    size_t nh = 0;
    for (size_t i = 0; i < n && nh < 8; i++)
        if (t[i] >= PDUREP_TAG_H1 && t[i] <= PDUREP_TAG_H6)
            heads[nh++] = t[i];
    assert_int_equal(nh, 5);
    assert_int_equal(heads[0], PDUREP_TAG_H1);
    assert_int_equal(heads[1], PDUREP_TAG_H2); /* no outline entry: one below the H1 */
    assert_int_equal(heads[2], PDUREP_TAG_H2);
    assert_int_equal(heads[3], PDUREP_TAG_H3); /* one below the H2 */
    assert_int_equal(heads[4], PDUREP_TAG_H1);
    /* Each top-level heading opens a Sect of the Document. */
    size_t sects = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] == PDUREP_TAG_SECT) {
            sects++;
            assert_int_equal(pdurep_tags_parent(doc->tags, i), 0);
        }
    assert_int_equal(sects, 2);
}

static void flow_item(pdurep_doc *doc, const char *text)
{
    pdurep_rich r, m;
    pdurep_rich_init(&r);
    pdurep_rich_init(&m);
    assert_int_equal(pdurep_rich_markup(&r, PDUREP_FACE_REGULAR, text, NULL, NULL), PDUREP_OK);
    assert_int_equal(pdurep_rich_markup(&m, PDUREP_FACE_REGULAR, "•", NULL, NULL), PDUREP_OK);
    pdurep_doc_flow(doc, &body, &r, 18, &m, 3);
    pdurep_rich_free(&r);
    pdurep_rich_free(&m);
}

static void test_list_items_share_a_list(void **state)
{
    pdurep_doc *doc = *state;
    flow_item(doc, "first");
    flow_item(doc, "second");
    pdurep_doc_paragraph(doc, &body, "Between the lists.", NULL, NULL);
    flow_item(doc, "third");
    pdurep_tag_type t[64];
    size_t n = types(doc, t, 64);
    size_t lists = 0, items = 0, p_in_list = 0;
    for (size_t i = 0; i < n; i++) {
        size_t parent = pdurep_tags_parent(doc->tags, i);
        if (t[i] == PDUREP_TAG_L)
            lists++;
        if (t[i] == PDUREP_TAG_LI) {
            items++;
            assert_int_equal(t[parent], PDUREP_TAG_L);
        }
        if (t[i] == PDUREP_TAG_LBL || t[i] == PDUREP_TAG_LBODY)
            assert_int_equal(t[parent], PDUREP_TAG_LI);
        if (t[i] == PDUREP_TAG_P && t[parent] == PDUREP_TAG_L)
            p_in_list++;
    }
    assert_int_equal(items, 3);
    assert_int_equal(lists, 2); /* the paragraph ends the first list */
    assert_int_equal(p_in_list, 0);
}

static void test_footnote_marker_is_a_reference(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_paragraph(doc, &body, "A word[^n] and more words after it.", one_note, NULL);
    pdurep_tag_type t[16];
    size_t n = types(doc, t, 16);
    size_t ref = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] == PDUREP_TAG_REFERENCE)
            ref = i;
    assert_true(ref > 0);
    assert_int_equal(t[pdurep_tags_parent(doc->tags, ref)], PDUREP_TAG_P);
    /* The paragraph's text before and after the marker, and the marker: three sequences. */
    assert_int_equal(pdurep_tags_page_mcids(doc->tags, 0), 3);
}

static void test_furniture_takes_no_mcid(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_new_page(doc);
    pdurep_doc_artifact_begin(doc);
    pdurep_doc_draw_text(doc, PDUREP_FACE_REGULAR, 8, body.colour, 60, 800, PDUREP_ALIGN_LEFT, "Header");
    pdurep_doc_line(doc, 60, 790, 500, 790, 0.5, body.colour, 0);
    pdurep_doc_artifact_end(doc);
    assert_int_equal(pdurep_tags_page_mcids(doc->tags, 0), 0);
    pdurep_doc_paragraph(doc, &body, "Content.", NULL, NULL);
    pdurep_doc_paragraph(doc, &body, "More content.", NULL, NULL);
    assert_int_equal(pdurep_tags_page_mcids(doc->tags, 0), 2);
}

static void test_repeated_header_not_tagged_again(void **state)
{
    pdurep_doc *doc = *state;
    pdurep_doc_new_page(doc);
    pdurep_table_style ts = {body, body, {0.1, 0.2, 0.3}, {0.7, 0.7, 0.7}, {0.95, 0.95, 0.95}, 0,
                             5, 4, 8, 0};
    double widths[2] = {3, 1};
    pdurep_table *tb = pdurep_table_new(doc, &ts, 2, widths, NULL, NULL, NULL);
    pdurep_table_cell head[2] = {{.markup = "Name"}, {.markup = "Value"}};
    pdurep_table_cell row[2] = {{.markup = "A row"}, {.markup = "1"}};
    pdurep_table_row(tb, head, 1);
    for (int i = 0; i < 120; i++)
        pdurep_table_row(tb, row, 0);
    pdurep_table_end(tb);
    assert_true(doc->n_pages > 1);
    pdurep_tag_type t[1024];
    size_t n = types(doc, t, 1024);
    assert_true(n < 1024);
    size_t th = 0, td = 0, tr = 0;
    for (size_t i = 0; i < n; i++) {
        th += t[i] == PDUREP_TAG_TH;
        td += t[i] == PDUREP_TAG_TD;
        tr += t[i] == PDUREP_TAG_TR;
    }
    assert_int_equal(th, 2);
    assert_int_equal(td, 240);
    assert_int_equal(tr, 121);
}

static void test_text_string_is_utf16(void **state)
{
    pdurep_doc *doc = *state;
    /* ŵ is U+0175; 𝄞 (U+1D11E) needs a surrogate pair. */
    HPDF_Binary b = pdurep_tags_text_string(doc->pdf->mmgr, "aŵ\xF0\x9D\x84\x9E");
    assert_non_null(b);
    static const unsigned char want[] = {0xFE, 0xFF, 0x00, 'a', 0x01, 0x75, 0xD8, 0x34, 0xDD, 0x1E};
    assert_int_equal(b->len, sizeof want);
    assert_memory_equal(b->value, want, sizeof want);
    HPDF_Obj_Free(doc->pdf->mmgr, b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_heading_levels, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_list_items_share_a_list, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_footnote_marker_is_a_reference, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_furniture_takes_no_mcid, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_repeated_header_not_tagged_again, setup_doc, teardown_doc),
        cmocka_unit_test_setup_teardown(test_text_string_is_utf16, setup_doc, teardown_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
