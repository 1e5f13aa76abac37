/*
 * The batch engine: plan one job per (inspection, document kind, language),
 * run them on worker threads that each own a database connection, report
 * progress, and write DIR/index.csv last.
 */
#include "pdurep/batch.h"
#include "pdurep/atomic.h"
#include "pdurep/inspection.h"
#include "pdurep/ratings.h"
#include "lib/util.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

volatile sig_atomic_t pdurep_batch_interrupt;

pdurep_error pdurep_sha256_file(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return PDUREP_ERROR_IO;
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&ctx, n, buf);
    int bad = ferror(f);
    fclose(f);
    if (bad)
        return PDUREP_ERROR_IO;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    return PDUREP_OK;
}

/* ---- planning ---- */

typedef struct job {
    char *id;
    const pdurep_batch_writer *writer;
    const char *lang;
    char *file; /* name within the output folder */
    char *path;
    /* results */
    pdurep_error err;
    int units;
    char sha256[65];
    pdurep_diag *diag;
} job;

typedef struct batch {
    const pdurep_batch_options *opt;
    job *jobs;
    size_t n_jobs;
    size_t next, done, failed;
    pthread_mutex_t lock;
    struct timespec start;
} batch;

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* FILE in the output folder; NULL when memory ran out. */
static char *out_path(const batch *b, const char *file)
{
    int dl = (int)strlen(b->opt->out_dir);
    while (dl > 1 && b->opt->out_dir[dl - 1] == '/')
        dl--;
    return file ? pdurep_asprintf("%.*s/%s", dl, b->opt->out_dir, file) : NULL;
}

/* The jobs for @p list; -1 when memory ran out (the jobs made so far stay, to be freed). */
static int plan(batch *b, const pdurep_inspection *list, size_t n)
{
    const pdurep_batch_options *o = b->opt;
    static const char *const english[] = {"en"};
    const char *const *langs = o->langs ? o->langs : english;
    size_t n_langs = o->langs ? o->n_langs : 1;
    for (size_t i = 0; i < n; i++) {
        const pdurep_inspection *in = &list[i];
        if (o->region && strcmp(in->region, o->region))
            continue;
        for (size_t w = 0; w < o->n_writers; w++) {
            const pdurep_batch_writer *wr = &o->writers[w];
            if (wr->for_kind && strcmp(wr->for_kind, in->kind))
                continue;
            for (size_t l = 0; l < (wr->per_language ? n_langs : 1); l++) {
                job *grown = realloc(b->jobs, (b->n_jobs + 1) * sizeof *grown);
                if (!grown)
                    return -1;
                b->jobs = grown;
                job *j = &b->jobs[b->n_jobs++];
                memset(j, 0, sizeof *j);
                j->id = strdup(in->id);
                j->writer = wr;
                j->lang = langs[l];
                /* English keeps the plain name; other languages add ".LANG" before the suffix. */
                const char *dot = strrchr(wr->suffix, '.');
                size_t stem = dot ? (size_t)(dot - wr->suffix) : strlen(wr->suffix);
                if (!wr->per_language || !strcmp(langs[l], "en"))
                    j->file = pdurep_asprintf("%s%s", in->id, wr->suffix);
                else
                    j->file = pdurep_asprintf("%s%.*s.%s%s", in->id, (int)stem, wr->suffix,
                                              langs[l], wr->suffix + stem);
                j->path = out_path(b, j->file);
                j->diag = pdurep_diag_new(8);
                if (!j->id || !j->path || !j->diag)
                    return -1;
            }
        }
    }
    return 0;
}

/* ---- progress ---- */

static void report_progress(batch *b, const job *j)
{
    int mode = b->opt->progress;
    if (!mode)
        return;
    double t = since(&b->start);
    double rate = t > 0 ? (double)b->done / t : 0;
    if (mode == 1) {
        fprintf(stderr, "%zu/%zu %s %s%s\n", b->done, b->n_jobs, j->err ? "FAILED" : "wrote",
                j->file, j->err ? " (see summary)" : "");
        return;
    }
    const int width = 30;
    int fill = b->n_jobs ? (int)(width * b->done / b->n_jobs) : width;
    double eta = rate > 0 ? (double)(b->n_jobs - b->done) / rate : 0;
    fprintf(stderr, "\r\033[K[%.*s%*s] %zu/%zu  %.1f docs/s  ETA %.0fs%s",
            fill, "##############################", width - fill, "", b->done, b->n_jobs, rate,
            eta, b->failed ? "  (some failed)" : "");
    if (b->done == b->n_jobs)
        fputc('\n', stderr);
    fflush(stderr);
}

/* ---- workers ---- */

static void *worker(void *arg)
{
    batch *b = arg;
    pdurep_db *db = NULL;
    pdurep_diag *open_diag = pdurep_diag_new(4);
    pdurep_error open_err = pdurep_db_open(b->opt->db_path, PDUREP_DB_READONLY, &db, open_diag);
    for (;;) {
        pthread_mutex_lock(&b->lock);
        size_t i = b->next < b->n_jobs && !pdurep_batch_interrupt ? b->next++ : b->n_jobs;
        pthread_mutex_unlock(&b->lock);
        if (i >= b->n_jobs)
            break;
        job *j = &b->jobs[i];
        if (open_err) {
            j->err = open_err;
            pdurep_diag_add(j->diag, NULL, 0, 0, "%s", pdurep_diag_message(open_diag, 0));
        } else {
            j->err = j->writer->write(db, j->id, j->path, j->lang, &j->units, j->diag);
            if (!j->err && pdurep_sha256_file(j->path, j->sha256))
                j->err = PDUREP_ERROR_IO;
        }
        pthread_mutex_lock(&b->lock);
        b->done++;
        if (j->err)
            b->failed++;
        report_progress(b, j);
        pthread_mutex_unlock(&b->lock);
    }
    pdurep_db_close(db);
    pdurep_diag_free(open_diag);
    return NULL;
}

static pdurep_error write_index(batch *b, pdurep_diag *diag)
{
    char *path = out_path(b, "index.csv");
    if (!path)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_atomic a;
    pdurep_error err = pdurep_atomic_begin(path, &a, diag);
    free(path);
    if (err)
        return err;
    FILE *f = fopen(a.tmp_path, "w");
    if (!f) {
        pdurep_atomic_abort(&a);
        return PDUREP_ERROR_IO;
    }
    fputs("id,kind,lang,file,sha256,pages_or_sheets\n", f);
    for (size_t i = 0; i < b->n_jobs; i++) {
        const job *j = &b->jobs[i];
        if (!j->err)
            fprintf(f, "%s,%s,%s,%s,%s,%d\n", j->id, j->writer->name,
                    j->writer->per_language ? j->lang : "", j->file, j->sha256, j->units);
    }
    if (fclose(f) != 0) {
        pdurep_atomic_abort(&a);
        return PDUREP_ERROR_IO;
    }
    return pdurep_atomic_commit(&a, diag);
}

pdurep_error pdurep_batch_run(const pdurep_batch_options *opt_in, pdurep_batch_summary *summary,
                              pdurep_diag *diag)
{
    pdurep_batch_options opt = *opt_in;
    if (!opt.writers)
        opt.writers = pdurep_batch_default_writers(&opt.n_writers);
    if (opt.jobs <= 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        opt.jobs = cpus > 0 ? (int)cpus : 1;
    }
    memset(summary, 0, sizeof *summary);

    pdurep_db *db;
    pdurep_error err = pdurep_db_open(opt.db_path, PDUREP_DB_READONLY, &db, diag);
    if (err)
        return err;
    pdurep_inspection *list;
    size_t n;
    err = pdurep_inspection_list(db, &list, &n);
    pdurep_db_close(db);
    if (err)
        return err;

    batch b = {.opt = &opt};
    pthread_mutex_init(&b.lock, NULL);
    int planned = plan(&b, list, n);
    pdurep_inspection_list_free(list, n);
    if (planned != 0) {
        err = PDUREP_ERROR_NO_MEMORY;
        goto out;
    }
    if (b.n_jobs == 0) {
        pdurep_diag_add(diag, opt.db_path, 0, 0, opt.region ? "no inspection of region \"%s\""
                                                            : "no inspection%s",
                        opt.region ? opt.region : " in the database");
        free(b.jobs);
        return PDUREP_ERROR_NO_INPUT;
    }
    if (mkdir(opt.out_dir, 0777) != 0 && errno != EEXIST) {
        pdurep_diag_add(diag, opt.out_dir, 0, 0, "cannot create folder: %s", strerror(errno));
        err = PDUREP_ERROR_CANT_CREATE;
        goto out;
    }

    clock_gettime(CLOCK_MONOTONIC, &b.start);
    size_t workers = (size_t)opt.jobs < b.n_jobs ? (size_t)opt.jobs : b.n_jobs;
    pthread_t *threads = calloc(workers, sizeof *threads);
    size_t started = 0;
    for (; threads && started < workers; started++)
        if (pthread_create(&threads[started], NULL, worker, &b) != 0)
            break;
    if (started == 0)
        worker(&b); /* no thread could start: do the work here */
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);

    summary->total = b.n_jobs;
    summary->failed = b.failed;
    summary->written = b.done - b.failed;
    summary->interrupted = pdurep_batch_interrupt != 0;
    summary->seconds = since(&b.start);
    for (size_t i = 0; i < b.n_jobs; i++)
        for (size_t m = 0; b.jobs[i].err && m < pdurep_diag_count(b.jobs[i].diag); m++)
            pdurep_diag_add(diag, b.jobs[i].file, 0, 0, "%s",
                            pdurep_diag_message(b.jobs[i].diag, m));
    if (summary->interrupted) {
        pdurep_diag_add(diag, opt.out_dir, 0, 0, "interrupted after %zu of %zu documents; "
                        "no index written", b.done, b.n_jobs);
        err = PDUREP_ERROR_IO;
    } else if ((err = write_index(&b, diag)) == PDUREP_OK && b.failed) {
        err = PDUREP_ERROR_DATA;
    }
out:
    for (size_t i = 0; i < b.n_jobs; i++) {
        free(b.jobs[i].id);
        free(b.jobs[i].file);
        free(b.jobs[i].path);
        pdurep_diag_free(b.jobs[i].diag);
    }
    free(b.jobs);
    pthread_mutex_destroy(&b.lock);
    return err;
}
