/**
 * @file strings.h
 * @brief Keyed tables of the fixed words documents print, one YAML file per language.
 *
 * Reports and workbooks never print a fixed word from C: every title, header,
 * note, rating name, band name and month name is looked up by key in a
 * strings file (`layouts/strings/LANG.yaml` for reports,
 * `layouts/strings/annexe-LANG.yaml` for workbooks), so a translation is a
 * new file and needs no rebuild.
 *
 * Nested mappings are flattened to dotted keys: `sheet: {about: About}` gives
 * the key "sheet.about". Only scalars are kept; sequences and aliases are
 * refused. Values are normalised to Unicode NFC when read, so a "w" typed with
 * a combining circumflex prints as the one letter "ŵ".
 *
 * A table loaded for a language other than English (pdurep_strings_load_lang())
 * falls back to the English file key by key: a key the translation lacks, or
 * leaves empty, gives the English text. pdurep_strings_missing() lists those
 * keys, which is what `pdurep check-strings` reports.
 */
#ifndef PDUREP_STRINGS_H
#define PDUREP_STRINGS_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/framework.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The language every other language falls back to. */
#define PDUREP_STRINGS_BASE_LANG "en"

/** A loaded strings table. */
typedef struct pdurep_strings pdurep_strings;

/**
 * @brief Load one strings file, with no fallback.
 * @param path YAML file: a mapping (possibly nested) of keys to text.
 * @param out Receives the table; free with pdurep_strings_free().
 * @param diag Receives `PATH:LINE:COLUMN: message` on failure.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (cannot open), ::PDUREP_ERROR_DATA
 *         (not YAML, not a mapping, invalid UTF-8, duplicate key, a rating key
 *         spelt with '_' where pdurep_strings_rating_key() has '-'; each is
 *         reported with its line and column), ::PDUREP_ERROR_NO_MEMORY.
 *         An empty file loads as a table with no keys.
 */
pdurep_error pdurep_strings_load(const char *path, pdurep_strings **out, pdurep_diag *diag);

/**
 * @brief The key of a rating's word, the same in every strings file.
 * @return "rating.inadequate", "rating.requires-improvement", "rating.good" or
 *         "rating.outstanding"; "" for anything else.
 */
const char *pdurep_strings_rating_key(pdurep_rating rating);

/**
 * @brief A rating's word in @p s (falling back to English as pdurep_strings_get() does).
 * @return The word, or "" when the table lacks it or @p rating is none.
 */
const char *pdurep_strings_rating(const pdurep_strings *s, pdurep_rating rating);

/**
 * @brief Whether @p lang can name a strings file: 1 to 15 of a-z, A-Z and '-'.
 *
 * The code becomes part of a file name, so nothing else is accepted.
 */
int pdurep_strings_valid_lang(const char *lang);

/**
 * @brief The path of the strings file @p base + @p lang + ".yaml".
 * @param dir A layouts folder (holding `strings/`) or a data folder (holding
 *        `layouts/strings/`); the first that has a `strings` folder is used.
 * @param base "" for reports, "annexe-" for workbooks.
 * @param lang Language code, e.g. "cy".
 * @return A malloc'd path, or NULL when out of memory.
 */
char *pdurep_strings_path(const char *dir, const char *base, const char *lang);

/**
 * @brief Load the strings of one language, falling back to English per key.
 *
 * Reads `BASE LANG.yaml` and, unless @p lang is English, `BASE en.yaml`: a key
 * missing or empty in the language then gives the English value.
 * @param dir As for pdurep_strings_path().
 * @param base "" for reports, "annexe-" for workbooks.
 * @param lang Language code; NULL or "" means English.
 * @param out Receives the table; free with pdurep_strings_free().
 * @param diag Receives messages on failure.
 * @return As pdurep_strings_load(), and ::PDUREP_ERROR_USAGE for an invalid code.
 */
pdurep_error pdurep_strings_load_lang(const char *dir, const char *base, const char *lang,
                                      pdurep_strings **out, pdurep_diag *diag);

/** @brief Free a table (and its fallback). NULL is allowed. */
void pdurep_strings_free(pdurep_strings *s);

/**
 * @brief Look a key up, falling back to English when the table has a fallback.
 * @return The text (owned by the table), or NULL when no table holds the key.
 */
const char *pdurep_strings_get(const pdurep_strings *s, const char *key);

/**
 * @brief Look a key up in the table's own file only (no fallback).
 * @return The text, possibly empty, or NULL when the file lacks the key.
 */
const char *pdurep_strings_get_own(const pdurep_strings *s, const char *key);

/** @brief Number of keys the table's own file holds. */
size_t pdurep_strings_count(const pdurep_strings *s);

/** @brief The @p i-th key of the table's own file, in byte order; NULL when out of range. */
const char *pdurep_strings_key(const pdurep_strings *s, size_t i);

/** @brief The file the table was read from. */
const char *pdurep_strings_file(const pdurep_strings *s);

/** @brief The English table this one falls back to, or NULL. */
const pdurep_strings *pdurep_strings_fallback(const pdurep_strings *s);

/**
 * @brief Keys of @p reference that @p s lacks or holds empty.
 * @param s A table (its own keys only are considered).
 * @param reference The table it should match, usually the English one.
 * @param n Receives the count.
 * @return A malloc'd array of @p n keys owned by @p reference (free the array
 *         only), or NULL when there are none or memory ran out (then *n is 0).
 */
const char **pdurep_strings_missing(const pdurep_strings *s, const pdurep_strings *reference,
                                    size_t *n);

/**
 * @brief The text of a term that framework data names in English, such as a band.
 *
 * Looks up @p prefix followed by the term's key, which is its English name in
 * lower case with every run of characters other than a-z and 0-9 replaced by
 * one @p sep: with prefix "band-name." and sep '-', "Too few" is looked up as
 * "band-name.too-few". So the strings files, not the framework, decide how a
 * band is printed, and a framework's new term prints in English until it is keyed.
 * @return The table's text, or @p english when no table holds the key.
 */
const char *pdurep_strings_term(const pdurep_strings *s, const char *prefix, const char *english,
                                char sep);

/**
 * @brief Replace `{name}` placeholders in @p text.
 * @param text Template.
 * @param names NULL-terminated list alternating names and values:
 *        {"name", "North Wales", "n", "5", NULL}. An unknown placeholder is kept as it is.
 * @return A malloc'd string, or NULL when out of memory.
 */
char *pdurep_strings_format(const char *text, const char *const *names);

/**
 * @brief Write a `YYYY-MM-DD` date the way a language writes it: "1 Medi 2025".
 *
 * One formatter for every document, so a report and its workbook agree.
 * @param iso The date.
 * @param months Twelve month names, January first (from the strings file's `month.N`).
 * @param pattern Template with `{day}`, `{month}` and `{year}`; NULL for "{day} {month} {year}".
 * @return A malloc'd string (a copy of @p iso when it is not such a date), or NULL
 *         when out of memory.
 */
char *pdurep_format_date(const char *iso, const char *const months[12], const char *pattern);

/**
 * @brief pdurep_format_date() with the month names (`month.1`…`month.12`) and
 * pattern (`date`, optional) of a strings table.
 */
char *pdurep_strings_date(const pdurep_strings *s, const char *iso);

#ifdef __cplusplus
}
#endif
#endif
