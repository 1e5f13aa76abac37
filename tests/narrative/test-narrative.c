/*
 * Unit tests of narrative.txt parsing: sections, blocks, and every kind of
 * mistake reported with its line and column (in characters).
 *
 * Needs PDUREP_DATA_DIR pointing at the source tree (for frameworks/).
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
#include "pdurep/framework.h"
#include "pdurep/narrative.h"

static pdurep_framework *fw;

static int load_framework(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/frameworks/probation-pdu-2023", pdurep_data_dir());
    return pdurep_framework_read_dir(dir, &fw, NULL) == PDUREP_OK ? 0 : -1;
}

static int free_framework(void **state)
{
    (void)state;
    pdurep_framework_free(fw);
    return 0;
}

/* Parse @p text; return the first message (static copy) or NULL when it parsed. */
static const char *first_problem(const char *text, size_t *count)
{
    static char msg[512];
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_narrative *n = NULL;
    pdurep_error err = pdurep_narrative_parse(text, strlen(text), "n.txt", fw, &n, diag);
    if (count)
        *count = pdurep_diag_count(diag);
    const char *m = NULL;
    if (err) {
        assert_int_equal(err, PDUREP_ERROR_DATA);
        assert_null(n);
        snprintf(msg, sizeof msg, "%s", pdurep_diag_message(diag, 0));
        m = msg;
    }
    pdurep_narrative_free(n);
    pdurep_diag_free(diag);
    return m;
}

static void test_sections_and_blocks(void **state)
{
    (void)state;
    const char *text =
        "\xEF\xBB\xBF# a comment\n"
        "[foreword]\n"
        "\n"
        "First paragraph,\n"
        "  continued. {score}/{max-score}\n"
        "\n"
        "Second with **bold** and [^note].\n"
        "[P2.1   findings]\n"
        "- one {2.1.3b:no} of {2.1.3b:relevant}\n"
        "  still one\n"
        "- two {rosh=high+Very High:2.3.3a:yes}\n"
        "3. numbered {sentence_type=community:cases}\n"
        "[signature]\n"
        "Name\n"
        "Title\n"
        "[footnote note]\n"
        "A note about {P2.1:rating}.\n";
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_narrative *n = NULL;
    assert_int_equal(pdurep_narrative_parse(text, strlen(text), "n.txt", fw, &n, diag), PDUREP_OK);
    assert_int_equal(n->n_sections, 4);
    assert_string_equal(n->sections[1].key, "P2.1 findings");
    const pdurep_narrative_section *s = pdurep_narrative_get(n, "foreword");
    assert_non_null(s);
    assert_int_equal(s->line, 4); /* blank lines after the marker are skipped */

    pdurep_block *b;
    size_t nb;
    assert_int_equal(pdurep_narrative_blocks(s, 0, &b, &nb), PDUREP_OK);
    assert_int_equal(nb, 2);
    assert_int_equal(b[0].kind, PDUREP_BLOCK_PARAGRAPH);
    assert_string_equal(b[0].text, "First paragraph, continued. {score}/{max-score}");
    assert_int_equal(b[1].line, 7);
    pdurep_blocks_free(b, nb);

    assert_int_equal(pdurep_narrative_blocks(pdurep_narrative_get(n, "P2.1 findings"), 0, &b, &nb),
                     PDUREP_OK);
    assert_int_equal(nb, 3);
    assert_int_equal(b[0].kind, PDUREP_BLOCK_BULLET);
    assert_string_equal(b[0].text, "one {2.1.3b:no} of {2.1.3b:relevant} still one");
    assert_int_equal(b[2].kind, PDUREP_BLOCK_NUMBERED);
    assert_string_equal(b[2].text, "numbered {sentence_type=community:cases}");
    pdurep_blocks_free(b, nb);

    assert_int_equal(pdurep_narrative_blocks(pdurep_narrative_get(n, "signature"), 1, &b, &nb),
                     PDUREP_OK);
    assert_int_equal(nb, 2);
    assert_int_equal(b[1].kind, PDUREP_BLOCK_LINE);
    assert_string_equal(b[1].text, "Title");
    pdurep_blocks_free(b, nb);
    pdurep_narrative_free(n);
    pdurep_diag_free(diag);
}

static void test_nfc(void **state)
{
    (void)state;
    /* "w" + combining circumflex becomes one precomposed letter. */
    const char *text = "[foreword]\nDyw w\xCC\x82yn\n";
    pdurep_narrative *n = NULL;
    assert_int_equal(pdurep_narrative_parse(text, strlen(text), "n.txt", fw, &n, NULL), PDUREP_OK);
    assert_string_equal(n->sections[0].body, "Dyw ŵyn");
    pdurep_narrative_free(n);
}

static void test_problems(void **state)
{
    (void)state;
    struct {
        const char *text;
        const char *expect;
    } cases[] = {
        {"[foreword]\nIt was {2.1.3b:maybe}.\n", "n.txt:2:8: unknown placeholder '{2.1.3b:maybe}'"},
        {"[foreword]\nŴ ŷ {9.9.9:yes}\n", "n.txt:2:5: unknown placeholder '{9.9.9:yes}': no question"},
        {"[foreword]\n{rosh=huge:2.1.1:yes}\n", "n.txt:2:1: unknown placeholder '{rosh=huge:2.1.1:yes}': 'huge' is not a value of rosh"},
        {"[foreword]\n{colour=red:2.1.1:yes}\n", "n.txt:2:1: unknown placeholder '{colour=red:2.1.1:yes}': no case attribute 'colour'"},
        {"[foreword]\n{rosh=low:P2.1:rating}\n", "a filter (attribute=value) goes with a question or 'cases'"},
        {"[foreword]\n{P2.1:yes}\n", "a standard takes rating"},
        {"[foreword]\n{nonsense}\n", "n.txt:2:1: unknown placeholder '{nonsense}'"},
        {"[foreword]\nopen {2.1.1:yes\n", "n.txt:2:6: unterminated placeholder"},
        {"[foreword]\nstray } here\n", "n.txt:2:7: a '}' without its '{'"},
        {"[foreword]\nsee[^missing]\n", "n.txt:2:4: footnote [^missing] has no [footnote missing] section"},
        {"text first\n[foreword]\n", "n.txt:1:1: text before the first section"},
        {"[foreward]\n", "n.txt:1:2: unknown section 'foreward'"},
        {"[P9.9 strengths]\n", "n.txt:1:2: no standard 'P9.9'"},
        {"[foreword]\na\n[foreword]\n", "n.txt:3:1: section [foreword] is given twice"},
        {"[footnote Bad_Key]\n", "n.txt:1:2: a footnote key is made of a-z, 0-9 and '-'"},
        {"[foreword]\nbad \xC3\x28 byte\n", "n.txt:2:5: the text is not valid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *m = first_problem(cases[i].text, NULL);
        if (!m || !strstr(m, cases[i].expect))
            fail_msg("case %zu: expected '%s', got '%s'", i, cases[i].expect, m ? m : "(parsed)");
    }
    /* Every problem of a file is reported, not only the first. */
    size_t count = 0;
    first_problem("[foreword]\n{a} {b}\n{c}\n", &count);
    assert_int_equal(count, 3);
    /* Escaped braces are text. */
    assert_null(first_problem("[foreword]\nA \\{literal\\} brace.\n", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_and_blocks),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_problems),
    };
    int failed = cmocka_run_group_tests(tests, load_framework, free_framework);
    int n = (int)(sizeof tests / sizeof tests[0]);
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed ? 1 : 0;
}
