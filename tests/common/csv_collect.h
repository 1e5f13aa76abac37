/*
 * For the CSV reader's unit tests (tests/import/test_csv.c,
 * tests/hardening/test_csv_limits.c): a row callback that records what it was
 * given, and a temporary file holding exact bytes. Include after cmocka.h.
 */
#ifndef PDUREP_TEST_CSV_COLLECT_H
#define PDUREP_TEST_CSV_COLLECT_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "csvfile.h"

/** The first 16 rows a read gave: physical line, first field, width. */
typedef struct seen {
    int rows;
    unsigned long lines[16];
    char first[16][64];
    size_t widths[16];
} seen;

static int collect(const pdurep_csv_row *row, void *user)
{
    seen *s = user;
    if (s->rows < 16) {
        s->lines[s->rows] = row->line;
        snprintf(s->first[s->rows], 64, "%s", row->n ? row->fields[0] : "");
        s->widths[s->rows] = row->n;
    }
    s->rows++;
    return 0;
}

/** The file write_file() made last; the test unlinks it. */
static char path[64];

static void write_file(const char *bytes, size_t len)
{
    strcpy(path, "/tmp/pdurep-csv-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, len), (ssize_t)len);
    close(fd);
}

/** Read @p len bytes as the file x.csv into @p s. */
static pdurep_error read_bytes(const char *bytes, size_t len, seen *s, pdurep_diag *d)
{
    memset(s, 0, sizeof *s);
    write_file(bytes, len);
    pdurep_error err = pdurep_csv_read(path, "x.csv", collect, s, d);
    unlink(path);
    return err;
}

#endif
