/* Internal: inspection records embedded in other structures. */
#ifndef PDUREP_INSPECTION_INTERNAL_H
#define PDUREP_INSPECTION_INTERNAL_H

#include "pdurep/inspection.h"

#include "pdurep/framework.h"

/** Separates a case's attribute values in inspection_case.attributes. */
#define PDUREP_ATTRIBUTE_SEPARATOR '\t'

/** The framework's attribute codes joined by commas, as inspection.attribute_codes holds
 *  them; NULL when out of memory. */
char *pdurep_attribute_codes(const pdurep_framework *fw);

/** Free the text fields of @p in, not @p in itself. */
void pdurep_inspection_clear(pdurep_inspection *in);

#endif
