/*
 * Shared plumbing of the pdurep subcommands: option parsing, opening the
 * database, reporting errors with the documented exit status.
 */
#ifndef PDUREP_CLI_OPTIONS_H
#define PDUREP_CLI_OPTIONS_H

#include <getopt.h>
#include <stdio.h>
#include "pdurep/pdurep.h"

/** State every subcommand shares. */
typedef struct cli_context {
    const char *db_path; /**< --db, else $PDUREP_DB, else pdurep.db */
} cli_context;

/** One subcommand: `pdurep NAME ...` runs @c run with argv[0] = NAME. */
typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv, cli_context *ctx);
    const char *summary;
} cli_command;

/** A subcommand's options: its usage text and getopt_long table (without --help/--db). */
typedef struct cli_spec {
    const char *name;          /**< Subcommand name, for messages. */
    const char *usage;         /**< Full --help text. */
    const char *shortopts;     /**< getopt short options, without 'h'. */
    const struct option *longopts; /**< Terminated by a zero entry; may be NULL. */
} cli_spec;

/** Result of cli_parse(): keep going, stop with success (help shown), or usage error. */
enum { CLI_CONTINUE = -1 };

/**
 * Parse options. Calls @p on_opt for each option that is not --help or --db.
 * @return CLI_CONTINUE with *first_arg set to the first operand; 0 after --help;
 *         64 after a usage error (already printed).
 */
int cli_parse(int argc, char **argv, const cli_spec *spec, cli_context *ctx, int *first_arg,
              int (*on_opt)(int opt, const char *arg, void *state), void *state);

/** Print "pdurep NAME: message" and a hint to --help; return 64. */
int cli_usage_error(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * Print every diagnostic, then "pdurep NAME: strerror(err)", and return the exit status.
 */
int cli_fail(const char *name, pdurep_error err, const pdurep_diag *diag);

/** Open the database of @p ctx; on failure print why and return the exit status, else 0. */
int cli_open_db(const char *name, cli_context *ctx, int flags, pdurep_db **out);

/** Parse a whole non-negative number; return -1 if @p text is not one. */
long cli_parse_count(const char *text);

/**
 * Whether stderr may carry terminal escape codes (a redrawn progress bar):
 * only when it is a terminal, $NO_COLOR is unset or empty and $TERM is not "dumb".
 */
int cli_stderr_fancy(void);

/**
 * Flush and close stdout once a command is done. A failed write (a full disk,
 * /dev/full) is reported as "pdurep NAME: cannot write to standard output"
 * and turns a success into 74; @p rc is returned otherwise.
 */
int cli_finish_stdout(const char *name, int rc);

/**
 * Where a command writes its document (`-o FILE`). `-o -` means stdout: the
 * writer, which needs a file it can replace atomically, gets a path in a
 * private temporary folder and cli_output_finish() copies the result out.
 */
typedef struct cli_output {
    const char *path; /**< Give this to the writer. */
    int to_stdout;    /**< `-o -` was given. */
    char *tmpdir;     /**< For `-o -`: the private folder, removed at the end. */
    char *owned;      /**< Storage of @c path when it was built. */
} cli_output;

/**
 * Decide where to write: @p requested (the -o value; NULL for none), else
 * @p fallback. Returns 0, or the exit status after printing why.
 */
int cli_output_begin(const char *name, const char *requested, const char *fallback,
                     cli_output *out);

/**
 * Finish after the writer returned exit status @p rc: on success copy the
 * document to stdout for `-o -`, and unless @p quiet say on stderr what was
 * written ("pdurep NAME: wrote FILE (DETAIL, N bytes)"; @p detail may be NULL).
 * Removes any temporary folder. Returns the final exit status.
 */
int cli_output_finish(const char *name, cli_output *out, int rc, int quiet, const char *detail);

/** Room for a language code and its NUL (pdurep_strings_valid_lang() allows 15 letters). */
#define CLI_LANG_SIZE 16

/**
 * Take the argument of a --lang option: a language code in any letter case, its language
 * kept in lower case in @p out (language codes are case-insensitive, and `cy` is how files
 * and the database name Welsh).
 * @return CLI_CONTINUE, or 64 after printing that @p arg is not a language code.
 */
int cli_lang(const char *name, const char *arg, char out[CLI_LANG_SIZE]);

/** What a command that writes one workbook takes besides its own options. */
typedef struct cli_document_opts {
    const char *output; /**< -o FILE, or NULL for the command's default name. */
    const char *lang;   /**< --lang LANG in lower case (in lang_buf), or NULL for English. */
    int quiet;          /**< -q: no "wrote" line. */
    char lang_buf[CLI_LANG_SIZE];
} cli_document_opts;

/**
 * Take @p opt into @p o when it is -o, -q or @p lang_opt (the command's --lang).
 * @return 1 with *rc = CLI_CONTINUE, or 64 after printing that a language code is
 *         bad; 0 when @p opt is none of them (the command's own option).
 */
int cli_document_option(const char *name, int opt, int lang_opt, const char *arg,
                        cli_document_opts *o, int *rc);

/** A writer of one document to @p path; problems go to @p diag. */
typedef pdurep_error (*cli_document_writer)(const char *path, void *user, pdurep_diag *diag);

/**
 * Write a document where @p o says (else @p fallback): the writer's problems
 * printed with the documented exit status, `-o -` copied to stdout, the
 * "wrote" line unless -q. Returns the exit status.
 */
int cli_write_document(const char *name, const cli_document_opts *o, const char *fallback,
                       cli_document_writer write, void *user);

/** The subcommand table, defined in pdurep.c. */
extern const cli_command cli_commands[];

/* One function per subcommand, each in its own cmd-NAME.c. */
int cmd_import(int argc, char **argv, cli_context *ctx);
int cmd_list(int argc, char **argv, cli_context *ctx);
int cmd_rate(int argc, char **argv, cli_context *ctx);
int cmd_annexe(int argc, char **argv, cli_context *ctx);
int cmd_batch(int argc, char **argv, cli_context *ctx);
int cmd_synth(int argc, char **argv, cli_context *ctx);
int cmd_report(int argc, char **argv, cli_context *ctx);
int cmd_check(int argc, char **argv, cli_context *ctx);
int cmd_check_strings(int argc, char **argv, cli_context *ctx);
int cmd_show(int argc, char **argv, cli_context *ctx);
int cmd_delete(int argc, char **argv, cli_context *ctx);
int cmd_export(int argc, char **argv, cli_context *ctx);
int cmd_narrative(int argc, char **argv, cli_context *ctx);
int cmd_backup(int argc, char **argv, cli_context *ctx);
int cmd_template(int argc, char **argv, cli_context *ctx);

#endif
