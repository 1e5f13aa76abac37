/* pdurep list: the inspections in the database. */
#include "cli/options.h"

#include <stdlib.h>

static const char usage[] =
    "usage: pdurep list [--json] [--db PATH]\n"
    "\n"
    "List the inspections in the database: id, kind, name, region, fieldwork\n"
    "start, framework, number of cases, the first 12 characters of the bundle's\n"
    "SHA-256 and the import time (UTC), one per line after a header.\n"
    "\n"
    "  --json   print a JSON array instead, with the whole hash (see README)\n"
    "\n"
    "Exit status: 0 listed, 66 no such database, 74 database error.\n";

static int on_opt(int opt, const char *arg, void *state)
{
    (void)arg;
    if (opt != 'j')
        return 64;
    *(int *)state = 1;
    return CLI_CONTINUE;
}

int cmd_list(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"json", no_argument, NULL, 'j'}, {0}};
    static const cli_spec spec = {"list", usage, "", longopts};
    int first, json = 0;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &json);
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
    if (json) {
        char *text = pdurep_inspection_list_json(list, n, 0);
        if (text)
            puts(text);
        else
            rc = cli_fail("list", PDUREP_ERROR_NO_MEMORY, NULL);
        free(text);
    } else {
        printf("%-30s %-7s %-24s %-8s %-11s %-22s %6s  %-12s  %s\n", "ID", "KIND", "NAME",
               "REGION", "FIELDWORK", "FRAMEWORK", "CASES", "BUNDLE", "IMPORTED (UTC)");
        for (size_t i = 0; i < n; i++)
            printf("%-30s %-7s %-24s %-8s %-11s %-22s %6ld  %-12.12s  %s\n", list[i].id,
                   list[i].kind, list[i].name, list[i].region, list[i].fieldwork_start,
                   list[i].framework, list[i].n_cases,
                   *list[i].bundle_sha256 ? list[i].bundle_sha256 : "-",
                   *list[i].imported_at ? list[i].imported_at : "-");
    }
    pdurep_inspection_list_free(list, n);
    pdurep_db_close(db);
    return rc;
}
