/*
 * Strings files: every fixed word of a report, per language. Nested mappings
 * give dotted keys ("rating.good"), so a translator sees related strings
 * together; lookups binary-search a sorted copy.
 */
#include "pdf/layout.h"
#include "pdf/text.h"
#include "pdf/yamlfile.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;
    char *value;
} entry;

struct pdurep_strings {
    char *path;
    entry *e;
    size_t n, cap;
};

static int add(pdurep_strings *s, char *key, char *value)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        entry *e = realloc(s->e, cap * sizeof *e);
        if (!e)
            return 0;
        s->e = e;
        s->cap = cap;
    }
    s->e[s->n++] = (entry){key, value};
    return 1;
}

static int walk(pdurep_yaml *y, pdurep_strings *s, yaml_node_t *map, const char *prefix)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = pdurep_yaml_node(y, p->key), *v = pdurep_yaml_node(y, p->value);
        const char *ks = pdurep_yaml_scalar(k);
        if (!ks || !*ks || strchr(ks, '.')) {
            pdurep_yaml_error(y, k, "a key must be plain text without dots");
            continue;
        }
        size_t n = strlen(prefix) + strlen(ks) + 2;
        char *key = malloc(n);
        if (!key)
            return 0;
        snprintf(key, n, "%s%s%s", prefix, *prefix ? "." : "", ks);
        if (v->type == YAML_MAPPING_NODE) {
            int ok = walk(y, s, v, key);
            free(key);
            if (!ok)
                return 0;
        } else if (v->type == YAML_SCALAR_NODE) {
            char *text = pdurep_utf8_nfc(pdurep_yaml_scalar(v));
            if (!text) {
                pdurep_yaml_error(y, v, "the text is not valid UTF-8");
                free(key);
            } else if (!add(s, key, text)) {
                free(key);
                free(text);
                return 0;
            }
        } else {
            pdurep_yaml_error(y, v, "expected text or a mapping of texts");
            free(key);
        }
    }
    return 1;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

pdurep_error pdurep_strings_load(const char *path, pdurep_strings **out, pdurep_diag *diag)
{
    *out = NULL;
    pdurep_yaml y;
    pdurep_error err = pdurep_yaml_load(&y, path, diag);
    if (err) {
        pdurep_yaml_free(&y);
        return err;
    }
    pdurep_strings *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        pdurep_yaml_free(&y);
        return PDUREP_ERROR_NO_MEMORY;
    }
    yaml_node_t *root = pdurep_yaml_root(&y);
    if (root->type != YAML_MAPPING_NODE)
        pdurep_yaml_error(&y, root, "a strings file must be a mapping of keys to texts");
    else if (!walk(&y, s, root, ""))
        err = PDUREP_ERROR_NO_MEMORY;
    qsort(s->e, s->n, sizeof *s->e, by_key);
    for (size_t i = 1; i < s->n && !err; i++)
        if (!strcmp(s->e[i - 1].key, s->e[i].key)) {
            pdurep_diag_add(diag, path, 0, 0, "the key '%s' is given twice", s->e[i].key);
            y.errors++;
        }
    if (!err && y.errors)
        err = PDUREP_ERROR_DATA;
    pdurep_yaml_free(&y);
    if (err) {
        pdurep_strings_free(s);
        return err;
    }
    *out = s;
    return PDUREP_OK;
}

void pdurep_strings_free(pdurep_strings *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->e[i].key);
        free(s->e[i].value);
    }
    free(s->e);
    free(s->path);
    free(s);
}

const char *pdurep_strings_get(const pdurep_strings *s, const char *key)
{
    entry k = {(char *)key, NULL};
    const entry *e = s->n ? bsearch(&k, s->e, s->n, sizeof *s->e, by_key) : NULL;
    return e ? e->value : NULL;
}

size_t pdurep_strings_require(const pdurep_strings *s, const char *const *keys, pdurep_diag *diag)
{
    size_t missing = 0;
    for (; *keys; keys++)
        if (!pdurep_strings_get(s, *keys)) {
            pdurep_diag_add(diag, s->path, 0, 0, "missing string '%s'", *keys);
            missing++;
        }
    return missing;
}

const char *pdurep_strings_path(const pdurep_strings *s) { return s->path; }
