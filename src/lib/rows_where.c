/*
 * Where a row source's problems are: file:line:column for a CSV file,
 * book:sheet!cell for a workbook sheet. Kept apart from rows.c so that the
 * XLSX reader, which rows.c drives, can report positions without calling
 * back into it (scripts/check-layers.sh refuses such a cycle).
 */
#include "rows.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void pdurep_column_letters(unsigned long col, char *out)
{
    char tmp[8];
    size_t n = 0;
    while (col && n < sizeof tmp) {
        col--;
        tmp[n++] = (char)('A' + col % 26);
        col /= 26;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

/* A sheet position as a spreadsheet names it: cases!I14, or cases!14:14 for a whole row. */
static void report(const pdurep_rows *src, pdurep_diag *diag, int warn, unsigned long line,
                   unsigned long col, const char *fmt, va_list ap)
{
    if (!src->book) {
        if (warn)
            pdurep_diag_warnv(diag, src->name, line, col, fmt, ap);
        else
            pdurep_diag_addv(diag, src->name, line, col, fmt, ap);
        return;
    }
    char letters[8];
    /* On the stack: a problem is counted even when memory has run out (the collector keeps
     * at most this much of a position anyway). */
    char where[4096];
    pdurep_column_letters(col, letters);
    if (line && col)
        snprintf(where, sizeof where, "%s!%s%lu", src->name, letters, line);
    else if (line)
        snprintf(where, sizeof where, "%s!%lu:%lu", src->name, line, line);
    else
        snprintf(where, sizeof where, "%s", src->name);
    if (warn)
        pdurep_diag_warnv(diag, where, 0, 0, fmt, ap);
    else
        pdurep_diag_addv(diag, where, 0, 0, fmt, ap);
}

void pdurep_rows_problem(const pdurep_rows *src, pdurep_diag *diag, unsigned long line,
                         unsigned long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(src, diag, 0, line, col, fmt, ap);
    va_end(ap);
}

void pdurep_rows_warn(const pdurep_rows *src, pdurep_diag *diag, unsigned long line,
                      unsigned long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(src, diag, 1, line, col, fmt, ap);
    va_end(ap);
}
