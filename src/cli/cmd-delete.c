/* pdurep delete: remove an inspection and everything of it. */
#include "cli/options.h"

#include <stdlib.h>

static const char usage[] =
    "usage: pdurep delete [--force] [--db PATH] ID\n"
    "\n"
    "Delete inspection ID and everything of it (judgements, cases, narratives,\n"
    "stored bundle files, import history, a region's list of PDUs) in one\n"
    "transaction. The id can be imported again afterwards.\n"
    "\n"
    "A PDU inspection that a region lists is refused: the region would lose one\n"
    "of its PDUs.\n"
    "\n"
    "  --force   delete it all the same; the regions that list it are named, keep\n"
    "            listing it and are refused when rated until it is imported again\n"
    "\n"
    "Exit status: 0 deleted, 65 a region lists it (without --force), 66 no such\n"
    "inspection or database, 74 database error.\n";

static int on_opt(int opt, const char *arg, void *state)
{
    (void)arg;
    if (opt != 'f')
        return 64;
    *(int *)state |= PDUREP_DELETE_FORCE;
    return CLI_CONTINUE;
}

int cmd_delete(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"force", no_argument, NULL, 'f'}, {0}};
    static const cli_spec spec = {"delete", usage, "", longopts};
    int first, flags = 0;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &flags);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("delete", "no inspection id given");
    if (first + 1 < argc)
        return cli_usage_error("delete", "unexpected argument '%s'", argv[first + 1]);
    pdurep_db *db;
    /* Read-only first: a missing database is reported, never created. */
    if ((rc = cli_open_db("delete", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_db_close(db);
    if ((rc = cli_open_db("delete", ctx, 0, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(0);
    char **regions = NULL;
    size_t n = 0;
    pdurep_error err = pdurep_inspection_delete(db, argv[first], flags, &regions, &n, diag);
    if (err) {
        rc = cli_fail("delete", err, diag);
    } else {
        printf("deleted %s\n", argv[first]);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "pdurep delete: region %s lists %s: it cannot be rated or reported "
                    "until %s is imported again\n", regions[i], argv[first], argv[first]);
    }
    pdurep_id_list_free(regions, n);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
