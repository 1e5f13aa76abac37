#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pdurep_sbuf_add_growing(pdurep_sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *grown = realloc(b->s, cap);
        if (!grown) {
            b->oom = 1;
            return;
        }
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

char *pdurep_sbuf_take(pdurep_sbuf *b)
{
    char *s = b->oom ? NULL : b->s ? b->s : strdup("");
    if (b->oom)
        free(b->s);
    *b = (pdurep_sbuf){0};
    return s;
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

void pdurep_sbuf_printf(pdurep_sbuf *b, const char *fmt, ...)
{
    char small[256], *text = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= sizeof small && (text = malloc((size_t)n + 1))) {
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (n < 0 || !text)
        b->oom = 1;
    else
        pdurep_sbuf_add(b, text, (size_t)n);
    if (text != small)
        free(text);
}
