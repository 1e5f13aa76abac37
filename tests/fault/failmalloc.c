/*
 * An LD_PRELOAD shim that makes one allocation fail, as SQLite's test harness
 * does: PDUREP_FAIL_AT=N makes the Nth call of malloc, calloc, realloc,
 * posix_memalign, aligned_alloc or strdup/strndup (counted from the start of
 * the process) return NULL with errno ENOMEM; with PDUREP_FAIL_PERSIST=1
 * every later call fails too. PDUREP_FAIL_COUNT=FILE writes the number of
 * calls made to FILE at exit, so a driver knows how far to count.
 * PDUREP_FAIL_IN=NAME counts (and fails) only the calls made for a shared
 * library whose file name contains NAME (libsqlite3, libhpdf, libxlsxwriter),
 * so a test can aim at one library's own out-of-memory paths.
 * PDUREP_FAIL_TRACE=1 prints the stack of the failed call on stderr.
 *
 * It forwards to the next definition (libc, or AddressSanitizer's when
 * preloaded before it with ASAN_OPTIONS=verify_asan_link_order=0), so the
 * sanitizers still see every allocation.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static int (*real_memalign)(void **, size_t, size_t);

extern char **environ;

static atomic_ulong calls;
static unsigned long fail_at;
static int persist, trace, resolving, configured;
static char only_in[256];
static __thread int asking;

/* dlsym may allocate before the real functions are known: serve it from here. */
static char boot[65536];
static size_t boot_used;

static void *boot_alloc(size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (boot_used + n > sizeof boot)
        return NULL;
    void *p = boot + boot_used;
    boot_used += n;
    return p;
}

static int from_boot(const void *p)
{
    return (const char *)p >= boot && (const char *)p < boot + sizeof boot;
}

static void resolve(void)
{
    if (real_malloc || resolving)
        return;
    resolving = 1;
    real_malloc = dlsym(RTLD_NEXT, "malloc");
    real_calloc = dlsym(RTLD_NEXT, "calloc");
    real_realloc = dlsym(RTLD_NEXT, "realloc");
    real_free = dlsym(RTLD_NEXT, "free");
    real_memalign = dlsym(RTLD_NEXT, "posix_memalign");
    resolving = 0;
}

/*
 * The settings, read once the C library has its environment. AddressSanitizer's
 * allocator starts from the program's preinit array, before libc's own start-up
 * sets environ: read then, getenv finds nothing and no allocation ever failed
 * in the ASan build.
 */
static void configure(void)
{
    if (configured || !environ)
        return;
    configured = 1;
    const char *at = getenv("PDUREP_FAIL_AT");
    fail_at = at ? strtoul(at, NULL, 10) : 0;
    const char *p = getenv("PDUREP_FAIL_PERSIST");
    persist = p && *p == '1';
    trace = getenv("PDUREP_FAIL_TRACE") != NULL;
    const char *in = getenv("PDUREP_FAIL_IN");
    if (in)
        snprintf(only_in, sizeof only_in, "%s", in);
}

/* Whether @p pc lies in a file whose name holds @p part. */
static int in_file(const void *pc, const char *part)
{
    Dl_info info;
    return dladdr(pc, &info) && info.dli_fname && strstr(info.dli_fname, part);
}

/*
 * Whether the allocation was made for the library PDUREP_FAIL_IN names: asked
 * for by its code, or by the next frame up, so that an allocator a program
 * hands to a library (libharu's HPDF_NewEx) still counts as the library's, as
 * does a C library call (fopen, tmpfile) the library makes.
 */
static int from_chosen(const void *caller)
{
    if (!only_in[0])
        return 1;
    if (asking)
        return 0; /* the unwinder's own needs, if any, are nobody's */
    asking = 1;
    int yes = in_file(caller, only_in);
    if (!yes) {
        void *frames[8];
        int n = backtrace(frames, 8), seen = 0;
        for (int i = 0; i < n && seen < 2 && !yes; i++) {
            /* Our own frames, and AddressSanitizer's, which intercepts backtrace itself. */
            if (in_file(frames[i], "failmalloc") || in_file(frames[i], "libasan"))
                continue;
            seen++;
            yes = in_file(frames[i], only_in);
        }
    }
    asking = 0;
    return yes;
}

/* Whether this call (from @p caller) is the one, or one of those, to fail. */
static int should_fail_from(const void *caller)
{
    configure();
    if (!from_chosen(caller))
        return 0;
    unsigned long n = atomic_fetch_add(&calls, 1) + 1;
    if (!fail_at)
        return 0;
    if (n == fail_at || (persist && n > fail_at)) {
        if (n == fail_at && trace && !asking) {
            /* Where the failure was injected, for whoever reads a broken promise. */
            void *frames[24];
            asking = 1;
            backtrace_symbols_fd(frames, backtrace(frames, 24), 2);
            asking = 0;
        }
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

/*
 * Each entry point passes on its own caller, so an allocation a library makes
 * through strdup or aligned_alloc is still counted as that library's.
 */
#define CALLER __builtin_return_address(0)

static void *do_malloc(size_t n, const void *caller)
{
    resolve();
    if (!real_malloc)
        return boot_alloc(n);
    return should_fail_from(caller) ? NULL : real_malloc(n);
}

static int do_memalign(void **out, size_t align, size_t n, const void *caller)
{
    resolve();
    if (should_fail_from(caller))
        return ENOMEM;
    return real_memalign(out, align, n);
}

static char *do_strndup(const char *s, size_t n, const void *caller)
{
    char *p = do_malloc(n + 1, caller);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

__attribute__((noinline)) void *malloc(size_t n) { return do_malloc(n, CALLER); }

__attribute__((noinline)) void *calloc(size_t n, size_t size)
{
    resolve();
    if (!real_calloc) {
        void *p = size && n > (size_t)-1 / size ? NULL : boot_alloc(n * size);
        if (p)
            memset(p, 0, n * size);
        return p;
    }
    return should_fail_from(CALLER) ? NULL : real_calloc(n, size);
}

__attribute__((noinline)) void *realloc(void *p, size_t n)
{
    resolve();
    if (from_boot(p)) {
        void *q = do_malloc(n, CALLER);
        size_t left = (size_t)(boot + sizeof boot - (char *)p);
        if (q)
            memcpy(q, p, n < left ? n : left);
        return q;
    }
    if (!real_realloc)
        return boot_alloc(n);
    return should_fail_from(CALLER) ? NULL : real_realloc(p, n);
}

void free(void *p)
{
    if (!p || from_boot(p))
        return;
    resolve();
    if (real_free)
        real_free(p);
}

__attribute__((noinline)) int posix_memalign(void **out, size_t align, size_t n)
{
    return do_memalign(out, align, n, CALLER);
}

__attribute__((noinline)) void *aligned_alloc(size_t align, size_t n)
{
    void *p = NULL;
    return do_memalign(&p, align, n, CALLER) ? NULL : p;
}

__attribute__((noinline)) void *memalign(size_t align, size_t n)
{
    void *p = NULL;
    return do_memalign(&p, align, n, CALLER) ? NULL : p;
}

__attribute__((noinline)) char *strdup(const char *s)
{
    return do_strndup(s, strlen(s), CALLER);
}

__attribute__((noinline)) char *strndup(const char *s, size_t max)
{
    return do_strndup(s, strnlen(s, max), CALLER);
}

__attribute__((destructor)) static void report(void)
{
    const char *out = getenv("PDUREP_FAIL_COUNT");
    if (!out)
        return;
    FILE *f = fopen(out, "w");
    if (f) {
        fprintf(f, "%lu\n", (unsigned long)atomic_load(&calls));
        fclose(f);
    }
}
