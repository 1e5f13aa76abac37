/*
 * Errors travel in return values: a reader given no diagnostics list still
 * returns its error. The two reproductions of issue 12: a bundle with
 * rosh "extreme" and an answer "Maybe" imported with diag = NULL, and a
 * bands.csv with "eighty" as a bound read with diag = NULL.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "pdurep/pdurep.h"

static char tmpdir[] = "/tmp/pdurep-errors-XXXXXX";

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* A PDU bundle of three cases; @p second_rosh and @p answer go into the second case. */
static void write_bundle(const char *dir, const char *second_rosh, const char *answer)
{
    char path[512];
    snprintf(path, sizeof path, "mkdir -p %s", dir);
    assert_int_equal(system(path), 0);
    write_file(dir, "inspection.csv", "key,value\nid,errors-test\nname,Errors\n"
                                      "fieldwork_start,2025-09-01\n");
    write_file(dir, "judgements.csv", "standard,rating,rationale\nP1.1,Good,a\nP1.2,Good,b\n"
                                      "P1.3,Good,c\n");
    pdurep_framework *fw = NULL;
    char fwdir[512];
    snprintf(fwdir, sizeof fwdir, "%s/frameworks/probation-pdu-2023", pdurep_data_dir());
    assert_int_equal(pdurep_framework_read_dir(fwdir, &fw, NULL), PDUREP_OK);
    char text[8192] = "case_id";
    for (size_t a = 0; a < fw->n_attributes; a++) {
        strcat(text, ",");
        strcat(text, fw->attributes[a].code);
    }
    size_t n_keys = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        if (fw->questions[q].parent < 0 &&
            fw->standards[fw->questions[q].standard].rated_by == PDUREP_RATED_BY_CASES) {
            strcat(text, ",");
            strcat(text, fw->questions[q].code);
            n_keys++;
        }
    strcat(text, "\n");
    for (int c = 1; c <= 3; c++) {
        char row[2048];
        int n = snprintf(row, sizeof row, "c%d", c);
        for (size_t a = 0; a < fw->n_attributes; a++) {
            const char *v = fw->attributes[a].values[0];
            /* The attribute in second place is rosh in the shipped framework's order. */
            if (c == 2 && !strcmp(fw->attributes[a].code, "rosh"))
                v = second_rosh;
            n += snprintf(row + n, sizeof row - (size_t)n, ",%s", v);
        }
        for (size_t k = 0; k < n_keys; k++)
            n += snprintf(row + n, sizeof row - (size_t)n, ",%s",
                          c == 2 && k == 0 ? answer : "Y");
        strcat(text, row);
        strcat(text, "\n");
    }
    write_file(dir, "cases.csv", text);
    pdurep_framework_free(fw);
}

static void import_without_diag_returns_the_error(void **state)
{
    (void)state;
    char dir[512], db_path[512];
    snprintf(dir, sizeof dir, "%s/extreme", tmpdir);
    snprintf(db_path, sizeof db_path, "%s/e.db", tmpdir);
    write_bundle(dir, "extreme", "Maybe");
    pdurep_db *db = NULL;
    assert_int_equal(pdurep_db_open(db_path, 0, &db, NULL), PDUREP_OK);
    char *id = NULL;
    assert_int_equal(pdurep_import(db, dir, 0, &id, NULL), PDUREP_ERROR_DATA);
    assert_null(id);
    pdurep_inspection *in = NULL;
    assert_int_equal(pdurep_inspection_get(db, "errors-test", &in), PDUREP_ERROR_NO_INPUT);

    /* Only rosh wrong: the previous case's rosh must not be stored in its place. */
    write_bundle(dir, "extreme", "Y");
    assert_int_equal(pdurep_import(db, dir, 0, NULL, NULL), PDUREP_ERROR_DATA);
    assert_int_equal(pdurep_inspection_get(db, "errors-test", &in), PDUREP_ERROR_NO_INPUT);

    /* And the same bundle corrected imports, also without a list. */
    write_bundle(dir, "high", "N");
    assert_int_equal(pdurep_import(db, dir, 0, NULL, NULL), PDUREP_OK);
    assert_int_equal(pdurep_inspection_get(db, "errors-test", &in), PDUREP_OK);
    assert_int_equal(in->n_cases, 3);
    pdurep_inspection_free(in);
    pdurep_db_close(db);
}

static void framework_without_diag_returns_the_error(void **state)
{
    (void)state;
    char cmd[1024], fw[512];
    snprintf(fw, sizeof fw, "%s/fw", tmpdir);
    snprintf(cmd, sizeof cmd, "cp -r %s/frameworks/probation-pdu-2023 %s", pdurep_data_dir(), fw);
    assert_int_equal(system(cmd), 0);
    char bands[600];
    snprintf(bands, sizeof bands, "%s/bands.csv", fw);
    char *text = read_file(bands);
    char *eighty = strstr(text, "80,");
    assert_non_null(eighty);
    char changed[1 << 16];
    snprintf(changed, sizeof changed, "%.*seighty,%s", (int)(eighty - text), text, eighty + 3);
    write_file(fw, "bands.csv", changed);
    pdurep_framework *f = NULL;
    assert_int_equal(pdurep_framework_read_dir(fw, &f, NULL), PDUREP_ERROR_DATA);
    assert_null(f);
    /* With a list, the same error and the reason with its place. */
    pdurep_diag *d = pdurep_diag_new(10);
    assert_int_equal(pdurep_framework_read_dir(fw, &f, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 0), "bands.csv:"));
    assert_non_null(strstr(pdurep_diag_message(d, 0), "\"eighty\""));
    pdurep_diag_free(d);
}

int main(void)
{
    if (!mkdtemp(tmpdir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(import_without_diag_returns_the_error),
        cmocka_unit_test(framework_without_diag_returns_the_error),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        rc = 1;
    return rc;
}
