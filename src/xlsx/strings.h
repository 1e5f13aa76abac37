/*
 * A keyed table of fixed strings (sheet names, headers, notes), read from a
 * YAML file so that another language can be switched in without a rebuild.
 *
 * Nested mappings are flattened to dotted keys: `sheet: {about: About}` gives
 * the key "sheet.about". Only scalars are kept; sequences are refused. Nothing
 * here is specific to the annexe, so other writers can share it.
 */
#ifndef PDUREP_XLSX_STRINGS_H
#define PDUREP_XLSX_STRINGS_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"

/** A loaded strings file. */
typedef struct pdurep_strings pdurep_strings;

/**
 * @brief Load a strings file.
 * @param path YAML file: a mapping (possibly nested) of keys to text.
 * @param out Receives the table; free with pdurep_strings_free().
 * @param diag Receives `PATH:LINE:COLUMN: message` on failure.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (cannot open), ::PDUREP_ERROR_DATA
 *         (not YAML, not a mapping, invalid UTF-8, duplicate key).
 */
pdurep_error pdurep_strings_load(const char *path, pdurep_strings **out, pdurep_diag *diag);

/** @brief Free a table. NULL is allowed. */
void pdurep_strings_free(pdurep_strings *s);

/**
 * @brief Look a key up.
 * @return The text (owned by the table), or NULL when the key is absent.
 */
const char *pdurep_strings_get(const pdurep_strings *s, const char *key);

/** @brief Number of keys held. */
size_t pdurep_strings_count(const pdurep_strings *s);

/**
 * @brief Replace `{name}` placeholders in @p text.
 * @param text Template.
 * @param names NULL-terminated list alternating names and values:
 *        {"name", "North Wales", "n", "5", NULL}. An unknown placeholder is kept as it is.
 * @return A malloc'd string, or NULL when out of memory.
 */
char *pdurep_strings_format(const char *text, const char *const *names);

#endif
