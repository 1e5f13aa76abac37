/* Internal: building a framework piece by piece (file reader, database loader). */
#ifndef PDUREP_FRAMEWORK_INTERNAL_H
#define PDUREP_FRAMEWORK_INTERNAL_H

#include "pdurep/framework.h"

pdurep_standard *pdurep_framework_add_standard(pdurep_framework *fw);
pdurep_question *pdurep_framework_add_question(pdurep_framework *fw);
void pdurep_framework_add_attribute_value(pdurep_framework *fw, const char *attr,
                                          const char *attr_label, const char *value,
                                          const char *label);
/** Link questions to standards, sort bands, validate; -1 and messages on problems. */
int pdurep_framework_finish(pdurep_framework *fw, const char *where, pdurep_diag *diag);

#endif
