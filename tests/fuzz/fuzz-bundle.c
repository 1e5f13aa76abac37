/*
 * A whole bundle through import into a fresh in-memory database. The input is
 * the bundle's files one after another, each introduced by a line
 * "==> NAME <==" (inspection.csv, judgements.csv, cases.csv, narrative.txt,
 * narrative.cy.txt), as `head` prints several files; make-corpus.sh builds the
 * seeds that way from the fixtures and the broken bundles.
 */
#define _GNU_SOURCE /* memmem */
#include "fuzz.h"
#include "pdurep/pdurep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const names[] = {"inspection.csv", "judgements.csv", "cases.csv",
                                    "narrative.txt", "narrative.cy.txt"};
enum { N_NAMES = sizeof names / sizeof *names };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/bundle", fuzz_dir());
    mkdir(dir, 0700);
    char path[512];
    for (int i = 0; i < N_NAMES; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *mark = memmem(p, (size_t)(end - p), "==> ", 4);
        if (!mark)
            break;
        const char *nl = memchr(mark, '\n', (size_t)(end - mark));
        if (!nl)
            break;
        const char *body = nl + 1;
        const char *next = memmem(body, (size_t)(end - body), "\n==> ", 5);
        const char *stop = next ? next + 1 : end;
        for (int i = 0; i < N_NAMES; i++) {
            size_t l = strlen(names[i]);
            if ((size_t)(nl - mark) == l + 8 && !memcmp(mark + 4, names[i], l) &&
                !memcmp(mark + 4 + l, " <==", 4)) {
                snprintf(path, sizeof path, "%s/%s", dir, names[i]);
                FILE *f = fopen(path, "wb");
                if (!f)
                    abort();
                fwrite(body, 1, (size_t)(stop - body), f);
                fclose(f);
            }
        }
        p = stop;
    }
    pdurep_diag *d = pdurep_diag_new(0);
    pdurep_db *db = NULL;
    if (pdurep_db_open(":memory:", 0, &db, d) != PDUREP_OK)
        abort();
    char *id = NULL;
    pdurep_error err = pdurep_import(db, dir, 0, &id, d);
    if (err && pdurep_diag_total(d) == 0)
        abort();
    /* What import accepted must rate, and must pass its own checksum. */
    if (!err) {
        pdurep_ratings *r = NULL;
        pdurep_diag *d2 = pdurep_diag_new(0);
        pdurep_error rerr = pdurep_ratings_compute(db, id, &r, d2);
        if (rerr != PDUREP_OK && rerr != PDUREP_ERROR_DATA)
            abort();
        pdurep_ratings_free(r);
        pdurep_diag_free(d2);
    }
    free(id);
    pdurep_db_close(db);
    pdurep_diag_free(d);
    return 0;
}
