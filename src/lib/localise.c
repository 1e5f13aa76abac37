/*
 * Localising computed ratings: in a copy of them, the text the framework and
 * the bundle hold in English is swapped, field by field, for a language's.
 * Every field of the copy is an owned string, so a swap is free-and-copy and
 * pdurep_ratings_free() stays correct; the computed ratings are not touched.
 */
#include "pdurep/localise.h"
#include "pdurep/db.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

pdurep_error pdurep_framework_terms_load(const char *lang, pdurep_strings **out, pdurep_diag *diag)
{
    *out = NULL;
    if (!lang || !*lang || !strcmp(lang, PDUREP_STRINGS_BASE_LANG))
        return PDUREP_OK;
    if (!pdurep_strings_valid_lang(lang)) {
        pdurep_diag_add(diag, NULL, 0, 0, "'%s' is not a language code", lang);
        return PDUREP_ERROR_USAGE;
    }
    char *path = pdurep_strings_path(pdurep_data_dir(), "framework-", lang);
    pdurep_diag *quiet = pdurep_diag_new(0);
    pdurep_error err = pdurep_strings_load(path, out, quiet);
    /* No file: the frameworks print in English, as any untranslated key would. */
    if (err == PDUREP_ERROR_NO_INPUT) {
        err = PDUREP_OK;
    } else if (err) {
        for (size_t i = 0; i < pdurep_diag_count(quiet); i++)
            pdurep_diag_add(diag, NULL, 0, 0, "%s", pdurep_diag_message(quiet, i));
    }
    pdurep_diag_free(quiet);
    free(path);
    return err;
}

static void add_key(char ***keys, size_t *n, char *key)
{
    *keys = pdurep_xrealloc(*keys, (*n + 1) * sizeof **keys);
    (*keys)[(*n)++] = key;
}

size_t pdurep_framework_term_keys(const pdurep_framework *fw, char ***out)
{
    char **keys = NULL;
    size_t n = 0;
    add_key(&keys, &n, pdurep_xasprintf("%s.name", fw->code));
    for (size_t i = 0; i < fw->n_standards; i++) {
        const pdurep_standard *s = &fw->standards[i];
        if (!i || s->domain != fw->standards[i - 1].domain)
            add_key(&keys, &n, pdurep_xasprintf("%s.domain.%d", fw->code, s->domain));
        add_key(&keys, &n, pdurep_xasprintf("%s.standard.%s.name", fw->code, s->code));
        add_key(&keys, &n, pdurep_xasprintf("%s.standard.%s.statement", fw->code, s->code));
    }
    for (size_t i = 0; i < fw->n_questions; i++)
        add_key(&keys, &n, pdurep_xasprintf("%s.question.%s", fw->code, fw->questions[i].code));
    for (size_t i = 0; i < fw->n_attributes; i++) {
        const pdurep_attribute *a = &fw->attributes[i];
        add_key(&keys, &n, pdurep_xasprintf("%s.attribute.%s.label", fw->code, a->code));
        for (size_t v = 0; v < a->n_values; v++)
            add_key(&keys, &n, pdurep_xasprintf("%s.attribute.%s.value.%s", fw->code, a->code,
                                                a->values[v]));
    }
    *out = keys;
    return n;
}

/* Replace *field with @p text when there is text. */
static void swap(char **field, const char *text)
{
    if (!text || !*text)
        return;
    free(*field);
    *field = pdurep_xstrdup(text);
}

/* The term of a key built from parts; NULL when the table has none. */
static const char *term(const pdurep_strings *t, const char *fmt, const char *a, const char *b,
                        const char *c)
{
    char key[512];
    snprintf(key, sizeof key, fmt, a, b, c);
    return pdurep_strings_get(t, key);
}

/* A one-line section's text, trimmed; NULL when the narrative has none. */
static char *fact(const pdurep_narrative *n, const char *key)
{
    const pdurep_narrative_section *s = pdurep_narrative_get(n, key);
    if (!s || !*s->body)
        return NULL;
    /* Lines are joined with spaces: a long name may have been wrapped. */
    char *text = pdurep_xstrdup(s->body);
    for (char *c = text; *c; c++)
        if (*c == '\n')
            *c = ' ';
    char *start = text;
    while (*start == ' ')
        start++;
    size_t len = strlen(start);
    while (len && start[len - 1] == ' ')
        start[--len] = '\0';
    memmove(text, start, len + 1);
    return text;
}

pdurep_ratings *pdurep_ratings_localised(const pdurep_ratings *computed,
                                         const pdurep_strings *terms, const pdurep_narrative *n)
{
    pdurep_ratings *r = pdurep_ratings_copy(computed);
    pdurep_framework *fw = r->framework;
    if (terms && fw) {
        const char *code = fw->code;
        swap(&fw->name, term(terms, "%s.name%s%s", code, "", ""));
        for (size_t i = 0; i < fw->n_standards; i++) {
            pdurep_standard *s = &fw->standards[i];
            char domain[16];
            snprintf(domain, sizeof domain, "%d", s->domain);
            swap(&s->domain_name, term(terms, "%s.domain.%s%s", code, domain, ""));
            swap(&s->name, term(terms, "%s.standard.%s.%s", code, s->code, "name"));
            swap(&s->statement, term(terms, "%s.standard.%s.%s", code, s->code, "statement"));
        }
        for (size_t i = 0; i < fw->n_questions; i++)
            swap(&fw->questions[i].text, term(terms, "%s.question.%s%s", code,
                                              fw->questions[i].code, ""));
        for (size_t i = 0; i < fw->n_attributes; i++) {
            pdurep_attribute *a = &fw->attributes[i];
            swap(&a->label, term(terms, "%s.attribute.%s.%s", code, a->code, "label"));
            for (size_t v = 0; v < a->n_values; v++) {
                char key[512];
                snprintf(key, sizeof key, "%s.attribute.%s.value.%s", code, a->code, a->values[v]);
                swap(&a->labels[v], pdurep_strings_get(terms, key));
            }
        }
    }
    if (n && r->inspection) {
        static const char *const facts[] = {"name", "region", "inspectorate"};
        char **fields[] = {&r->inspection->name, &r->inspection->region,
                           &r->inspection->inspectorate};
        for (size_t i = 0; i < 3; i++) {
            char *text = fact(n, facts[i]);
            swap(fields[i], text);
            free(text);
        }
    }
    if (n && fw && r->standards) {
        for (size_t i = 0; i < fw->n_standards; i++) {
            char key[128];
            snprintf(key, sizeof key, "%s rationale", fw->standards[i].code);
            char *text = fact(n, key);
            if (text) {
                free((char *)r->standards[i].rationale);
                r->standards[i].rationale = text;
            }
        }
    }
    return r;
}
