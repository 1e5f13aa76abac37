#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

int pdurep_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    /* ASCII fast path: most of a bundle is codes and Y/N. */
    while (i < len && p[i] < 0x80)
        i++;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

size_t pdurep_utf8_count(const char *s, size_t len)
{
    /* Every character has exactly one byte that is not a continuation byte (10xxxxxx). */
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

char *pdurep_utf8_nfc(const char *s)
{
    /* Canonical composition: "w" + U+0302 becomes one "ŵ", which fonts draw and
     * pdftotext extracts as one letter. ASCII text is already in NFC, and most
     * strings are ASCII: they are copied without utf8proc's decomposition. */
    const char *p = s ? s : "";
    for (const unsigned char *c = (const unsigned char *)p; *c; c++)
        if (*c >= 0x80)
            return (char *)utf8proc_NFC((const utf8proc_uint8_t *)p);
    return strdup(p);
}
