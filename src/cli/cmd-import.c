/* pdurep import: load inspection bundles into the database. */
#include "cli/options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: pdurep import [--replace] [--db PATH] BUNDLE...\n"
    "\n"
    "Load each inspection bundle into the database, each in one transaction. A\n"
    "bundle is a folder of CSV files (inspection.csv, judgements.csv, cases.csv)\n"
    "or one XLSX workbook with sheets inspection, judgements and cases (its\n"
    "narratives are text files beside it: BOOK.narrative.txt, BOOK.narrative.cy.txt).\n"
    "Every problem of every table is listed, as FILE:LINE:COLUMN: message for a\n"
    "CSV file (COLUMN counts fields from 1) or BOOK.xlsx:SHEET!CELL: message for a\n"
    "sheet; on any problem the database is left exactly as it was.\n"
    "\n"
    "  --replace   swap an inspection that is already in the database\n"
    "  --db PATH   database file (default $PDUREP_DB, else ./pdurep.db)\n"
    "\n"
    "Exit status: 0 imported, 65 bad data or id already present, 66 missing\n"
    "folder, workbook, file or sheet, 74 database error.\n";

static int on_opt(int opt, const char *arg, void *state)
{
    (void)arg;
    if (opt == 'r') {
        *(int *)state |= PDUREP_IMPORT_REPLACE;
        return CLI_CONTINUE;
    }
    return 64;
}

int cmd_import(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"replace", no_argument, NULL, 'r'}, {0}};
    static const cli_spec spec = {"import", usage, "", longopts};
    int flags = 0, first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &flags);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("import", "no bundle folder or workbook given");

    const char *path = ctx->db_path ? ctx->db_path : pdurep_db_default_path();
    struct stat sb;
    int existed = stat(path, &sb) == 0;
    /* An empty file is no database yet: opening writes the schema, which a failed run undoes. */
    int was_empty = existed && S_ISREG(sb.st_mode) && sb.st_size == 0;
    pdurep_db *db;
    if ((rc = cli_open_db("import", ctx, 0, &db))) {
        if (!existed)
            unlink(path); /* e.g. the disk filled while the schema was written */
        else if (was_empty)
            truncate(path, 0);
        return rc;
    }

    /* Interrupted before anything is in it, a database this run made is removed. */
    size_t jn = strlen(path) + sizeof "-journal";
    char *journal = malloc(jn);
    if (journal)
        snprintf(journal, jn, "%s-journal", path);
    if (!existed && journal) {
        pdurep_atomic_track(path);
        pdurep_atomic_track(journal);
    }
    int imported = 0;
    for (int i = first; i < argc && rc == 0; i++) {
        pdurep_diag *diag = pdurep_diag_new(PDUREP_DIAG_DEFAULT_CAP);
        char *id = NULL;
        pdurep_error err = pdurep_import(db, argv[i], flags, &id, diag);
        if (err) {
            rc = cli_fail("import", err, diag);
        } else {
            pdurep_inspection *in = NULL;
            if (pdurep_inspection_get(db, id, &in) == PDUREP_OK && !strcmp(in->kind, "pdu"))
                printf("imported %s (%s, %ld cases) from %s\n", id, in->name, in->n_cases,
                       argv[i]);
            else if (in)
                printf("imported %s (%s, %s %s; its case-rated standards pool the region's "
                       "PDU cases) from %s\n", id, in->name, in->kind, in->region, argv[i]);
            else /* committed: a failed look-up afterwards cannot undo that */
                printf("imported %s from %s\n", id, argv[i]);
            pdurep_inspection_free(in);
            pdurep_diag_print(diag, stderr, ""); /* warnings only, on success */
            if (!imported++ && journal) {
                pdurep_atomic_untrack(path);
                pdurep_atomic_untrack(journal);
            }
        }
        free(id);
        pdurep_diag_free(diag);
    }
    pdurep_db_close(db);
    if (journal) {
        pdurep_atomic_untrack(path);
        pdurep_atomic_untrack(journal);
        free(journal);
    }
    /* A database this run created and filled with nothing is not left behind. */
    if (rc && !existed && imported == 0)
        unlink(path);
    else if (rc && was_empty && imported == 0 && truncate(path, 0) != 0)
        fprintf(stderr, "pdurep import: %s: cannot empty the file again: %s\n", path,
                strerror(errno));
    return rc;
}
