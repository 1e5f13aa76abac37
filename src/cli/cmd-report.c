/* pdurep report: the print-ready PDF inspection report. */
#include "cli/options.h"
#include "pdurep/report.h"

#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: pdurep report [-o FILE] [--layout NAME|PATH] [--lang LANG [--allow-fallback]]\n"
    "                     [--quiet] [--db PATH] ID\n"
    "\n"
    "Write inspection ID's report as a print-ready PDF: cover, contents, foreword,\n"
    "ratings, recommendations, background, each standard with its findings, key-\n"
    "question tables and charts, further information and footnotes. Prose comes from\n"
    "the bundle's narrative.txt, fixed words from the layout's strings file. A\n"
    "region's report also compares its PDUs and splits its pooled key questions.\n"
    "\n"
    "  -o, --output FILE     where to write (default: ID.pdf); the file is replaced\n"
    "                        only when the new one is complete; - for stdout\n"
    "  --layout NAME|PATH    layouts/NAME.yaml in the data folder, or a layout file\n"
    "                        (default: region-report for a region, else pdu-report)\n"
    "  --lang LANG           language: en or cy (default: the layout's). Fixed words\n"
    "                        from strings/LANG.yaml beside the layout (English for any\n"
    "                        key it lacks), prose from the bundle's narrative.LANG.txt\n"
    "  --allow-fallback      print the English section of the narrative where the\n"
    "                        language's narrative lacks one (refused otherwise)\n"
    "  -q, --quiet           do not say on stderr what was written\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is the creation date written into the PDF:\n"
    "the same input then gives the same bytes.\n"
    "\n"
    "Exit status: 0 ok, 64 usage, 65 bad layout, strings file or SOURCE_DATE_EPOCH, or\n"
    "narrative sections missing in LANG without --allow-fallback,\n"
    "66 no such inspection, database, layout, font or language, 73 cannot create the\n"
    "output file, 74 input/output or database error, 70 internal error.\n";

enum { OPT_OUTPUT = 'o', OPT_QUIET = 'q', OPT_LAYOUT = 0x2000, OPT_LANG, OPT_FALLBACK };

typedef struct report_cli {
    const char *output;
    const char *layout;
    const char *lang;
    int allow_fallback;
    int quiet;
    char lang_buf[CLI_LANG_SIZE];
} report_cli;

static int on_opt(int opt, const char *arg, void *state)
{
    report_cli *o = state;
    if (opt == OPT_OUTPUT)
        o->output = arg;
    else if (opt == OPT_LAYOUT)
        o->layout = arg;
    else if (opt == OPT_LANG) {
        int rc = cli_lang("report", arg, o->lang_buf);
        if (rc != CLI_CONTINUE)
            return rc;
        o->lang = o->lang_buf;
    }
    else if (opt == OPT_FALLBACK)
        o->allow_fallback = 1;
    else if (opt == OPT_QUIET)
        o->quiet = 1;
    else
        return 64;
    return CLI_CONTINUE;
}

/* An interrupted run must not leave its temporary file behind. */
static void on_signal(int sig)
{
    pdurep_atomic_cleanup_all();
    signal(sig, SIG_DFL);
    raise(sig);
}

int cmd_report(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, OPT_OUTPUT},
                                             {"layout", required_argument, NULL, OPT_LAYOUT},
                                             {"lang", required_argument, NULL, OPT_LANG},
                                             {"allow-fallback", no_argument, NULL, OPT_FALLBACK},
                                             {"quiet", no_argument, NULL, OPT_QUIET},
                                             {0}};
    static const cli_spec spec = {"report", usage, "o:q", longopts};
    report_cli o = {0};
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &o);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first >= argc)
        return cli_usage_error("report", "no inspection id given");
    if (first + 1 < argc)
        return cli_usage_error("report", "unexpected argument '%s'", argv[first + 1]);
    const char *id = argv[first];
    if (o.output && !*o.output)
        return cli_usage_error("report", "the output file name is empty");

    pdurep_db *db;
    if ((rc = cli_open_db("report", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    size_t n = strlen(id) + 5;
    char *fallback = malloc(n);
    cli_output out;
    if (!fallback) {
        pdurep_db_close(db);
        return cli_fail("report", PDUREP_ERROR_NO_MEMORY, NULL);
    }
    snprintf(fallback, n, "%s.pdf", id);
    if ((rc = cli_output_begin("report", o.output, fallback, &out))) {
        pdurep_db_close(db);
        free(fallback);
        return rc;
    }
#ifdef __GLIBC__
    /* libharu allocates and frees buffers of a few hundred kilobytes (font
     * files, glyph maps); served from the heap instead of fresh mappings they
     * cost no page faults the second time, about a tenth of a small report's time. */
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TOP_PAD, 4 << 20);
#endif
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_report_options opt = {o.layout, 0, o.lang, o.allow_fallback};
    pdurep_report_stats stats = {0};
    pdurep_error err = pdurep_report_write(db, id, out.path, &opt, &stats, diag);
    if (err)
        rc = cli_fail("report", err, diag);
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    char pages[32];
    snprintf(pages, sizeof pages, "%zu page%s", stats.pages, stats.pages == 1 ? "" : "s");
    rc = cli_output_finish("report", &out, rc, o.quiet, pages);
    free(fallback);
    return rc;
}
