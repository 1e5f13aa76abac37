/*
 * Internal: the one YAML reader. A file is loaded whole with libyaml (nesting
 * and aliases refused first), and lookups report problems as
 * `file:line:column: message`. Layouts and strings files are read through it.
 */
#ifndef PDUREP_YAMLFILE_H
#define PDUREP_YAMLFILE_H

#include <yaml.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"

/** Deepest nesting of mappings and sequences a layout or strings file may have. */
#define PDUREP_YAML_MAX_DEPTH 64
/** Largest layout or strings file read, in bytes (4 MiB). */
#define PDUREP_YAML_MAX_SIZE (4 * 1024 * 1024)

/** A loaded YAML file. */
typedef struct pdurep_yaml {
    yaml_document_t doc;
    char *path;   /**< As given, for messages. */
    int loaded;
    pdurep_diag *diag;
    int errors;   /**< Problems reported through pdurep_yaml_error(). */
} pdurep_yaml;

/**
 * @brief Read and parse a YAML file.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (cannot open);
 *         ::PDUREP_ERROR_DATA (syntax error, nesting deeper than
 *         PDUREP_YAML_MAX_DEPTH or an alias, reported with its position; not a
 *         regular file or larger than PDUREP_YAML_MAX_SIZE). An empty file loads,
 *         with no root node: each caller says whether that is allowed. On
 *         failure @p y holds nothing (pdurep_yaml_free() is then harmless).
 */
pdurep_error pdurep_yaml_load(pdurep_yaml *y, const char *path, pdurep_diag *diag);

/** @brief Free the document. */
void pdurep_yaml_free(pdurep_yaml *y);

/** @brief The root node, or NULL (an empty file). */
yaml_node_t *pdurep_yaml_root(pdurep_yaml *y);

/** @brief Report a problem at @p node's position (and count it). */
void pdurep_yaml_error(pdurep_yaml *y, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** @brief A node's scalar text, or NULL when it is not a scalar. */
const char *pdurep_yaml_scalar(const yaml_node_t *node);

/** @brief The node with index @p i of the document. */
yaml_node_t *pdurep_yaml_node(pdurep_yaml *y, int i);

/**
 * @brief Check a mapping's keys against an allowed list; report unknown ones.
 * @return Non-zero when @p map is a mapping (unknown keys are reported, not fatal).
 */
int pdurep_yaml_check_keys(pdurep_yaml *y, yaml_node_t *map, const char *const *allowed, size_t n);

/** @brief Value of @p key in mapping @p map, or NULL (no error when absent). */
yaml_node_t *pdurep_yaml_get(pdurep_yaml *y, yaml_node_t *map, const char *key);

#endif
