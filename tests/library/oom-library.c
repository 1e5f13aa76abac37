/*
 * One library call, for tests/library/test_oom_library.py: run under the
 * failing allocator (failmalloc.so), it must return ::PDUREP_ERROR_NO_MEMORY
 * or succeed, never end the process. Prints the call's status.
 *
 * usage: oom-library CALL SOURCE_ROOT      CALL: strings, strings-cy, layout, table, xlsx,
 *        synth, or a call of oom-core.c or calls-calculator.c (which work on databases
 *        made in $OOM_TMP by a run with OOM_PREPARE set, without the shim).
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <ftw.h>
#include <unistd.h>

#include "pdurep/strings.h"
#include "pdurep/synth.h"
#include "report/layout.h"
#include "rows.h"
#include "xlsxread.h"
#include "oom-core.h"
#include "calls-calculator.h"

static int count_row(const pdurep_csv_row *row, void *user)
{
    (void)row;
    ++*(size_t *)user;
    return 0;
}

/* Every sheet of a bundle workbook, read as import reads them; what the reader reported goes
 * to stderr, where the test shows it when a status is wrong. */
static pdurep_error read_workbook(const char *path)
{
    pdurep_diag *diag = pdurep_diag_new(8);
    pdurep_xlsx *book;
    pdurep_error err = pdurep_xlsx_open(path, "bundle.xlsx", &book, diag);
    size_t rows = 0;
    for (size_t i = 0; !err && i < pdurep_xlsx_sheet_count(book); i++) {
        pdurep_rows src;
        pdurep_rows_sheet(&src, book, i, "bundle.xlsx", NULL);
        err = pdurep_rows_read(&src, count_row, &rows, diag);
        pdurep_rows_clear(&src);
    }
    pdurep_xlsx_close(book);
    pdurep_diag_print(diag, stderr, "oom-library");
    pdurep_diag_free(diag);
    return err;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* Two bundles written into a new folder; a failed run may leave the bundles it finished,
 * never a hidden temporary folder (reported as status 99). The folder is made inside the
 * driver's OOM_TMP, which the driver removes: removing it here needs memory the failing
 * allocator may not give, and thousands of runs would litter /tmp. */
static int synthesise(const char *root, const char *tmp)
{
    char out[4096], fw[4096], rfw[4096];
    snprintf(out, sizeof out, "%s/synth-XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(out))
        return 99;
    snprintf(fw, sizeof fw, "%s/frameworks/probation-pdu-2023", root);
    snprintf(rfw, sizeof rfw, "%s/frameworks/probation-region-2024", root);
    pdurep_synth_options opt;
    pdurep_synth_options_init(&opt);
    opt.out_dir = out;
    opt.pdus_per_region = 1;
    opt.cases_per_pdu = 3;
    opt.framework_dir = fw;
    opt.region_framework_dir = rfw;
    int status = pdurep_exit_status(pdurep_synth_write(&opt, NULL));
    DIR *d = opendir(out);
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            status = 99;
    if (d)
        closedir(d);
    nftw(out, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return status;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 64;
    const char *call = argv[1], *root = argv[2];
    /* The core modules' calls (oom-core.c) copy databases made first, without the shim. */
    const char *tmp = getenv("OOM_TMP");
    if (getenv("OOM_PREPARE"))
        return tmp && (oom_core_prepare(call, root, tmp) ||
                       oom_calculator_prepare(call, root, tmp)) ? 99 : 0;
    int core = oom_core_call(call, root, tmp);
    if (core >= 0) {
        printf("%d\n", core);
        return 0;
    }
    char path[4096];
    pdurep_error err;
    if (!strcmp(call, "strings") || !strcmp(call, "strings-cy")) {
        snprintf(path, sizeof path, "%s/layouts", root);
        pdurep_strings *s = NULL;
        err = pdurep_strings_load_lang(path, "annexe-", call[7] ? "cy" : "en", &s, NULL);
        pdurep_strings_free(s);
    } else if (!strcmp(call, "layout")) {
        snprintf(path, sizeof path, "%s/layouts/pdu-report.yaml", root);
        pdurep_layout *l = NULL;
        err = pdurep_layout_load(path, &l, NULL);
        pdurep_layout_free(l);
    } else if (!strcmp(call, "table")) {
        /* A bundle table, read as import and the framework loader read theirs. */
        static const pdurep_csv_column cols[] = {{"standard", 1}, {"rating", 1}, {"rationale", 0}};
        snprintf(path, sizeof path, "%s/fixtures/north-wales/judgements.csv", root);
        pdurep_rows src;
        pdurep_rows_csv(&src, path, NULL);
        pdurep_csv_table t;
        err = pdurep_rows_slurp(&src, cols, 3, &t, NULL);
        if (!err)
            pdurep_csv_table_free(&t);
        pdurep_rows_clear(&src);
    } else if (!strcmp(call, "xlsx")) {
        /* Shared strings, styles with a date format, formulas; then 1904 dates. */
        snprintf(path, sizeof path, "%s/tests/fuzz/corpus/xlsx/plain.xlsx", root);
        err = read_workbook(path);
        snprintf(path, sizeof path, "%s/tests/fuzz/corpus/xlsx/date1904.xlsx", root);
        if (!err)
            err = read_workbook(path);
    } else if (!strcmp(call, "synth")) {
        printf("%d\n", synthesise(root, tmp));
        return 0;
    } else if (oom_calculator_call(call, root, tmp, &err) < 0) {
        return 64;
    }
    printf("%d\n", pdurep_exit_status(err));
    return 0;
}
