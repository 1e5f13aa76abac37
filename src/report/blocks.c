/*
 * The blocks sections are made of: headings, paragraphs with footnote
 * markers, list items, narrative sections and the start of a section.
 */
#include "report/report_internal.h"

#include <stdio.h>
#include <stdlib.h>

void pdurep_report_heading(report *rp, pdurep_style_id id, const char *markup, int level)
{
    char *title = pdurep_report_plain(markup);
    pdurep_doc_heading(rp->doc, pdurep_report_style(rp, id), markup, level, title);
    free(title);
}

void pdurep_report_paragraph(report *rp, pdurep_style_id id, const char *markup)
{
    pdurep_doc_paragraph(rp->doc, pdurep_report_style(rp, id), markup, pdurep_report_note, rp);
}

/* A list item: marker in the gutter, text indented. */
static void item(report *rp, const char *marker, const char *markup)
{
    const pdurep_style *st = pdurep_report_style(rp, PDUREP_STYLE_LIST);
    pdurep_rich text, mark;
    pdurep_rich_init(&text);
    pdurep_rich_init(&mark);
    double indent = st->size * 1.8;
    if (pdurep_rich_markup(&text, st->face, markup, pdurep_report_note, rp) ||
        pdurep_rich_markup(&mark, st->face, marker, NULL, NULL))
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_DATA, "cannot set list item: %s", markup);
    else
        pdurep_doc_flow(rp->doc, st, &text, indent, &mark, st->size * 0.3);
    pdurep_rich_free(&text);
    pdurep_rich_free(&mark);
}

/* Lay out a narrative section: paragraphs, bullets and numbered items. */
int pdurep_report_narrative(report *rp, const char *key, int as_lines)
{
    const pdurep_narrative_section *s = pdurep_narrative_get(rp->n, key);
    if (!s || !*s->body)
        return 0;
    pdurep_block *b = NULL;
    size_t nb = 0;
    if (pdurep_narrative_blocks(s, as_lines, &b, &nb)) {
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return 0;
    }
    int number = 0;
    for (size_t i = 0; i < nb && !rp->doc->err; i++) {
        char *text = NULL;
        size_t bad = 0;
        pdurep_error err = pdurep_narrative_fill(b[i].text, rp->r, &rp->words, &text, &bad);
        if (err == PDUREP_ERROR_NO_MEMORY) {
            pdurep_doc_fail(rp->doc, err, NULL);
            break;
        } else if (err) {
            pdurep_doc_fail(rp->doc, PDUREP_ERROR_DATA, "narrative line %lu: unknown placeholder",
                            b[i].line);
            break;
        }
        if (b[i].kind == PDUREP_BLOCK_BULLET) {
            item(rp, pdurep_report_string(rp, "list.bullet"), text);
        } else if (b[i].kind == PDUREP_BLOCK_NUMBERED) {
            char num[24];
            snprintf(num, sizeof num, "%d", ++number);
            char *m = pdurep_report_template(rp, "list.number", "n", num, NULL);
            if (m)
                item(rp, m, text);
            free(m);
        } else if (b[i].kind == PDUREP_BLOCK_LINE) {
            pdurep_style st = *pdurep_report_style(rp, PDUREP_STYLE_BODY);
            st.space_after = 0;
            if (i + 1 == nb)
                st.space_after = pdurep_report_style(rp, PDUREP_STYLE_BODY)->space_after;
            pdurep_doc_paragraph(rp->doc, &st, text, pdurep_report_note, rp);
        } else {
            pdurep_report_paragraph(rp, PDUREP_STYLE_BODY, text);
        }
        free(text);
    }
    pdurep_blocks_free(b, nb);
    return 1;
}

void pdurep_report_section(report *rp, const pdurep_layout_section *sec, const char *title)
{
    /* A section that may share a page stays when at least half the body is free:
     * a short section then does not leave the page it ends on nearly empty. */
    pdurep_doc *doc = rp->doc;
    double body = doc->body.y1 - doc->body.y0;
    if (sec->new_page && !(sec->share_page && doc->n_pages && pdurep_doc_space_left(doc) >= body / 2))
        pdurep_doc_new_page(doc);
    char *p = pdurep_report_plain(title);
    if (p)
        pdurep_doc_set_running(rp->doc, p);
    free(p);
    pdurep_report_heading(rp, PDUREP_STYLE_H1, title, 0);
}
