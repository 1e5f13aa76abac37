/**
 * @file document.h
 * @brief One preparation step for every document: the computed figures, and
 * the words of a language laid over them.
 *
 * pdurep_document_prepare() computes an inspection's ratings, loads its
 * narrative, the framework's words in that language and, for a region, its
 * PDUs, all for one language, and hands writers a ::pdurep_document. The
 * computed ratings are never changed: the language's words (framework text,
 * the inspection's name, region and inspectorate, judgement rationales) go
 * into a separate copy, @c ratings, that carries the same figures. Matching
 * and pooling use @c computed; writers print @c ratings.
 */
#ifndef PDUREP_DOCUMENT_H
#define PDUREP_DOCUMENT_H

#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/ratings.h"
#include "pdurep/region.h"
#include "pdurep/narrative.h"
#include "pdurep/strings.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What pdurep_document_prepare() loads beyond the ratings. */
enum {
    /** A region's PDUs, rated one by one and pooled (::pdurep_region_pdus). */
    PDUREP_DOCUMENT_REGION_PDUS = 1 << 0,
    /**
     * Refuse a narrative translation that lacks sections the English
     * narrative has: a document in one language must not switch language.
     */
    PDUREP_DOCUMENT_COMPLETE_NARRATIVE = 1 << 1,
    /** With ::PDUREP_DOCUMENT_COMPLETE_NARRATIVE: take the English sections instead. */
    PDUREP_DOCUMENT_ALLOW_FALLBACK = 1 << 2,
};

/** An inspection ready to be written in one language. */
typedef struct pdurep_document {
    char *lang;                  /**< Language code; "en" for English. */
    pdurep_ratings *computed;    /**< The calculator's figures, in the data's words; never changed. */
    pdurep_ratings *ratings;     /**< The same figures in the language's words: what writers print. */
    pdurep_region_pdus *pdus;    /**< A region's PDUs when asked for and a region, else NULL. */
    pdurep_narrative *narrative; /**< The narrative in the language (may be empty). */
} pdurep_document;

/**
 * @brief Prepare inspection @p id for a document in @p lang.
 * @param db The database.
 * @param id Inspection id.
 * @param lang Language code; NULL or "" for English.
 * @param flags ::PDUREP_DOCUMENT_REGION_PDUS and the narrative flags, or 0.
 * @param out Receives the document; free with pdurep_document_free().
 * @param diag Receives messages on failure.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_USAGE (bad language code); ::PDUREP_ERROR_DATA
 *         (incomplete translation, broken framework terms); otherwise as
 *         pdurep_ratings_compute(), ::PDUREP_ERROR_NO_MEMORY among them.
 */
pdurep_error pdurep_document_prepare(pdurep_db *db, const char *id, const char *lang, int flags,
                                     pdurep_document **out, pdurep_diag *diag);

/** @brief Free a document. NULL is allowed. */
void pdurep_document_free(pdurep_document *d);

#ifdef __cplusplus
}
#endif
#endif
