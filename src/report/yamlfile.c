/*
 * YAML files for layouts and strings. The whole document is loaded (these
 * files are a few kilobytes) so that lookups can go in any order and every
 * node keeps its position for messages.
 */
#include "report/yamlfile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pdurep_error pdurep_yaml_load(pdurep_yaml *y, const char *path, pdurep_diag *diag)
{
    memset(y, 0, sizeof *y);
    y->diag = diag;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        pdurep_diag_add(diag, path, 0, 0, "cannot open file");
        return PDUREP_ERROR_NO_INPUT;
    }
    if (!(y->path = strdup(path))) {
        fclose(fp);
        return PDUREP_ERROR_NO_MEMORY;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return PDUREP_ERROR_NO_MEMORY;
    }
    yaml_parser_set_input_file(&parser, fp);
    int ok = yaml_parser_load(&parser, &y->doc);
    pdurep_error err = PDUREP_OK;
    if (!ok) {
        /* libyaml counts lines and columns from zero. */
        yaml_mark_t m = parser.problem_mark;
        pdurep_diag_add(diag, path, m.line + 1, m.column + 1, "%s%s%s",
                        parser.problem ? parser.problem : "cannot parse YAML",
                        parser.context ? " " : "", parser.context ? parser.context : "");
        err = PDUREP_ERROR_DATA;
    } else {
        y->loaded = 1;
        if (!yaml_document_get_root_node(&y->doc)) {
            pdurep_diag_add(diag, path, 1, 1, "the file is empty");
            err = PDUREP_ERROR_DATA;
        }
    }
    yaml_parser_delete(&parser);
    fclose(fp);
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
