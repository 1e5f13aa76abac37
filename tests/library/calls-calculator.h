/* The calculator, localisation and narrative calls of oom-library (calls-calculator.c). */
#ifndef OOM_CALLS_CALCULATOR_H
#define OOM_CALLS_CALCULATOR_H

#include "pdurep/error.h"

/**
 * Run @p call if it is one of this block's; its status in *err.
 * @return 0 when it ran, -1 when @p call is not one of them.
 */
int oom_calculator_call(const char *call, const char *root, pdurep_error *err);

#endif
