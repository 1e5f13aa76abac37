/*
 * Strings files: YAML mappings flattened to dotted keys, read with the one
 * YAML reader (yamlfile.c), so they get its limits on size, nesting and
 * aliases and every problem its file:line:column.
 *
 * A translation holds a pointer to the English table and defers to it key by
 * key, so a half-finished translation still prints a whole document.
 */
#include "pdurep/strings.h"
#include "yamlfile.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct pdurep_strings {
    char **keys;
    char **values;
    size_t n, cap;
    char *path;                 /* the file read */
    pdurep_strings *fallback;   /* English, for a translation; else NULL */
    int sorted;                 /* set once loaded: lookups bisect */
    size_t *slots, n_slots;     /* while loading: open-addressing index of keys (index + 1) */
};

/* FNV-1a: enough to spread a few hundred keys. */
static size_t key_hash(const char *k)
{
    size_t h = (size_t)1469598103934665603u;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * (size_t)1099511628211u;
    return h;
}

/* The slot of @p key in the loading index: the one holding it, or the empty one
 * where it would go. The index is kept at most half full. */
static size_t *slot_of(const pdurep_strings *s, const char *key)
{
    size_t mask = s->n_slots - 1;
    for (size_t i = key_hash(key) & mask;; i = (i + 1) & mask)
        if (!s->slots[i] || !strcmp(s->keys[s->slots[i] - 1], key))
            return &s->slots[i];
}

/* Make room in the index for one more key. */
static int index_reserve(pdurep_strings *s)
{
    if (2 * (s->n + 1) <= s->n_slots)
        return 0;
    size_t n = s->n_slots ? 2 * s->n_slots : 256;
    size_t *old = s->slots, n_old = s->n_slots;
    if (!(s->slots = calloc(n, sizeof *s->slots))) {
        s->slots = old;
        return -1;
    }
    s->n_slots = n;
    for (size_t i = 0; i < n_old; i++)
        if (old[i])
            *slot_of(s, s->keys[old[i] - 1]) = old[i];
    free(old);
    return 0;
}

static int add(pdurep_strings *s, const char *key, const char *value)
{
    if (index_reserve(s))
        return -1;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **k = realloc(s->keys, cap * sizeof *k);
        if (!k)
            return -1;
        s->keys = k;
        char **v = realloc(s->values, cap * sizeof *v);
        if (!v)
            return -1;
        s->values = v;
        s->cap = cap;
    }
    s->keys[s->n] = strdup(key);
    /* NFC: a translator's editor may store "w" + U+0302, which prints as two glyphs. */
    s->values[s->n] = pdurep_utf8_nfc(value);
    if (!s->keys[s->n] || !s->values[s->n]) {
        free(s->keys[s->n]);
        free(s->values[s->n]);
        return -1;
    }
    *slot_of(s, s->keys[s->n]) = s->n + 1;
    s->n++;
    return 0;
}

static char *join(const char *prefix, const char *key)
{
    size_t n = strlen(prefix) + strlen(key) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s%s%s", prefix, *prefix ? "." : "", key);
    return out;
}

typedef struct key_value {
    char *key, *value;
} key_value;

static int by_key(const void *a, const void *b)
{
    return strcmp(((const key_value *)a)->key, ((const key_value *)b)->key);
}

/* Sort the keys (values follow) so lookups can bisect; the loading index goes. */
static int sort_table(pdurep_strings *s)
{
    free(s->slots);
    s->slots = NULL;
    s->n_slots = 0;
    key_value *kv = malloc((s->n ? s->n : 1) * sizeof *kv);
    if (!kv)
        return -1;
    for (size_t i = 0; i < s->n; i++)
        kv[i] = (key_value){s->keys[i], s->values[i]};
    qsort(kv, s->n, sizeof *kv, by_key);
    for (size_t i = 0; i < s->n; i++) {
        s->keys[i] = kv[i].key;
        s->values[i] = kv[i].value;
    }
    free(kv);
    s->sorted = 1;
    return 0;
}

/* The one spelling of each rating's key, in the order of pdurep_rating. */
static const char *const rating_keys[PDUREP_RATING_COUNT] = {
    "rating.inadequate", "rating.requires-improvement", "rating.good", "rating.outstanding",
};

const char *pdurep_strings_rating_key(pdurep_rating rating)
{
    return rating >= 0 && rating < PDUREP_RATING_COUNT ? rating_keys[rating] : "";
}

const char *pdurep_strings_rating(const pdurep_strings *s, pdurep_rating rating)
{
    const char *text = rating >= 0 && rating < PDUREP_RATING_COUNT
                           ? pdurep_strings_get(s, rating_keys[rating])
                           : NULL;
    return text ? text : "";
}

/* The rating key that @p key misspells ('_' for '-'), or NULL. A misspelt key would
 * leave the rating word to English (or empty) without a word said, so it is refused. */
static const char *misspelt_rating(const char *key)
{
    for (int r = 0; r < PDUREP_RATING_COUNT; r++) {
        const char *want = rating_keys[r];
        size_t kl = strlen(key), wl = strlen(want);
        if (kl < wl || (kl > wl && key[kl - wl - 1] != '.'))
            continue;
        const char *tail = key + kl - wl;
        size_t i = 0;
        while (i < wl && (tail[i] == want[i] || (tail[i] == '_' && want[i] == '-')))
            i++;
        if (i == wl && strcmp(tail, want))
            return want;
    }
    return NULL;
}

/* Flatten the mapping @p map into @p s, its keys prefixed with @p prefix. Problems are
 * counted in @p y; the return value is only for running out of memory. */
static pdurep_error flatten(pdurep_yaml *y, pdurep_strings *s, const yaml_node_t *map,
                            const char *prefix)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = pdurep_yaml_node(y, p->key), *v = pdurep_yaml_node(y, p->value);
        const char *name = pdurep_yaml_scalar(k);
        if (!name) {
            pdurep_yaml_error(y, k, "a key must be plain text");
            continue;
        }
        char *key = join(prefix, name);
        if (!key)
            return PDUREP_ERROR_NO_MEMORY;
        const char *want = misspelt_rating(key);
        pdurep_error err = PDUREP_OK;
        if (v->type == YAML_MAPPING_NODE)
            err = flatten(y, s, v, key);
        else if (v->type != YAML_SCALAR_NODE)
            pdurep_yaml_error(y, v, "only mappings of text are allowed here");
        else if (want)
            pdurep_yaml_error(y, k, "the key is %.*s%s, not %s", (int)(strlen(key) - strlen(want)),
                              key, want, key);
        else if (s->n_slots && *slot_of(s, key))
            pdurep_yaml_error(y, k, "duplicate key '%s'", key);
        else if (add(s, key, pdurep_yaml_scalar(v)) != 0)
            err = PDUREP_ERROR_NO_MEMORY;
        free(key);
        if (err)
            return err;
    }
    return PDUREP_OK;
}

pdurep_error pdurep_strings_load(const char *path, pdurep_strings **out, pdurep_diag *diag)
{
    *out = NULL;
    pdurep_yaml y;
    pdurep_error err = pdurep_yaml_load(&y, path, diag);
    if (err)
        return err;
    pdurep_strings *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        pdurep_yaml_free(&y);
        return PDUREP_ERROR_NO_MEMORY;
    }
    /* An empty file is a translation not yet begun: every key falls back to English. */
    yaml_node_t *root = pdurep_yaml_root(&y);
    if (root && root->type != YAML_MAPPING_NODE)
        pdurep_yaml_error(&y, root, "a strings file must be a mapping");
    else if (root)
        err = flatten(&y, s, root, "");
    if (!err && y.errors)
        err = PDUREP_ERROR_DATA;
    pdurep_yaml_free(&y);
    if (err) {
        pdurep_strings_free(s);
        return err;
    }
    if (sort_table(s)) {
        pdurep_strings_free(s);
        return PDUREP_ERROR_NO_MEMORY;
    }
    *out = s;
    return PDUREP_OK;
}

void pdurep_strings_free(pdurep_strings *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->keys[i]);
        free(s->values[i]);
    }
    free(s->keys);
    free(s->values);
    free(s->slots);
    free(s->path);
    pdurep_strings_free(s->fallback);
    free(s);
}

const char *pdurep_strings_get(const pdurep_strings *s, const char *key)
{
    const char *own = pdurep_strings_get_own(s, key);
    if ((!own || !*own) && s && s->fallback) {
        const char *en = pdurep_strings_get_own(s->fallback, key);
        if (en)
            return en;
    }
    return own;
}

const char *pdurep_strings_get_own(const pdurep_strings *s, const char *key)
{
    if (!s || !key)
        return NULL;
    if (!s->sorted) {
        for (size_t i = 0; i < s->n; i++)
            if (!strcmp(s->keys[i], key))
                return s->values[i];
        return NULL;
    }
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->keys[mid], key);
        if (c == 0)
            return s->values[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t pdurep_strings_count(const pdurep_strings *s) { return s ? s->n : 0; }

const char *pdurep_strings_key(const pdurep_strings *s, size_t i)
{
    return s && i < s->n ? s->keys[i] : NULL;
}

const char *pdurep_strings_file(const pdurep_strings *s) { return s ? s->path : NULL; }

const pdurep_strings *pdurep_strings_fallback(const pdurep_strings *s)
{
    return s ? s->fallback : NULL;
}

const char **pdurep_strings_missing(const pdurep_strings *s, const pdurep_strings *reference,
                                    size_t *n)
{
    *n = 0;
    const char **out = NULL;
    for (size_t i = 0; reference && i < reference->n; i++) {
        const char *own = pdurep_strings_get_own(s, reference->keys[i]);
        if (own && *own)
            continue;
        const char **grown = realloc(out, (*n + 1) * sizeof *grown);
        if (!grown) {
            free(out);
            *n = 0;
            return NULL;
        }
        out = grown;
        out[(*n)++] = reference->keys[i];
    }
    return out;
}

int pdurep_strings_valid_lang(const char *lang)
{
    size_t n = 0;
    for (const char *c = lang; c && *c; c++, n++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '-'))
            return 0;
    return n >= 1 && n <= 15;
}

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

char *pdurep_strings_path(const char *dir, const char *base, const char *lang)
{
    size_t n = strlen(dir) + strlen(base) + strlen(lang) + 32;
    char *probe = malloc(n), *out = malloc(n);
    if (!probe || !out) {
        free(probe);
        free(out);
        return NULL;
    }
    /* A layouts folder holds strings/; a data folder holds layouts/strings/. */
    snprintf(probe, n, "%s/strings", dir);
    const char *sub = is_dir(probe) ? "strings" : "layouts/strings";
    snprintf(out, n, "%s/%s/%s%s.yaml", dir, sub, base, lang);
    free(probe);
    return out;
}

pdurep_error pdurep_strings_load_lang(const char *dir, const char *base, const char *lang,
                                      pdurep_strings **out, pdurep_diag *diag)
{
    *out = NULL;
    if (!lang || !*lang)
        lang = PDUREP_STRINGS_BASE_LANG;
    if (!pdurep_strings_valid_lang(lang)) {
        pdurep_diag_add(diag, NULL, 0, 0, "'%s' is not a language code (letters and '-')", lang);
        return PDUREP_ERROR_USAGE;
    }
    char *path = pdurep_strings_path(dir, base ? base : "", lang);
    if (!path)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_strings *s = NULL;
    pdurep_error err = pdurep_strings_load(path, &s, diag);
    free(path);
    if (!err && strcmp(lang, PDUREP_STRINGS_BASE_LANG)) {
        char *en = pdurep_strings_path(dir, base ? base : "", PDUREP_STRINGS_BASE_LANG);
        err = en ? pdurep_strings_load(en, &s->fallback, diag) : PDUREP_ERROR_NO_MEMORY;
        free(en);
    }
    if (err) {
        pdurep_strings_free(s);
        return err;
    }
    *out = s;
    return PDUREP_OK;
}

char *pdurep_strings_format(const char *text, const char *const *names)
{
    size_t cap = strlen(text) + 64, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    for (const char *p = text; *p;) {
        const char *value = NULL;
        size_t skip = 1;
        if (*p == '{') {
            const char *end = strchr(p, '}');
            for (size_t i = 0; end && names && names[i] && names[i + 1]; i += 2) {
                size_t len = strlen(names[i]);
                if ((size_t)(end - p - 1) == len && !strncmp(p + 1, names[i], len)) {
                    value = names[i + 1];
                    skip = len + 2;
                    break;
                }
            }
        }
        size_t add_len = value ? strlen(value) : 1;
        if (n + add_len + 1 > cap) {
            cap = (n + add_len + 1) * 2;
            char *grown = realloc(out, cap);
            if (!grown) {
                free(out);
                return NULL;
            }
            out = grown;
        }
        if (value)
            memcpy(out + n, value, add_len);
        else
            out[n] = *p;
        n += add_len;
        p += skip;
    }
    out[n] = '\0';
    return out;
}

const char *pdurep_strings_term(const pdurep_strings *s, const char *prefix, const char *english,
                                char sep)
{
    if (!english)
        return "";
    char key[256];
    size_t n = (size_t)snprintf(key, sizeof key, "%s", prefix ? prefix : "");
    int gap = 0;
    for (const char *c = english; *c && n + 2 < sizeof key; c++) {
        char ch = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (gap && n > strlen(prefix ? prefix : ""))
                key[n++] = sep;
            key[n++] = ch;
            gap = 0;
        } else {
            gap = 1;
        }
    }
    key[n] = '\0';
    const char *text = pdurep_strings_get(s, key);
    return text && *text ? text : english;
}

char *pdurep_format_date(const char *iso, const char *const months[12], const char *pattern)
{
    int y, m, d;
    char tail;
    if (!iso || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return strdup(iso ? iso : "");
    char day[16], year[16];
    snprintf(day, sizeof day, "%d", d);
    snprintf(year, sizeof year, "%d", y);
    const char *names[] = {"day", day, "month", months && months[m - 1] ? months[m - 1] : "",
                           "year", year, NULL};
    return pdurep_strings_format(pattern && *pattern ? pattern : "{day} {month} {year}", names);
}

char *pdurep_strings_date(const pdurep_strings *s, const char *iso)
{
    const char *months[12];
    for (int m = 0; m < 12; m++) {
        char key[16];
        snprintf(key, sizeof key, "month.%d", m + 1);
        months[m] = pdurep_strings_get(s, key);
    }
    return pdurep_format_date(iso, months, pdurep_strings_get(s, "date"));
}
