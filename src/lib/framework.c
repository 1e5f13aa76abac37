/*
 * Frameworks as data: reading the CSV files of frameworks/NAME/, checking that
 * they make a coherent rating scheme, and the pure rules that apply them
 * (bands, points, overall bands, rounding).
 */
#include "pdurep/framework.h"
#include "rows.h"
#include "util.h"
#include "framework_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const rating_names[PDUREP_RATING_COUNT] = {
    "Inadequate", "Requires improvement", "Good", "Outstanding",
};

const char *pdurep_rating_name(pdurep_rating rating)
{
    if (rating < 0 || rating >= PDUREP_RATING_COUNT)
        return "";
    return rating_names[rating];
}

pdurep_rating pdurep_rating_parse(const char *text)
{
    if (!text)
        return PDUREP_RATING_NONE;
    while (*text == ' ')
        text++;
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        len--;
    char buf[64];
    if (len >= sizeof buf)
        return PDUREP_RATING_NONE;
    memcpy(buf, text, len);
    buf[len] = '\0';
    for (int r = 0; r < PDUREP_RATING_COUNT; r++)
        if (pdurep_strieq(buf, rating_names[r]))
            return (pdurep_rating)r;
    return PDUREP_RATING_NONE;
}

int pdurep_percent_rounded(unsigned long yes, unsigned long relevant)
{
    if (relevant == 0)
        return -1;
    /* Integer arithmetic: half up on the exact fraction, no floating-point drift. */
    return (int)((200 * (unsigned long long)yes + relevant) / (2 * (unsigned long long)relevant));
}

const pdurep_band *pdurep_framework_band(const pdurep_framework *fw, double percent)
{
    if (!(percent >= 0))
        return NULL;
    double p = fw->band_on_rounded ? floor(percent + 0.5) : percent;
    for (size_t i = 0; i < fw->n_bands; i++)
        if (p >= fw->bands[i].min_percent)
            return &fw->bands[i];
    return NULL;
}

pdurep_rating pdurep_framework_overall(const pdurep_framework *fw, int score)
{
    for (size_t i = 0; i < fw->n_overall; i++)
        if (score >= fw->overall[i].min_score && score <= fw->overall[i].max_score)
            return fw->overall[i].rating;
    return PDUREP_RATING_NONE;
}

int pdurep_framework_max_score(const pdurep_framework *fw)
{
    int best = 0;
    for (int r = 0; r < PDUREP_RATING_COUNT; r++)
        if (fw->points[r] > best)
            best = fw->points[r];
    return best * (int)fw->n_standards;
}

long pdurep_framework_question_index(const pdurep_framework *fw, const char *code)
{
    for (size_t i = 0; i < fw->n_questions; i++)
        if (strcmp(fw->questions[i].code, code) == 0)
            return (long)i;
    return -1;
}

long pdurep_framework_standard_index(const pdurep_framework *fw, const char *code)
{
    for (size_t i = 0; i < fw->n_standards; i++)
        if (strcmp(fw->standards[i].code, code) == 0)
            return (long)i;
    return -1;
}

long pdurep_framework_attribute_index(const pdurep_framework *fw, const char *code)
{
    for (size_t i = 0; i < fw->n_attributes; i++)
        if (strcmp(fw->attributes[i].code, code) == 0)
            return (long)i;
    return -1;
}

void pdurep_framework_free(pdurep_framework *fw)
{
    if (!fw)
        return;
    free(fw->code);
    free(fw->name);
    free(fw->kind);
    for (size_t i = 0; i < fw->n_standards; i++) {
        pdurep_standard *s = &fw->standards[i];
        free(s->code);
        free(s->name);
        free(s->statement);
        free(s->domain_name);
        free(s->key_questions);
    }
    free(fw->standards);
    for (size_t i = 0; i < fw->n_questions; i++) {
        free(fw->questions[i].code);
        free(fw->questions[i].text);
        free(fw->questions[i].pooled_from);
        free(fw->questions[i].filter_attribute);
        free(fw->questions[i].filter_value);
    }
    free(fw->questions);
    for (size_t i = 0; i < fw->n_bands; i++)
        free(fw->bands[i].name);
    free(fw->bands);
    free(fw->overall);
    for (size_t i = 0; i < fw->n_attributes; i++) {
        pdurep_attribute *a = &fw->attributes[i];
        for (size_t v = 0; v < a->n_values; v++) {
            free(a->values[v]);
            free(a->labels[v]);
        }
        free(a->code);
        free(a->label);
        free(a->values);
        free(a->labels);
    }
    free(fw->attributes);
    free(fw);
}

/* A copy of @p s into *@p dst; NULL stays NULL (optional fields are NULL when absent).
 * 0, or -1 when memory ran out. */
static int dup_into(char **dst, const char *s)
{
    *dst = s ? strdup(s) : NULL;
    return s && !*dst ? -1 : 0;
}

/* A zeroed array of @p n items, never NULL for none: NULL means memory ran out. */
static void *array_of(size_t n, size_t size)
{
    return calloc(n ? n : 1, size);
}

static int copy_standards(pdurep_framework *c, const pdurep_framework *fw)
{
    if (!(c->standards = array_of(fw->n_standards, sizeof *c->standards)))
        return -1;
    for (size_t i = 0; i < fw->n_standards; i++) {
        const pdurep_standard *s = &fw->standards[i];
        pdurep_standard *d = &c->standards[c->n_standards++];
        *d = *s;
        d->code = d->name = d->statement = d->domain_name = NULL;
        d->key_questions = NULL;
        if (dup_into(&d->code, s->code) || dup_into(&d->name, s->name) ||
            dup_into(&d->statement, s->statement) || dup_into(&d->domain_name, s->domain_name) ||
            !(d->key_questions = array_of(s->n_key_questions, sizeof *d->key_questions)))
            return -1;
        if (s->n_key_questions)
            memcpy(d->key_questions, s->key_questions, s->n_key_questions * sizeof *s->key_questions);
    }
    return 0;
}

static int copy_questions(pdurep_framework *c, const pdurep_framework *fw)
{
    if (!(c->questions = array_of(fw->n_questions, sizeof *c->questions)))
        return -1;
    for (size_t i = 0; i < fw->n_questions; i++) {
        const pdurep_question *q = &fw->questions[i];
        pdurep_question *d = &c->questions[c->n_questions++];
        *d = *q;
        d->code = d->text = d->pooled_from = d->filter_attribute = d->filter_value = NULL;
        if (dup_into(&d->code, q->code) || dup_into(&d->text, q->text) ||
            dup_into(&d->pooled_from, q->pooled_from) ||
            dup_into(&d->filter_attribute, q->filter_attribute) ||
            dup_into(&d->filter_value, q->filter_value))
            return -1;
    }
    return 0;
}

static int copy_attributes(pdurep_framework *c, const pdurep_framework *fw)
{
    if (!(c->attributes = array_of(fw->n_attributes, sizeof *c->attributes)))
        return -1;
    for (size_t i = 0; i < fw->n_attributes; i++) {
        const pdurep_attribute *a = &fw->attributes[i];
        pdurep_attribute *d = &c->attributes[c->n_attributes++];
        if (dup_into(&d->code, a->code) || dup_into(&d->label, a->label) ||
            !(d->values = array_of(a->n_values, sizeof *d->values)) ||
            !(d->labels = array_of(a->n_values, sizeof *d->labels)))
            return -1;
        for (size_t v = 0; v < a->n_values; v++) {
            d->n_values++; /* counted first: pdurep_framework_free() frees what is there */
            if (dup_into(&d->values[v], a->values[v]) || dup_into(&d->labels[v], a->labels[v]))
                return -1;
        }
    }
    return 0;
}

pdurep_framework *pdurep_framework_copy(const pdurep_framework *fw)
{
    pdurep_framework *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    /* The scalars as they are; every array counts only what was copied, so a copy cut short
     * by memory frees cleanly. */
    c->band_on_rounded = fw->band_on_rounded;
    c->provisional = fw->provisional;
    memcpy(c->points, fw->points, sizeof c->points);
    int failed = dup_into(&c->code, fw->code) || dup_into(&c->name, fw->name) ||
                 dup_into(&c->kind, fw->kind) || copy_standards(c, fw) ||
                 copy_questions(c, fw) || copy_attributes(c, fw);
    if (!failed && (c->bands = array_of(fw->n_bands, sizeof *c->bands))) {
        for (size_t i = 0; !failed && i < fw->n_bands; i++) {
            c->bands[c->n_bands] = fw->bands[i];
            failed = dup_into(&c->bands[c->n_bands++].name, fw->bands[i].name);
        }
    } else {
        failed = 1;
    }
    if (!failed && (c->overall = array_of(fw->n_overall, sizeof *c->overall))) {
        c->n_overall = fw->n_overall;
        if (fw->n_overall)
            memcpy(c->overall, fw->overall, fw->n_overall * sizeof *fw->overall);
    } else {
        failed = 1;
    }
    if (failed) {
        pdurep_framework_free(c);
        return NULL;
    }
    return c;
}

/* ---- building a framework (shared by the file reader and the database loader) ---- */

pdurep_standard *pdurep_framework_add_standard(pdurep_framework *fw)
{
    pdurep_standard *grown = realloc(fw->standards, (fw->n_standards + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    fw->standards = grown;
    pdurep_standard *s = &fw->standards[fw->n_standards++];
    memset(s, 0, sizeof *s);
    return s;
}

pdurep_question *pdurep_framework_add_question(pdurep_framework *fw)
{
    pdurep_question *grown = realloc(fw->questions, (fw->n_questions + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    fw->questions = grown;
    pdurep_question *q = &fw->questions[fw->n_questions++];
    memset(q, 0, sizeof *q);
    q->parent = -1;
    return q;
}

pdurep_error pdurep_framework_add_attribute_value(pdurep_framework *fw, const char *attr,
                                                  const char *attr_label, const char *value,
                                                  const char *label)
{
    long i = pdurep_framework_attribute_index(fw, attr);
    pdurep_attribute *a;
    if (i < 0) {
        pdurep_attribute *grown = realloc(fw->attributes,
                                          (fw->n_attributes + 1) * sizeof *grown);
        if (!grown)
            return PDUREP_ERROR_NO_MEMORY;
        fw->attributes = grown;
        a = &fw->attributes[fw->n_attributes];
        memset(a, 0, sizeof *a);
        a->code = strdup(attr);
        a->label = strdup(attr_label);
        /* Counted even when a copy failed, so pdurep_framework_free() frees the other. */
        fw->n_attributes++;
        if (!a->code || !a->label)
            return PDUREP_ERROR_NO_MEMORY;
    } else {
        a = &fw->attributes[i];
    }
    char **values = realloc(a->values, (a->n_values + 1) * sizeof *values);
    if (values)
        a->values = values;
    char **labels = values ? realloc(a->labels, (a->n_values + 1) * sizeof *labels) : NULL;
    if (!labels)
        return PDUREP_ERROR_NO_MEMORY;
    a->labels = labels;
    char *v = strdup(value), *l = strdup(label);
    if (!v || !l) {
        free(v);
        free(l);
        return PDUREP_ERROR_NO_MEMORY;
    }
    a->values[a->n_values] = v;
    a->labels[a->n_values] = l;
    a->n_values++;
    return PDUREP_OK;
}

static int cmp_band_desc(const void *a, const void *b)
{
    double x = ((const pdurep_band *)a)->min_percent, y = ((const pdurep_band *)b)->min_percent;
    return (x < y) - (x > y);
}

static int cmp_overall_asc(const void *a, const void *b)
{
    return ((const pdurep_overall_band *)a)->min_score - ((const pdurep_overall_band *)b)->min_score;
}

/*
 * Link prompts to key questions and key questions to standards, sort the
 * bands, and check the whole is a usable scheme. Reports against @p where.
 */
static pdurep_error framework_finish(pdurep_framework *fw, const char *where,
                                     pdurep_diag *diag);

pdurep_error pdurep_framework_finish(pdurep_framework *fw, const char *where, pdurep_diag *diag)
{
    pdurep_diag *own;
    if (!(diag = pdurep_diag_ensure(diag, &own)))
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = framework_finish(fw, where, diag);
    pdurep_diag_free(own);
    return err;
}

static pdurep_error framework_finish(pdurep_framework *fw, const char *where,
                                     pdurep_diag *diag)
{
    size_t before = pdurep_diag_total(diag);
    qsort(fw->bands, fw->n_bands, sizeof *fw->bands, cmp_band_desc);
    qsort(fw->overall, fw->n_overall, sizeof *fw->overall, cmp_overall_asc);

    for (size_t i = 0; i < fw->n_questions; i++) {
        pdurep_question *q = &fw->questions[i];
        if (q->parent >= 0)
            continue;
        pdurep_standard *s = &fw->standards[q->standard];
        size_t *grown = realloc(s->key_questions, (s->n_key_questions + 1) * sizeof *grown);
        if (!grown)
            return PDUREP_ERROR_NO_MEMORY;
        s->key_questions = grown;
        s->key_questions[s->n_key_questions++] = i;
    }
    for (size_t i = 0; i < fw->n_standards; i++) {
        pdurep_standard *s = &fw->standards[i];
        if (s->rated_by == PDUREP_RATED_BY_CASES && s->n_key_questions == 0)
            pdurep_diag_add(diag, where, 0, 0, "standard %s is rated from cases but has no key "
                            "question", s->code);
    }
    if (fw->n_standards == 0)
        pdurep_diag_add(diag, where, 0, 0, "the framework has no standards");
    if (fw->n_bands == 0 || fw->bands[fw->n_bands - 1].min_percent != 0)
        pdurep_diag_add(diag, where, 0, 0, "the bands must include one starting at 0%%");
    int expect = 0, max = pdurep_framework_max_score(fw);
    for (size_t i = 0; i < fw->n_overall; i++) {
        if (fw->overall[i].min_score != expect || fw->overall[i].max_score < expect)
            pdurep_diag_add(diag, where, 0, 0, "overall bands must run from 0 to %d without gaps "
                            "or overlaps (problem at score %d)", max, expect);
        expect = fw->overall[i].max_score + 1;
    }
    if (expect != max + 1)
        pdurep_diag_add(diag, where, 0, 0, "overall bands end at %d but the maximum score is %d",
                        expect - 1, max);
    return pdurep_diag_total(diag) > before ? PDUREP_ERROR_DATA : PDUREP_OK;
}

/* ---- reading the CSV files of frameworks/NAME ---- */

typedef struct fwfile {
    char *path;
    char *name; /* for messages */
    pdurep_csv_table t;
} fwfile;

static pdurep_error fw_slurp(const char *dir, const char *file, const pdurep_csv_column *cols,
                             size_t n, fwfile *out, pdurep_diag *diag)
{
    if (!(out->path = pdurep_path_join(dir, file)) || !(out->name = strdup(out->path)))
        return PDUREP_ERROR_NO_MEMORY;
    /* Through the bundle's row reader: one header mapping, one trimming, one set of messages. */
    pdurep_rows src;
    pdurep_error err = pdurep_rows_csv(&src, out->path, NULL);
    if (!err)
        err = pdurep_rows_slurp(&src, cols, n, &out->t, diag);
    pdurep_rows_clear(&src);
    return err;
}

static void fw_file_free(fwfile *f)
{
    pdurep_csv_table_free(&f->t);
    free(f->path);
    free(f->name);
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A copy of @p s, or NULL with *@p oom set: a reader goes on to the end of its table and
 * then returns PDUREP_ERROR_NO_MEMORY, and the whole framework is freed. */
static char *dup(const char *s, int *oom)
{
    char *d = strdup(s);
    if (!d)
        *oom = 1;
    return d;
}

static pdurep_error read_meta(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    int oom = 0;
    for (size_t r = 0; r < f->t.n_rows; r++) {
        const char *k = pdurep_csv_cell(&f->t, r, 0), *v = pdurep_csv_cell(&f->t, r, 1);
        unsigned long line = f->t.lines[r];
        /* A key given twice keeps its last value, as it always did (without the leak). */
        if (!strcmp(k, "code")) {
            free(fw->code);
            fw->code = dup(v, &oom);
        } else if (!strcmp(k, "name")) {
            free(fw->name);
            fw->name = dup(v, &oom);
        } else if (!strcmp(k, "kind")) {
            if (strcmp(v, "pdu") && strcmp(v, "region"))
                pdurep_diag_add(diag, f->name, line, 2, "kind \"%s\" is not pdu or region", v);
            free(fw->kind);
            fw->kind = dup(v, &oom);
        } else if (!strcmp(k, "band_basis")) {
            if (!strcmp(v, "rounded"))
                fw->band_on_rounded = 1;
            else if (strcmp(v, "unrounded"))
                pdurep_diag_add(diag, f->name, line, 2,
                                "band_basis \"%s\" is not rounded or unrounded", v);
        } else if (!strcmp(k, "provisional")) {
            if (!strcmp(v, "yes"))
                fw->provisional = 1;
            else if (strcmp(v, "no"))
                pdurep_diag_add(diag, f->name, line, 2, "provisional \"%s\" is not yes or no", v);
        } else {
            pdurep_diag_add(diag, f->name, line, 1, "unknown key \"%s\"", k);
        }
    }
    if (oom)
        return PDUREP_ERROR_NO_MEMORY;
    if (!fw->code || !fw->name || !fw->kind)
        pdurep_diag_add(diag, f->name, 0, 0, "code, name and kind are required");
    if (!fw->code) fw->code = dup("", &oom);
    if (!fw->name) fw->name = dup("", &oom);
    if (!fw->kind) fw->kind = dup("pdu", &oom);
    return oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
}

static pdurep_error read_standards(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    int oom = 0;
    for (size_t r = 0; r < f->t.n_rows && !oom; r++) {
        unsigned long line = f->t.lines[r];
        const char *code = pdurep_csv_cell(&f->t, r, 0);
        if (pdurep_framework_standard_index(fw, code) >= 0)
            pdurep_diag_add(diag, f->name, line, f->t.col_index[0], "standard %s appears twice",
                            code);
        pdurep_standard *s = pdurep_framework_add_standard(fw);
        if (!s)
            return PDUREP_ERROR_NO_MEMORY;
        s->code = dup(code, &oom);
        s->name = dup(pdurep_csv_cell(&f->t, r, 1), &oom);
        long domain;
        if (pdurep_parse_long(pdurep_csv_cell(&f->t, r, 2), &domain) || domain < 1)
            pdurep_diag_add(diag, f->name, line, f->t.col_index[2], "domain \"%s\" is not a "
                            "positive whole number", pdurep_csv_cell(&f->t, r, 2));
        s->domain = (int)domain;
        s->domain_name = dup(pdurep_csv_cell(&f->t, r, 3), &oom);
        const char *by = pdurep_csv_cell(&f->t, r, 4);
        if (!strcmp(by, "cases"))
            s->rated_by = PDUREP_RATED_BY_CASES;
        else if (strcmp(by, "judgement"))
            pdurep_diag_add(diag, f->name, line, f->t.col_index[4],
                            "rated_by \"%s\" is not judgement or cases", by);
        s->statement = dup(pdurep_csv_cell(&f->t, r, 5), &oom);
    }
    return oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
}

/* Region frameworks pool a PDU question, optionally over cases with one attribute value. */
static pdurep_error read_pooling(pdurep_framework *fw, fwfile *f, size_t r, pdurep_question *q,
                                 pdurep_diag *diag)
{
    const char *from = pdurep_csv_cell(&f->t, r, 5);
    const char *filter = pdurep_csv_cell(&f->t, r, 6);
    if (*from && !(q->pooled_from = strdup(from)))
        return PDUREP_ERROR_NO_MEMORY;
    if (!*filter)
        return PDUREP_OK;
    const char *eq = strchr(filter, '=');
    if (!*from || !eq) {
        pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[6],
                        "filter \"%s\" must read ATTRIBUTE=VALUE and go with pooled_from", filter);
        return PDUREP_OK;
    }
    q->filter_attribute = strndup(filter, (size_t)(eq - filter));
    q->filter_value = strdup(eq + 1);
    if (!q->filter_attribute || !q->filter_value)
        return PDUREP_ERROR_NO_MEMORY;
    long a = pdurep_framework_attribute_index(fw, q->filter_attribute);
    size_t v = 0;
    if (a >= 0)
        while (v < fw->attributes[a].n_values && strcmp(fw->attributes[a].values[v], eq + 1))
            v++;
    if (a < 0 || v == fw->attributes[a].n_values)
        pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[6],
                        "filter \"%s\" names no attribute value of attributes.csv", filter);
    return PDUREP_OK;
}

static pdurep_error read_questions(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    int oom = 0;
    /* Parents may come later in the file, so resolve them in a second pass. */
    for (size_t r = 0; r < f->t.n_rows; r++) {
        unsigned long line = f->t.lines[r];
        const char *code = pdurep_csv_cell(&f->t, r, 0);
        const char *std = pdurep_csv_cell(&f->t, r, 1);
        const char *wording = pdurep_csv_cell(&f->t, r, 3);
        if (!*code)
            pdurep_diag_add(diag, f->name, line, f->t.col_index[0], "empty question code");
        if (pdurep_framework_question_index(fw, code) >= 0)
            pdurep_diag_add(diag, f->name, line, f->t.col_index[0], "question %s appears twice",
                            code);
        long si = pdurep_framework_standard_index(fw, std);
        if (si < 0)
            pdurep_diag_add(diag, f->name, line, f->t.col_index[1], "unknown standard \"%s\"", std);
        if (strcmp(wording, "published") && strcmp(wording, "paraphrased"))
            pdurep_diag_add(diag, f->name, line, f->t.col_index[3],
                            "wording \"%s\" is not published or paraphrased", wording);
        pdurep_question *q = pdurep_framework_add_question(fw);
        if (!q)
            return PDUREP_ERROR_NO_MEMORY;
        q->code = dup(code, &oom);
        q->text = dup(pdurep_csv_cell(&f->t, r, 4), &oom);
        q->standard = si < 0 ? 0 : (size_t)si;
        q->paraphrased = !strcmp(wording, "paraphrased");
        /* The code is compared with later ones: nothing more is read without it. */
        if (oom || read_pooling(fw, f, r, q, diag))
            return PDUREP_ERROR_NO_MEMORY;
    }
    for (size_t r = 0; r < f->t.n_rows && r < fw->n_questions; r++) {
        const char *parent = pdurep_csv_cell(&f->t, r, 2);
        if (!*parent)
            continue;
        pdurep_question *q = &fw->questions[r];
        long pi = pdurep_framework_question_index(fw, parent);
        if (pi < 0 || fw->questions[pi].parent >= 0 || *pdurep_csv_cell(&f->t, (size_t)pi, 2))
            pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[2],
                            "parent \"%s\" is not a key question", parent);
        else if (fw->questions[pi].standard != q->standard)
            pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[2],
                            "prompt %s belongs to another standard than its key question %s",
                            q->code, parent);
        q->parent = pi;
    }
    return PDUREP_OK;
}

static pdurep_rating rating_cell(fwfile *f, size_t r, size_t col, pdurep_diag *diag)
{
    const char *text = pdurep_csv_cell(&f->t, r, col);
    pdurep_rating rating = pdurep_rating_parse(text);
    if (rating == PDUREP_RATING_NONE)
        pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[col],
                        "\"%s\" is not a rating (Outstanding, Good, Requires improvement, "
                        "Inadequate)", text);
    return rating;
}

static pdurep_error read_bands(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    int oom = 0;
    if (!(fw->bands = array_of(f->t.n_rows, sizeof *fw->bands)))
        return PDUREP_ERROR_NO_MEMORY;
    for (size_t r = 0; r < f->t.n_rows; r++) {
        pdurep_band *b = &fw->bands[fw->n_bands++];
        if (pdurep_parse_double(pdurep_csv_cell(&f->t, r, 0), &b->min_percent) ||
            b->min_percent < 0 || b->min_percent > 100)
            pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[0],
                            "min_percent \"%s\" is not a number from 0 to 100",
                            pdurep_csv_cell(&f->t, r, 0));
        b->name = dup(pdurep_csv_cell(&f->t, r, 1), &oom);
        b->rating = rating_cell(f, r, 2, diag);
    }
    return oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_OK;
}

static pdurep_error read_points(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    int seen[PDUREP_RATING_COUNT] = {0};
    for (size_t r = 0; r < f->t.n_rows; r++) {
        pdurep_rating rating = rating_cell(f, r, 0, diag);
        long points;
        if (pdurep_parse_long(pdurep_csv_cell(&f->t, r, 1), &points) || points < 0 || points > 100)
            pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[1],
                            "points \"%s\" is not a whole number from 0 to 100",
                            pdurep_csv_cell(&f->t, r, 1));
        else if (rating != PDUREP_RATING_NONE) {
            fw->points[rating] = (int)points;
            seen[rating] = 1;
        }
    }
    for (int r = 0; r < PDUREP_RATING_COUNT; r++)
        if (!seen[r])
            pdurep_diag_add(diag, f->name, 0, 0, "no points given for %s", rating_names[r]);
    return PDUREP_OK;
}

static pdurep_error read_overall(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    if (!(fw->overall = array_of(f->t.n_rows, sizeof *fw->overall)))
        return PDUREP_ERROR_NO_MEMORY;
    for (size_t r = 0; r < f->t.n_rows; r++) {
        pdurep_overall_band *o = &fw->overall[fw->n_overall++];
        long lo = 0, hi = 0;
        for (size_t c = 0; c < 2; c++)
            if (pdurep_parse_long(pdurep_csv_cell(&f->t, r, c), c ? &hi : &lo))
                pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[c],
                                "\"%s\" is not a whole number", pdurep_csv_cell(&f->t, r, c));
        o->min_score = (int)lo;
        o->max_score = (int)hi;
        o->rating = rating_cell(f, r, 2, diag);
    }
    return PDUREP_OK;
}

static int valid_attribute_code(const char *code)
{
    size_t n = strlen(code);
    if (n == 0 || n > 64)
        return 0;
    for (const char *p = code; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return 0;
    return 1;
}

static pdurep_error read_attributes(pdurep_framework *fw, fwfile *f, pdurep_diag *diag)
{
    for (size_t r = 0; r < f->t.n_rows; r++) {
        const char *attr = pdurep_csv_cell(&f->t, r, 0);
        const char *value = pdurep_csv_cell(&f->t, r, 2);
        long ai = pdurep_framework_attribute_index(fw, attr);
        /* An attribute is a column of cases.csv and its values are stored joined by tabs. */
        if (ai < 0 && !valid_attribute_code(attr))
            pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[0],
                            "attribute \"%s\" must be 1 to 64 of a-z, 0-9 and '_'", attr);
        if (!*value || strpbrk(value, "\t\r\n"))
            pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[2],
                            "value \"%s\" of %s must be a line of text without tabs", value, attr);
        if (ai >= 0)
            for (size_t v = 0; v < fw->attributes[ai].n_values; v++)
                if (!strcmp(fw->attributes[ai].values[v], value))
                    pdurep_diag_add(diag, f->name, f->t.lines[r], f->t.col_index[2],
                                    "value \"%s\" of %s appears twice", value, attr);
        if (pdurep_framework_add_attribute_value(fw, attr, pdurep_csv_cell(&f->t, r, 1), value,
                                                 pdurep_csv_cell(&f->t, r, 3)))
            return PDUREP_ERROR_NO_MEMORY;
    }
    return PDUREP_OK;
}

pdurep_error pdurep_framework_read_dir(const char *dir, pdurep_framework **out, pdurep_diag *diag)
{
    static const pdurep_csv_column meta_cols[] = {{"key", 1}, {"value", 1}};
    static const pdurep_csv_column std_cols[] = {{"code", 1}, {"name", 1}, {"domain", 1},
                                                 {"domain_name", 1}, {"rated_by", 1},
                                                 {"statement", 0}};
    static const pdurep_csv_column q_cols[] = {{"code", 1}, {"standard", 1}, {"parent", 1},
                                               {"wording", 1}, {"text", 1}, {"pooled_from", 0},
                                               {"filter", 0}};
    static const pdurep_csv_column band_cols[] = {{"min_percent", 1}, {"name", 1}, {"rating", 1}};
    static const pdurep_csv_column pts_cols[] = {{"rating", 1}, {"points", 1}};
    static const pdurep_csv_column ov_cols[] = {{"min_score", 1}, {"max_score", 1}, {"rating", 1}};
    static const pdurep_csv_column attr_cols[] = {{"attribute", 1}, {"attribute_label", 1},
                                                  {"value", 1}, {"label", 1}};
    static const struct {
        const char *file;
        const pdurep_csv_column *cols;
        size_t n;
        pdurep_error (*read)(pdurep_framework *, fwfile *, pdurep_diag *);
    } files[] = {
        {"framework.csv", meta_cols, ARRAY_LEN(meta_cols), read_meta},
        {"standards.csv", std_cols, ARRAY_LEN(std_cols), read_standards},
        {"attributes.csv", attr_cols, ARRAY_LEN(attr_cols), read_attributes},
        {"questions.csv", q_cols, ARRAY_LEN(q_cols), read_questions},
        {"bands.csv", band_cols, ARRAY_LEN(band_cols), read_bands},
        {"points.csv", pts_cols, ARRAY_LEN(pts_cols), read_points},
        {"overall.csv", ov_cols, ARRAY_LEN(ov_cols), read_overall},
    };

    *out = NULL;
    pdurep_diag *own;
    if (!(diag = pdurep_diag_ensure(diag, &own)))
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_framework *fw = calloc(1, sizeof *fw);
    if (!fw) {
        pdurep_diag_free(own);
        return PDUREP_ERROR_NO_MEMORY;
    }
    size_t before = pdurep_diag_total(diag);
    pdurep_error err = PDUREP_OK;
    for (size_t i = 0; i < ARRAY_LEN(files) && !err; i++) {
        fwfile f = {0};
        err = fw_slurp(dir, files[i].file, files[i].cols, files[i].n, &f, diag);
        if (!err)
            err = files[i].read(fw, &f, diag);
        fw_file_free(&f);
        if (!err && pdurep_diag_total(diag) > before)
            err = PDUREP_ERROR_DATA;
    }
    if (!err)
        err = framework_finish(fw, dir, diag);
    pdurep_diag_free(own);
    if (err) {
        pdurep_framework_free(fw);
        return err;
    }
    *out = fw;
    return PDUREP_OK;
}
