/* The calculator, localisation and narrative calls of oom-library (calls-calculator.c). */
#ifndef OOM_CALLS_CALCULATOR_H
#define OOM_CALLS_CALCULATOR_H

#include "pdurep/error.h"

/**
 * Make the database this block's calls read, in @p tmp, unless it is there (run without
 * the failing allocator).
 * @return 0, or -1 when it cannot be made.
 */
int oom_calculator_prepare(const char *call, const char *root, const char *tmp);

/**
 * Run @p call if it is one of this block's, on the database in @p tmp; its status in *err.
 * @return 0 when it ran, -1 when @p call is not one of them.
 */
int oom_calculator_call(const char *call, const char *root, const char *tmp, pdurep_error *err);

#endif
