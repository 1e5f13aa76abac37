/* pdurep batch: every document of a region, or of the whole database, in parallel. */
#include "cli/options.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: pdurep batch (--region NAME | --all) --out DIR [-j N] [--lang en[,cy]]\n"
    "                    [--quiet] [--db PATH]\n"
    "\n"
    "Write every document of the inspections of region NAME (its PDUs and the\n"
    "region itself), or of every inspection in the database, into DIR: for each\n"
    "inspection its ratings (.json), and the report and annexes its kind has.\n"
    "Documents are written in parallel, each atomically; one that fails does not\n"
    "stop the others. DIR/index.csv (id, kind, lang, file, sha256, pages or\n"
    "sheets) is written last.\n"
    "\n"
    "  --region NAME   only this region's inspections\n"
    "  --all           every inspection\n"
    "  --out DIR       output folder (created if missing)\n"
    "  -j, --jobs N    worker threads (default: number of CPUs)\n"
    "  --lang LIST     languages of reports and annexes, comma-separated (default en)\n"
    "  --quiet         no progress output\n"
    "\n"
    "Progress goes to stderr: a bar on a terminal, one line per document otherwise.\n"
    "Ctrl-C stops after the documents being written and leaves only whole files;\n"
    "a second Ctrl-C stops at once and removes unfinished temporary files.\n"
    "\n"
    "Exit status: 0 all written, 65 some documents failed, 66 nothing matched,\n"
    "73 DIR cannot be created, 74 interrupted or index not written, 64 usage.\n";

enum { OPT_REGION = 'r', OPT_ALL = 'a', OPT_OUT = 'o', OPT_JOBS = 'j', OPT_LANG = 'l',
       OPT_QUIET = 'q' };

typedef struct batch_args {
    pdurep_batch_options opt;
    int all;
    int quiet;
    char *langs_text;
    const char *langs[8];
} batch_args;

static int on_opt(int opt, const char *arg, void *state)
{
    batch_args *a = state;
    switch (opt) {
    case OPT_REGION: a->opt.region = arg; break;
    case OPT_ALL: a->all = 1; break;
    case OPT_OUT: a->opt.out_dir = arg; break;
    case OPT_QUIET: a->quiet = 1; break;
    case OPT_JOBS: {
        long n = cli_parse_count(arg);
        if (n < 1 || n > 256)
            return cli_usage_error("batch", "-j needs a whole number from 1 to 256, not '%s'", arg);
        a->opt.jobs = (int)n;
        break;
    }
    case OPT_LANG: {
        free(a->langs_text);
        if (!(a->langs_text = strdup(arg))) {
            fputs("pdurep batch: out of memory\n", stderr);
            return 70;
        }
        a->opt.n_langs = 0;
        for (char *save = NULL, *t = strtok_r(a->langs_text, ",", &save); t;
             t = strtok_r(NULL, ",", &save)) {
            int rc = cli_lang("batch", t, t); /* in place: never longer */
            if (rc != CLI_CONTINUE)
                return rc;
            if (strcmp(t, "en") && strcmp(t, "cy"))
                return cli_usage_error("batch", "unknown language '%s' (en or cy)", t);
            if (a->opt.n_langs < 8)
                a->langs[a->opt.n_langs++] = t;
        }
        a->opt.langs = a->langs;
        break;
    }
    default: return 64;
    }
    return CLI_CONTINUE;
}

static void on_signal(int sig)
{
    (void)sig;
    if (pdurep_batch_interrupt) {
        /* Second request: stop now, and leave no temporary file behind. */
        pdurep_atomic_cleanup_all();
        _exit(130);
    }
    pdurep_batch_interrupt = 1;
}

int cmd_batch(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {
        {"region", required_argument, NULL, OPT_REGION}, {"all", no_argument, NULL, OPT_ALL},
        {"out", required_argument, NULL, OPT_OUT},       {"jobs", required_argument, NULL, OPT_JOBS},
        {"lang", required_argument, NULL, OPT_LANG},     {"quiet", no_argument, NULL, OPT_QUIET},
        {0}};
    static const cli_spec spec = {"batch", usage, "j:", longopts};
    batch_args a = {0};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &a);
    if (rc != CLI_CONTINUE)
        goto out;
    rc = 64;
    if (first < argc)
        cli_usage_error("batch", "unexpected argument '%s'", argv[first]);
    else if (!a.opt.region == !a.all)
        cli_usage_error("batch", "give exactly one of --region NAME and --all");
    else if (!a.opt.out_dir)
        cli_usage_error("batch", "--out DIR is required");
    else
        rc = 0;
    if (rc)
        goto out;

    a.opt.db_path = ctx->db_path ? ctx->db_path : pdurep_db_default_path();
    a.opt.progress = a.quiet ? 0 : cli_stderr_fancy() ? 2 : 1;
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    pdurep_diag *diag = pdurep_diag_new(200);
    pdurep_batch_summary s;
    pdurep_error err = pdurep_batch_run(&a.opt, &s, diag);
    if (s.total && !a.quiet)
        fprintf(stderr, "%zu documents: %zu written, %zu failed in %.2f s%s\n", s.total,
                s.written, s.failed, s.seconds, s.interrupted ? " (interrupted)" : "");
    rc = err ? cli_fail("batch", err, diag) : 0;
    pdurep_diag_free(diag);
out:
    free(a.langs_text);
    return rc;
}
