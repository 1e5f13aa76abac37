/*
 * Internal: what turns libharu's output into a PDF/A-2a file with PDF/UA-1
 * metadata, applied once at save time so that the drawing code knows nothing
 * of it: correct /ToUnicode maps and /CIDSystemInfo for the embedded faces,
 * the XMP metadata stream, the sRGB output intent, /DisplayDocTitle, /Tabs
 * and printable links, a PDF 1.7 header, and a trailer /ID computed from the
 * bytes of the file itself so that the same data always gives the same file.
 */
#ifndef PDUREP_PDF_PDFA_H
#define PDUREP_PDF_PDFA_H

#include <stddef.h>
#include <time.h>
#include <hpdf.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "typeset/font.h"

/** The document-level state of one PDF: codes used per face and the metadata. */
typedef struct pdurep_pdfa pdurep_pdfa;

/** @brief A new, empty state; NULL when out of memory. */
pdurep_pdfa *pdurep_pdfa_new(void);

/** @brief Free the state. NULL is allowed. */
void pdurep_pdfa_free(pdurep_pdfa *a);

/**
 * @brief Record the characters of UTF-8 text shown in a face.
 *
 * libharu's UTF-8 encoder with Identity-H writes each BMP code point as its
 * own 2-byte code, so the codes a face shows are the code points of its text;
 * the /ToUnicode map written at save time lists exactly these.
 */
void pdurep_pdfa_note_text(pdurep_pdfa *a, pdurep_face face, const char *text, size_t len);

/**
 * @brief Keep the metadata the XMP packet repeats from the Info dictionary.
 * @param title, subject, author, creator Plain UTF-8 or NULL (copied).
 * @param when The time Info's CreationDate and ModDate carry.
 * @return ::PDUREP_OK or ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_pdfa_set_info(pdurep_pdfa *a, const char *title, const char *subject,
                                  const char *author, const char *creator, time_t when);

/** @brief The document's language (BCP 47), for dc:language and dc:title. */
pdurep_error pdurep_pdfa_set_lang(pdurep_pdfa *a, const char *tag);

/**
 * @brief The publication date, `YYYY-MM-DD`, written as dc:date; NULL or "" for none.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_MEMORY, ::PDUREP_ERROR_USAGE (not such a date).
 */
pdurep_error pdurep_pdfa_set_published(pdurep_pdfa *a, const char *date);

/** @brief The copyright notice, written as dc:rights; NULL or "" for none. */
pdurep_error pdurep_pdfa_set_rights(pdurep_pdfa *a, const char *text);

/**
 * @brief Add a property of the `pdurep:` XMP namespace (declared in the packet's
 * pdfaExtension schema, as PDF/A requires of any schema it does not predefine).
 *
 * Setting a name again replaces its value. The packet lists properties in the
 * order they were first added.
 * @param name Letters, digits and '-', starting with a letter.
 * @param value Plain UTF-8 text.
 * @param description What the property means (English: the schema's own documentation).
 * @return ::PDUREP_OK, ::PDUREP_ERROR_USAGE (a bad name), ::PDUREP_ERROR_NO_MEMORY.
 */
pdurep_error pdurep_pdfa_add_property(pdurep_pdfa *a, const char *name, const char *value,
                                      const char *description);

/** @brief The XMP packet the state describes now (malloc'd), or NULL when out of memory. */
char *pdurep_pdfa_xmp(const pdurep_pdfa *a);

/**
 * @brief Complete a document and write it to @p path.
 *
 * Rewrites each loaded face's /ToUnicode and /CIDSystemInfo, adds the catalog
 * entries (/Metadata, /OutputIntents, /ViewerPreferences), gives each page with
 * annotations /Tabs /S and each annotation the Print flag, asks for a PDF 1.7
 * header, renders the file in memory and fills its /ID with the first 16 bytes
 * of the SHA-256 of the rendered file (with the /ID slot still blank).
 * @param a The state.
 * @param pdf The libharu document; its errors go to its own handler.
 * @param fonts The document's faces.
 * @param pages The document's pages, @p n_pages of them.
 * @param icc_path The sRGB ICC profile to embed.
 * @param path The file to write.
 * @param shown The output as messages name it (the final name of a temporary @p path).
 * @param diag Receives a message for an unreadable profile or a failed write.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (no profile), ::PDUREP_ERROR_NO_MEMORY,
 *         ::PDUREP_ERROR_IO, ::PDUREP_ERROR_INTERNAL (libharu failed).
 */
pdurep_error pdurep_pdfa_save(pdurep_pdfa *a, HPDF_Doc pdf, const pdurep_fonts *fonts,
                              const HPDF_Page *pages, size_t n_pages, const char *icc_path,
                              const char *path, const char *shown, pdurep_diag *diag);

#endif
