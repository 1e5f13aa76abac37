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

/* Append @p key (taken, even on failure); -1 when memory runs out. */
static int add_key(char ***keys, size_t *n, char *key)
{
    char **grown = key ? realloc(*keys, (*n + 1) * sizeof **keys) : NULL;
    if (!grown) {
        free(key);
        return -1;
    }
    *keys = grown;
    (*keys)[(*n)++] = key;
    return 0;
}

pdurep_error pdurep_framework_term_keys(const pdurep_framework *fw, char ***out, size_t *n_out)
{
    char **keys = NULL;
    size_t n = 0;
    int oom = add_key(&keys, &n, pdurep_asprintf("%s.name", fw->code));
    for (size_t i = 0; !oom && i < fw->n_standards; i++) {
        const pdurep_standard *s = &fw->standards[i];
        if (!i || s->domain != fw->standards[i - 1].domain)
            oom |= add_key(&keys, &n, pdurep_asprintf("%s.domain.%d", fw->code, s->domain));
        oom |= add_key(&keys, &n, pdurep_asprintf("%s.standard.%s.name", fw->code, s->code));
        oom |= add_key(&keys, &n, pdurep_asprintf("%s.standard.%s.statement", fw->code, s->code));
    }
    for (size_t i = 0; !oom && i < fw->n_questions; i++)
        oom |= add_key(&keys, &n, pdurep_asprintf("%s.question.%s", fw->code,
                                                  fw->questions[i].code));
    for (size_t i = 0; !oom && i < fw->n_attributes; i++) {
        const pdurep_attribute *a = &fw->attributes[i];
        oom |= add_key(&keys, &n, pdurep_asprintf("%s.attribute.%s.label", fw->code, a->code));
        for (size_t v = 0; !oom && v < a->n_values; v++)
            oom |= add_key(&keys, &n, pdurep_asprintf("%s.attribute.%s.value.%s", fw->code,
                                                      a->code, a->values[v]));
    }
    if (oom) {
        for (size_t i = 0; i < n; i++)
            free(keys[i]);
        free(keys);
        *out = NULL;
        *n_out = 0;
        return PDUREP_ERROR_NO_MEMORY;
    }
    *out = keys;
    *n_out = n;
    return PDUREP_OK;
}

/* Replace *field with @p text when there is text; -1 when memory runs out (the field is
 * then as it was). */
static int swap(char **field, const char *text)
{
    if (!text || !*text)
        return 0;
    char *copy = strdup(text);
    if (!copy)
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

/* The term of a key built from parts; NULL when the table has none. */
static const char *term(const pdurep_strings *t, const char *fmt, const char *a, const char *b,
                        const char *c)
{
    char key[512];
    snprintf(key, sizeof key, fmt, a, b, c);
    return pdurep_strings_get(t, key);
}

/* A one-line section's text, trimmed, in *out; NULL when the narrative has none. */
static pdurep_error fact(const pdurep_narrative *n, const char *key, char **out)
{
    *out = NULL;
    const pdurep_narrative_section *s = pdurep_narrative_get(n, key);
    if (!s || !*s->body)
        return PDUREP_OK;
    /* Lines are joined with spaces: a long name may have been wrapped. */
    char *text = strdup(s->body);
    if (!text)
        return PDUREP_ERROR_NO_MEMORY;
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
    *out = text;
    return PDUREP_OK;
}

/* Lay the words over @p r, a copy; -1 when memory runs out. */
static int localise(pdurep_ratings *r, const pdurep_strings *terms, const pdurep_narrative *n)
{
    pdurep_framework *fw = r->framework;
    int oom = 0;
    if (terms && fw) {
        const char *code = fw->code;
        oom |= swap(&fw->name, term(terms, "%s.name%s%s", code, "", ""));
        for (size_t i = 0; !oom && i < fw->n_standards; i++) {
            pdurep_standard *s = &fw->standards[i];
            char domain[16];
            snprintf(domain, sizeof domain, "%d", s->domain);
            oom |= swap(&s->domain_name, term(terms, "%s.domain.%s%s", code, domain, ""));
            oom |= swap(&s->name, term(terms, "%s.standard.%s.%s", code, s->code, "name"));
            oom |= swap(&s->statement,
                        term(terms, "%s.standard.%s.%s", code, s->code, "statement"));
        }
        for (size_t i = 0; !oom && i < fw->n_questions; i++)
            oom |= swap(&fw->questions[i].text, term(terms, "%s.question.%s%s", code,
                                                     fw->questions[i].code, ""));
        for (size_t i = 0; !oom && i < fw->n_attributes; i++) {
            pdurep_attribute *a = &fw->attributes[i];
            oom |= swap(&a->label, term(terms, "%s.attribute.%s.%s", code, a->code, "label"));
            for (size_t v = 0; !oom && v < a->n_values; v++) {
                char key[512];
                snprintf(key, sizeof key, "%s.attribute.%s.value.%s", code, a->code, a->values[v]);
                oom |= swap(&a->labels[v], pdurep_strings_get(terms, key));
            }
        }
    }
    if (!oom && n && r->inspection) {
        static const char *const facts[] = {"name", "region", "inspectorate"};
        char **fields[] = {&r->inspection->name, &r->inspection->region,
                           &r->inspection->inspectorate};
        for (size_t i = 0; !oom && i < 3; i++) {
            char *text = NULL;
            oom = fact(n, facts[i], &text) || swap(fields[i], text);
            free(text);
        }
    }
    if (!oom && n && fw && r->standards) {
        for (size_t i = 0; !oom && i < fw->n_standards; i++) {
            char key[128];
            snprintf(key, sizeof key, "%s rationale", fw->standards[i].code);
            char *text = NULL;
            oom = fact(n, key, &text) != PDUREP_OK;
            if (text) {
                free((char *)r->standards[i].rationale);
                r->standards[i].rationale = text;
            }
        }
    }
    return oom ? -1 : 0;
}

pdurep_ratings *pdurep_ratings_localised(const pdurep_ratings *computed,
                                         const pdurep_strings *terms, const pdurep_narrative *n)
{
    pdurep_ratings *r = pdurep_ratings_copy(computed);
    if (r && localise(r, terms, n)) {
        pdurep_ratings_free(r);
        return NULL;
    }
    return r;
}
