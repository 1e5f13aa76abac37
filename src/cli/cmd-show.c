/* pdurep show: one inspection's facts, round and provenance. */
#include "cli/options.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pdurep show [--json] [--db PATH] ID\n"
    "\n"
    "Show inspection ID: its facts (kind, name, region, framework, fieldwork,\n"
    "cases), its round (the PDU inspections a region lists and whether each is in\n"
    "the database, or the regions that list a PDU), and its provenance: when it\n"
    "was imported and by which pdurep, the SHA-256 of its bundle and of each\n"
    "file, and the history of its imports and narrative changes.\n"
    "\n"
    "  --json   print JSON instead (see README)\n"
    "\n"
    "Exit status: 0 shown, 66 no such inspection or database, 74 database error.\n";

static int on_opt(int opt, const char *arg, void *state)
{
    (void)arg;
    if (opt != 'j')
        return 64;
    *(int *)state = 1;
    return CLI_CONTINUE;
}

static const char *text(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s && *s ? s : "-";
}

/* The text form is drawn from the same JSON, so the two never disagree. */
static void print_text(json_t *o)
{
    printf("%s  %s (%s)\n", text(o, "id"), text(o, "name"), text(o, "kind"));
    printf("  region           %s\n", text(o, "region"));
    printf("  framework        %s\n", text(o, "framework"));
    printf("  fieldwork start  %s\n", text(o, "fieldwork_start"));
    printf("  published        %s\n", text(o, "published"));
    printf("  cases            %lld\n", (long long)json_integer_value(json_object_get(o, "cases")));
    json_t *pdus = json_object_get(o, "pdus"), *listed = json_object_get(o, "listed_by");
    size_t i;
    json_t *e;
    if (pdus) {
        printf("  PDUs listed      %zu\n", json_array_size(pdus));
        json_array_foreach(pdus, i, e)
            printf("    %-30s %s\n", text(e, "id"),
                   json_is_true(json_object_get(e, "present")) ? text(e, "fieldwork_start")
                                                               : "MISSING: not in the database");
    } else {
        printf("  listed by        ");
        if (!json_array_size(listed))
            printf("no region");
        json_array_foreach(listed, i, e)
            printf("%s%s", i ? ", " : "", json_string_value(e));
        printf("\n");
    }
    if (!*json_string_value(json_object_get(o, "bundle_sha256"))) {
        printf("  provenance       none: imported before pdurep recorded provenance (schema "
               "version 4); import it again to record it\n");
        return;
    }
    printf("  bundle SHA-256   %s\n", text(o, "bundle_sha256"));
    printf("  imported         %s by pdurep %s\n", text(o, "imported_at"), text(o, "pdurep_version"));
    printf("  files\n");
    json_array_foreach(json_object_get(o, "files"), i, e)
        printf("    %s  %10lld  %s\n", text(e, "sha256"),
               (long long)json_integer_value(json_object_get(e, "bytes")), text(e, "name"));
    printf("  history\n");
    json_array_foreach(json_object_get(o, "history"), i, e)
        printf("    %s  %-9s  %.12s  pdurep %s\n", text(e, "at"), text(e, "event"),
               text(e, "bundle_sha256"), text(e, "pdurep_version"));
}

int cmd_show(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"json", no_argument, NULL, 'j'}, {0}};
    static const cli_spec spec = {"show", usage, "", longopts};
    int first, json = 0;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &json);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("show", "no inspection id given");
    if (first + 1 < argc)
        return cli_usage_error("show", "unexpected argument '%s'", argv[first + 1]);
    pdurep_db *db;
    if ((rc = cli_open_db("show", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(0);
    char *out = NULL;
    pdurep_error err = pdurep_inspection_show_json(db, argv[first], 0, &out, diag);
    if (err) {
        rc = cli_fail("show", err, diag);
    } else if (json) {
        puts(out);
    } else {
        json_t *o = json_loads(out, 0, NULL);
        if (o)
            print_text(o);
        json_decref(o);
    }
    free(out);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
