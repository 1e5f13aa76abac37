/**
 * @file template.h
 * @brief The data-entry workbook: an empty bundle to fill in a spreadsheet.
 */
#ifndef PDUREP_TEMPLATE_H
#define PDUREP_TEMPLATE_H

#include "pdurep/error.h"
#include "pdurep/diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What pdurep_template_write() makes. */
typedef struct pdurep_template_options {
    const char *framework; /**< Framework code (a folder under frameworks/); NULL for the default. */
    const char *lang;      /**< Language of the guidance: NULL or "en", or "cy". */
    long long created;     /**< Creation time to stamp; 0 for SOURCE_DATE_EPOCH, else now. */
} pdurep_template_options;

/**
 * @brief Write a workbook that `pdurep import` reads as it is once filled in.
 *
 * Sheets inspection, judgements and (for a PDU framework) cases carry the
 * bundle's headings, frozen, with a drop-down list on every coded column
 * (answers, case attributes, ratings), date formats on date cells, an
 * instructions sheet, and a questions sheet with every question's wording.
 * The file is written to a temporary file and renamed.
 * @param path Output file.
 * @param opts Options; NULL for the defaults.
 * @param diag Receives problems.
 * @return ::PDUREP_OK; ::PDUREP_ERROR_NO_INPUT (no such framework);
 *         ::PDUREP_ERROR_USAGE (bad language code); ::PDUREP_ERROR_CANT_CREATE;
 *         ::PDUREP_ERROR_IO; ::PDUREP_ERROR_DATA (unreadable framework or strings).
 */
pdurep_error pdurep_template_write(const char *path, const pdurep_template_options *opts,
                                   pdurep_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
