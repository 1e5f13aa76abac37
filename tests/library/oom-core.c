/*
 * The oom-library calls of the core modules converted in issue 9 part B:
 * frameworks, import, provenance, lifecycle, checksums and the schema.
 *
 * A call that changes a database works on a copy of a database made before
 * the failing allocator counts (oom_core_prepare(), run without it), and a
 * failed call must leave that copy byte for byte as it was: status 98 says
 * it did not. Files are copied and compared with read(2) and write(2) only,
 * so the check itself never allocates.
 */
#define _XOPEN_SOURCE 700 /* nftw, mkdtemp */
#include "oom-core.h"

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdurep/db.h"
#include "pdurep/framework.h"
#include "pdurep/inspection.h"
#include "pdurep/lifecycle.h"
#include "pdurep/provenance.h"

#include <sqlite3.h>
#include <xlsxwriter.h>

#include "rows.h"

enum { CHANGED = 98, SETUP = 99 };

/* What the call reported, printed to stderr for the test's log when a status is wrong
 * (made under the failing allocator too: NULL is a collector that ignores everything). */
static pdurep_diag *diag;

static const char *const wales_pdus[] = {"cardiff-and-the-vale", "cwm-taf-morgannwg",
                                         "dyfed-powys", "gwent", "north-wales",
                                         "swansea-neath-port-talbot"};

static int copy_file(const char *from, const char *to)
{
    int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char buf[65536];
    ssize_t n = 0;
    while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n)
            n = -1;
    int ok = in >= 0 && out >= 0 && n == 0;
    if (in >= 0)
        close(in);
    if (out >= 0)
        close(out);
    return ok ? 0 : -1;
}

/* 0 when the two files hold the same bytes. */
static int differ(const char *a, const char *b)
{
    int fa = open(a, O_RDONLY), fb = open(b, O_RDONLY);
    char x[65536], y[sizeof x];
    int result = fa < 0 || fb < 0;
    while (!result) {
        ssize_t n = read(fa, x, sizeof x), m = read(fb, y, sizeof y);
        if (n != m || n < 0 || memcmp(x, y, (size_t)n))
            result = 1;
        else if (n == 0)
            break;
    }
    if (fa >= 0)
        close(fa);
    if (fb >= 0)
        close(fb);
    return result;
}

static int exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* ---- the databases and the workbook the calls start from ---- */

static int sheet_row(const pdurep_csv_row *row, void *user)
{
    for (size_t i = 0; i < row->n; i++)
        if (worksheet_write_string(user, (lxw_row_t)row->index, (lxw_col_t)i, row->fields[i],
                                   NULL) != LXW_NO_ERROR)
            return PDUREP_ERROR_IO;
    return 0;
}

/* The North Wales bundle as a workbook bundle: TMP/wb/nw.xlsx with its narratives beside it. */
static int make_workbook(const char *root, const char *tmp)
{
    static const char *const sheets[] = {"inspection", "judgements", "cases"};
    char path[4096], to[4096];
    snprintf(path, sizeof path, "%s/wb", tmp);
    if (mkdir(path, 0755))
        return -1;
    snprintf(path, sizeof path, "%s/wb/nw.xlsx", tmp);
    lxw_workbook *wb = workbook_new(path);
    int bad = !wb;
    for (size_t i = 0; !bad && i < sizeof sheets / sizeof *sheets; i++) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, sheets[i]);
        snprintf(path, sizeof path, "%s/fixtures/north-wales/%s.csv", root, sheets[i]);
        pdurep_rows src;
        pdurep_rows_csv(&src, path, NULL);
        bad = !ws || pdurep_rows_read(&src, sheet_row, ws, NULL) != PDUREP_OK;
        pdurep_rows_clear(&src);
    }
    if (wb && workbook_close(wb) != LXW_NO_ERROR)
        bad = 1;
    static const char *const narratives[][2] = {{"narrative.txt", "nw.narrative.txt"},
                                                {"narrative.cy.txt", "nw.narrative.cy.txt"}};
    for (size_t i = 0; !bad && i < 2; i++) {
        snprintf(path, sizeof path, "%s/fixtures/north-wales/%s", root, narratives[i][0]);
        snprintf(to, sizeof to, "%s/wb/%s", tmp, narratives[i][1]);
        bad = copy_file(path, to) != 0;
    }
    return bad ? -1 : 0;
}

static int import_into(pdurep_db *db, const char *bundle)
{
    char *id = NULL;
    pdurep_error err = pdurep_import(db, bundle, 0, &id, NULL);
    free(id);
    if (err)
        fprintf(stderr, "oom-library: cannot import %s (status %d)\n", bundle,
                pdurep_exit_status(err));
    return err ? -1 : 0;
}

int oom_core_prepare(const char *call, const char *root, const char *tmp)
{
    (void)call;
    char path[4096], bundle[4096];
    pdurep_db *db;
    snprintf(path, sizeof path, "%s/fresh.db", tmp);
    if (!exists(path)) {
        if (pdurep_db_open(path, 0, &db, NULL))
            return -1;
        pdurep_db_close(db);
    }
    /* Every PDU of Wales, so the region bundle finds the inspections it pools. */
    snprintf(path, sizeof path, "%s/wales.db", tmp);
    if (!exists(path)) {
        if (pdurep_db_open(path, 0, &db, NULL))
            return -1;
        for (size_t i = 0; i < sizeof wales_pdus / sizeof *wales_pdus; i++) {
            snprintf(bundle, sizeof bundle, "%s/fixtures/wales/%s", root, wales_pdus[i]);
            if (import_into(db, bundle)) {
                pdurep_db_close(db);
                return -1;
            }
        }
        pdurep_db_close(db);
    }
    snprintf(path, sizeof path, "%s/wb", tmp);
    if (!exists(path) && make_workbook(root, tmp))
        return -1;
    /* A database of schema version 3, which the first read-write open upgrades. */
    snprintf(path, sizeof path, "%s/v3.db", tmp);
    snprintf(bundle, sizeof bundle, "%s/tests/years/schema-v3-wales.sql", root);
    if (!exists(path)) {
        FILE *f = fopen(bundle, "rb");
        char *text = f ? malloc(1 << 24) : NULL;
        size_t n = text ? fread(text, 1, (1 << 24) - 1, f) : 0;
        if (f)
            fclose(f);
        sqlite3 *s = NULL;
        int rc = !text || sqlite3_open(path, &s) != SQLITE_OK;
        if (!rc) {
            text[n] = '\0';
            rc = sqlite3_exec(s, text, NULL, NULL, NULL) != SQLITE_OK;
        }
        sqlite3_close(s);
        free(text);
        if (rc)
            return -1;
    }
    return 0;
}

/* ---- one call on a copy of a database ---- */

typedef pdurep_error (*db_call)(pdurep_db *db, const char *root, const char *tmp);

/*
 * Run @p fn on a copy of TMP/FROM: the status it returned, or CHANGED when it failed and the
 * copy is not what it was (or a journal was left beside it).
 */
static int on_copy(const char *from, db_call fn, const char *root, const char *tmp)
{
    char orig[4096], work[4096], journal[4200];
    snprintf(orig, sizeof orig, "%s/%s", tmp, from);
    snprintf(work, sizeof work, "%s/work-%ld.db", tmp, (long)getpid());
    snprintf(journal, sizeof journal, "%s-journal", work);
    if (copy_file(orig, work))
        return SETUP;
    pdurep_db *db;
    pdurep_error err = pdurep_db_open(work, 0, &db, diag);
    if (!err && fn) {
        err = fn(db, root, tmp);
        pdurep_db_close(db);
    }
    int status = pdurep_exit_status(err);
    /* An upgrade commits step by step: only the journal is checked, not the bytes. */
    if (err && ((fn && differ(orig, work)) || exists(journal)))
        status = CHANGED;
    unlink(work);
    unlink(journal);
    return status;
}

/* Import the bundle at DIR/REL, the id it reports dropped. */
static pdurep_error import_bundle(pdurep_db *db, const char *dir, const char *rel, int flags)
{
    char bundle[4096], *id = NULL;
    snprintf(bundle, sizeof bundle, "%s/%s", dir, rel);
    pdurep_error err = pdurep_import(db, bundle, flags, &id, diag);
    free(id);
    return err;
}

static pdurep_error import_north_wales(pdurep_db *db, const char *root, const char *tmp)
{
    (void)tmp;
    return import_bundle(db, root, "fixtures/north-wales", 0);
}

static pdurep_error replace_north_wales(pdurep_db *db, const char *root, const char *tmp)
{
    (void)tmp;
    return import_bundle(db, root, "fixtures/north-wales", PDUREP_IMPORT_REPLACE);
}

static pdurep_error import_workbook(pdurep_db *db, const char *root, const char *tmp)
{
    (void)root;
    return import_bundle(db, tmp, "wb/nw.xlsx", 0);
}

static pdurep_error import_region(pdurep_db *db, const char *root, const char *tmp)
{
    (void)tmp;
    return import_bundle(db, root, "fixtures/wales/region", 0);
}

static pdurep_error replace_narrative(pdurep_db *db, const char *root, const char *tmp)
{
    (void)tmp;
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/north-wales/narrative.cy.txt", root);
    return pdurep_narrative_replace(db, "north-wales-2025", path, "cy", diag);
}

static pdurep_error delete_gwent(pdurep_db *db, const char *root, const char *tmp)
{
    (void)root, (void)tmp;
    char **regions = NULL;
    size_t n = 0;
    pdurep_error err = pdurep_inspection_delete(db, "gwent-2025", 0, &regions, &n, diag);
    pdurep_id_list_free(regions, n);
    return err;
}

/* Read-only calls: what they return is freed, nothing is written. */
static pdurep_error read_back(pdurep_db *db, const char *root, const char *tmp)
{
    (void)root, (void)tmp;
    pdurep_framework *fw = NULL;
    pdurep_error err = pdurep_db_load_framework(db, "probation-pdu-2023", &fw, diag);
    pdurep_framework_free(fw);
    pdurep_provenance *p = NULL;
    if (!err)
        err = pdurep_provenance_get(db, "gwent-2025", &p, diag);
    pdurep_provenance_free(p);
    char **ids = NULL;
    size_t n = 0;
    if (!err)
        err = pdurep_regions_listing(db, "gwent-2025", &ids, &n, diag);
    pdurep_id_list_free(ids, n);
    return err;
}

/* The exported folder is whole or absent: a failed export leaves nothing in TMP/export. */
static pdurep_error export_gwent(pdurep_db *db, const char *root, const char *tmp)
{
    (void)root;
    char dir[4096], out[4200];
    snprintf(dir, sizeof dir, "%s/export-%ld", tmp, (long)getpid());
    if (mkdir(dir, 0755))
        return PDUREP_ERROR_IO;
    snprintf(out, sizeof out, "%s/gwent", dir);
    pdurep_error err = pdurep_inspection_export(db, "gwent-2025", out, diag);
    int left = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));)
        left += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    /* Reported as a database error: the test prints the status. */
    return err && left ? PDUREP_ERROR_DATABASE : err;
}

/* A framework read from its files, copied, and the region framework. */
static pdurep_error frameworks(const char *root)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/frameworks/probation-pdu-2023", root);
    pdurep_framework *fw = NULL, *copy = NULL;
    pdurep_error err = pdurep_framework_read_dir(dir, &fw, diag);
    if (!err && !(copy = pdurep_framework_copy(fw)))
        err = PDUREP_ERROR_NO_MEMORY;
    pdurep_framework_free(copy);
    pdurep_framework_free(fw);
    snprintf(dir, sizeof dir, "%s/frameworks/probation-region-2024", root);
    fw = NULL;
    if (!err)
        err = pdurep_framework_read_dir(dir, &fw, diag);
    pdurep_framework_free(fw);
    return err;
}

int oom_core_call(const char *call, const char *root, const char *tmp)
{
    static const struct {
        const char *name, *db;
        db_call fn;
    } calls[] = {
        {"import", "fresh.db", import_north_wales},
        {"import-replace", "wales.db", replace_north_wales},
        {"import-xlsx", "fresh.db", import_workbook},
        {"import-region", "wales.db", import_region},
        {"narrative-replace", "wales.db", replace_narrative},
        {"delete", "wales.db", delete_gwent},
        {"read-back", "wales.db", read_back},
        {"export", "wales.db", export_gwent},
        {"migrate", "v3.db", NULL},
    };
    int status = -1;
    diag = pdurep_diag_new(8);
    if (!strcmp(call, "framework"))
        status = pdurep_exit_status(frameworks(root));
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++)
        if (!strcmp(call, calls[i].name))
            status = tmp ? on_copy(calls[i].db, calls[i].fn, root, tmp) : SETUP;
    if (status > 0)
        pdurep_diag_print(diag, stderr, "oom-library: ");
    pdurep_diag_free(diag);
    return status;
}
