#include "sbuf.h"
#include "util.h"

#include <string.h>

void pdurep_sbuf_add(pdurep_sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = pdurep_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void pdurep_sbuf_puts(pdurep_sbuf *b, const char *s)
{
    pdurep_sbuf_add(b, s, strlen(s));
}

void pdurep_sbuf_escaped(pdurep_sbuf *b, const char *s)
{
    pdurep_sbuf_add(b, "", 0);
    for (; *s; s++) {
        if (strchr("\\*[]{}", *s))
            pdurep_sbuf_add(b, "\\", 1);
        pdurep_sbuf_add(b, s, 1);
    }
}
