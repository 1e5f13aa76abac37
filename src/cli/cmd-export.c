/* pdurep export: write an inspection's bundle back, byte for byte. */
#include "cli/options.h"

static const char usage[] =
    "usage: pdurep export [--db PATH] ID DIR\n"
    "\n"
    "Write inspection ID's bundle into the new folder DIR: every file it was\n"
    "imported from (inspection.csv, judgements.csv, cases.csv or pdus.csv, the\n"
    "narratives; for a workbook bundle the workbook and its narratives), byte for\n"
    "byte, with any narrative replaced since by 'pdurep narrative'. Importing DIR\n"
    "into another database gives the same ratings and the same documents.\n"
    "\n"
    "DIR must not exist, or be an empty folder. It is written under a temporary\n"
    "name and renamed, so it appears complete or not at all.\n"
    "\n"
    "Exit status: 0 written, 66 no such inspection or database (or one imported\n"
    "before pdurep kept bundle files), 73 DIR cannot be created, 74 input/output\n"
    "or database error.\n";

int cmd_export(int argc, char **argv, cli_context *ctx)
{
    static const cli_spec spec = {"export", usage, "", NULL};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, NULL, NULL);
    if (rc != CLI_CONTINUE)
        return rc;
    if (argc - first < 2)
        return cli_usage_error("export", "give an inspection id and a folder");
    if (argc - first > 2)
        return cli_usage_error("export", "unexpected argument '%s'", argv[first + 2]);
    pdurep_db *db;
    if ((rc = cli_open_db("export", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_error err = pdurep_inspection_export(db, argv[first], argv[first + 1], diag);
    if (err)
        rc = cli_fail("export", err, diag);
    else
        printf("exported %s to %s\n", argv[first], argv[first + 1]);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
