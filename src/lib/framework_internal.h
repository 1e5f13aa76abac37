/* Internal: building a framework piece by piece (file reader, database loader). */
#ifndef PDUREP_FRAMEWORK_INTERNAL_H
#define PDUREP_FRAMEWORK_INTERNAL_H

#include "pdurep/framework.h"

/** A new zeroed standard at the end of @p fw; NULL when out of memory (@p fw unchanged). */
pdurep_standard *pdurep_framework_add_standard(pdurep_framework *fw);
/** A new question (no parent) at the end of @p fw; NULL when out of memory. */
pdurep_question *pdurep_framework_add_question(pdurep_framework *fw);
/** Add a value to attribute @p attr (made when new); ::PDUREP_ERROR_NO_MEMORY when out of
 *  memory, with @p fw still safe to free. */
pdurep_error pdurep_framework_add_attribute_value(pdurep_framework *fw, const char *attr,
                                                  const char *attr_label, const char *value,
                                                  const char *label);
/** Link questions to standards, sort bands, validate: ::PDUREP_ERROR_DATA and messages on
 *  problems, ::PDUREP_ERROR_NO_MEMORY when out of memory. */
pdurep_error pdurep_framework_finish(pdurep_framework *fw, const char *where, pdurep_diag *diag);

#endif
