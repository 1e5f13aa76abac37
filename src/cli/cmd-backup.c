/* pdurep backup: a consistent copy of the database, taken while others read. */
#include "cli/options.h"

static const char usage[] =
    "usage: pdurep backup [--db PATH] FILE\n"
    "\n"
    "Copy the database to FILE with SQLite's online backup API: the copy is one\n"
    "consistent moment of the database, other commands (a running batch, a\n"
    "report) may read it meanwhile, and an import waits for the copy or the copy\n"
    "for the import. FILE is written under a temporary name and renamed, so it\n"
    "is never a half-written database; an existing FILE is replaced.\n"
    "\n"
    "Exit status: 0 copied, 66 no such database, 73 FILE cannot be created,\n"
    "74 input/output or database error.\n";

int cmd_backup(int argc, char **argv, cli_context *ctx)
{
    static const cli_spec spec = {"backup", usage, "", NULL};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, NULL, NULL);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("backup", "no backup file given");
    if (first + 1 < argc)
        return cli_usage_error("backup", "unexpected argument '%s'", argv[first + 1]);
    pdurep_db *db;
    if ((rc = cli_open_db("backup", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_error err = pdurep_db_backup(db, argv[first], diag);
    if (err)
        rc = cli_fail("backup", err, diag);
    else
        printf("backed up %s to %s\n", pdurep_db_path(db), argv[first]);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
