/*
 * Every file of a bundle is looked at before import takes the database's
 * write lock: a pipe, a device or a huge file is refused while nothing is
 * held, instead of blocking other commands or reading for ever.
 */
#include "csvfile.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The names import reads: the three CSV files and narrative.txt / narrative.LANG.txt. */
static int read_by_import(const char *name)
{
    size_t len = strlen(name);
    /* Any letter case: import takes Cases.csv for cases.csv. */
    if (pdurep_strieq(name, "inspection.csv") || pdurep_strieq(name, "judgements.csv") ||
        pdurep_strieq(name, "cases.csv"))
        return 1;
    return len >= 13 && !strncmp(name, "narrative", 9) && !strcmp(name + len - 4, ".txt");
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
        pdurep_error err = pdurep_csv_check_file(path, path, -1, diag);
        free(path);
        /* Missing or unreadable input outranks bad data in the exit status. */
        if (err && (!worst || err == PDUREP_ERROR_NO_INPUT))
            worst = err;
    }
    closedir(d);
    return worst;
}
