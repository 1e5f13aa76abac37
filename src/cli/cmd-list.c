/* pdurep list: the inspections in the database. */
#include "cli/options.h"

static const char usage[] =
    "usage: pdurep list [--db PATH]\n"
    "\n"
    "List the inspections in the database: id, kind, name, region, fieldwork\n"
    "start, framework and number of cases, one per line after a header.\n";

int cmd_list(int argc, char **argv, cli_context *ctx)
{
    static const cli_spec spec = {"list", usage, "", NULL};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, NULL, NULL);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first < argc)
        return cli_usage_error("list", "unexpected argument '%s'", argv[first]);
    pdurep_db *db;
    if ((rc = cli_open_db("list", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_inspection *list;
    size_t n;
    pdurep_error err = pdurep_inspection_list(db, &list, &n);
    if (err) {
        pdurep_db_close(db);
        return cli_fail("list", err, NULL);
    }
    printf("%-28s %-7s %-24s %-12s %-11s %-20s %6s\n", "ID", "KIND", "NAME", "REGION",
           "FIELDWORK", "FRAMEWORK", "CASES");
    for (size_t i = 0; i < n; i++)
        printf("%-28s %-7s %-24s %-12s %-11s %-20s %6ld\n", list[i].id, list[i].kind,
               list[i].name, list[i].region, list[i].fieldwork_start, list[i].framework,
               list[i].n_cases);
    pdurep_inspection_list_free(list, n);
    pdurep_db_close(db);
    return 0;
}
