/*
 * Footnotes: notes the report writes itself and [footnote KEY] sections of
 * the narrative, numbered in the order the document first refers to them.
 */
#include "report/report_internal.h"
#include "typeset/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pdurep_report_footnote *note_find(report *rp, const char *key, size_t len)
{
    for (size_t i = 0; i < rp->n_notes; i++)
        if (strlen(rp->notes[i].key) == len && !memcmp(rp->notes[i].key, key, len))
            return &rp->notes[i];
    return NULL;
}

/* Register a note the report writes itself (its text is markup). */
void pdurep_report_note_define(report *rp, const char *key, char *markup)
{
    pdurep_report_footnote *n = note_find(rp, key, strlen(key));
    if (n) {
        free(n->markup);
        n->markup = markup;
        return;
    }
    pdurep_report_footnote *notes = pdurep_ts_realloc(rp->notes, (rp->n_notes + 1) * sizeof *notes);
    char *k = pdurep_ts_strdup(key);
    if (!notes || !k) {
        free(k);
        free(markup);
        if (notes)
            rp->notes = notes;
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    rp->notes = notes;
    rp->notes[rp->n_notes++] = (pdurep_report_footnote){k, markup, 0};
}

/* Footnote resolver: numbers notes in the order the document first refers to them. */
int pdurep_report_note(void *ctx, const char *key, size_t len)
{
    report *rp = ctx;
    pdurep_report_footnote *n = note_find(rp, key, len);
    if (!n) {
        /* A narrative footnote: its text is the [footnote KEY] section. */
        char k[128];
        if (len >= sizeof k - 10)
            return 0;
        snprintf(k, sizeof k, "footnote %.*s", (int)len, key);
        const pdurep_narrative_section *s = pdurep_narrative_get(rp->n, k);
        if (!s)
            return 0;
        char *filled = NULL;
        pdurep_error err = pdurep_narrative_fill(s->body, rp->r, &rp->words, &filled, NULL);
        if (err) {
            /* Running out is not an unknown footnote: the document fails as out of memory. */
            if (err == PDUREP_ERROR_NO_MEMORY)
                pdurep_doc_fail(rp->doc, err, NULL);
            return 0;
        }
        for (char *c = filled; *c; c++)
            if (*c == '\n')
                *c = ' ';
        char *kk = pdurep_ts_strndup(key, len);
        if (!kk) {
            free(filled);
            pdurep_doc_fail(rp->doc, PDUREP_ERROR_NO_MEMORY, NULL);
            return 0;
        }
        pdurep_report_note_define(rp, kk, filled);
        free(kk);
        n = note_find(rp, key, len);
        if (!n)
            return 0;
    }
    if (!n->number)
        n->number = ++rp->next_note;
    return n->number;
}

void pdurep_report_notes_free(report *rp)
{
    for (size_t i = 0; i < rp->n_notes; i++) {
        free(rp->notes[i].key);
        free(rp->notes[i].markup);
    }
    free(rp->notes);
    rp->notes = NULL;
    rp->n_notes = 0;
}
