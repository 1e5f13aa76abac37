/*
 * pdurep: the command-line front end. main() only parses the global options
 * and dispatches to one cmd_NAME() per subcommand, each in cmd-NAME.c.
 */
#include <locale.h>
#include <signal.h>
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "cli/options.h"

const cli_command cli_commands[] = {
    {"import", cmd_import, "load an inspection bundle (folder of CSV files or a workbook) into the database"},
    {"list", cmd_list, "list the inspections in the database"},
    {"rate", cmd_rate, "show an inspection's ratings, score and the reason for each"},
    {"annexe", cmd_annexe, "write an inspection's XLSX data annexe, or a PDU's sharing workbook"},
    {"batch", cmd_batch, "write every document of a region or of all inspections, in parallel"},
    {"synth", cmd_synth, "write seeded synthetic inspection bundles for tests and benchmarks"},
    {"report", cmd_report, "write an inspection's print-ready PDF report"},
    {"check", cmd_check, "verify the database and each inspection's checksum recorded at import"},
    {"check-strings", cmd_check_strings, "list what each translation of the strings files lacks"},
    {"template", cmd_template, "write a workbook to fill in and import (a data-entry template)"},
    {"show", cmd_show, "show an inspection's facts, round, and where its data came from"},
    {"delete", cmd_delete, "delete an inspection and everything of it"},
    {"export", cmd_export, "write an inspection's bundle back into a folder, byte for byte"},
    {"narrative", cmd_narrative, "replace an inspection's narrative without importing it again"},
    {"backup", cmd_backup, "copy the database consistently, while other commands read it"},
    {NULL, NULL, NULL},
};

static void usage(FILE *out)
{
    fprintf(out,
            "usage: pdurep [--db PATH] COMMAND [OPTIONS] [ARGS]\n"
            "       pdurep --version | --help\n"
            "\n"
            "Turns probation inspection data into ratings, reports and data annexes.\n"
            "\n"
            "Commands:\n");
    for (const cli_command *c = cli_commands; c->name; c++)
        fprintf(out, "  %-14s %s\n", c->name, c->summary);
    fprintf(out,
            "\n"
            "Run 'pdurep COMMAND --help' for a command's options.\n"
            "\n"
            "Database: --db PATH, else $PDUREP_DB, else ./pdurep.db (created when missing).\n"
            "\n"
            "Exit status:\n"
            "  0   success\n"
            "  64  usage error (unknown command or option, missing argument)\n"
            "  65  bad data (the input breaks the bundle format; nothing was changed)\n"
            "  66  missing input (no such file, folder or inspection; a region's PDU missing)\n"
            "  70  internal error\n"
            "  73  cannot create an output file\n"
            "  74  input/output or database error\n");
}

/* Whatever the command, an interrupted run leaves none of its temporary files. */
static void on_signal(int sig)
{
    pdurep_atomic_cleanup_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

/*
 * libharu 2.3 and libxlsxwriter 1.1 can crash after one of their own allocations
 * fails (found by tests/fault). A crash still ends as a documented internal error
 * (70) with the temporary files removed, so no half-written output is left.
 */
static void on_crash(int sig)
{
    static const char msg[] = "pdurep: internal error: a library crashed (out of memory?); "
                              "nothing was written\n";
    (void)sig;
    pdurep_atomic_cleanup_all();
    if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        /* nothing more can be done from a crash handler */
    }
    _exit(70);
}

int main(int argc, char **argv)
{
    signal(SIGSEGV, on_crash);
    signal(SIGBUS, on_crash);
    /* Also on exit(): a library that gives up on memory exits through here. */
    atexit(pdurep_atomic_cleanup_all);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    /* Numbers are written with '.' whatever the user's locale says. */
    setlocale(LC_ALL, "C");

    cli_context ctx = {0};
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--version")) {
            printf("pdurep %s\ndata: %s (%s)\n", PDUREP_VERSION_STRING, pdurep_data_dir(),
                   pdurep_data_dir_origin());
            return cli_finish_stdout(NULL, 0);
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return cli_finish_stdout(NULL, 0);
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            ctx.db_path = argv[++i];
        } else if (!strncmp(argv[i], "--db=", 5)) {
            ctx.db_path = argv[i] + 5;
        } else {
            fprintf(stderr, "pdurep: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return pdurep_exit_status(PDUREP_ERROR_USAGE);
        }
    }
    if (i >= argc) {
        usage(stderr);
        return pdurep_exit_status(PDUREP_ERROR_USAGE);
    }
    for (const cli_command *c = cli_commands; c->name; c++)
        if (!strcmp(argv[i], c->name))
            return cli_finish_stdout(c->name, c->run(argc - i, argv + i, &ctx));
    fprintf(stderr, "pdurep: '%s' is not a pdurep command. See 'pdurep --help'.\n", argv[i]);
    return pdurep_exit_status(PDUREP_ERROR_USAGE);
}
