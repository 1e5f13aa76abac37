/*
 * Framework texts in other languages. The rating scheme is data, and so are
 * its words: a Welsh report needs Welsh standard names and questions, which
 * sit beside the framework as frameworks/CODE/LANG.csv rather than in C.
 */
#include "pdurep/framework.h"
#include "pdurep/db.h"
#include "csvfile.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { T_STANDARD, T_STATEMENT, T_DOMAIN, T_QUESTION, T_ATTRIBUTE, T_VALUE, T_BAND, T_KINDS };
static const char *const kinds[T_KINDS] = {"standard", "statement", "domain", "question",
                                           "attribute", "value", "band"};

/* Every translatable text of the framework, as (kind, code, slot). */
typedef struct text_slot {
    int kind;
    char *code;
    char **text;
    int done;
} text_slot;

static void add(text_slot **slots, size_t *n, int kind, char *code, char **text)
{
    *slots = pdurep_xrealloc(*slots, (*n + 1) * sizeof **slots);
    (*slots)[(*n)++] = (text_slot){kind, code, text, 0};
}

static size_t collect(pdurep_framework *fw, text_slot **slots)
{
    size_t n = 0;
    *slots = NULL;
    for (size_t i = 0; i < fw->n_standards; i++) {
        pdurep_standard *s = &fw->standards[i];
        add(slots, &n, T_STANDARD, pdurep_xstrdup(s->code), &s->name);
        add(slots, &n, T_STATEMENT, pdurep_xstrdup(s->code), &s->statement);
        /* Each domain's name is kept per standard; one translation serves them all. */
        add(slots, &n, T_DOMAIN, pdurep_xasprintf("%d", s->domain), &s->domain_name);
    }
    for (size_t i = 0; i < fw->n_questions; i++)
        add(slots, &n, T_QUESTION, pdurep_xstrdup(fw->questions[i].code), &fw->questions[i].text);
    for (size_t i = 0; i < fw->n_attributes; i++) {
        pdurep_attribute *a = &fw->attributes[i];
        add(slots, &n, T_ATTRIBUTE, pdurep_xstrdup(a->code), &a->label);
        for (size_t v = 0; v < a->n_values; v++)
            add(slots, &n, T_VALUE, pdurep_xasprintf("%s=%s", a->code, a->values[v]),
                &a->labels[v]);
    }
    for (size_t i = 0; i < fw->n_bands; i++)
        add(slots, &n, T_BAND, pdurep_xstrdup(fw->bands[i].name), &fw->bands[i].name);
    return n;
}

pdurep_error pdurep_framework_translate(pdurep_framework *fw, const char *lang, size_t *missing,
                                        pdurep_diag *diag, int report_missing)
{
    if (missing)
        *missing = 0;
    if (!lang || !strcmp(lang, "en"))
        return PDUREP_OK;
    for (const char *p = lang; *p; p++)
        if (!isalpha((unsigned char)*p) && *p != '-') {
            pdurep_diag_add(diag, NULL, 0, 0, "language '%s' is not a language code", lang);
            return PDUREP_ERROR_USAGE;
        }
    char *path = pdurep_xasprintf("%s/frameworks/%s/%s.csv", pdurep_data_dir(), fw->code, lang);
    struct stat sb;
    size_t before = pdurep_diag_total(diag);
    text_slot *slots;
    size_t n = collect(fw, &slots);
    pdurep_error err = PDUREP_OK;
    if (stat(path, &sb) == 0) {
        static const pdurep_csv_column cols[] = {{"kind", 1}, {"code", 1}, {"text", 1}};
        pdurep_csv_table t;
        err = pdurep_csv_slurp(path, path, cols, 3, &t, diag);
        /* Read every row first, then apply, so a text found twice is reported, not half-used. */
        for (size_t r = 0; !err && r < t.n_rows; r++) {
            const char *kind = pdurep_csv_cell(&t, r, 0), *code = pdurep_csv_cell(&t, r, 1);
            const char *text = pdurep_csv_cell(&t, r, 2);
            int k = 0;
            while (k < T_KINDS && strcmp(kinds[k], kind))
                k++;
            if (k == T_KINDS) {
                pdurep_diag_add(diag, path, t.lines[r], t.col_index[0],
                                "kind \"%s\" is not one of standard, statement, domain, "
                                "question, attribute, value, band", kind);
                continue;
            }
            int found = 0;
            for (size_t i = 0; i < n; i++)
                if (slots[i].kind == k && !strcmp(slots[i].code, code) && !slots[i].done) {
                    free(*slots[i].text);
                    *slots[i].text = pdurep_nfc(text);
                    slots[i].done = found = 1;
                    if (k != T_DOMAIN)
                        break;
                }
            if (!found)
                pdurep_diag_add(diag, path, t.lines[r], t.col_index[1],
                                "no %s \"%s\" in framework %s (or it is given twice)", kind, code,
                                fw->code);
        }
        if (!err && pdurep_diag_total(diag) > before)
            err = PDUREP_ERROR_DATA;
        if (t.cells || t.col_index)
            pdurep_csv_table_free(&t);
    }
    for (size_t i = 0; i < n; i++) {
        if (!slots[i].done && missing)
            (*missing)++;
        if (!slots[i].done && report_missing)
            pdurep_diag_warn(diag, path, 0, 0, "no %s text for \"%s\"", kinds[slots[i].kind],
                             slots[i].code);
        free(slots[i].code);
    }
    free(slots);
    free(path);
    return err;
}
