/*
 * The strings module moved into the library (include/pdurep/strings.h). This
 * header only forwards to it, so that code written against the old location
 * still builds; include "pdurep/strings.h" in new code.
 */
#ifndef PDUREP_XLSX_STRINGS_H
#define PDUREP_XLSX_STRINGS_H
#include "pdurep/strings.h"
#endif
