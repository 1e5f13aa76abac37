#include "csvfile.h"
#include "utf8.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CSV_BLOCK = 64 * 1024 };

typedef struct reader {
    const char *name;
    pdurep_diag *diag;
    pdurep_csv_row_fn fn;
    void *user;

    /* The record being built: all fields back to back in one buffer. */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *offsets, *lengths;
    const char **fields;
    size_t n_fields, fields_cap;

    unsigned long line;        /* physical line being fed */
    unsigned long record_line; /* line the current record started on */
    unsigned long index;       /* records delivered so far */
    int bad_utf8;              /* the current record had invalid UTF-8 (reported once) */
    int stop;                  /* non-zero: callback asked to stop; its value */
    int bad_nul;               /* ... a NUL byte (reported once) */
    int too_long;              /* ... a field over the size limit (reported once) */
    int oom;
} reader;

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->stop || r->oom)
        return;
    if (r->n_fields == 0 && r->buf_len == 0)
        r->bad_utf8 = r->bad_nul = 0;
    /* libcsv passes the length, but everything downstream sees C strings: a NUL would
     * silently cut the value, so it is refused. */
    const char *nul = len ? memchr(s, '\0', len) : NULL;
    if (nul && !r->bad_nul) {
        pdurep_diag_add(r->diag, r->name, r->record_line, r->n_fields + 1,
                        "a NUL byte (code 0) at character %zu of the field (is this a "
                        "CSV text file?)", (size_t)(nul - (const char *)s) + 1);
        r->bad_nul = 1;
    }
    if (nul)
        len = (size_t)(nul - (const char *)s); /* what C strings downstream would see anyway */
    if (!nul && !r->bad_utf8 && !pdurep_utf8_valid(s, len, NULL)) {
        pdurep_diag_add(r->diag, r->name, r->record_line, r->n_fields + 1,
                        "text is not valid UTF-8 (save the file as UTF-8)");
        r->bad_utf8 = 1;
    }
    if (len > PDUREP_CSV_MAX_FIELD) {
        if (!r->too_long)
            pdurep_diag_add(r->diag, r->name, r->record_line, r->n_fields + 1,
                            "field is longer than the limit of %d bytes", PDUREP_CSV_MAX_FIELD);
        r->too_long = 1;
        len = 0; /* counted as a field, so later columns keep their numbers */
    }
    if (r->n_fields == r->fields_cap) {
        size_t cap = r->fields_cap ? r->fields_cap * 2 : 64;
        size_t *o = realloc(r->offsets, cap * sizeof *o);
        if (o) r->offsets = o;
        size_t *l = realloc(r->lengths, cap * sizeof *l);
        if (l) r->lengths = l;
        const char **f = realloc(r->fields, cap * sizeof *f);
        if (f) r->fields = f;
        if (!o || !l || !f) {
            r->oom = 1;
            return;
        }
        r->fields_cap = cap;
    }
    if (r->buf_len + len + 1 > r->buf_cap) {
        size_t cap = r->buf_cap ? r->buf_cap : 4096;
        while (cap < r->buf_len + len + 1)
            cap *= 2;
        char *b = realloc(r->buf, cap);
        if (!b) {
            r->oom = 1;
            return;
        }
        r->buf = b;
        r->buf_cap = cap;
    }
    r->offsets[r->n_fields] = r->buf_len;
    r->lengths[r->n_fields] = len;
    if (len)
        memcpy(r->buf + r->buf_len, s, len);
    r->buf_len += len;
    r->buf[r->buf_len++] = '\0';
    r->n_fields++;
}

static void on_record(int c, void *data)
{
    reader *r = data;
    (void)c;
    /* Blank lines arrive as records without fields: skip them. */
    if (!r->stop && !r->oom && r->n_fields > 0) {
        for (size_t i = 0; i < r->n_fields; i++)
            r->fields[i] = r->buf + r->offsets[i];
        pdurep_csv_row row = {r->fields, r->lengths, r->n_fields, r->record_line, r->index++};
        int rc = r->fn(&row, r->user);
        if (rc)
            r->stop = rc;
    }
    r->n_fields = 0;
    r->buf_len = 0;
    r->too_long = 0;
    /* Input is fed one physical line at a time, so the next record starts on the next line. */
    r->record_line = r->line + 1;
}

static pdurep_error csv_read(const char *path, const char *name, pdurep_csv_row_fn fn,
                             void *user, pdurep_diag *diag);

/* Set when libcsv asked for more than a field may hold (per thread: batch reads in parallel). */
static _Thread_local int field_cap_hit;

/* libcsv's allocator: a field may not grow past the limit, so one huge field cannot take
 * all memory before it is refused. */
static void *capped_realloc(void *ptr, size_t n)
{
    if (n > (size_t)PDUREP_CSV_MAX_FIELD + 2 * CSV_BLOCK) {
        field_cap_hit = 1;
        return NULL;
    }
    return realloc(ptr, n);
}

/* Feed one piece of input to libcsv; 0 to go on, else the error to return. */
static pdurep_error feed(struct csv_parser *p, reader *r, const char *s, size_t len)
{
    if (!len)
        return PDUREP_OK;
    size_t done = csv_parse(p, s, len, on_field, on_record, r);
    if (done == len)
        return PDUREP_OK;
    if (csv_error(p) == CSV_EPARSE) {
        pdurep_diag_add(r->diag, r->name, r->line, r->n_fields + 1,
                        "malformed quoting (a quote inside a field must be doubled, "
                        "and a quoted field must end with a quote)");
        return PDUREP_ERROR_DATA;
    }
    if (field_cap_hit) {
        pdurep_diag_add(r->diag, r->name, r->line, r->n_fields + 1,
                        "field is longer than the limit of %d bytes", PDUREP_CSV_MAX_FIELD);
        return PDUREP_ERROR_DATA;
    }
    r->oom = 1;
    return PDUREP_ERROR_NO_MEMORY;
}

pdurep_error pdurep_csv_check_file(const char *path, const char *name, int fd, pdurep_diag *diag)
{
    struct stat sb;
    if ((fd >= 0 ? fstat(fd, &sb) : stat(path, &sb)) != 0) {
        int e = errno;
        pdurep_diag_add(diag, name, 0, 0, "cannot open: %s", strerror(e));
        return e == ENOENT || e == EACCES || e == ENOTDIR ? PDUREP_ERROR_NO_INPUT
                                                          : PDUREP_ERROR_IO;
    }
    if (S_ISDIR(sb.st_mode)) {
        pdurep_diag_add(diag, name, 0, 0, "is a folder, not a file");
        return PDUREP_ERROR_DATA;
    }
    if (!S_ISREG(sb.st_mode)) {
        /* A FIFO or a device could block for ever or never end. */
        pdurep_diag_add(diag, name, 0, 0, "is not a regular file (a %s): only plain files are "
                        "read", S_ISFIFO(sb.st_mode) ? "pipe" : S_ISSOCK(sb.st_mode) ? "socket"
                                                                           : "device");
        return PDUREP_ERROR_DATA;
    }
    if ((unsigned long long)sb.st_size > PDUREP_CSV_MAX_FILE) {
        pdurep_diag_add(diag, name, 0, 0, "file of %llu bytes is larger than the limit of "
                        "%llu bytes", (unsigned long long)sb.st_size,
                        (unsigned long long)PDUREP_CSV_MAX_FILE);
        return PDUREP_ERROR_DATA;
    }
    return PDUREP_OK;
}

pdurep_error pdurep_csv_read(const char *path, const char *name, pdurep_csv_row_fn fn,
                             void *user, pdurep_diag *diag)
{
    pdurep_diag *own;
    if (!(diag = pdurep_diag_ensure(diag, &own)))
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = csv_read(path, name, fn, user, diag);
    pdurep_diag_free(own);
    return err;
}

static pdurep_error csv_read(const char *path, const char *name, pdurep_csv_row_fn fn,
                             void *user, pdurep_diag *diag)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        pdurep_diag_add(diag, name, 0, 0, "cannot open: %s", strerror(e));
        return e == ENOENT || e == EACCES || e == ENOTDIR ? PDUREP_ERROR_NO_INPUT
                                                          : PDUREP_ERROR_IO;
    }
    pdurep_error err = pdurep_csv_check_file(path, name, fd, diag);
    if (err) {
        close(fd);
        return err;
    }
    struct csv_parser p;
    /* REPALL_NL reports blank lines as empty records so line numbers stay exact. */
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        close(fd);
        pdurep_diag_add(diag, name, 0, 0, "out of memory");
        return PDUREP_ERROR_NO_MEMORY;
    }
    /* libcsv grows a field by blk_size bytes at a time: small steps make long fields slow. */
    csv_set_blk_size(&p, CSV_BLOCK);
    csv_set_realloc_func(&p, capped_realloc);
    field_cap_hit = 0;
    reader r = {.name = name, .diag = diag, .fn = fn, .user = user, .line = 1, .record_line = 1};
    size_t before = pdurep_diag_total(diag);

    /*
     * Read in blocks and cut them at every line end (LF, CR or CRLF), so that a
     * record's line is its physical line whatever the line ends, and no line
     * has to fit in memory whole.
     */
    char *block = malloc(CSV_BLOCK);
    int after_cr = 0, first = 1;
    if (!block)
        err = PDUREP_ERROR_NO_MEMORY, r.oom = 1;
    while (!err && !r.stop && !r.oom) {
        ssize_t n = read(fd, block, CSV_BLOCK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            pdurep_diag_add(diag, name, r.line, 0, "read error: %s", strerror(errno));
            err = PDUREP_ERROR_IO;
            break;
        }
        if (n == 0)
            break;
        const char *s = block, *end = block + n;
        if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3;
        first = 0;
        if (after_cr && s < end && *s == '\n') {
            /* The LF of a CRLF split across blocks belongs to the line already ended. */
            r.line--;
            err = feed(&p, &r, s, 1);
            r.line++;
            s++;
        }
        after_cr = 0;
        while (!err && !r.stop && !r.oom && s < end) {
            const char *q = s;
            while (q < end && *q != '\n' && *q != '\r')
                q++;
            if (q == end) {
                err = feed(&p, &r, s, (size_t)(q - s));
                break;
            }
            if (*q == '\r' && q + 1 < end && q[1] == '\n')
                q++;
            else if (*q == '\r' && q + 1 == end)
                after_cr = 1;
            err = feed(&p, &r, s, (size_t)(q - s) + 1);
            r.line++;
            s = q + 1;
        }
    }
    free(block);
    if (!err && !r.stop && !r.oom && csv_fini(&p, on_field, on_record, &r) != 0) {
        if (csv_error(&p) == CSV_EPARSE) {
            pdurep_diag_add(diag, name, r.record_line, r.n_fields + 1,
                            "unterminated quoted field (the closing quote is missing)");
            err = PDUREP_ERROR_DATA;
        } else {
            r.oom = 1;
        }
    }
    csv_free(&p);
    close(fd);
    free(r.buf);
    free(r.offsets);
    free(r.lengths);
    free(r.fields);
    if (r.oom || r.stop == PDUREP_ERROR_NO_MEMORY) {
        /* Never taken for the end of the file: a short read would import part of it. */
        pdurep_diag_add(diag, name, r.record_line, 0, "out of memory while reading the record "
                        "that starts on this line");
        return PDUREP_ERROR_NO_MEMORY;
    }
    if (err)
        return err;
    if (r.stop)
        return (pdurep_error)r.stop;
    return pdurep_diag_total(diag) > before ? PDUREP_ERROR_DATA : PDUREP_OK;
}

void pdurep_csv_table_free(pdurep_csv_table *t)
{
    if (t->cells)
        for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
            free(t->cells[i]);
    free(t->cells);
    free(t->lines);
    free(t->col_index);
    memset(t, 0, sizeof *t);
}
