/*
 * UTF-8: the one validity check, character count and NFC of the project.
 * The typesetting engine may use this module as well as the core (see
 * scripts/check-layers.sh): it knows nothing of inspections.
 */
#ifndef PDUREP_UTF8_H
#define PDUREP_UTF8_H

#include <stddef.h>

/**
 * @brief Whether @p s (length @p len) is valid UTF-8.
 * @param bad When not NULL and the text is not valid, receives the byte offset
 *            of the first invalid sequence (everything before it is valid).
 * @return 1 when valid, 0 when not.
 */
int pdurep_utf8_valid(const char *s, size_t len, size_t *bad);

/** @brief Number of characters (code points) in the first @p len bytes of valid UTF-8 @p s. */
size_t pdurep_utf8_count(const char *s, size_t len);

/**
 * @brief A copy of NUL-terminated UTF-8 text in Unicode Normalization Form C.
 * @return A malloc'd copy, or NULL when @p s is not valid UTF-8 or memory ran out.
 */
char *pdurep_utf8_nfc(const char *s);

#endif
