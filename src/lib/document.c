/*
 * The one preparation step every document goes through: figures from the
 * calculator, then the language's narrative and framework words, laid over a
 * copy of the figures so that what was computed is never changed.
 */
#include "pdurep/document.h"
#include "pdurep/localise.h"
#include "sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The narrative in the document's language. Where a translation lacks
 * sections the English narrative has, a document in one language would
 * silently switch language, so it is refused, naming the sections, unless the
 * caller allows the English ones.
 */
static pdurep_error load_narrative(pdurep_db *db, const char *id, const char *lang, int flags,
                                   pdurep_narrative **out, pdurep_diag *diag)
{
    pdurep_error err = pdurep_narrative_load_lang(db, id, lang, out, diag);
    if (err || !(flags & PDUREP_DOCUMENT_COMPLETE_NARRATIVE) ||
        !strcmp(lang, PDUREP_NARRATIVE_BASE_LANG))
        return err;
    pdurep_narrative *en = NULL;
    err = pdurep_narrative_load(db, id, &en, diag);
    size_t n_missing = 0;
    const char **missing = NULL;
    if (!err)
        err = pdurep_narrative_missing(*out, en, &missing, &n_missing);
    if (!err && n_missing && (flags & PDUREP_DOCUMENT_ALLOW_FALLBACK)) {
        err = pdurep_narrative_fill_gaps(*out, en);
    } else if (!err && n_missing) {
        pdurep_sbuf list = {0};
        for (size_t i = 0; i < n_missing; i++) {
            pdurep_sbuf_puts(&list, i ? ", [" : "[");
            pdurep_sbuf_puts(&list, missing[i]);
            pdurep_sbuf_puts(&list, "]");
        }
        char *names = pdurep_sbuf_take(&list);
        if (names) {
            pdurep_diag_add(diag, NULL, 0, 0, "the '%s' narrative of %s (narrative.%s.txt) "
                            "lacks %zu section%s of narrative.txt: %s; a report in one language "
                            "needs them translated (--allow-fallback prints them in English)",
                            lang, id, lang, n_missing, n_missing == 1 ? "" : "s", names);
            err = PDUREP_ERROR_DATA;
        } else {
            err = PDUREP_ERROR_NO_MEMORY;
        }
        free(names);
    }
    free(missing);
    pdurep_narrative_free(en);
    return err;
}

pdurep_error pdurep_document_prepare(pdurep_db *db, const char *id, const char *lang, int flags,
                                     pdurep_document **out, pdurep_diag *diag)
{
    *out = NULL;
    if (!lang || !*lang)
        lang = PDUREP_NARRATIVE_BASE_LANG;
    pdurep_document *d = calloc(1, sizeof *d);
    if (!d)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_strings *terms = NULL;
    pdurep_error err = (d->lang = strdup(lang)) ? pdurep_ratings_compute(db, id, &d->computed, diag)
                                                : PDUREP_ERROR_NO_MEMORY;
    if (!err)
        err = load_narrative(db, id, lang, flags, &d->narrative, diag);
    /* Pooled by the region's name as the data holds it: d->computed is never localised. */
    if (!err && (flags & PDUREP_DOCUMENT_REGION_PDUS) &&
        !strcmp(d->computed->inspection->kind, "region"))
        err = pdurep_region_pdus_load(db, d->computed, &d->pdus, diag);
    if (!err)
        err = pdurep_framework_terms_load(lang, &terms, diag);
    if (!err && !(d->ratings = pdurep_ratings_localised(d->computed, terms, d->narrative)))
        err = PDUREP_ERROR_NO_MEMORY;
    pdurep_strings_free(terms);
    if (err) {
        pdurep_document_free(d);
        return err;
    }
    *out = d;
    return PDUREP_OK;
}

void pdurep_document_free(pdurep_document *d)
{
    if (!d)
        return;
    pdurep_ratings_free(d->ratings);
    pdurep_ratings_free(d->computed);
    pdurep_region_pdus_free(d->pdus);
    pdurep_narrative_free(d->narrative);
    free(d->lang);
    free(d);
}
