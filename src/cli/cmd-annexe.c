/*
 * pdurep annexe: write an inspection's XLSX data annexe, or a PDU leader's
 * sharing workbook with --share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "pdurep/annexe.h"

static const char usage[] =
    "usage: pdurep annexe [--db PATH] ID [-o FILE] [--share] [--suppress N] [--with-cases]\n"
    "                     [--lang LANG] [--quiet]\n"
    "\n"
    "Write the XLSX data annexe of inspection ID: ratings, key questions, prompts,\n"
    "breakdowns by group with relative rate indices, the sample profile and charts.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   file to write (default: ID.xlsx, or ID-share.xlsx with --share);\n"
    "                      written to a temporary file and renamed, so FILE is never half-written;\n"
    "                      -o - writes the workbook to stdout\n"
    "      --share         a sharing workbook for the PDU's leaders: its own figures, region and\n"
    "                      all-inspection totals as comparators, no case ids, small numbers as [c]\n"
    "      --suppress N    hide figures based on fewer than N relevant cases, with secondary\n"
    "                      suppression (default 5 with --share, none otherwise; 0 turns it off)\n"
    "      --with-cases    add a sheet with one row per case (not allowed with --share)\n"
    "      --constant-memory  stream sheets to disk (autofilters instead of tables); chosen\n"
    "                      automatically for case sheets over 20,000 cases\n"
    "      --lang LANG     language of sheet names, headers and notes: en (default) or cy;\n"
    "                      layouts/strings/annexe-LANG.yaml, English for any key it lacks\n"
    "  -q, --quiet         do not say on stderr what was written\n"
    "      --db PATH       database (default: $PDUREP_DB, else ./pdurep.db)\n"
    "  -h, --help          show this help\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is the workbook's creation time: the same data then\n"
    "gives byte-identical files.\n"
    "\n"
    "Exit status: 0 written; 64 usage; 65 bad data; 66 no such inspection or database;\n"
    "70 internal error; 73 cannot create FILE (nothing is left behind); 74 I/O or database error.\n";

enum { OPT_SHARE = 0x2000, OPT_SUPPRESS, OPT_WITH_CASES, OPT_CONSTANT, OPT_LANG };

typedef struct annexe_state {
    cli_document_opts doc;
    pdurep_annexe_options opts;
    pdurep_db *db;
    const char *id;
} annexe_state;

static int on_opt(int opt, const char *arg, void *state)
{
    annexe_state *s = state;
    int rc;
    if (cli_document_option("annexe", opt, OPT_LANG, arg, &s->doc, &rc))
        return rc;
    switch (opt) {
    case OPT_SHARE:
        s->opts.share = 1;
        break;
    case OPT_SUPPRESS: {
        long n = cli_parse_count(arg);
        if (n < 0)
            return cli_usage_error("annexe", "--suppress needs a whole number, not '%s'", arg);
        s->opts.suppress = n;
        break;
    }
    case OPT_WITH_CASES:
        s->opts.with_cases = 1;
        break;
    case OPT_CONSTANT:
        s->opts.memory = PDUREP_ANNEXE_MEMORY_CONSTANT;
        break;
    default:
        return cli_usage_error("annexe", "unknown option");
    }
    return CLI_CONTINUE;
}

static pdurep_error write_annexe(const char *path, void *user, pdurep_diag *diag)
{
    annexe_state *s = user;
    s->opts.lang = s->doc.lang;
    return pdurep_annexe_write(s->db, s->id, path, &s->opts, diag);
}

int cmd_annexe(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"share", no_argument, NULL, OPT_SHARE},
        {"suppress", required_argument, NULL, OPT_SUPPRESS},
        {"with-cases", no_argument, NULL, OPT_WITH_CASES},
        {"constant-memory", no_argument, NULL, OPT_CONSTANT},
        {"lang", required_argument, NULL, OPT_LANG},
        {0},
    };
    const cli_spec spec = {"annexe", usage, "o:q", longopts};
    annexe_state s = {0};
    pdurep_annexe_options_init(&s.opts);
    int first = 0;
    /* Options may follow the id too: parse, take the id, parse the rest. */
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &s);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("annexe", "missing inspection ID");
    const char *id = argv[first];
    if (first + 1 < argc) {
        int first2 = 0;
        rc = cli_parse(argc - first, argv + first, &spec, ctx, &first2, on_opt, &s);
        if (rc != CLI_CONTINUE)
            return rc;
        if (first + first2 < argc)
            return cli_usage_error("annexe", "unexpected argument '%s'", argv[first + first2]);
    }
    if (s.opts.share && s.opts.with_cases)
        return cli_usage_error("annexe", "--with-cases cannot go with --share: a sharing workbook "
                                         "holds no case-level data");

    size_t n = strlen(id) + 16;
    char *default_out = malloc(n);
    if (!default_out)
        return cli_fail("annexe", PDUREP_ERROR_NO_MEMORY, NULL);
    snprintf(default_out, n, "%s%s.xlsx", id, s.opts.share ? "-share" : "");
    s.id = id;
    if (!(rc = cli_open_db("annexe", ctx, PDUREP_DB_READONLY, &s.db)))
        rc = cli_write_document("annexe", &s.doc, default_out, write_annexe, &s);
    pdurep_db_close(s.db);
    free(default_out);
    return rc;
}
