/*
 * Where frameworks/, layouts/ and fonts/ are. An installed pdurep is
 * relocatable: it looks for its data relative to the file its code was
 * loaded from, so an install into any prefix, or a tree copied elsewhere,
 * finds its own data without a path compiled in.
 */
#define _GNU_SOURCE /* dladdr */
#include "pdurep/db.h"
#include "pdurep_config.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char installed[PATH_MAX];
static pthread_once_t installed_once = PTHREAD_ONCE_INIT;

static int is_data_dir(const char *dir)
{
    char path[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/frameworks", dir) >= (int)sizeof path)
        return 0;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Folder of @p file, then @p up ("../.." from the library's or binary's
 * folder to the prefix), then the data folder relative to the prefix. */
static int data_dir_beside(const char *file, const char *up, char *out)
{
    char real[PATH_MAX], guess[PATH_MAX];
    if (!realpath(file, real))
        return 0;
    char *slash = strrchr(real, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    if (snprintf(guess, sizeof guess, "%s/%s/%s", real, up, PDUREP_DATA_DIR_FROM_PREFIX) >=
        (int)sizeof guess)
        return 0;
    return is_data_dir(guess) && realpath(guess, out) != NULL;
}

static void find_installed(void)
{
    if (!PDUREP_RELOCATABLE)
        return;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';

    /* The library may be a shared object in libdir or linked into a program
     * in bindir: dladdr says which file holds this code. */
    Dl_info info;
    char self[PATH_MAX];
    if (dladdr((void *)pdurep_data_dir, &info) && info.dli_fname && *info.dli_fname &&
        realpath(info.dli_fname, self) && strcmp(self, exe) != 0) {
        if (data_dir_beside(self, PDUREP_LIBDIR_TO_PREFIX, installed))
            return;
    }
    if (*exe && data_dir_beside(exe, PDUREP_BINDIR_TO_PREFIX, installed))
        return;
    installed[0] = '\0';
}

static const char *locate(const char **origin)
{
    const char *env = getenv("PDUREP_DATA_DIR");
    if (env && *env) {
        *origin = "from PDUREP_DATA_DIR";
        return env;
    }
    if (*PDUREP_CONFIGURED_DATA_DIR) {
        *origin = "set when pdurep was built";
        return PDUREP_CONFIGURED_DATA_DIR;
    }
    pthread_once(&installed_once, find_installed);
    if (*installed) {
        *origin = "beside the installed program";
        return installed;
    }
    *origin = "the source tree pdurep was built from";
    return PDUREP_SOURCE_DATA_DIR;
}

const char *pdurep_data_dir(void)
{
    const char *origin;
    return locate(&origin);
}

const char *pdurep_data_dir_origin(void)
{
    const char *origin;
    locate(&origin);
    return origin;
}
