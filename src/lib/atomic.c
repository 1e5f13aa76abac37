#include "pdurep/atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Pending temporary files, so a signal handler can remove them. A fixed table
 * of fixed-size names keeps the handler async-signal-safe: it only reads the
 * table and calls unlink(2).
 */
#define PENDING_MAX 64
#define PENDING_PATH 4096
static char pending[PENDING_MAX][PENDING_PATH];
static volatile sig_atomic_t pending_used[PENDING_MAX];
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

static void pending_add(const char *path)
{
    if (strlen(path) >= PENDING_PATH)
        return;
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < PENDING_MAX; i++) {
        if (!pending_used[i]) {
            strcpy(pending[i], path);
            pending_used[i] = 1;
            break;
        }
    }
    pthread_mutex_unlock(&pending_lock);
}

static void pending_remove(const char *path)
{
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < PENDING_MAX; i++) {
        if (pending_used[i] && strcmp(pending[i], path) == 0) {
            pending_used[i] = 0;
            break;
        }
    }
    pthread_mutex_unlock(&pending_lock);
}

void pdurep_atomic_cleanup_all(void)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending_used[i])
            unlink(pending[i]);
}

pdurep_error pdurep_atomic_begin(const char *path, pdurep_atomic *out, pdurep_diag *diag)
{
    memset(out, 0, sizeof *out);
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    if (*base == '\0') {
        pdurep_diag_add(diag, path, 0, 0, "output path names a folder, not a file");
        return PDUREP_ERROR_CANT_CREATE;
    }

    /* A hidden name in the same folder: rename(2) is atomic only within one file system. */
    size_t n = dirlen + strlen(base) + sizeof(".~.XXXXXX");
    char *tmp = malloc(n);
    char *final = strdup(path);
    if (!tmp || !final) {
        free(tmp);
        free(final);
        return PDUREP_ERROR_NO_MEMORY;
    }
    snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        pdurep_diag_add(diag, path, 0, 0, "cannot create output: %s", strerror(errno));
        free(tmp);
        free(final);
        return PDUREP_ERROR_CANT_CREATE;
    }
    /* mkstemp makes 0600; outputs are documents meant to be shared, so follow the umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    pending_add(tmp);
    out->path = final;
    out->tmp_path = tmp;
    return PDUREP_OK;
}

pdurep_error pdurep_atomic_commit(pdurep_atomic *a, pdurep_diag *diag)
{
    int fd = open(a->tmp_path, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0 || rename(a->tmp_path, a->path) != 0) {
        pdurep_diag_add(diag, a->path, 0, 0, "cannot write output: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        pdurep_atomic_abort(a);
        return PDUREP_ERROR_IO;
    }
    close(fd);
    pending_remove(a->tmp_path);
    free(a->tmp_path);
    free(a->path);
    a->tmp_path = a->path = NULL;
    return PDUREP_OK;
}

void pdurep_atomic_abort(pdurep_atomic *a)
{
    if (a->tmp_path) {
        unlink(a->tmp_path);
        pending_remove(a->tmp_path);
    }
    free(a->tmp_path);
    free(a->path);
    a->tmp_path = a->path = NULL;
}
