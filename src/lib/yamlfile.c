/*
 * YAML files for layouts and strings. The whole document is loaded (these
 * files are a few kilobytes) so that lookups can go in any order and every
 * node keeps its position for messages.
 */
#include "yamlfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * libyaml's loader takes time quadratic in the nesting depth and builds alias
 * graphs a walker could expand without end, so the events are read once first:
 * deeper nesting than a layout or strings file needs, and aliases, are refused
 * with their position before anything is built.
 */
static int shape_ok(const unsigned char *text, size_t len, const char *path, pdurep_diag *diag)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return -1;
    yaml_parser_set_input_string(&parser, text, len);
    int depth = 0, ok = 1;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            if (parser.error == YAML_MEMORY_ERROR || parser.error == YAML_NO_ERROR)
                ok = -1;
            break; /* the loader reports a syntax error with its position */
        }
        yaml_event_type_t t = ev.type;
        yaml_mark_t m = ev.start_mark;
        if (t == YAML_MAPPING_START_EVENT || t == YAML_SEQUENCE_START_EVENT)
            depth++;
        else if (t == YAML_MAPPING_END_EVENT || t == YAML_SEQUENCE_END_EVENT)
            depth--;
        yaml_event_delete(&ev);
        if (depth > PDUREP_YAML_MAX_DEPTH) {
            pdurep_diag_add(diag, path, m.line + 1, m.column + 1, "nested more than %d levels "
                            "deep", PDUREP_YAML_MAX_DEPTH);
            ok = 0;
            break;
        }
        if (t == YAML_ALIAS_EVENT) {
            pdurep_diag_add(diag, path, m.line + 1, m.column + 1, "aliases (*name) are not "
                            "allowed: write the value out");
            ok = 0;
            break;
        }
        if (t == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    return ok;
}

static pdurep_error load(pdurep_yaml *y, const char *path, pdurep_diag *diag)
{
    memset(y, 0, sizeof *y);
    y->diag = diag;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        /* fopen allocates: running out there is not a missing file. */
        if (errno == ENOMEM)
            return PDUREP_ERROR_NO_MEMORY;
        pdurep_diag_add(diag, path, 0, 0, "cannot open file");
        return PDUREP_ERROR_NO_INPUT;
    }
    struct stat sb;
    if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > PDUREP_YAML_MAX_SIZE) {
        pdurep_diag_add(diag, path, 0, 0, "not a regular file of at most %d bytes",
                        PDUREP_YAML_MAX_SIZE);
        fclose(fp);
        return PDUREP_ERROR_DATA;
    }
    size_t len = (size_t)sb.st_size;
    unsigned char *text = malloc(len ? len : 1);
    if (!text || fread(text, 1, len, fp) != len) {
        pdurep_error e = text ? PDUREP_ERROR_IO : PDUREP_ERROR_NO_MEMORY;
        pdurep_diag_add(diag, path, 0, 0, text ? "cannot read the file" : "out of memory");
        free(text);
        fclose(fp);
        return e;
    }
    fclose(fp);
    int shape = shape_ok(text, len, path, diag);
    if (shape <= 0) {
        free(text);
        return shape < 0 ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_DATA;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        free(text);
        return PDUREP_ERROR_NO_MEMORY;
    }
    yaml_parser_set_input_string(&parser, text, len);
    int ok = yaml_parser_load(&parser, &y->doc);
    pdurep_error err = PDUREP_OK;
    /* libyaml sets an error for every syntax problem, but some of its allocations fail
     * without setting any. */
    if (!ok && (parser.error == YAML_MEMORY_ERROR || parser.error == YAML_NO_ERROR)) {
        err = PDUREP_ERROR_NO_MEMORY;
    } else if (!ok) {
        /* libyaml counts lines and columns from zero. */
        yaml_mark_t m = parser.problem_mark;
        pdurep_diag_add(diag, path, m.line + 1, m.column + 1, "%s%s%s",
                        parser.problem ? parser.problem : "cannot parse YAML",
                        parser.context ? " " : "", parser.context ? parser.context : "");
        err = PDUREP_ERROR_DATA;
    } else if (!(y->path = strdup(path))) {
        /* Only a loaded file keeps its path: callers free nothing after a failed load. */
        yaml_document_delete(&y->doc);
        err = PDUREP_ERROR_NO_MEMORY;
    } else {
        y->loaded = 1;
    }
    yaml_parser_delete(&parser);
    free(text);
    return err;
}

pdurep_error pdurep_yaml_load(pdurep_yaml *y, const char *path, pdurep_diag *diag)
{
    /* A failed load keeps nothing, so a caller frees only what loaded. */
    pdurep_error err = load(y, path, diag);
    if (err)
        pdurep_yaml_free(y);
    return err;
}

void pdurep_yaml_free(pdurep_yaml *y)
{
    if (y->loaded)
        yaml_document_delete(&y->doc);
    free(y->path);
    memset(y, 0, sizeof *y);
}

yaml_node_t *pdurep_yaml_root(pdurep_yaml *y)
{
    return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *pdurep_yaml_node(pdurep_yaml *y, int i) { return yaml_document_get_node(&y->doc, i); }

void pdurep_yaml_error(pdurep_yaml *y, const yaml_node_t *node, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    unsigned long line = node ? node->start_mark.line + 1 : 1;
    unsigned long col = node ? node->start_mark.column + 1 : 1;
    pdurep_diag_add(y->diag, y->path, line, col, "%s", msg);
    y->errors++;
}

const char *pdurep_yaml_scalar(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

int pdurep_yaml_check_keys(pdurep_yaml *y, yaml_node_t *map, const char *const *allowed, size_t n)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return 0;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = pdurep_yaml_node(y, p->key);
        const char *ks = pdurep_yaml_scalar(k);
        size_t i = 0;
        while (ks && i < n && strcmp(ks, allowed[i]))
            i++;
        if (!ks)
            pdurep_yaml_error(y, k, "a key must be plain text");
        else if (i == n)
            pdurep_yaml_error(y, k, "unknown key '%s'", ks);
    }
    return 1;
}

yaml_node_t *pdurep_yaml_get(pdurep_yaml *y, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *ks = pdurep_yaml_scalar(pdurep_yaml_node(y, p->key));
        if (ks && !strcmp(ks, key))
            return pdurep_yaml_node(y, p->value);
    }
    return NULL;
}
