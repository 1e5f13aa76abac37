#include "cli/options.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_HELP = 'h', OPT_DB = 0x1000 };

int cli_parse(int argc, char **argv, const cli_spec *spec, cli_context *ctx, int *first_arg,
              int (*on_opt)(int opt, const char *arg, void *state), void *state)
{
    /* Merge the shared options into the subcommand's table. */
    struct option all[64];
    size_t n = 0;
    if (spec->longopts)
        for (; spec->longopts[n].name && n < 60; n++)
            all[n] = spec->longopts[n];
    all[n++] = (struct option){"help", no_argument, NULL, OPT_HELP};
    all[n++] = (struct option){"db", required_argument, NULL, OPT_DB};
    all[n] = (struct option){0};

    char shortopts[64];
    /* Leading ":" lets us word missing-argument errors ourselves; options may follow operands. */
    snprintf(shortopts, sizeof shortopts, ":h%s", spec->shortopts ? spec->shortopts : "");

    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, all, NULL)) != -1) {
        switch (c) {
        case OPT_HELP:
            fputs(spec->usage, stdout);
            return 0;
        case OPT_DB:
            ctx->db_path = optarg;
            break;
        case ':':
            return cli_usage_error(spec->name, "option '%s' needs a value", argv[optind - 1]);
        case '?':
            return cli_usage_error(spec->name, "unknown option '%s'", argv[optind - 1]);
        default:
            if (!on_opt)
                return cli_usage_error(spec->name, "unknown option '%s'", argv[optind - 1]);
            int rc = on_opt(c, optarg, state);
            if (rc != CLI_CONTINUE)
                return rc;
        }
    }
    *first_arg = optind;
    return CLI_CONTINUE;
}

int cli_usage_error(const char *name, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "pdurep %s: ", name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'pdurep %s --help'.\n", name);
    return pdurep_exit_status(PDUREP_ERROR_USAGE);
}

int cli_fail(const char *name, pdurep_error err, const pdurep_diag *diag)
{
    pdurep_diag_print(diag, stderr, "");
    fprintf(stderr, "pdurep %s: %s\n", name, pdurep_strerror(err));
    return pdurep_exit_status(err);
}

int cli_open_db(const char *name, cli_context *ctx, int flags, pdurep_db **out)
{
    pdurep_diag *diag = pdurep_diag_new(0);
    const char *path = ctx->db_path ? ctx->db_path : pdurep_db_default_path();
    pdurep_error err = pdurep_db_open(path, flags, out, diag);
    int rc = err ? cli_fail(name, err, diag) : 0;
    pdurep_diag_free(diag);
    return rc;
}

long cli_parse_count(const char *text)
{
    char *end;
    if (!text || !*text)
        return -1;
    errno = 0;
    long v = strtol(text, &end, 10);
    /* Out of range is as wrong as not a number: LONG_MAX would slip past range checks. */
    return (*end || v < 0 || errno == ERANGE) ? -1 : v;
}
