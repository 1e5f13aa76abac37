/*
 * pdurep check-strings: is every translation of the strings files complete?
 *
 * A missing key never breaks a document (it prints in English), so nothing
 * else would tell a translator what is left to do; this lists it, file by file.
 */
#include "cli/options.h"
#include "pdurep/localise.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: pdurep check-strings [--lang LANG]\n"
    "\n"
    "Compare every translation of the strings files in layouts/strings/ with the\n"
    "English ones: for the report strings (LANG.yaml) and the workbook strings\n"
    "(annexe-LANG.yaml), list each key that English has and the translation lacks\n"
    "or leaves empty (documents print the English text there), each key the\n"
    "translation has and English does not (a misspelt key), each text whose {names}\n"
    "differ from the English text's (a figure would go missing), and sheet names\n"
    "Excel would refuse. For a language other than English, framework-LANG.yaml\n"
    "must also name every standard, domain, question and case attribute of each\n"
    "framework in frameworks/.\n"
    "\n"
    "  --lang LANG   check only this language (default: every language with a\n"
    "                strings file, English included)\n"
    "\n"
    "The data folder is $PDUREP_DATA_DIR, else the one pdurep was built with.\n"
    "\n"
    "Exit status: 0 every file complete, 65 something is missing or wrong (listed),\n"
    "66 no strings file for LANG, 64 usage.\n";

/* The kinds of strings file: report strings are LANG.yaml, workbook strings annexe-LANG.yaml,
 * the data-entry template template-LANG.yaml. */
static const struct {
    const char *what;
    const char *base;
} kinds[] = {{"report", ""}, {"workbook", "annexe-"}, {"data-entry template", "template-"}};
enum { N_KINDS = sizeof kinds / sizeof kinds[0] };

/* Prefix of the framework terms files (framework-LANG.yaml), which only translations have. */
#define TERMS_BASE "framework-"

/* A language code as file names use it: "cy", "en", "pt-BR" (not "region-cy"). */
static int is_lang_code(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return 0;
    while (i < len) {
        if (s[i++] != '-')
            return 0;
        size_t start = i;
        while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                           (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i - start < 2 || i - start > 8)
            return 0;
    }
    return 1;
}

/* Languages that have a strings file of any kind, sorted, English first. */
static size_t find_langs(const char *dir, char ***out)
{
    char **langs = NULL;
    size_t n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml"))
            continue;
        const char *name = e->d_name;
        len -= 5;
        for (int k = 0; k <= N_KINDS; k++) {
            const char *base = k < N_KINDS ? kinds[k].base : TERMS_BASE;
            size_t bl = strlen(base);
            if (bl && len > bl && !strncmp(name, base, bl)) {
                name += bl;
                len -= bl;
                break;
            }
        }
        if (!is_lang_code(name, len))
            continue;
        int seen = 0;
        for (size_t i = 0; i < n && !seen; i++)
            seen = strlen(langs[i]) == len && !strncmp(langs[i], name, len);
        if (seen)
            continue;
        char **grown = realloc(langs, (n + 1) * sizeof *grown);
        if (!grown || !(grown[n] = strndup(name, len))) {
            langs = grown ? grown : langs;
            break;
        }
        langs = grown;
        n++;
    }
    if (d)
        closedir(d);
    /* Insertion sort, English first: a handful of languages. */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0; j--) {
            int en_j = !strcmp(langs[j], PDUREP_STRINGS_BASE_LANG);
            int en_p = !strcmp(langs[j - 1], PDUREP_STRINGS_BASE_LANG);
            if (en_p || (!en_j && strcmp(langs[j - 1], langs[j]) <= 0))
                break;
            char *t = langs[j];
            langs[j] = langs[j - 1];
            langs[j - 1] = t;
        }
    *out = langs;
    return n;
}

/* Whether two texts use the same {names}, in any order and number. */
static int same_names(const char *a, const char *b)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *x = pass ? b : a, *y = pass ? a : b;
        for (const char *p = strchr(x, '{'); p; p = strchr(p + 1, '{')) {
            const char *e = strchr(p, '}');
            if (!e)
                break;
            size_t len = (size_t)(e - p + 1);
            int found = 0;
            for (const char *q = strstr(y, "{"); q && !found; q = strchr(q + 1, '{'))
                found = !strncmp(q, p, len);
            if (!found)
                return 0;
        }
    }
    return 1;
}

/* Excel's rules for a sheet name, which a translation can break. */
static const char *bad_sheet_name(const char *name)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    if (!chars)
        return "it is empty";
    if (chars > 31)
        return "it is longer than 31 characters";
    if (strpbrk(name, "[]:*?/\\"))
        return "it contains one of [ ] : * ? / \\";
    if (strchr(name, '\''))
        return "it contains an apostrophe, which breaks the links between sheets";
    return NULL;
}

/* Check one file of one language against English (NULL: the file is English);
 * returns the number of problems printed. */
static size_t check_file(const char *dir, int kind, const char *lang, const pdurep_strings *en)
{
    char *path = pdurep_strings_path(dir, kinds[kind].base, lang);
    pdurep_strings *s = NULL;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_error err = path ? pdurep_strings_load(path, &s, diag) : PDUREP_ERROR_NO_MEMORY;
    size_t problems = 0;
    if (err) {
        pdurep_diag_print(diag, stdout, "");
        if (err == PDUREP_ERROR_NO_INPUT)
            printf("%s: no %s strings for '%s': every key is missing\n", path, kinds[kind].what,
                   lang);
        problems = err == PDUREP_ERROR_NO_INPUT && en ? pdurep_strings_count(en) : 1;
    } else {
        size_t n_missing = 0;
        const char **missing = en != s ? pdurep_strings_missing(s, en, &n_missing) : NULL;
        for (size_t i = 0; i < n_missing; i++)
            printf("%s: missing '%s' (English: \"%s\")\n", path, missing[i],
                   pdurep_strings_get(en, missing[i]));
        free(missing);
        problems += n_missing;
        const char *en_file = pdurep_strings_file(en);
        const char *en_name = en_file && strrchr(en_file, '/') ? strrchr(en_file, '/') + 1 : en_file;
        for (size_t i = 0; i < pdurep_strings_count(s); i++) {
            const char *key = pdurep_strings_key(s, i);
            const char *text = pdurep_strings_get_own(s, key);
            const char *english = en ? pdurep_strings_get_own(en, key) : text;
            if (!english) {
                printf("%s: '%s' is not a key of %s\n", path, key, en_name);
                problems++;
            } else if (*text && !same_names(text, english)) {
                printf("%s: '%s' uses other {names} than the English \"%s\"\n", path, key, english);
                problems++;
            }
            const char *why = kind == 1 && !strncmp(key, "sheet.", 6) ? bad_sheet_name(text) : NULL;
            if (why && *text) {
                printf("%s: sheet name '%s' (%s) cannot be used: %s\n", path, text, key, why);
                problems++;
            }
        }
    }
    if (s != en)
        pdurep_strings_free(s);
    pdurep_diag_free(diag);
    free(path);
    return problems;
}

/* Every framework shipped in frameworks/, to know which terms a translation needs. */
static size_t load_frameworks(pdurep_framework ***out)
{
    char *dir = NULL;
    size_t n = 0;
    pdurep_framework **fws = NULL;
    size_t len = strlen(pdurep_data_dir()) + 16;
    if ((dir = malloc(len)))
        snprintf(dir, len, "%s/frameworks", pdurep_data_dir());
    DIR *d = dir ? opendir(dir) : NULL;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        size_t plen = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(plen);
        pdurep_framework *fw = NULL;
        if (path) {
            snprintf(path, plen, "%s/%s", dir, e->d_name);
            if (pdurep_framework_read_dir(path, &fw, NULL) == PDUREP_OK) {
                pdurep_framework **grown = realloc(fws, (n + 1) * sizeof *grown);
                if (grown) {
                    fws = grown;
                    fws[n++] = fw;
                    fw = NULL;
                }
            }
        }
        pdurep_framework_free(fw);
        free(path);
    }
    if (d)
        closedir(d);
    /* Sorted by code, so the listing comes out in one order. */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(fws[j - 1]->code, fws[j]->code) > 0; j--) {
            pdurep_framework *t = fws[j];
            fws[j] = fws[j - 1];
            fws[j - 1] = t;
        }
    free(dir);
    *out = fws;
    return n;
}

/* The framework terms of a translation: every key the frameworks need, and no other. When
 * the keys cannot be listed for want of memory, *oom is set and the count means nothing. */
static size_t check_terms(const char *lang, pdurep_framework **fws, size_t n_fw, int *oom)
{
    char *path = pdurep_strings_path(pdurep_data_dir(), TERMS_BASE, lang);
    pdurep_strings *s = NULL;
    pdurep_diag *diag = pdurep_diag_new(0);
    pdurep_error err = path ? pdurep_strings_load(path, &s, diag) : PDUREP_ERROR_NO_MEMORY;
    size_t problems = 0;
    if (err && err != PDUREP_ERROR_NO_INPUT) {
        pdurep_diag_print(diag, stdout, "");
        problems = 1;
    } else {
        if (err)
            printf("%s: no framework terms for '%s': standards, questions and case attributes "
                   "print in English\n", path, lang);
        for (size_t f = 0; f < n_fw; f++) {
            char **keys = NULL;
            size_t n = 0;
            if (pdurep_framework_term_keys(fws[f], &keys, &n))
                *oom = 1;
            for (size_t i = 0; i < n; i++) {
                const char *text = pdurep_strings_get_own(s, keys[i]);
                if ((!text || !*text) && s) {
                    printf("%s: missing '%s'\n", path, keys[i]);
                    problems++;
                } else if (!s) {
                    problems++;
                }
                free(keys[i]);
            }
            free(keys);
        }
        for (size_t i = 0; i < pdurep_strings_count(s); i++) {
            const char *key = pdurep_strings_key(s, i);
            int known = 0;
            for (size_t f = 0; f < n_fw && !known; f++) {
                char **keys = NULL;
                size_t n = 0;
                if (pdurep_framework_term_keys(fws[f], &keys, &n))
                    *oom = 1;
                for (size_t k = 0; k < n; k++) {
                    known |= !strcmp(keys[k], key);
                    free(keys[k]);
                }
                free(keys);
            }
            if (!known) {
                printf("%s: '%s' names nothing in the frameworks of %s/frameworks\n", path, key,
                       pdurep_data_dir());
                problems++;
            }
        }
    }
    pdurep_strings_free(s);
    pdurep_diag_free(diag);
    free(path);
    return problems;
}

static int on_opt(int opt, const char *arg, void *state)
{
    if (opt != 'l')
        return 64;
    return cli_lang("check-strings", arg, state);
}

int cmd_check_strings(int argc, char **argv, cli_context *ctx)
{
    static const struct option longopts[] = {{"lang", required_argument, NULL, 'l'}, {0}};
    static const cli_spec spec = {"check-strings", usage, "", longopts};
    char only_buf[CLI_LANG_SIZE] = "";
    const char *only = NULL;
    int first;
    int rc = cli_parse(argc, argv, &spec, ctx, &first, on_opt, only_buf);
    if (rc != CLI_CONTINUE)
        return rc;
    if (*only_buf)
        only = only_buf;
    if (first < argc)
        return cli_usage_error("check-strings", "unexpected argument '%s'", argv[first]);

    char *dir = pdurep_strings_path(pdurep_data_dir(), "", "x");
    if (!dir)
        return cli_fail("check-strings", PDUREP_ERROR_NO_MEMORY, NULL);
    *strrchr(dir, '/') = '\0'; /* the strings folder itself */
    char **langs = NULL;
    size_t n_langs = 0;
    if (only) {
        langs = malloc(sizeof *langs);
        if (langs && (langs[0] = strdup(only)))
            n_langs = 1;
    } else {
        n_langs = find_langs(dir, &langs);
    }

    pdurep_framework **fws = NULL;
    size_t n_fw = load_frameworks(&fws);
    /* The English tables every language is compared with. */
    pdurep_strings *en[N_KINDS] = {0};
    size_t problems = 0;
    int oom = 0;
    for (int k = 0; k < N_KINDS; k++) {
        char *path = pdurep_strings_path(pdurep_data_dir(), kinds[k].base, PDUREP_STRINGS_BASE_LANG);
        pdurep_diag *diag = pdurep_diag_new(0);
        if (!path || pdurep_strings_load(path, &en[k], diag)) {
            pdurep_diag_print(diag, stdout, "");
            problems++;
        }
        pdurep_diag_free(diag);
        free(path);
    }
    rc = 0;
    for (size_t l = 0; l < n_langs && !(en[0] == NULL || en[1] == NULL); l++) {
        /* Only a language with neither file is unknown: one file alone is half a translation. */
        int any = 0;
        for (int k = 0; k < N_KINDS; k++) {
            char *path = pdurep_strings_path(pdurep_data_dir(), kinds[k].base, langs[l]);
            FILE *f = path ? fopen(path, "r") : NULL;
            any |= f != NULL;
            if (f)
                fclose(f);
            free(path);
        }
        if (!any) {
            printf("%s: no strings files for language '%s'\n", dir, langs[l]);
            rc = 66;
            continue;
        }
        size_t here = 0, keys = 0;
        int english = !strcmp(langs[l], PDUREP_STRINGS_BASE_LANG);
        for (int k = 0; k < N_KINDS; k++) {
            here += check_file(pdurep_data_dir(), k, langs[l], english ? NULL : en[k]);
            keys += pdurep_strings_count(en[k]);
        }
        /* Frameworks are written in English: only a translation needs terms for them. */
        if (!english)
            here += check_terms(langs[l], fws, n_fw, &oom);
        if (here)
            printf("%s: %zu problem%s\n", langs[l], here, here == 1 ? "" : "s");
        else if (english)
            printf("%s: complete (%zu keys)\n", langs[l], keys);
        else
            printf("%s: complete (%zu keys, and the terms of %zu framework%s)\n", langs[l], keys,
                   n_fw, n_fw == 1 ? "" : "s");
        problems += here;
    }
    if (!n_langs && !problems)
        printf("%s: no strings files\n", dir);
    for (int k = 0; k < N_KINDS; k++)
        pdurep_strings_free(en[k]);
    for (size_t f = 0; f < n_fw; f++)
        pdurep_framework_free(fws[f]);
    free(fws);
    for (size_t l = 0; l < n_langs; l++)
        free(langs[l]);
    free(langs);
    free(dir);
    if (oom)
        return cli_fail("check-strings", PDUREP_ERROR_NO_MEMORY, NULL);
    if (problems)
        return pdurep_exit_status(PDUREP_ERROR_DATA);
    return rc;
}
