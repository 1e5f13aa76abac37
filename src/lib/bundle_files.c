/*
 * Every file of a bundle is looked at before import takes the database's
 * write lock: a pipe, a device or a huge file is refused while nothing is
 * held, instead of blocking other commands or reading for ever.
 */
#include "csvfile.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int prefix_ieq(const char *s, const char *prefix, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!s[i] || tolower((unsigned char)s[i]) != tolower((unsigned char)prefix[i]))
            return 0;
    return 1;
}

int pdurep_bundle_narrative_name(const char *name, const char *prefix,
                                 char lang[PDUREP_BUNDLE_LANG_SIZE])
{
    size_t pl = strlen(prefix), len = strlen(name);
    lang[0] = '\0';
    if (!prefix_ieq(name, prefix, pl))
        return 0;
    name += pl;
    len -= pl;
    if (pdurep_strieq(name, "narrative.txt"))
        return 1;
    if (len <= 14 || !prefix_ieq(name, "narrative.", 10) || !pdurep_strieq(name + len - 4, ".txt"))
        return 0;
    /* A part too long for the buffer is cut, and what is left is still too long to be a
     * language, so the caller refuses it as before. */
    size_t n = len - 14 < PDUREP_BUNDLE_LANG_SIZE ? len - 14 : PDUREP_BUNDLE_LANG_SIZE - 1;
    memcpy(lang, name + 10, n);
    lang[n] = '\0';
    /* BCP 47's conventional case, so NARRATIVE.CY.TXT is stored as "cy", the language a report
     * asks for, and narrative.pt-br.txt as "pt-BR". */
    for (size_t i = 0, part = 0, start = 0; i <= n; i++) {
        if (i < n && lang[i] != '-')
            continue;
        size_t plen = i - start;
        for (size_t k = start; k < i; k++) {
            int upper = part && (plen == 2 || (plen == 4 && k == start));
            lang[k] = (char)(upper ? toupper((unsigned char)lang[k])
                                   : tolower((unsigned char)lang[k]));
        }
        part++;
        start = i + 1;
    }
    return 1;
}

/* The names import reads: the three CSV files and narrative.txt / narrative.LANG.txt. */
static int read_by_import(const char *name)
{
    char lang[PDUREP_BUNDLE_LANG_SIZE];
    /* Any letter case: import takes Cases.csv for cases.csv. */
    if (pdurep_strieq(name, "inspection.csv") || pdurep_strieq(name, "judgements.csv") ||
        pdurep_strieq(name, "cases.csv"))
        return 1;
    return pdurep_bundle_narrative_name(name, "", lang);
}

pdurep_error pdurep_bundle_check_files(const char *dir, pdurep_diag *diag)
{
    DIR *d = opendir(dir);
    if (!d) {
        int e = errno;
        pdurep_diag_add(diag, dir, 0, 0, "cannot read the bundle folder: %s", strerror(e));
        return e == ENOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_NO_INPUT;
    }
    pdurep_error worst = PDUREP_OK;
    errno = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!read_by_import(e->d_name))
            continue;
        char *path = pdurep_path_join(dir, e->d_name);
        if (!path) {
            worst = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        pdurep_error err = pdurep_csv_check_file(path, path, -1, diag);
        free(path);
        /* Missing or unreadable input outranks bad data in the exit status. */
        if (err && (!worst || err == PDUREP_ERROR_NO_INPUT))
            worst = err;
    }
    closedir(d);
    return worst;
}
