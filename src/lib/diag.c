#include "pdurep/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct pdurep_diag {
    char **messages;
    size_t count; /* kept */
    size_t total; /* problems reported, including dropped */
    size_t warnings;
    size_t cap;
    char **notes; /* summary lines: never capped away, printed last */
    size_t n_notes;
};

pdurep_diag *pdurep_diag_new(size_t cap)
{
    pdurep_diag *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->cap = cap ? cap : PDUREP_DIAG_DEFAULT_CAP;
    d->messages = calloc(d->cap, sizeof *d->messages);
    if (!d->messages) {
        free(d);
        return NULL;
    }
    return d;
}

void pdurep_diag_free(pdurep_diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++)
        free(d->messages[i]);
    free(d->messages);
    for (size_t i = 0; i < d->n_notes; i++)
        free(d->notes[i]);
    free(d->notes);
    free(d);
}

static void add(pdurep_diag *d, const char *file, unsigned long line, unsigned long column,
                const char *kind, const char *fmt, va_list ap0)
{
    if (d->count >= d->cap)
        return;
    va_list ap;

    char where[4096] = "";
    if (file && line && column)
        snprintf(where, sizeof where, "%s:%lu:%lu: ", file, line, column);
    else if (file && line)
        snprintf(where, sizeof where, "%s:%lu: ", file, line);
    else if (file)
        snprintf(where, sizeof where, "%s: ", file);
    strncat(where, kind, sizeof where - strlen(where) - 1);

    va_copy(ap, ap0);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t wl = strlen(where);
    char *msg = malloc(wl + (size_t)n + 1);
    if (!msg)
        return;
    memcpy(msg, where, wl);
    va_copy(ap, ap0);
    vsnprintf(msg + wl, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->messages[d->count++] = msg;
}

void pdurep_diag_addv(pdurep_diag *d, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, va_list ap)
{
    if (!d)
        return;
    d->total++;
    add(d, file, line, column, "", fmt, ap);
}

void pdurep_diag_warnv(pdurep_diag *d, const char *file, unsigned long line,
                       unsigned long column, const char *fmt, va_list ap)
{
    if (!d)
        return;
    d->warnings++;
    add(d, file, line, column, "warning: ", fmt, ap);
}

void pdurep_diag_note(pdurep_diag *d, const char *fmt, ...)
{
    if (!d)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n < 0 ? NULL : malloc((size_t)n + 1);
    char **notes = msg ? realloc(d->notes, (d->n_notes + 1) * sizeof *notes) : NULL;
    if (!notes) {
        free(msg);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->notes = notes;
    d->notes[d->n_notes++] = msg;
}

size_t pdurep_diag_notes(const pdurep_diag *d) { return d ? d->n_notes : 0; }

const char *pdurep_diag_note_text(const pdurep_diag *d, size_t i)
{
    return d && i < d->n_notes ? d->notes[i] : NULL;
}

void pdurep_diag_add(pdurep_diag *d, const char *file, unsigned long line,
                     unsigned long column, const char *fmt, ...)
{
    if (!d)
        return;
    d->total++;
    va_list ap;
    va_start(ap, fmt);
    add(d, file, line, column, "", fmt, ap);
    va_end(ap);
}

void pdurep_diag_warn(pdurep_diag *d, const char *file, unsigned long line,
                      unsigned long column, const char *fmt, ...)
{
    if (!d)
        return;
    d->warnings++;
    va_list ap;
    va_start(ap, fmt);
    add(d, file, line, column, "warning: ", fmt, ap);
    va_end(ap);
}

pdurep_diag *pdurep_diag_ensure(pdurep_diag *diag, pdurep_diag **own)
{
    /* One kept message is enough: a private collector is only ever counted. */
    *own = diag ? NULL : pdurep_diag_new(1);
    return diag ? diag : *own;
}

size_t pdurep_diag_warnings(const pdurep_diag *d) { return d ? d->warnings : 0; }

size_t pdurep_diag_total(const pdurep_diag *d) { return d ? d->total : 0; }
size_t pdurep_diag_count(const pdurep_diag *d) { return d ? d->count : 0; }
int pdurep_diag_full(const pdurep_diag *d) { return d && d->count >= d->cap; }

const char *pdurep_diag_message(const pdurep_diag *d, size_t i)
{
    return d && i < d->count ? d->messages[i] : NULL;
}

void pdurep_diag_print(const pdurep_diag *d, FILE *out, const char *prefix)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++)
        fprintf(out, "%s%s\n", prefix ? prefix : "", d->messages[i]);
    /* The count of what was left out is what tells an analyst the list is not the whole job. */
    if (d->total + d->warnings > d->count)
        fprintf(out, "%s\xE2\x80\xA6" "and %zu more problem%s\n", prefix ? prefix : "",
                d->total + d->warnings - d->count, d->total + d->warnings - d->count == 1 ? "" : "s");
    for (size_t i = 0; i < d->n_notes; i++)
        fprintf(out, "%s%s\n", prefix ? prefix : "", d->notes[i]);
}
