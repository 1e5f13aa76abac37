/*
 * The annexe writer's entry points: options, comparators, the workbook with
 * its formats and properties, and the atomic write around it. Each sheet is
 * written by its own file (sheet_*.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "pdurep/annexe.h"
#include "pdurep/atomic.h"
#include "pdurep/document.h"
#include "pdurep/version.h"
#include "xlsx/annexe_internal.h"

void pdurep_annexe_options_init(pdurep_annexe_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->suppress = -1;
    opts->memory = PDUREP_ANNEXE_MEMORY_AUTO;
    opts->min_comparator = PDUREP_ANNEXE_DEFAULT_MIN_COMPARATOR;
    /* Above this many cases the case sheet alone is millions of cells: stream it. */
    opts->large_cases = 20000;
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org) makes identical input give identical bytes. */
static time_t created_time(const pdurep_annexe_options *opts)
{
    if (opts->created)
        return opts->created;
    long long t;
    return pdurep_document_time(NULL, &t, NULL) == PDUREP_OK ? (time_t)t : time(NULL);
}

/* Rating colours, worst to best: pale enough for black text, distinct in greyscale print. */
static const lxw_color_t rating_fill[PDUREP_RATING_COUNT] = {0xEA9999, 0xFFE599, 0xD9EAD3,
                                                              0x93C47D};

static void make_formats(annexe_ctx *c)
{
    annexe_formats *f = &c->f;
    lxw_format **slots[14 + 3 * PDUREP_RATING_COUNT] = {
        &f->title, &f->subtitle, &f->heading, &f->header, &f->text,     &f->wrap,      &f->bold,
        &f->key,   &f->count,    &f->fraction, &f->ratio, &f->link,     &f->note,      &f->suppressed};
    size_t n = 14;
    for (int i = 0; i < PDUREP_RATING_COUNT; i++) {
        slots[n++] = &f->rating[i];
        slots[n++] = &f->rating_bold[i];
        slots[n++] = &f->band_fill[i];
    }
    if (annexe_add_formats(c->wb, slots, n)) {
        c->out_of_memory = 1;
        return;
    }
    format_set_bold(f->title);
    format_set_font_size(f->title, 16);
    format_set_italic(f->subtitle);
    format_set_bold(f->heading);
    format_set_font_size(f->heading, 13);
    format_set_bold(f->header);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f->wrap);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(f->bold);
    format_set_bold(f->key);
    format_set_align(f->key, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->count, "0");
    format_set_align(f->count, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->fraction, "0%");
    format_set_align(f->fraction, LXW_ALIGN_VERTICAL_TOP);
    format_set_num_format(f->ratio, "0.00");
    format_set_align(f->ratio, LXW_ALIGN_VERTICAL_TOP);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(f->link, LXW_COLOR_BLUE);
    format_set_text_wrap(f->note);
    format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(f->suppressed, LXW_ALIGN_RIGHT);
    format_set_align(f->suppressed, LXW_ALIGN_VERTICAL_TOP);
    for (int i = 0; i < PDUREP_RATING_COUNT; i++) {
        format_set_bg_color(f->rating[i], rating_fill[i]);
        format_set_align(f->rating[i], LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(f->rating_bold[i], rating_fill[i]);
        format_set_bold(f->rating_bold[i]);
        /* Conditional formats carry only the fill; the cell keeps its number format. */
        format_set_bg_color(f->band_fill[i], rating_fill[i]);
    }
}

/* Write one sheet, unless it is not wanted or the workbook is already lost (annexe_lost()). */
static void sheet(annexe_ctx *c, int wanted, void (*write)(annexe_ctx *))
{
    if (wanted && !annexe_lost(c))
        write(c);
}

/* The options' strings file alone, else the language's with English behind it. */
static pdurep_error load_strings(const pdurep_annexe_options *opts, pdurep_strings **out,
                                 pdurep_diag *diag)
{
    if (opts->strings_path)
        return pdurep_strings_load(opts->strings_path, out, diag);
    return pdurep_strings_load_lang(pdurep_data_dir(), "annexe-", opts->lang, out, diag);
}

static const char *const sheet_keys[SHEET_COUNT] = {
    "sheet.cover",     "sheet.contents",   "sheet.notes",           "sheet.ratings",
    "sheet.score",     "pdus.sheet",       "sheet.key_questions",   "sheet.prompts",
    "sheet.breakdowns", "sheet.sample",    "sheet.chart_questions", "sheet.chart_groups",
    "sheet.bands",     "sheet.points",     "sheet.overall",         "sheet.cases"};

/* Which sheets this workbook has: none that would be empty (the cover says why one is missing). */
static void choose_sheets(annexe_ctx *c, const pdurep_annexe_options *opts, pdurep_db *db)
{
    const pdurep_framework *fw = c->r->framework;
    for (int i = 0; i < SHEET_COUNT; i++)
        c->has_sheet[i] = 1;
    c->has_sheet[SHEET_CASES] = opts->with_cases != 0;
    /* Only a region's full annexe compares its PDUs: a sharing workbook never names another PDU. */
    c->has_sheet[SHEET_PDUS] = db && annexe_pdus_wanted(c->r->inspection, c->share);
    size_t prompts = 0, key_questions = 0;
    for (size_t q = 0; q < fw->n_questions; q++) {
        prompts += fw->questions[q].parent >= 0;
        key_questions += fw->questions[q].parent < 0;
    }
    c->has_sheet[SHEET_PROMPTS] = prompts > 0;
    c->has_sheet[SHEET_KEY_QUESTIONS] = key_questions > 0;
    c->has_sheet[SHEET_BREAKDOWNS] = key_questions > 0 && fw->n_attributes > 0;
    c->has_sheet[SHEET_SAMPLE] = fw->n_attributes > 0;
    c->has_sheet[SHEET_CHART_QUESTIONS] = annexe_charts_wanted(fw, 0);
    c->has_sheet[SHEET_CHART_GROUPS] = annexe_charts_wanted(fw, 1);
    c->has_sheet[SHEET_BANDS] = fw->n_bands > 0;
    c->has_sheet[SHEET_OVERALL] = fw->n_overall > 0;
}

static void set_properties(annexe_ctx *c, time_t created, char **owned, size_t n_owned)
{
    const pdurep_inspection *insp = c->r->inspection;
    const char *names[] = {"name", insp->name, "region", insp->region, "id", insp->id,
                           "framework", c->r->framework->name, NULL};
    owned[0] = annexe_sf(c, c->share ? "workbook.title_share" : "workbook.title", names);
    owned[1] = annexe_sf(c, c->share ? "workbook.subject_share" : "workbook.subject", names);
    owned[2] = annexe_sf(c, "workbook.comments", names);
    (void)n_owned;
    const char *org = *insp->inspectorate ? insp->inspectorate : annexe_s(c, "workbook.author");
    lxw_doc_properties props = {0};
    props.title = owned[0];
    props.subject = owned[1];
    props.author = (char *)org;
    props.company = (char *)org;
    props.manager = (char *)"";
    props.category = (char *)annexe_s(c, "workbook.category");
    props.keywords = (char *)annexe_s(c, "workbook.keywords");
    props.comments = owned[2];
    props.status = (char *)(c->share ? annexe_s(c, "workbook.status_share") : annexe_s(c, "workbook.status"));
    props.created = created;
    annexe_check(c, annexe_set_properties(c->wb, &props));
    annexe_check(c, workbook_set_custom_property_string(c->wb, "Inspection", insp->id));
    annexe_check(c, workbook_set_custom_property_string(c->wb, "Framework", c->r->framework->code));
    /* The data the figures came from, as `pdurep show` gives it (absent for an inspection
     * imported before pdurep recorded it). */
    if (insp->bundle_sha256 && *insp->bundle_sha256)
        annexe_check(c, workbook_set_custom_property_string(c->wb, "Bundle SHA-256",
                                                            insp->bundle_sha256));
    annexe_check(c, workbook_set_custom_property_string(c->wb, "Generator",
                                                        "pdurep " PDUREP_VERSION_STRING));
    annexe_check(c, workbook_set_custom_property_boolean(c->wb, "Sharing workbook", c->share));
    /* libxlsxwriter 1.1.4 writes no dc:language: a custom property says it instead. */
    const char *lang = pdurep_strings_get(c->strings, "workbook.language");
    if (lang && *lang)
        annexe_check(c, workbook_set_custom_property_string(c->wb, "Language", lang));
}


/*
 * libxlsxwriter writes every part of a workbook through a temporary file
 * before zipping it. On a disk file system creating and deleting those dozens
 * of files per workbook costs more than writing the workbook, so use
 * $TMPDIR when set, else memory-backed /dev/shm when it exists.
 */
static const char *scratch_dir(void)
{
    const char *t = getenv("TMPDIR");
    if (t && *t)
        return t;
    return access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : NULL;
}

/* Default options for NULL, and refuse combinations that make no sense. */
static pdurep_error check_options(const pdurep_annexe_options **opts,
                                  pdurep_annexe_options *defaults, pdurep_db *db,
                                  pdurep_diag *diag)
{
    if (!*opts) {
        pdurep_annexe_options_init(defaults);
        *opts = defaults;
    }
    if ((*opts)->share && (*opts)->with_cases) {
        pdurep_diag_add(diag, NULL, 0, 0, "a sharing workbook never holds case-level data");
        return PDUREP_ERROR_USAGE;
    }
    if ((*opts)->with_cases && !db) {
        pdurep_diag_add(diag, NULL, 0, 0, "the case sheet needs the database");
        return PDUREP_ERROR_USAGE;
    }
    return PDUREP_OK;
}

/* The workbook of ratings @p r; a region's PDUs come from @p pdus, or are loaded when NULL. */
static pdurep_error write_annexe(const pdurep_ratings *r, const pdurep_region_pdus *pdus,
                                 pdurep_db *db, pdurep_annexe_comparator *const *comparators,
                                 size_t n_comparators, const char *path,
                                 const pdurep_annexe_options *opts, pdurep_diag *diag)
{
    pdurep_annexe_options defaults;
    pdurep_error oerr = check_options(&opts, &defaults, db, diag);
    if (oerr)
        return oerr;

    annexe_ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.pdus = pdus;
    c.opts = opts;
    c.db = db;
    c.diag = diag;
    c.share = opts->share != 0;
    c.cmp = comparators;
    c.n_cmp = c.share ? n_comparators : 0;
    c.nq = r->framework->n_questions;
    c.threshold = opts->suppress >= 0 ? (unsigned long)opts->suppress
                                      : (c.share ? PDUREP_ANNEXE_DEFAULT_SUPPRESS : 0);
    c.constant_memory = opts->memory == PDUREP_ANNEXE_MEMORY_CONSTANT ||
                        (opts->memory == PDUREP_ANNEXE_MEMORY_AUTO && opts->with_cases &&
                         r->n_cases > opts->large_cases);

    /* A sheet holds 1,048,576 rows: refused before any work rather than failing half way.
     * Three rows are kept for the title, the notes line and the table header. */
    if (opts->with_cases && r->n_cases > LXW_ROW_MAX - 3) {
        pdurep_diag_add(diag, path, 0, 0, "%lu cases do not fit on one worksheet (a sheet holds "
                        "at most %lu rows): write the annexe without --with-cases",
                        (unsigned long)r->n_cases, (unsigned long)LXW_ROW_MAX);
        return PDUREP_ERROR_DATA;
    }
    pdurep_error err = load_strings(opts, &c.strings, diag);
    if (err)
        return err;
    const char *sp = pdurep_strings_file(c.strings);

    c.created = created_time(opts);
    choose_sheets(&c, opts, db);
    for (int i = 0; i < SHEET_COUNT; i++)
        c.sheet_name[i] = i == SHEET_PDUS && !c.has_sheet[i] ? "" : annexe_s(&c, sheet_keys[i]);
    if (c.missing_key) {
        pdurep_diag_add(diag, sp, 0, 0, "strings file has no '%s'", c.missing_key);
        pdurep_strings_free(c.strings);
        return PDUREP_ERROR_DATA;
    }
    if (c.has_sheet[SHEET_PDUS] && (err = annexe_pdus_prepare(&c)) != PDUREP_OK) {
        pdurep_strings_free(c.strings);
        return err;
    }
    if (c.has_sheet[SHEET_PDUS] && (!c.pdus || !c.pdus->n_pdus))
        c.has_sheet[SHEET_PDUS] = 0; /* no PDU pooled: the cover says so */
    annexe_notes_number(&c);
    if (annexe_plan_build(&c) != 0) {
        annexe_plan_free(&c.plan);
        pdurep_region_pdus_free(c.own_pdus);
        pdurep_strings_free(c.strings);
        return PDUREP_ERROR_NO_MEMORY;
    }

    pdurep_atomic out;
    err = pdurep_atomic_begin(path, &out, diag);
    if (err) {
        annexe_plan_free(&c.plan);
        pdurep_region_pdus_free(c.own_pdus);
        pdurep_strings_free(c.strings);
        return err;
    }
    lxw_workbook_options wopts = {0};
    wopts.constant_memory = c.constant_memory ? LXW_TRUE : LXW_FALSE;
    wopts.tmpdir = (char *)scratch_dir();
    unsigned long mark;
    c.wb = annexe_workbook_start(&out, &wopts, path, &mark, &err, diag);
    if (!c.wb) {
        pdurep_atomic_abort(&out);
        annexe_plan_free(&c.plan);
        pdurep_region_pdus_free(c.own_pdus);
        pdurep_strings_free(c.strings);
        return err;
    }

    c.lxw_mark = mark;
    char *owned[3] = {0};
    set_properties(&c, c.created, owned, 3);
    make_formats(&c);
    for (int i = 0; i < SHEET_COUNT && !annexe_lost(&c); i++) {
        if (!c.has_sheet[i])
            continue;
        lxw_error verr = workbook_validate_sheet_name(c.wb, c.sheet_name[i]);
        if (verr) {
            pdurep_diag_add(diag, sp, 0, 0, "sheet name '%s': %s", c.sheet_name[i],
                            lxw_strerror(verr));
            err = PDUREP_ERROR_DATA;
            break;
        }
        c.ws[i] = workbook_add_worksheet(c.wb, c.sheet_name[i]);
        if (!c.ws[i])
            annexe_check(&c, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    if (!err) {
        sheet(&c, 1, annexe_sheet_cover);
        sheet(&c, 1, annexe_sheet_contents);
        sheet(&c, 1, annexe_sheet_notes);
        sheet(&c, 1, annexe_sheet_ratings);
        sheet(&c, 1, annexe_sheet_score);
        sheet(&c, c.has_sheet[SHEET_PDUS], annexe_sheet_pdus);
        sheet(&c, c.has_sheet[SHEET_KEY_QUESTIONS], annexe_sheet_key_questions);
        sheet(&c, c.has_sheet[SHEET_PROMPTS], annexe_sheet_prompts);
        sheet(&c, c.has_sheet[SHEET_BREAKDOWNS], annexe_sheet_breakdowns);
        sheet(&c, c.has_sheet[SHEET_SAMPLE], annexe_sheet_sample);
        sheet(&c, 1, annexe_sheet_charts);
        sheet(&c, 1, annexe_sheet_rules);
        if (c.has_sheet[SHEET_CASES] && !annexe_lost(&c))
            err = annexe_sheet_cases(&c);
    }
    if (!err && c.missing_key) {
        pdurep_diag_add(diag, sp, 0, 0, "strings file has no '%s'", c.missing_key);
        err = PDUREP_ERROR_DATA;
    }
    if (!err && c.lxw_err)
        err = annexe_lxw_fail(c.lxw_err, path, diag);
    if (!err && c.out_of_memory) {
        pdurep_diag_add(diag, path, 0, 0, "out of memory while making the workbook; nothing was "
                        "written");
        err = PDUREP_ERROR_NO_MEMORY;
    }
    err = annexe_workbook_finish(c.wb, &out, path, mark, err, diag);
    for (int i = 0; i < 3; i++)
        free(owned[i]);
    if (!err && opts->n_sheets) {
        *opts->n_sheets = 0;
        for (int i = 0; i < SHEET_COUNT; i++)
            *opts->n_sheets += c.has_sheet[i] != 0;
    }
    annexe_plan_free(&c.plan);
    pdurep_region_pdus_free(c.own_pdus);
    pdurep_strings_free(c.strings);
    return err;
}

pdurep_error pdurep_annexe_write_ratings(const pdurep_ratings *r, pdurep_db *db,
                                         pdurep_annexe_comparator *const *comparators,
                                         size_t n_comparators, const char *path,
                                         const pdurep_annexe_options *opts, pdurep_diag *diag)
{
    return write_annexe(r, NULL, db, comparators, n_comparators, path, opts, diag);
}

pdurep_error pdurep_annexe_write(pdurep_db *db, const char *id, const char *path,
                                 const pdurep_annexe_options *opts, pdurep_diag *diag)
{
    /* Checked before any work, so a usage mistake costs nothing. */
    pdurep_annexe_options defaults;
    pdurep_error oerr = check_options(&opts, &defaults, db, diag);
    if (oerr)
        return oerr;
    /* An unknown id is reported by the preparation, with its message. */
    pdurep_inspection *in = NULL;
    pdurep_error gerr = pdurep_inspection_get(db, id, &in);
    /* Without memory the region's PDU sheets would be left out of a workbook that looks whole. */
    if (gerr == PDUREP_ERROR_NO_MEMORY)
        return gerr;
    int flags = !gerr && annexe_pdus_wanted(in, opts->share) ? PDUREP_DOCUMENT_REGION_PDUS : 0;
    pdurep_inspection_free(in);
    pdurep_document *d = NULL;
    pdurep_error err = pdurep_document_prepare(db, id, opts->lang, flags, &d, diag);
    if (err)
        return err;
    const pdurep_ratings *r = d->ratings;
    /* The comparator pools by the region's name as the data holds it. */
    const char *pool_region = d->computed->inspection->region;

    pdurep_annexe_comparator *cmp[2] = {NULL, NULL};
    size_t n_cmp = 0;
    if (opts->share) {
        /* Labels come from the strings file, so load it once here as well. */
        pdurep_strings *s = NULL;
        err = load_strings(opts, &s, diag);
        if (!err && *pool_region) {
            const char *tpl = pdurep_strings_get(s, "comparator.region");
            const char *names[] = {"region", r->inspection->region, NULL};
            char *label = pdurep_strings_format(tpl ? tpl : "{region}", names);
            err = label ? pdurep_annexe_comparator_build(db, r, pool_region, label, &cmp[0], diag)
                        : PDUREP_ERROR_NO_MEMORY;
            free(label);
        }
        n_cmp = 1;
        if (!err) {
            const char *tpl = pdurep_strings_get(s, "comparator.all");
            err = pdurep_annexe_comparator_build(db, r, NULL, tpl ? tpl : "All inspections",
                                                 &cmp[1], diag);
            n_cmp = 2;
        }
        pdurep_strings_free(s);
    }
    if (!err)
        err = write_annexe(r, d->pdus, db, cmp, n_cmp, path, opts, diag);
    for (size_t i = 0; i < 2; i++)
        pdurep_annexe_comparator_free(cmp[i]);
    pdurep_document_free(d);
    return err;
}

/* Batch writers: one call per document, each with its own database connection. */
static pdurep_error batch_write(pdurep_db *db, const char *id, const char *path, const char *lang,
                                int share, int *units, pdurep_diag *diag)
{
    if (!lang || !*lang)
        lang = PDUREP_STRINGS_BASE_LANG;
    /* The language becomes part of a file name: refuse anything but letters and '-'. */
    if (!pdurep_strings_valid_lang(lang)) {
        pdurep_diag_add(diag, NULL, 0, 0, "language '%s' is not a language code", lang);
        return PDUREP_ERROR_USAGE;
    }
    pdurep_annexe_options opts;
    pdurep_annexe_options_init(&opts);
    opts.share = share;
    opts.lang = lang;
    /* A batch is a publication set: date it by the inspection, not the clock. */
    pdurep_inspection *in = NULL;
    long long created = 0;
    pdurep_error terr = pdurep_inspection_get(db, id, &in);
    if (!terr)
        terr = pdurep_document_time(in, &created, diag);
    int sheets = 0;
    opts.n_sheets = &sheets;
    pdurep_inspection_free(in);
    /* Out of memory, the workbook would be dated by the clock and differ from run to run. */
    if (terr == PDUREP_ERROR_DATA || terr == PDUREP_ERROR_NO_MEMORY)
        return terr;
    opts.created = (time_t)created;
    pdurep_error err = pdurep_annexe_write(db, id, path, &opts, diag);
    if (!err && units)
        *units = sheets;
    return err;
}

pdurep_error pdurep_annexe_batch_write(pdurep_db *db, const char *id, const char *path,
                                       const char *lang, int *units, pdurep_diag *diag)
{
    return batch_write(db, id, path, lang, 0, units, diag);
}

pdurep_error pdurep_annexe_batch_write_share(pdurep_db *db, const char *id, const char *path,
                                             const char *lang, int *units, pdurep_diag *diag)
{
    return batch_write(db, id, path, lang, 1, units, diag);
}
