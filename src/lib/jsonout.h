/*
 * Internal: building JSON with jansson without losing a member. jansson drops
 * a value it could not allocate and carries on, so each helper records the
 * failure in *bad; the builder checks once, before printing, and returns
 * NULL or PDUREP_ERROR_NO_MEMORY instead of a document missing a field.
 */
#ifndef PDUREP_JSONOUT_H
#define PDUREP_JSONOUT_H

#include <jansson.h>

/** Set o[key] = v (taken, freed if it cannot be set); *bad = 1 when v, o or the member
 *  could not be made. */
static inline void pdurep_json_set(json_t *o, const char *key, json_t *v, int *bad)
{
    if (!v || json_object_set_new(o, key, v))
        *bad = 1;
}

/** Append v (taken, freed if it cannot be appended) to a; *bad = 1 when v, a or the slot
 *  could not be made. */
static inline void pdurep_json_append(json_t *a, json_t *v, int *bad)
{
    if (!v || json_array_append_new(a, v))
        *bad = 1;
}

#endif
