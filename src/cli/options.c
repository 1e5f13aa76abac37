#include "cli/options.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    /* SQLite's out-of-memory code is often lost on the way up: the log heard it anyway. */
    if (err == PDUREP_ERROR_DATABASE && pdurep_db_memory_failed())
        err = PDUREP_ERROR_NO_MEMORY;
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

int cli_stderr_fancy(void)
{
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    return isatty(STDERR_FILENO) && !(no_color && *no_color) && !(term && !strcmp(term, "dumb"));
}

int cli_finish_stdout(const char *name, int rc)
{
    errno = 0;
    /* fclose() flushes too, but a buffered error from an earlier write only shows in ferror(). */
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int saved = errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    /* A command that already failed has said why; its status stands. */
    if (!failed || rc)
        return rc;
    fprintf(stderr, "pdurep%s%s: cannot write to standard output%s%s\n", name ? " " : "",
            name ? name : "", saved ? ": " : "", saved ? strerror(saved) : "");
    return pdurep_exit_status(PDUREP_ERROR_IO);
}

int cli_output_begin(const char *name, const char *requested, const char *fallback,
                     cli_output *out)
{
    *out = (cli_output){0};
    if (!requested || strcmp(requested, "-")) {
        out->path = requested ? requested : fallback;
        return 0;
    }
    out->to_stdout = 1;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    size_t n = strlen(tmp) + 32;
    out->tmpdir = malloc(n);
    if (!out->tmpdir)
        return cli_fail(name, PDUREP_ERROR_NO_MEMORY, NULL);
    snprintf(out->tmpdir, n, "%s/pdurep-XXXXXX", tmp);
    if (!mkdtemp(out->tmpdir)) {
        fprintf(stderr, "pdurep %s: cannot make a temporary folder in %s: %s\n", name, tmp,
                strerror(errno));
        free(out->tmpdir);
        out->tmpdir = NULL;
        return pdurep_exit_status(PDUREP_ERROR_CANT_CREATE);
    }
    /* Keep the fallback's name: a writer may go by the extension. */
    const char *base = strrchr(fallback, '/');
    base = base ? base + 1 : fallback;
    n = strlen(out->tmpdir) + strlen(base) + 2;
    out->owned = malloc(n);
    if (!out->owned) {
        rmdir(out->tmpdir);
        free(out->tmpdir);
        out->tmpdir = NULL;
        return cli_fail(name, PDUREP_ERROR_NO_MEMORY, NULL);
    }
    snprintf(out->owned, n, "%s/%s", out->tmpdir, base);
    out->path = out->owned;
    return 0;
}

static int copy_to_stdout(const char *name, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "pdurep %s: cannot read back %s: %s\n", name, path, strerror(errno));
        return pdurep_exit_status(PDUREP_ERROR_IO);
    }
    /* A reader that stops early (| head) must not kill us before the temporary
     * folder is removed: the write then fails with EPIPE instead. */
    signal(SIGPIPE, SIG_IGN);
    char buf[65536];
    size_t got;
    int rc = 0;
    int failed = 0;
    int werr = 0;
    while (!failed && (got = fread(buf, 1, sizeof buf, in)) > 0)
        if ((failed = fwrite(buf, 1, got, stdout) != got))
            werr = errno;
    if (!failed && ferror(in)) {
        fprintf(stderr, "pdurep %s: cannot read back %s\n", name, path);
        fclose(in);
        return pdurep_exit_status(PDUREP_ERROR_IO);
    }
    fclose(in);
    /* A short write may only show when the buffer is flushed. */
    if (!failed && fflush(stdout) != 0) {
        failed = 1;
        werr = errno;
    }
    if (failed) {
        fprintf(stderr, "pdurep %s: cannot write to standard output: %s\n", name, strerror(werr));
        rc = pdurep_exit_status(PDUREP_ERROR_IO);
    }
    return rc;
}

int cli_output_finish(const char *name, cli_output *out, int rc, int quiet, const char *detail)
{
    struct stat st;
    long long bytes = !rc && out->path && stat(out->path, &st) == 0 ? (long long)st.st_size : -1;
    if (!rc && out->to_stdout)
        rc = copy_to_stdout(name, out->path);
    if (!rc && !quiet) {
        fprintf(stderr, "pdurep %s: wrote %s (", name,
                out->to_stdout ? "standard output" : out->path);
        if (detail)
            fprintf(stderr, "%s, ", detail);
        fprintf(stderr, "%lld bytes)\n", bytes);
    }
    if (out->tmpdir) {
        if (out->owned)
            unlink(out->owned);
        rmdir(out->tmpdir);
    }
    free(out->owned);
    free(out->tmpdir);
    *out = (cli_output){0};
    return rc;
}

int cli_lang(const char *name, const char *arg, char out[CLI_LANG_SIZE])
{
    if (!pdurep_strings_valid_lang(arg))
        return cli_usage_error(name, "'%s' is not a language code (such as en or cy)", arg);
    /* The language itself in lower case; a region after it ("pt-BR") as written. */
    size_t i = 0, lang_end = strcspn(arg, "-");
    for (; arg[i]; i++)
        out[i] = (char)(i < lang_end && arg[i] >= 'A' && arg[i] <= 'Z' ? arg[i] - 'A' + 'a'
                                                                       : arg[i]);
    out[i] = '\0';
    return CLI_CONTINUE;
}

int cli_document_option(const char *name, int opt, int lang_opt, const char *arg,
                        cli_document_opts *o, int *rc)
{
    *rc = CLI_CONTINUE;
    if (opt == 'o')
        o->output = arg;
    else if (opt == 'q')
        o->quiet = 1;
    else if (opt == lang_opt && (*rc = cli_lang(name, arg, o->lang_buf)) == CLI_CONTINUE)
        o->lang = o->lang_buf;
    else if (opt != lang_opt)
        return 0;
    return 1;
}

int cli_write_document(const char *name, const cli_document_opts *o, const char *fallback,
                       cli_document_writer write, void *user)
{
    cli_output out;
    int rc = cli_output_begin(name, o->output, fallback, &out);
    if (rc)
        return rc;
    pdurep_diag *diag = pdurep_diag_new(PDUREP_DIAG_DEFAULT_CAP);
    pdurep_error err = write(out.path, user, diag);
    if (err)
        rc = cli_fail(name, err, diag);
    pdurep_diag_free(diag);
    return cli_output_finish(name, &out, rc, o->quiet, NULL);
}
