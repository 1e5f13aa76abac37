/* Internal: inspection records embedded in other structures. */
#ifndef PDUREP_INSPECTION_INTERNAL_H
#define PDUREP_INSPECTION_INTERNAL_H

#include "pdurep/inspection.h"

/** Free the text fields of @p in, not @p in itself. */
void pdurep_inspection_clear(pdurep_inspection *in);

#endif
