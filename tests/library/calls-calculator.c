/*
 * oom-library's calls through the calculator, localisation and narratives
 * (ratings.c, inspection.c, localise.c, document.c, region.c, narrative.c,
 * placeholder.c, narrative_db.c, show.c, json.c). They read a database that
 * oom_calculator_prepare() makes, without the failing allocator, from the Wales
 * fixture: six PDUs and their region, whose Welsh narrative is cut short so that
 * a Welsh document must fill gaps with English. (Replacing a narrative, which
 * writes, is oom-core.c's call narrative-replace.)
 */
#include "calls-calculator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdurep/document.h"
#include "pdurep/inspection.h"
#include "pdurep/lifecycle.h"
#include "pdurep/narrative.h"
#include "pdurep/provenance.h"
#include "pdurep/ratings.h"

#define PDU "north-wales-2025"
#define REGION "wales-2025"

static const char *const pdus[] = {"cardiff-and-the-vale", "cwm-taf-morgannwg", "dyfed-powys",
                                   "gwent", "north-wales", "swansea-neath-port-talbot", "region"};

/* A whole file, NUL-terminated, in a buffer of the caller's; its length, or -1. */
static long slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = '\0';
    return (long)n;
}

static char text[1 << 17];

/* Six PDUs of Wales and their region, whose Welsh narrative lacks its later sections. */
static pdurep_error setup(const char *root, const char *db_path)
{
    pdurep_db *db = NULL;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_error err = pdurep_db_open(db_path, 0, &db, diag);
    char path[4096];
    for (size_t i = 0; !err && i < sizeof pdus / sizeof *pdus; i++) {
        snprintf(path, sizeof path, "%s/fixtures/wales/%s", root, pdus[i]);
        err = pdurep_import(db, path, 0, NULL, diag);
    }
    /* The region's Welsh narrative without its later sections. */
    snprintf(path, sizeof path, "%s/fixtures/wales/region/narrative.cy.txt", root);
    long len = err ? -1 : slurp(path, text, sizeof text);
    char *cut = text;
    for (int k = 0; len >= 0 && k < 4 && cut; k++)
        cut = strstr(cut + 1, "\n[");
    if (!err && cut) {
        cut[1] = '\0';
        /* db_path fits: the caller's buffer is as long as this one. */
        if (snprintf(path, sizeof path, "%s.cy.txt", db_path) >= (int)sizeof path)
            err = PDUREP_ERROR_USAGE;
        FILE *f = err ? NULL : fopen(path, "wb");
        int bad = !f || fputs(text, f) < 0;
        if ((f && fclose(f)) || bad)
            err = PDUREP_ERROR_IO;
        if (!err)
            err = pdurep_narrative_replace(db, REGION, path, "cy", diag);
    } else if (!err) {
        err = PDUREP_ERROR_DATA;
    }
    if (err)
        pdurep_diag_print(diag, stderr, "setup: ");
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return err;
}

/* Ratings, every standard's reason, a copy, their JSON, and the pool of every PDU on the
 * framework. */
static pdurep_error rate(pdurep_db *db)
{
    pdurep_ratings *r = NULL, *copy = NULL, *pool = NULL;
    pdurep_error err = pdurep_ratings_compute(db, PDU, &r, NULL);
    for (size_t s = 0; !err && s < r->framework->n_standards; s++) {
        char *why = pdurep_standard_reason(r, s);
        if (!why)
            err = PDUREP_ERROR_NO_MEMORY;
        free(why);
    }
    if (!err && !(copy = pdurep_ratings_copy(r)))
        err = PDUREP_ERROR_NO_MEMORY;
    if (!err) {
        char *json = pdurep_ratings_to_json(r, PDUREP_JSON_PROMPTS | PDUREP_JSON_BREAKDOWNS);
        if (!json)
            err = PDUREP_ERROR_NO_MEMORY;
        free(json);
    }
    if (!err)
        err = pdurep_ratings_pool(db, r->framework->code, NULL, &pool, NULL);
    pdurep_ratings_free(pool);
    pdurep_ratings_free(copy);
    pdurep_ratings_free(r);
    return err;
}

/* Parse the Welsh narrative, cut every section into blocks and fill each one. */
static pdurep_error narrative(pdurep_db *db, const char *root)
{
    static const char *const rating[PDUREP_RATING_COUNT] = {"Annigonol", "Angen gwella", "Da",
                                                            "Rhagorol"};
    static const char *const month[12] = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai",
                                          "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                                          "Tachwedd", "Rhagfyr"};
    pdurep_narrative_words words = {.none = "[x]"};
    memcpy(words.rating, rating, sizeof rating);
    memcpy(words.month, month, sizeof month);
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/wales/north-wales/narrative.cy.txt", root);
    long len = slurp(path, text, sizeof text);
    if (len < 0)
        return PDUREP_ERROR_IO;
    pdurep_ratings *r = NULL;
    pdurep_narrative *n = NULL;
    pdurep_error err = pdurep_ratings_compute(db, PDU, &r, NULL);
    if (!err)
        err = pdurep_narrative_parse(text, (size_t)len, path, r->framework, &n, NULL);
    for (size_t i = 0; !err && i < n->n_sections; i++) {
        pdurep_block *b = NULL;
        size_t nb = 0;
        err = pdurep_narrative_blocks(&n->sections[i], 0, &b, &nb);
        for (size_t k = 0; !err && k < nb; k++) {
            char *filled = NULL;
            err = pdurep_narrative_fill(b[k].text, r, &words, &filled, NULL);
            free(filled);
        }
        pdurep_blocks_free(b, nb);
    }
    pdurep_narrative_free(n);
    pdurep_ratings_free(r);
    return err;
}

/* `pdurep show` of the region and a PDU, and `pdurep list --json`. */
static pdurep_error show(pdurep_db *db)
{
    char *out = NULL;
    pdurep_error err = pdurep_inspection_show_json(db, REGION, 0, &out, NULL);
    free(out);
    out = NULL;
    if (!err)
        err = pdurep_inspection_show_json(db, PDU, PDUREP_SHOW_PRETTY, &out, NULL);
    free(out);
    pdurep_inspection *list = NULL;
    size_t n = 0;
    if (!err)
        err = pdurep_inspection_list(db, &list, &n);
    if (!err) {
        char *json = pdurep_inspection_list_json(list, n, 0);
        if (!json)
            err = PDUREP_ERROR_NO_MEMORY;
        free(json);
        pdurep_inspection_list_free(list, n);
    }
    return err;
}

/* This block's calls, in the order oom_calculator_call() runs them; -1 for another. */
static int call_index(const char *call)
{
    static const char *const calls[] = {"rate", "narrative", "document-cy", "show"};
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++)
        if (!strcmp(call, calls[i]))
            return (int)i;
    return -1;
}

int oom_calculator_call(const char *call, const char *root, const char *tmp, pdurep_error *err)
{
    int which = call_index(call);
    if (which < 0)
        return -1;
    char db_path[4096];
    snprintf(db_path, sizeof db_path, "%s/calculator.db", tmp ? tmp : ".");
    pdurep_db *db = NULL;
    *err = tmp ? pdurep_db_open(db_path, PDUREP_DB_READONLY, &db, NULL) : PDUREP_ERROR_USAGE;
    if (!*err) {
        if (which == 0) {
            *err = rate(db);
        } else if (which == 1) {
            *err = narrative(db, root);
        } else if (which == 2) {
            pdurep_document *d = NULL;
            *err = pdurep_document_prepare(db, REGION, "cy",
                                           PDUREP_DOCUMENT_REGION_PDUS |
                                               PDUREP_DOCUMENT_COMPLETE_NARRATIVE |
                                               PDUREP_DOCUMENT_ALLOW_FALLBACK,
                                           &d, NULL);
            pdurep_document_free(d);
        } else {
            *err = show(db);
        }
    }
    pdurep_db_close(db);
    return 0;
}

int oom_calculator_prepare(const char *call, const char *root, const char *tmp)
{
    if (call_index(call) < 0)
        return 0;
    char db_path[4096];
    snprintf(db_path, sizeof db_path, "%s/calculator.db", tmp);
    FILE *f = fopen(db_path, "rb");
    if (f) {
        fclose(f);
        return 0;
    }
    return setup(root, db_path) ? -1 : 0;
}
