/**
 * @file localise.h
 * @brief A language's words for what the data states in English: framework
 * text and the facts of an inspection.
 *
 * Frameworks (the CSV files in `frameworks/CODE/`) and bundles are written in English.
 * For a document in another language, two sources supply that language's words:
 *
 * - `layouts/strings/framework-LANG.yaml`: each framework's name, domain
 *   names, standard names and statements, question wording and case attribute
 *   labels, keyed by framework code (see pdurep_framework_term_keys());
 * - the inspection's narrative in that language (`narrative.LANG.txt`): its
 *   sections `[name]`, `[region]` and `[inspectorate]`, and `[CODE rationale]`
 *   for the basis of a judged standard.
 *
 * pdurep_ratings_localise() puts them into a computed ::pdurep_ratings, so
 * that every writer prints them without knowing about languages. Anything not
 * supplied stays as the data has it. Figures are never touched.
 */
#ifndef PDUREP_LOCALISE_H
#define PDUREP_LOCALISE_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/framework.h"
#include "pdurep/ratings.h"
#include "pdurep/narrative.h"
#include "pdurep/strings.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Load the framework terms of a language (`layouts/strings/framework-LANG.yaml`
 * in the data folder).
 * @param lang Language code; NULL, "" and English give no table (frameworks are English).
 * @param out Receives the table, or NULL when there is none (English, or no such file).
 * @param diag Receives messages when the file is broken.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_DATA (broken file); ::PDUREP_ERROR_USAGE (bad code).
 */
pdurep_error pdurep_framework_terms_load(const char *lang, pdurep_strings **out, pdurep_diag *diag);

/**
 * @brief Every key a complete translation of @p fw's terms has.
 *
 * `CODE.name`, `CODE.domain.N`, `CODE.standard.S.name`, `CODE.standard.S.statement`,
 * `CODE.question.Q`, `CODE.attribute.A.label` and `CODE.attribute.A.value.V`,
 * where CODE is the framework's code.
 * @param fw The framework.
 * @param out Receives a malloc'd array of malloc'd keys; free each and the array.
 * @return The number of keys.
 */
size_t pdurep_framework_term_keys(const pdurep_framework *fw, char ***out);

/**
 * @brief Replace the English words of computed ratings with a language's.
 *
 * Framework text comes from @p terms, the inspection's name, region,
 * inspectorate and judgement rationales from @p n. Either may be NULL.
 * Call it after every figure is computed and before any document is written:
 * the region is used to pool cases and must be matched before it is translated.
 * @param r Ratings to change (their framework and inspection are owned by them).
 * @param terms Framework terms of the language, or NULL.
 * @param n The inspection's narrative in the language, or NULL.
 */
void pdurep_ratings_localise(pdurep_ratings *r, const pdurep_strings *terms,
                             const pdurep_narrative *n);

#ifdef __cplusplus
}
#endif
#endif
