/* pdurep rate: ratings, score and overall rating, with the reason for each. */
#include "cli/options.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pdurep rate [--json [--pretty] | --csv] [--db PATH] ID\n"
    "\n"
    "Compute and show inspection ID's ratings: every standard with its rating,\n"
    "points and the reason for it, every key question's Yes / relevant count and\n"
    "percent, the score and the overall rating.\n"
    "\n"
    "  --json     print JSON instead (with prompts and breakdowns; see README)\n"
    "  --pretty   indent the JSON\n"
    "  --csv      print CSV instead: a row per standard, per key question and one\n"
    "             for the overall rating (columns in the README)\n"
    "\n"
    "Exit status: 0 ok, 66 no such inspection or database, 65 data cannot be rated.\n";

enum { OPT_JSON = 'j', OPT_PRETTY = 'p', OPT_CSV = 'c' };

typedef struct rate_options {
    int json, csv;
    int json_flags;
} rate_options;

static int on_opt(int opt, const char *arg, void *state)
{
    (void)arg;
    rate_options *o = state;
    if (opt == OPT_JSON) {
        o->json = 1;
        o->json_flags |= PDUREP_JSON_PROMPTS | PDUREP_JSON_BREAKDOWNS;
    } else if (opt == OPT_CSV)
        o->csv = 1;
    else if (opt == OPT_PRETTY)
        o->json_flags |= PDUREP_JSON_PRETTY;
    else
        return 64;
    return CLI_CONTINUE;
}

/* The table, or NO_MEMORY with nothing printed: every reason is written before any line. */
static pdurep_error print_table(const pdurep_ratings *r)
{
    const pdurep_framework *fw = r->framework;
    const pdurep_inspection *in = r->inspection;
    char **reasons = calloc(fw->n_standards + 1, sizeof *reasons);
    int oom = !reasons;
    for (size_t s = 0; !oom && s < fw->n_standards; s++)
        oom = !(reasons[s] = pdurep_standard_reason(r, s));
    if (oom) {
        for (size_t s = 0; reasons && s < fw->n_standards; s++)
            free(reasons[s]);
        free(reasons);
        return PDUREP_ERROR_NO_MEMORY;
    }
    printf("%s (%s): fieldwork from %s, %lu cases, framework %s\n\n", in->name, in->id,
           in->fieldwork_start, r->n_cases, fw->code);
    printf("%-36s %-21s %6s\n", "STANDARD", "RATING", "POINTS");
    for (size_t s = 0; s < fw->n_standards; s++) {
        const pdurep_standard_result *res = &r->standards[s];
        char label[128];
        snprintf(label, sizeof label, "%s %s", res->standard->code, res->standard->name);
        printf("%-36s %-21s %6d\n", label, pdurep_rating_name(res->rating), res->points);
        printf("    why: %s\n", reasons[s]);
        free(reasons[s]);
        for (size_t k = 0; k < res->standard->n_key_questions; k++) {
            size_t q = res->standard->key_questions[k];
            pdurep_tally t = r->questions[q];
            printf("    %-7s %4lu of %-4lu %4d%%%s\n", fw->questions[q].code, t.yes,
                   pdurep_tally_relevant(t), pdurep_percent_rounded(t.yes, pdurep_tally_relevant(t)),
                   (long)q == res->driver ? "  <- lowest" : "");
        }
    }
    free(reasons);
    printf("\nScore %d/%d   Overall rating: %s\n", r->score, r->max_score,
           pdurep_rating_name(r->overall));
    return PDUREP_OK;
}

int cmd_rate(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"json", no_argument, NULL, OPT_JSON},
                                             {"pretty", no_argument, NULL, OPT_PRETTY},
                                             {"csv", no_argument, NULL, OPT_CSV},
                                             {0}};
    static const cli_spec spec = {"rate", usage, "", longopts};
    rate_options o = {0};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &o);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("rate", "no inspection id given");
    if (first + 1 < argc)
        return cli_usage_error("rate", "unexpected argument '%s'", argv[first + 1]);
    if (o.csv && o.json)
        return cli_usage_error("rate", "--csv and --json cannot go together");

    pdurep_db *db;
    if ((rc = cli_open_db("rate", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_ratings *r;
    pdurep_error err = pdurep_ratings_compute(db, argv[first], &r, diag);
    if (err) {
        rc = cli_fail("rate", err, diag);
    } else if (o.csv) {
        char *csv = pdurep_ratings_to_csv(r);
        if (csv)
            fputs(csv, stdout);
        else
            rc = cli_fail("rate", PDUREP_ERROR_NO_MEMORY, diag);
        free(csv);
    } else if (o.json) {
        char *json = pdurep_ratings_to_json(r, o.json_flags);
        if (json)
            puts(json);
        else
            rc = cli_fail("rate", PDUREP_ERROR_NO_MEMORY, diag);
        free(json);
    } else if ((err = print_table(r))) {
        rc = cli_fail("rate", err, diag);
    }
    pdurep_ratings_free(r);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
