/* pdurep template: write the data-entry workbook of a framework. */
#include <stdio.h>
#include <string.h>

#include "cli/options.h"
#include "pdurep/template.h"

static const char usage[] =
    "usage: pdurep template [--framework CODE] [--lang LANG] [-o FILE] [--quiet]\n"
    "\n"
    "Write a workbook to fill in by hand: sheets inspection, judgements and cases\n"
    "with the bundle's headings, a drop-down list on every coded column, date cells\n"
    "formatted as dates, the framework's questions with their wording, and\n"
    "instructions. Once filled in it loads as it is: pdurep import FILE.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   file to write (default template.xlsx); written to a temporary\n"
    "                      file and renamed, so FILE is never half-written; - for stdout\n"
    "  -q, --quiet         do not say on stderr what was written\n"
    "      --framework CODE  framework under frameworks/ (default probation-pdu-2023)\n"
    "      --lang LANG     language of the instructions and question wording: en (default)\n"
    "                      or cy; sheet names and headings stay as import reads them\n"
    "  -h, --help          show this help\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is the workbook's creation time.\n"
    "\n"
    "Exit status: 0 written; 64 usage; 66 no such framework; 73 cannot create FILE;\n"
    "74 I/O error.\n";

enum { OPT_FRAMEWORK = 0x2000, OPT_LANG };

typedef struct template_state {
    cli_document_opts doc;
    pdurep_template_options opts;
} template_state;

static int on_opt(int opt, const char *arg, void *state)
{
    template_state *s = state;
    int rc;
    if (cli_document_option("template", opt, OPT_LANG, arg, &s->doc, &rc))
        return rc;
    if (opt != OPT_FRAMEWORK)
        return cli_usage_error("template", "unknown option");
    s->opts.framework = arg;
    return CLI_CONTINUE;
}

static pdurep_error write_template(const char *path, void *user, pdurep_diag *diag)
{
    template_state *s = user;
    s->opts.lang = s->doc.lang;
    return pdurep_template_write(path, &s->opts, diag);
}

int cmd_template(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"framework", required_argument, NULL, OPT_FRAMEWORK},
        {"lang", required_argument, NULL, OPT_LANG},
        {0},
    };
    const cli_spec spec = {"template", usage, "o:q", longopts};
    template_state s = {0};
    int first = 0;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, &s);
    if (rc != CLI_CONTINUE)
        return rc;
    if (first < argc)
        return cli_usage_error("template", "unexpected argument '%s'", argv[first]);
    return cli_write_document("template", &s.doc, "template.xlsx", write_template, &s);
}
