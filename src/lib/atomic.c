#include "pdurep/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
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

void pdurep_atomic_track(const char *path) { pending_add(path); }
void pdurep_atomic_untrack(const char *path) { pending_remove(path); }

void pdurep_atomic_cleanup_all(void)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending_used[i])
            unlink(pending[i]);
}

/*
 * Temporary names are DIR/.BASE.PID.XXXXXX: the PID says whose file it is, so
 * a later run can tell the leftovers of a killed process (no such PID) from
 * the file another live process is writing (never touched).
 */
static int temp_owner(const char *name, pid_t *pid)
{
    size_t len = strlen(name);
    if (len < 10 || name[0] != '.' || name[len - 7] != '.')
        return 0;
    const char *end = name + len - 7; /* the '.' before XXXXXX */
    const char *p = end;
    while (p > name + 1 && p[-1] >= '0' && p[-1] <= '9')
        p--;
    if (p == end || p[-1] != '.' || p - 1 == name)
        return 0;
    long v = 0;
    for (const char *q = p; q < end; q++) {
        v = v * 10 + (*q - '0');
        if (v > 0x7fffffffL)
            return 0;
    }
    *pid = (pid_t)v;
    return v > 0;
}

void pdurep_atomic_clean_stale(const char *dir)
{
    DIR *d = opendir(dir && *dir ? dir : ".");
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        pid_t pid;
        if (!temp_owner(e->d_name, &pid) || pid == getpid())
            continue;
        /* Only a PID that does not exist: EPERM means a live process of another user. */
        if (kill(pid, 0) == 0 || errno != ESRCH)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p)
            break;
        snprintf(p, n, "%s%s%s", dir, *dir ? "/" : "", e->d_name);
        struct stat sb;
        if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode))
            unlink(p);
        free(p);
    }
    closedir(d);
}

char *pdurep_atomic_shown_path(const char *tmp_path)
{
    const char *slash = strrchr(tmp_path, '/');
    const char *name = slash ? slash + 1 : tmp_path;
    pid_t pid;
    if (!temp_owner(name, &pid))
        return strdup(tmp_path);
    size_t dirlen = (size_t)(name - tmp_path);
    const char *base = name + 1;
    const char *end = strrchr(base, '.');         /* .XXXXXX */
    while (end > base && end[-1] != '.')           /* back over the PID */
        end--;
    size_t baselen = end > base ? (size_t)(end - base) - 1 : 0;
    char *out = malloc(dirlen + baselen + 1);
    if (out)
        snprintf(out, dirlen + baselen + 1, "%.*s%.*s", (int)dirlen, tmp_path, (int)baselen, base);
    return out;
}

/* "cannot write: ..." with the one reason a user can act on named plainly. */
static void write_problem(pdurep_diag *diag, const char *path, int e)
{
    if (e == ENOSPC || e == EDQUOT)
        pdurep_diag_add(diag, path, 0, 0, "cannot write: the disk is full (%s)", strerror(e));
    else
        pdurep_diag_add(diag, path, 0, 0, "cannot write: %s", strerror(e));
}

pdurep_error pdurep_atomic_write_file(const char *tmp_path, const void *data, size_t len,
                                      pdurep_diag *diag)
{
    int fd = open(tmp_path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    int e = 0;
    if (fd < 0)
        e = errno;
    const char *p = data;
    while (!e && len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            e = errno;
            break;
        }
        p += n;
        len -= (size_t)n;
    }
    if (fd >= 0 && close(fd) != 0 && !e)
        e = errno;
    if (!e)
        return PDUREP_OK;
    char *shown = pdurep_atomic_shown_path(tmp_path);
    write_problem(diag, shown ? shown : tmp_path, e);
    free(shown);
    return e == ENOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_IO;
}

int pdurep_atomic_disk_full(const char *path)
{
    char *dir = strdup(path);
    if (!dir)
        return 0;
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    struct statvfs sv;
    int full = statvfs(slash ? dir : ".", &sv) == 0 && sv.f_bavail == 0;
    free(dir);
    return full;
}

pdurep_error pdurep_atomic_begin(const char *path, pdurep_atomic *out, pdurep_diag *diag)
{
    memset(out, 0, sizeof *out);
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    struct stat sb;
    if (*base == '\0' || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))) {
        pdurep_diag_add(diag, path, 0, 0, "output path names a folder, not a file");
        return PDUREP_ERROR_CANT_CREATE;
    }

    /* A hidden name in the same folder: rename(2) is atomic only within one file system. */
    size_t n = dirlen + strlen(base) + sizeof(".~.4294967295.XXXXXX");
    char *tmp = malloc(n);
    char *final = strdup(path);
    char *dir = strndup(path, dirlen ? dirlen - 1 : 0);
    if (!tmp || !final || !dir) {
        free(tmp);
        free(final);
        free(dir);
        pdurep_diag_add(diag, path, 0, 0, "out of memory");
        return PDUREP_ERROR_NO_MEMORY;
    }
    /* Leftovers of killed runs would pile up in a folder written again and again. */
    pdurep_atomic_clean_stale(dirlen == 1 ? "/" : dir);
    free(dir);
    snprintf(tmp, n, "%.*s.%s.%ld.XXXXXX", (int)dirlen, path, base, (long)getpid());
    /* No signal between creating the file and listing it for removal. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(tmp);
    if (fd >= 0)
        pending_add(tmp);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        int e = errno;
        if (e == ENOSPC || e == EDQUOT)
            pdurep_diag_add(diag, path, 0, 0, "cannot create output: the disk is full (%s)",
                            strerror(e));
        else
            pdurep_diag_add(diag, path, 0, 0, "cannot create output: %s", strerror(e));
        free(tmp);
        free(final);
        return PDUREP_ERROR_CANT_CREATE;
    }
    /* mkstemp makes 0600; outputs are documents meant to be shared, so follow the umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    out->path = final;
    out->tmp_path = tmp;
    return PDUREP_OK;
}

pdurep_error pdurep_atomic_commit(pdurep_atomic *a, pdurep_diag *diag)
{
    int fd = open(a->tmp_path, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0 || rename(a->tmp_path, a->path) != 0) {
        int e = errno;
        if (e == EISDIR)
            pdurep_diag_add(diag, a->path, 0, 0, "output path names a folder, not a file");
        else
            write_problem(diag, a->path, e);
        if (fd >= 0)
            close(fd);
        pdurep_atomic_abort(a);
        return e == EISDIR ? PDUREP_ERROR_CANT_CREATE : PDUREP_ERROR_IO;
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
