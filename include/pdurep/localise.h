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
 * pdurep_ratings_localised() lays them over a copy of computed ratings, so
 * that every writer prints them without knowing about languages, while the
 * computed ratings keep the data's words for matching and pooling. Anything
 * not supplied stays as the data has it. Figures are the same in the copy.
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
 * @param out Receives a malloc'd array of malloc'd keys; free each and the array
 *            (NULL on failure).
 * @param n Receives the number of keys.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_MEMORY (nothing is returned).
 */
pdurep_error pdurep_framework_term_keys(const pdurep_framework *fw, char ***out, size_t *n);

/**
 * @brief Computed ratings with a language's words: a copy of @p r whose
 * framework text comes from @p terms and whose inspection name, region,
 * inspectorate and judgement rationales come from @p n (either may be NULL).
 *
 * @p r itself is not changed, so it can still be matched and pooled by the
 * names the data holds.
 * @param r Computed ratings.
 * @param terms Framework terms of the language, or NULL.
 * @param n The inspection's narrative in the language, or NULL.
 * @return The copy; free with pdurep_ratings_free(). NULL when out of memory.
 */
pdurep_ratings *pdurep_ratings_localised(const pdurep_ratings *r, const pdurep_strings *terms,
                                         const pdurep_narrative *n);

#ifdef __cplusplus
}
#endif
#endif
