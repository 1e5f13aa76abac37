/*
 * Internal: what the narrative parser takes from the placeholder language.
 */
#ifndef PDUREP_NARRATIVE_INTERNAL_H
#define PDUREP_NARRATIVE_INTERNAL_H

#include <stddef.h>
#include "pdurep/narrative.h"

/**
 * @brief Whether the inside of a {...} placeholder names something @p fw has.
 * @param why Receives the reason when it does not.
 * @return 1 when it does, 0 when it does not, -1 when memory ran out before it could tell.
 */
int pdurep_placeholder_check(const char *s, size_t len, const pdurep_framework *fw, char *why,
                             size_t why_len);

#endif
