/* pdurep narrative: replace an inspection's narrative, nothing else. */
#include "cli/options.h"

static const char usage[] =
    "usage: pdurep narrative [--lang LANG] [--db PATH] ID FILE\n"
    "\n"
    "Replace inspection ID's narrative with FILE, in one transaction, without\n"
    "importing its cases again. FILE is checked exactly as import checks\n"
    "narrative.txt (sections, placeholders, footnotes; problems as\n"
    "FILE:LINE:COLUMN). The other languages are kept; a translation that lacks\n"
    "sections of the English narrative gives a warning, as at import. The\n"
    "stored bundle file is replaced, so the bundle hash changes and the history\n"
    "records the change; 'pdurep export' writes the new narrative.\n"
    "\n"
    "  --lang LANG   the narrative in LANG (narrative.LANG.txt), e.g. cy;\n"
    "                default en (narrative.txt)\n"
    "\n"
    "Exit status: 0 replaced, 64 usage error, 65 FILE breaks the narrative\n"
    "format, 66 no such inspection, file or database, 74 input/output or\n"
    "database error.\n";

static int on_opt(int opt, const char *arg, void *state)
{
    if (opt != 'l')
        return 64;
    return cli_lang("narrative", arg, state);
}

int cmd_narrative(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"lang", required_argument, NULL, 'l'}, {0}};
    static const cli_spec spec = {"narrative", usage, "", longopts};
    char lang_buf[CLI_LANG_SIZE] = "";
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, lang_buf);
    if (rc != CLI_CONTINUE)
        return rc;
    const char *lang = *lang_buf ? lang_buf : NULL;
    if (argc - first < 2)
        return cli_usage_error("narrative", "give an inspection id and a narrative file");
    if (argc - first > 2)
        return cli_usage_error("narrative", "unexpected argument '%s'", argv[first + 2]);
    pdurep_db *db;
    if ((rc = cli_open_db("narrative", ctx, PDUREP_DB_READONLY, &db)))
        return rc;
    pdurep_db_close(db);
    if ((rc = cli_open_db("narrative", ctx, 0, &db)))
        return rc;
    pdurep_diag *diag = pdurep_diag_new(PDUREP_DIAG_DEFAULT_CAP);
    pdurep_error err = pdurep_narrative_replace(db, argv[first], argv[first + 1], lang, diag);
    if (err) {
        rc = cli_fail("narrative", err, diag);
    } else {
        pdurep_diag_print(diag, stderr, ""); /* warnings only, on success */
        printf("replaced the %s narrative of %s from %s\n", lang ? lang : "en", argv[first],
               argv[first + 1]);
    }
    pdurep_diag_free(diag);
    pdurep_db_close(db);
    return rc;
}
