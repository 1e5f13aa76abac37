/* pdurep synth: write seeded synthetic bundles for tests and benchmarks. */
#include "cli/options.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

static const char usage[] =
    "usage: pdurep synth --out DIR [--seed N] [--regions N] [--pdus N] [--cases N]\n"
    "                    [--no-regions]\n"
    "\n"
    "Write synthetic inspection bundles under DIR, one folder per inspection:\n"
    "DIR/rRR-pPP-2025/ for each PDU (inspection.csv, judgements.csv, cases.csv)\n"
    "and DIR/rRR-2025/ for each region (inspection.csv, judgements.csv). The same\n"
    "seed and counts give byte-identical files on every machine. Every case is\n"
    "invented. A bundle folder of the same name is replaced; each bundle appears\n"
    "whole or not at all.\n"
    "\n"
    "  --out DIR      output folder, created when missing (required)\n"
    "  --seed N       generator seed, 0 to 18446744073709551615 (default 1)\n"
    "  --regions N    number of regions, 1 to 999 (default 1)\n"
    "  --pdus N       PDUs per region, 1 to 999 (default 6)\n"
    "  --cases N      cases per PDU, 1 to 9999999 (default 80)\n"
    "  --no-regions   write PDU bundles only\n"
    "\n"
    "Exit status: 0 written, 64 bad option or number, 65 or 66 framework broken\n"
    "or missing, 73 DIR or a bundle folder cannot be created, 74 write error.\n";

enum { OPT_OUT = 'o', OPT_SEED = 's', OPT_REGIONS = 'r', OPT_PDUS = 'p', OPT_CASES = 'c',
       OPT_NO_REGIONS = 'N' };

typedef struct synth_cli {
    pdurep_synth_options opt;
    unsigned long bundles;
    unsigned long cases;
} synth_cli;

/* Seeds use the whole 64-bit range, wider than cli_parse_count()'s long. */
static int parse_seed(const char *text, uint64_t *out)
{
    if (!text || !isdigit((unsigned char)*text))
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (*end || errno == ERANGE)
        return -1;
    *out = (uint64_t)v;
    return 0;
}

static int parse_range(const char *option, const char *text, long max, long *out)
{
    long v = cli_parse_count(text);
    if (v < 1 || v > max)
        return cli_usage_error("synth", "%s needs a whole number from 1 to %ld, not '%s'",
                               option, max, text);
    *out = v;
    return CLI_CONTINUE;
}

static int on_opt(int opt, const char *arg, void *state)
{
    synth_cli *c = state;
    long v = 0;
    int rc = CLI_CONTINUE;
    switch (opt) {
    case OPT_OUT:
        c->opt.out_dir = arg;
        break;
    case OPT_SEED:
        if (parse_seed(arg, &c->opt.seed) != 0)
            return cli_usage_error("synth", "--seed needs a whole number from 0 to %llu, not '%s'",
                                   (unsigned long long)UINT64_MAX, arg);
        break;
    case OPT_REGIONS:
        if ((rc = parse_range("--regions", arg, PDUREP_SYNTH_MAX_REGIONS, &v)) == CLI_CONTINUE)
            c->opt.regions = (unsigned)v;
        break;
    case OPT_PDUS:
        if ((rc = parse_range("--pdus", arg, PDUREP_SYNTH_MAX_PDUS, &v)) == CLI_CONTINUE)
            c->opt.pdus_per_region = (unsigned)v;
        break;
    case OPT_CASES:
        if ((rc = parse_range("--cases", arg, (long)PDUREP_SYNTH_MAX_CASES, &v)) == CLI_CONTINUE)
            c->opt.cases_per_pdu = (unsigned long)v;
        break;
    case OPT_NO_REGIONS:
        c->opt.write_regions = 0;
        break;
    default:
        return 64;
    }
    return rc;
}

static void wrote(void *user, const char *id, const char *kind, const char *path,
                  unsigned long n_cases)
{
    synth_cli *c = user;
    c->bundles++;
    c->cases += n_cases;
    if (n_cases)
        printf("wrote %s (%s %s, %lu cases)\n", path, kind, id, n_cases);
    else
        printf("wrote %s (%s %s)\n", path, kind, id);
}

int cmd_synth(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"out", required_argument, NULL, OPT_OUT},
                                             {"seed", required_argument, NULL, OPT_SEED},
                                             {"regions", required_argument, NULL, OPT_REGIONS},
                                             {"pdus", required_argument, NULL, OPT_PDUS},
                                             {"cases", required_argument, NULL, OPT_CASES},
                                             {"no-regions", no_argument, NULL, OPT_NO_REGIONS},
                                             {0}};
    static const cli_spec spec = {"synth", usage, "", longopts};
    synth_cli c = {0};
    pdurep_synth_options_init(&c.opt);
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &c);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first < argc)
        return cli_usage_error("synth", "unexpected argument '%s'", argv[first]);
    if (!c.opt.out_dir || !*c.opt.out_dir)
        return cli_usage_error("synth", "--out DIR is required");

    c.opt.wrote = wrote;
    c.opt.user = &c;
    pdurep_diag *diag = pdurep_diag_new(PDUREP_DIAG_DEFAULT_CAP);
    pdurep_error err = pdurep_synth_write(&c.opt, diag);
    /* Bundles are flushed one by one, so what was printed before a failure is on disk. */
    fflush(stdout);
    rc = 0;
    if (err)
        rc = cli_fail("synth", err, diag);
    else
        printf("%lu bundles, %lu cases in %s (seed %llu)\n", c.bundles, c.cases, c.opt.out_dir,
               (unsigned long long)c.opt.seed);
    pdurep_diag_free(diag);
    return rc;
}
