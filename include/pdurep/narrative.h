/**
 * @file narrative.h
 * @brief The inspectors' prose of a report (`narrative.txt` in a bundle) and its placeholders.
 *
 * A narrative is plain UTF-8 text cut into sections by lines such as
 * `[foreword]` or `[P2.1 findings]`. Prose may contain placeholders such as
 * `{2.1.3b:no}` or `{P2.1:rating}` that the report fills from the ratings, so
 * no figure is ever typed by hand. The format is described in the README
 * ("PDF reports").
 */
#ifndef PDUREP_NARRATIVE_H
#define PDUREP_NARRATIVE_H

#include <stddef.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "pdurep/db.h"
#include "pdurep/framework.h"
#include "pdurep/ratings.h"
#include "pdurep/strings.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One section of a narrative. */
typedef struct pdurep_narrative_section {
    char *key;            /**< Normalised key: "foreword", "P2.1 findings", "footnote rosh". */
    char *body;           /**< Its text, lines joined with '\n', comments removed. */
    unsigned long line;   /**< Line of the first body line in the file. */
} pdurep_narrative_section;

/** A whole narrative. */
typedef struct pdurep_narrative {
    pdurep_narrative_section *sections; /**< In file order. */
    size_t n_sections;                  /**< Number of sections. */
} pdurep_narrative;

/**
 * @brief Parse and check narrative text.
 *
 * Checks section names (standards must exist in @p fw), that each section
 * appears once, every placeholder against @p fw, and that every footnote
 * reference `[^key]` has a `[footnote key]` section. Every problem is reported
 * as `FILE:LINE:COLUMN: message` (column in characters).
 * @param text UTF-8 text (a leading byte-order mark is skipped).
 * @param len Bytes of @p text.
 * @param file Name for messages.
 * @param fw The framework placeholders refer to.
 * @param out Receives the narrative.
 * @param diag Receives problems.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATA or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_parse(const char *text, size_t len, const char *file,
                                    const pdurep_framework *fw, pdurep_narrative **out,
                                    pdurep_diag *diag);

/** The language of `narrative.txt`; another language's narrative is `narrative.LANG.txt`. */
#define PDUREP_NARRATIVE_BASE_LANG "en"

/**
 * @brief Import a bundle's narratives: `narrative.txt` (English) and every
 * `narrative.LANG.txt` beside it (`narrative.cy.txt` is Welsh).
 *
 * Called by pdurep_import() inside its transaction: each narrative is parsed,
 * checked and stored for @p inspection_id with its language, replacing what
 * the inspection had. A bundle without them imports with no narrative. A
 * section of `narrative.txt` that a translation lacks (or leaves empty) is a
 * warning, not an error: the import succeeds, and a report in that language
 * then needs ::pdurep_report_options::allow_fallback.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_DATA (problems reported with positions);
 *         ::PDUREP_ERROR_IO (cannot read); ::PDUREP_ERROR_DATABASE; ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_import(pdurep_db *db, const pdurep_framework *fw,
                                     const char *inspection_id, const char *bundle_dir,
                                     pdurep_diag *diag);

/**
 * @brief pdurep_narrative_import() for files whose names start with @p prefix:
 * a workbook bundle `gwyr.xlsx` takes `gwyr.narrative.txt` and
 * `gwyr.narrative.cy.txt` (prefix `gwyr.`) from its folder.
 *
 * Names are matched in any letter case (`Narrative.txt`, `GWYR.NARRATIVE.CY.TXT`);
 * two files whose names differ only in letter case are a data error naming both.
 * @param db The database, inside the caller's transaction.
 * @param fw The framework the inspection is rated with.
 * @param inspection_id The inspection the narratives belong to.
 * @param bundle_dir The bundle folder, or the workbook's folder.
 * @param prefix "" for a folder, "BOOK." for the narratives beside BOOK.xlsx.
 * @param letter_case If not NULL, counts the names matched in another letter case.
 * @param diag Where problems go, with the file they are in.
 * @return As pdurep_narrative_import().
 */
pdurep_error pdurep_narrative_import_files(pdurep_db *db, const pdurep_framework *fw,
                                           const char *inspection_id, const char *bundle_dir,
                                           const char *prefix, unsigned long *letter_case,
                                           pdurep_diag *diag);

/**
 * @brief Replace one language's narrative of an imported inspection from @p path.
 *
 * The file is checked exactly as import checks it (messages name @p path);
 * the other languages are kept. A translation that lacks sections of the
 * English narrative gives the same warning as at import. Runs inside the
 * caller's transaction.
 * @param db The database.
 * @param fw The framework the inspection was imported with.
 * @param inspection_id Whose narrative.
 * @param path The new narrative file.
 * @param lang "en" for narrative.txt, or the language of a translation.
 * @param diag Receives problems and warnings.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (no such file), ::PDUREP_ERROR_DATA,
 *         ::PDUREP_ERROR_IO, ::PDUREP_ERROR_DATABASE, ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_replace_lang(pdurep_db *db, const pdurep_framework *fw,
                                           const char *inspection_id, const char *path,
                                           const char *lang, pdurep_diag *diag);

/**
 * @brief Read an inspection's narrative from the database.
 * @param db The database.
 * @param inspection_id Whose narrative.
 * @param out Receives the narrative (with no sections when none was imported).
 * @param diag Receives the reason for a failure.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATABASE, ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_load(pdurep_db *db, const char *inspection_id, pdurep_narrative **out,
                                   pdurep_diag *diag);

/**
 * @brief Read an inspection's narrative in one language.
 * @param db The database.
 * @param inspection_id Whose narrative.
 * @param lang Language code; NULL or "" means English (`narrative.txt`).
 * @param out Receives the narrative (with no sections when none was imported).
 * @param diag Receives the reason for a failure.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATABASE, ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_load_lang(pdurep_db *db, const char *inspection_id, const char *lang,
                                        pdurep_narrative **out, pdurep_diag *diag);

/**
 * @brief The sections a translation lacks: those @p en has with text that
 * @p lang does not have, or has empty. Order is @p en's.
 * @param lang The translation.
 * @param en The English narrative.
 * @param out Receives a malloc'd array of @p n keys owned by @p en (free the array
 *            only), or NULL when there are none or on failure.
 * @param n Receives the count (0 on failure).
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_missing(const pdurep_narrative *lang, const pdurep_narrative *en,
                                      const char ***out, size_t *n);

/**
 * @brief Fill a translation's gaps with English: add to @p lang a copy of every
 * section pdurep_narrative_missing() lists (replacing an empty one).
 * @param lang The translation, changed in place.
 * @param en The English narrative.
 * @return ::PDUREP_OK, or ::PDUREP_ERROR_NO_MEMORY, after which @p lang is still a
 *         whole narrative (a valid argument to pdurep_narrative_free()) but may have
 *         only some of the gaps filled.
 */
pdurep_error pdurep_narrative_fill_gaps(pdurep_narrative *lang, const pdurep_narrative *en);

/** @brief Free a narrative. NULL is allowed. */
void pdurep_narrative_free(pdurep_narrative *n);

/** @brief The section with key @p key, or NULL. */
const pdurep_narrative_section *pdurep_narrative_get(const pdurep_narrative *n, const char *key);

/** Kinds of block in a section body. */
typedef enum pdurep_block_kind {
    PDUREP_BLOCK_PARAGRAPH = 0, /**< Lines up to a blank line. */
    PDUREP_BLOCK_BULLET,        /**< A line starting "- ", with its continuation lines. */
    PDUREP_BLOCK_NUMBERED,      /**< A line starting "1. " (any number), with its continuation lines. */
    PDUREP_BLOCK_LINE           /**< One line of a `[signature]`-style section kept as written. */
} pdurep_block_kind;

/** A block of a section. */
typedef struct pdurep_block {
    pdurep_block_kind kind; /**< Paragraph, list item or kept line. */
    char *text;            /**< Its lines joined by single spaces (inline markup kept). */
    unsigned long line;    /**< Line in the narrative file. */
} pdurep_block;

/**
 * @brief Cut a section body into paragraphs and list items.
 * @param s The section.
 * @param lines Non-zero: every non-blank line is a ::PDUREP_BLOCK_LINE.
 * @param out Receives the blocks; free with pdurep_blocks_free() (NULL on failure).
 * @param n Receives the count.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_narrative_blocks(const pdurep_narrative_section *s, int lines,
                                     pdurep_block **out, size_t *n);

/** @brief Free blocks from pdurep_narrative_blocks(). */
void pdurep_blocks_free(pdurep_block *b, size_t n);

/** Words placeholders print, in the report's language. */
typedef struct pdurep_narrative_words {
    const char *rating[PDUREP_RATING_COUNT]; /**< Rating names, worst first. */
    const char *month[12];                   /**< Month names, January first. */
    const char *none;                        /**< A percentage of no relevant cases. */
    /** How a date is written ("{day} {month} {year}"); NULL for that pattern. */
    const char *date;
    /**
     * The report's strings, for band names (`band-name.KEY`, see
     * pdurep_strings_term()); NULL prints the framework's own names.
     */
    const pdurep_strings *strings;
} pdurep_narrative_words;

/**
 * @brief Replace every placeholder of @p text with its value.
 *
 * Other inline markup (`*`, `**`, `[^key]`, backslash escapes) is left as it is;
 * values are escaped so that they print literally.
 * @param text Text checked by pdurep_narrative_parse() (or a strings file).
 * @param r The ratings to read figures from.
 * @param words Words for ratings, months and missing percentages.
 * @param out Receives a malloc'd string.
 * @param bad If not NULL and a placeholder is unknown, receives its byte offset.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_DATA (an unknown placeholder: @p bad is set) or
 *         ::PDUREP_ERROR_NO_MEMORY (which says nothing about the placeholders).
 */
pdurep_error pdurep_narrative_fill(const char *text, const pdurep_ratings *r,
                                   const pdurep_narrative_words *words, char **out, size_t *bad);

#ifdef __cplusplus
}
#endif
#endif
