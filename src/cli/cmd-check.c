/* pdurep check: SQLite's checks and every inspection's checksum. */
#include "cli/options.h"

static const char usage[] =
    "usage: pdurep check [--db PATH] [ID]\n"
    "\n"
    "Check the database: SQLite's integrity and foreign-key checks, then the\n"
    "checksum recorded at import of every inspection and framework (only ID and\n"
    "its framework, if given). Prints one line per check, ok or DAMAGED.\n"
    "\n"
    "Exit status: 0 all holds, 66 no database or no such inspection, 74 the\n"
    "database is damaged or cannot be read.\n";

int cmd_check(int argc, char **argv, cli_context *ctx)
{
    static const cli_spec spec = {"check", usage, "", NULL};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, NULL, NULL);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first + 1 < argc)
        return cli_usage_error("check", "unexpected argument '%s'", argv[first + 1]);
    pdurep_db *db;
    if ((rc = cli_open_db("check", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_error err = pdurep_db_check(db, first < argc ? argv[first] : NULL, stdout, diag);
    rc = err ? cli_fail("check", err, diag) : 0;
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
