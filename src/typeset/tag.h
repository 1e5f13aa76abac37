/*
 * Internal: the logical structure of a tagged PDF (ISO 32000-1 §14.7, 14.8),
 * built over libharu's object layer, which has no tagging API of its own.
 *
 * A pdurep_tags holds the structure tree while pages are drawn: elements of
 * the standard types, the marked-content identifiers (MCIDs) each owns per
 * page and the link annotations they refer to. The content side (BDC/EMC in a
 * page's stream) is written through pdurep_tags_begin_marked() and
 * pdurep_tags_end_marked(); pdurep_tags_write() turns the tree into the
 * catalog's /StructTreeRoot, the /ParentTree number tree, /StructParents on
 * pages and /StructParent on annotations, just before the file is saved.
 */
#ifndef PDUREP_PDF_TAG_H
#define PDUREP_PDF_TAG_H

#include <stddef.h>
#include <hpdf.h>
#include "pdurep/error.h"

/** Standard structure types (ISO 32000-1 §14.8.4); no role map is needed. */
typedef enum pdurep_tag_type {
    PDUREP_TAG_DOCUMENT = 0,
    PDUREP_TAG_SECT,
    PDUREP_TAG_DIV,
    PDUREP_TAG_H1,
    PDUREP_TAG_H2,
    PDUREP_TAG_H3,
    PDUREP_TAG_H4,
    PDUREP_TAG_H5,
    PDUREP_TAG_H6,
    PDUREP_TAG_P,
    PDUREP_TAG_L,
    PDUREP_TAG_LI,
    PDUREP_TAG_LBL,
    PDUREP_TAG_LBODY,
    PDUREP_TAG_TABLE,
    PDUREP_TAG_THEAD,
    PDUREP_TAG_TBODY,
    PDUREP_TAG_TR,
    PDUREP_TAG_TH,
    PDUREP_TAG_TD,
    PDUREP_TAG_TOC,
    PDUREP_TAG_TOCI,
    PDUREP_TAG_FIGURE,
    PDUREP_TAG_CAPTION,
    PDUREP_TAG_LINK,
    PDUREP_TAG_NOTE,
    PDUREP_TAG_REFERENCE,
    PDUREP_TAG_SPAN,
    PDUREP_TAG_COUNT
} pdurep_tag_type;

/** Scope of a header cell. */
typedef enum pdurep_tag_scope {
    PDUREP_SCOPE_NONE = 0,
    PDUREP_SCOPE_COLUMN,
    PDUREP_SCOPE_ROW
} pdurep_tag_scope;

/** Element index meaning "none". */
#define PDUREP_TAG_NONE ((size_t)-1)

/** A structure tree being built. */
typedef struct pdurep_tags pdurep_tags;

/**
 * @brief A tree holding one Document element, which is the current element.
 * @return The tree, or NULL when out of memory.
 */
pdurep_tags *pdurep_tags_new(void);

/** @brief Free a tree. NULL is allowed. */
void pdurep_tags_free(pdurep_tags *t);

/** @brief Non-zero once an allocation has failed (later calls then do nothing). */
int pdurep_tags_failed(const pdurep_tags *t);

/** @brief The PDF name of a structure type ("H1", "TOCI", ...). */
const char *pdurep_tag_name(pdurep_tag_type type);

/**
 * @brief Append a new element of @p type to the current element and make it current.
 * @return Its index, or ::PDUREP_TAG_NONE when out of memory.
 */
size_t pdurep_tags_open(pdurep_tags *t, pdurep_tag_type type);

/** @brief Make the parent of the current element current again (the Document stays). */
void pdurep_tags_close(pdurep_tags *t);

/** @brief Make an existing element current; pdurep_tags_close() returns to the one before. */
void pdurep_tags_enter(pdurep_tags *t, size_t elem);

/** @brief The current element. */
size_t pdurep_tags_current(const pdurep_tags *t);

/** @brief How many elements the tree holds; element 0 is the Document, the rest follow in reading order. */
size_t pdurep_tags_count(const pdurep_tags *t);

/** @brief The parent of an element (PDUREP_TAG_NONE for the Document). */
size_t pdurep_tags_parent(const pdurep_tags *t, size_t elem);

/** @brief How many MCIDs page @p index has handed out so far. */
size_t pdurep_tags_page_mcids(const pdurep_tags *t, size_t index);

/** @brief The type of an element. */
pdurep_tag_type pdurep_tags_type(const pdurep_tags *t, size_t elem);

/** @brief Alternative text of an element (a figure's description); UTF-8, copied. */
void pdurep_tags_set_alt(pdurep_tags *t, size_t elem, const char *text);

/** @brief Replacement text of an element, read instead of its content; UTF-8, copied. */
void pdurep_tags_set_actual(pdurep_tags *t, size_t elem, const char *text);

/** @brief Scope of a TH element. */
void pdurep_tags_set_scope(pdurep_tags *t, size_t elem, pdurep_tag_scope scope);

/** @brief Bounding box of an element (a figure) in PDF points on page @p page. */
void pdurep_tags_set_bbox(pdurep_tags *t, size_t elem, size_t page, double x0, double y0,
                          double x1, double y1);

/**
 * @brief Open a marked-content sequence owned by @p elem on a page.
 *
 * Writes `/TYPE <</MCID n>> BDC` into @p page's content stream, n being the
 * page's next MCID, and records that @p elem owns it.
 * @param index The page's index in the document.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_tags_begin_marked(pdurep_tags *t, size_t index, HPDF_Page page, size_t elem);

/** @brief Open an `/Artifact BMC` sequence on a page. */
void pdurep_tags_begin_artifact(HPDF_Page page);

/** @brief Close the open sequence of a page (`EMC`). */
void pdurep_tags_end_marked(HPDF_Page page);

/**
 * @brief Record a link annotation as an object reference (OBJR) of @p elem.
 * @param index Index of the page the annotation is on.
 */
void pdurep_tags_annotation(pdurep_tags *t, size_t elem, size_t index, HPDF_Annotation annot);

/**
 * @brief A PDF text string object (UTF-16BE with a byte order mark) from UTF-8.
 * @return The object (owned by the dictionary or array it is added to), or NULL.
 */
HPDF_Binary pdurep_tags_text_string(HPDF_MMgr mm, const char *text);

/**
 * @brief Write the tree into the document: catalog, pages, annotations.
 * @param pdf The document.
 * @param pages Its pages in order; @p n_pages of them.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_MEMORY, ::PDUREP_ERROR_INTERNAL (libharu failed).
 */
pdurep_error pdurep_tags_write(pdurep_tags *t, HPDF_Doc pdf, const HPDF_Page *pages, size_t n_pages);

#endif
