/*
 * pdurep synth: seeded synthetic inspection bundles.
 *
 * Determinism is the point: tests compare trees byte for byte and benchmarks
 * must measure the same input everywhere. So there is no rand(), no clock and
 * no floating point anywhere in the numbers: a splitmix64 generator feeds
 * integer probabilities in parts per million. Each PDU draws from streams
 * keyed by (seed, region, PDU, purpose), so asking for more cases or more
 * PDUs leaves the earlier PDUs' rates and judgements as they were.
 *
 * The framework is read from its CSV folder, so question codes, standards and
 * attribute values are data. What stays here is the shape of realistic data:
 * the engaging / desistance / keeping-safe order of each standard's key
 * questions (documented by the framework), and the sample mix.
 */
#include "pdurep/synth.h"
#include "pdurep/db.h"
#include "pdurep/framework.h"
#include "sbuf.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PPM 1000000 /* probabilities are integers out of a million */
#define PCT 10000   /* one percentage point in ppm */

/* ---- PRNG ---------------------------------------------------------------- */

typedef struct rng {
    uint64_t state;
} rng;

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Streams: one per purpose, so that e.g. the case count never shifts judgements. */
enum { STREAM_PDU = 1, STREAM_CASES, STREAM_JUDGE, STREAM_REGION };

static rng rng_stream(uint64_t seed, unsigned region, unsigned pdu, unsigned stream)
{
    uint64_t s = seed;
    uint64_t key = splitmix64(&s);
    key ^= (uint64_t)region * 0xd1b54a32d192ed03ULL;
    key ^= (uint64_t)pdu * 0xabc98388fb8fac03ULL;
    key ^= (uint64_t)stream * 0x8cb92ba72f3d8dd7ULL;
    rng r = {key};
    splitmix64(&r.state); /* discard one output so nearby keys decorrelate */
    return r;
}

/* A number in [0, n): the top 32 bits scaled, bias far below anything visible. */
static uint32_t rng_below(rng *r, uint32_t n)
{
    return (uint32_t)(((splitmix64(&r->state) >> 32) * (uint64_t)n) >> 32);
}

static int rng_chance(rng *r, int32_t ppm)
{
    return (int32_t)rng_below(r, PPM) < ppm;
}

/* Roughly bell-shaped in [-half, +half] (mean of two uniforms): PDUs cluster near the base. */
static int32_t rng_spread(rng *r, int32_t half)
{
    uint32_t w = 2 * (uint32_t)half + 1;
    return ((int32_t)rng_below(r, w) + (int32_t)rng_below(r, w)) / 2 - half;
}

static int32_t clamp_ppm(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- the shape of realistic data ----------------------------------------- */

/* Role of a key question by its position in its standard, as the framework orders them. */
enum { ROLE_ENGAGING, ROLE_DESISTANCE, ROLE_SAFE };

/* Central Yes rate per role in percentage points: keeping safe is the weak spot. */
static const int32_t role_base[] = {82, 70, 56};

/* Sample mix per attribute value (weights); values not listed share the remainder thinly. */
static const struct {
    const char *attribute, *value;
    unsigned weight;
} sample_mix[] = {
    {"sentence_type", "community", 700}, {"sentence_type", "licence", 300},
    {"rosh", "low", 100},                {"rosh", "medium", 460},
    {"rosh", "high", 380},               {"rosh", "very high", 60},
    {"gender", "male", 840},             {"gender", "female", 150},
    {"gender", "other", 5},              {"gender", "not stated", 5},
    {"ethnicity", "white", 850},         {"ethnicity", "mixed", 40},
    {"ethnicity", "asian", 40},          {"ethnicity", "black", 30},
    {"ethnicity", "other", 20},          {"ethnicity", "not stated", 20},
    {"probation_reset", "yes", 150},     {"probation_reset", "no", 850},
};

static unsigned mix_weight(const char *attribute, const char *value)
{
    for (size_t i = 0; i < sizeof sample_mix / sizeof *sample_mix; i++)
        if (!strcmp(sample_mix[i].attribute, attribute) && !strcmp(sample_mix[i].value, value))
            return sample_mix[i].weight;
    return 0;
}

static const char *const strengths[] = {
    "managers know their teams' work well and act on what audits find",
    "partnership meetings are regular and the right agencies attend",
    "staff describe a supportive culture and feel able to raise concerns",
    "new starters get a structured induction and protected learning time",
    "the range of local services is mapped and referral routes are clear",
    "workloads are monitored and adjusted before they become unmanageable",
    "the vision for the unit is understood at every grade",
    "quality assurance is routine and its findings reach practitioners",
};

static const char *const gaps[] = {
    "management oversight is not always written down",
    "information from the police and children's services arrives late",
    "vacancies in middle grades put pressure on senior practitioners",
    "some specialist services cannot meet demand",
    "learning from case audits has yet to change everyday practice",
    "newer staff are less confident in work to keep people safe",
    "plans for improvement have not yet shown results in cases",
    "links with health and housing providers are uneven",
};

#define N_STRENGTHS (sizeof strengths / sizeof *strengths)
#define N_GAPS (sizeof gaps / sizeof *gaps)

/* Judged ratings centre on Good and Requires improvement; the extremes are rarer. */
static pdurep_rating draw_rating(rng *r)
{
    uint32_t x = rng_below(r, 100);
    return x < 8    ? PDUREP_RATING_OUTSTANDING
           : x < 55 ? PDUREP_RATING_GOOD
           : x < 92 ? PDUREP_RATING_REQUIRES_IMPROVEMENT
                    : PDUREP_RATING_INADEQUATE;
}

/* Two different entries of a list of @p n phrases. */
static void draw_two(rng *r, size_t n, size_t *a, size_t *b)
{
    *a = rng_below(r, (uint32_t)n);
    *b = (*a + 1 + rng_below(r, (uint32_t)n - 1)) % n;
}

/* A short rationale that matches its rating: the better the rating, the more strengths. */
static void draw_rationale(rng *r, pdurep_rating rating, char *buf, size_t size)
{
    size_t s1, s2, g1, g2;
    draw_two(r, N_STRENGTHS, &s1, &s2);
    draw_two(r, N_GAPS, &g1, &g2);
    switch (rating) {
    case PDUREP_RATING_OUTSTANDING:
        snprintf(buf, size, "Synthetic: %s, and %s.", strengths[s1], strengths[s2]);
        break;
    case PDUREP_RATING_GOOD:
        snprintf(buf, size, "Synthetic: %s; even so, %s.", strengths[s1], gaps[g1]);
        break;
    case PDUREP_RATING_REQUIRES_IMPROVEMENT:
        snprintf(buf, size, "Synthetic: %s, although %s.", gaps[g1], strengths[s1]);
        break;
    default:
        snprintf(buf, size, "Synthetic: %s, and %s.", gaps[g1], gaps[g2]);
        break;
    }
}

/* ---- output helpers ------------------------------------------------------- */

static const char *const bundle_files[] = {"inspection.csv", "judgements.csv", "cases.csv",
                                           "pdus.csv"};
#define N_BUNDLE_FILES (sizeof bundle_files / sizeof *bundle_files)

static int is_bundle_file(const char *name)
{
    for (size_t i = 0; i < N_BUNDLE_FILES; i++)
        if (!strcmp(name, bundle_files[i]))
            return 1;
    return 0;
}

/* mkdir -p: the output folder may be new and nested. -1 with errno set on failure. */
static int make_dirs(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return -1;
    int rc = 0;
    for (char *s = p + 1; *s && rc == 0; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *s = '/';
    }
    if (rc == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
        rc = -1;
    struct stat sb;
    if (rc == 0 && (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
        errno = ENOTDIR;
        rc = -1;
    }
    free(p);
    return rc;
}

/*
 * Remove a folder that holds only bundle files. Anything else in it means it
 * is not ours to delete, so it is left whole and -1 returned.
 */
static int remove_bundle_dir(const char *dir)
{
    struct stat sb;
    if (lstat(dir, &sb) != 0)
        return errno == ENOENT ? 0 : -1;
    /* Never follow a link: the files behind it are not ours. */
    if (!S_ISDIR(sb.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    int foreign = 0;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !is_bundle_file(e->d_name))
            foreign = 1;
    closedir(d);
    if (foreign) {
        errno = ENOTEMPTY;
        return -1;
    }
    for (size_t i = 0; i < N_BUNDLE_FILES; i++) {
        char *f = pdurep_path_join(dir, bundle_files[i]);
        if (!f)
            return -1; /* errno is ENOMEM */
        if (unlink(f) != 0 && errno != ENOENT) {
            free(f);
            return -1;
        }
        free(f);
    }
    return rmdir(dir);
}

/* CSV field: quoted only when it must be (RFC 4180). */
static void put_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

static void put_pair(FILE *f, const char *key, const char *value)
{
    put_field(f, key);
    putc(',', f);
    put_field(f, value);
    putc('\n', f);
}

/* A file inside the bundle being built: opened with a large buffer, closed with checks. */
typedef struct out_file {
    FILE *f;
    char *path;
    char *buf;
} out_file;

static pdurep_error out_open(out_file *o, const char *dir, const char *name, size_t bufsize,
                             pdurep_diag *diag)
{
    o->path = pdurep_path_join(dir, name);
    o->buf = bufsize ? malloc(bufsize) : NULL;
    o->f = NULL;
    if (!o->path || (bufsize && !o->buf)) {
        free(o->path);
        free(o->buf);
        return PDUREP_ERROR_NO_MEMORY;
    }
    o->f = fopen(o->path, "wb");
    if (!o->f) {
        int e = errno;
        pdurep_diag_add(diag, o->path, 0, 0, "cannot create: %s", strerror(e));
        free(o->path);
        free(o->buf);
        return e == ENOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_CANT_CREATE;
    }
    if (o->buf)
        setvbuf(o->f, o->buf, _IOFBF, bufsize);
    return PDUREP_OK;
}

static pdurep_error out_close(out_file *o, pdurep_diag *diag)
{
    int bad = ferror(o->f);
    int saved = errno;
    if (fclose(o->f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (bad)
        pdurep_diag_add(diag, o->path, 0, 0, "write failed: %s", strerror(saved));
    free(o->path);
    free(o->buf);
    return bad ? PDUREP_ERROR_IO : PDUREP_OK;
}

/* ---- dates ----------------------------------------------------------------- */

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Day @p day (0-based) of year @p year, written YYYY-MM-DD; wraps within the year. */
static void format_day(int year, unsigned day, char out[32])
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    day %= is_leap(year) ? 366u : 365u;
    int m = 0;
    for (;; m++) {
        unsigned n = (unsigned)len[m] + (m == 1 && is_leap(year));
        if (day < n)
            break;
        day -= n;
    }
    snprintf(out, 32, "%04d-%02d-%02u", year % 10000, m + 1, day + 1);
}

/* Fieldwork of a region's PDUs spans about two months, regions spread over the year. */
static unsigned fieldwork_day(unsigned region, unsigned pdu)
{
    return 12 + ((region - 1) * 29u) % 280u + ((pdu - 1) * 9u) % 63u;
}

/* ---- the generator --------------------------------------------------------- */

/* What one run keeps between bundles. */
typedef struct synth {
    const pdurep_synth_options *opt;
    pdurep_diag *diag;
    const pdurep_framework *fw;
    int *role;             /* per question: key question role, or -1 for a prompt */
    int *not_reviewable;   /* per question: belongs to the last case-rated standard */
    long licence_attr;     /* attribute index of sentence_type, or -1 */
    long licence_value;    /* value index of licence, or -1 */
    unsigned *weights;     /* per attribute: offset into mix (n_values entries each) */
    size_t *weight_at;     /* per attribute: start in weights */
    char **region_judged;  /* judged standard codes of a region bundle */
    size_t n_region_judged;
    pdurep_sbuf line;      /* one cases.csv row */
} synth;

/* Per-PDU rates, drawn once from the PDU's own stream. */
typedef struct pdu_rates {
    int32_t *key;          /* per question: Yes rate of a key question, ppm */
    int32_t *prompt_yes;   /* per question: prompt Yes rate when its key question is Yes */
    int32_t *prompt_no;    /* ... when it is No */
    int32_t *prompt_na;    /* per question: chance a prompt does not apply */
    int32_t licence_drop;  /* desistance penalty for licence cases, ppm */
    int32_t not_reviewed;  /* chance a case had not reached a review */
    unsigned community;    /* weight of community sentences (of 1000) */
} pdu_rates;

static void draw_rates(synth *s, unsigned region, unsigned pdu, pdu_rates *pr)
{
    const pdurep_framework *fw = s->fw;
    rng r = rng_stream(s->opt->seed, region, pdu, STREAM_PDU);
    int32_t quality = rng_spread(&r, 6 * PCT); /* a better or weaker unit overall */
    int32_t safe_extra = rng_spread(&r, 4 * PCT);
    for (size_t q = 0; q < fw->n_questions; q++) {
        if (s->role[q] >= 0) {
            int32_t v = role_base[s->role[q]] * PCT + quality + rng_spread(&r, 5 * PCT);
            if (s->role[q] == ROLE_SAFE)
                v += safe_extra;
            pr->key[q] = clamp_ppm(v, 15 * PCT, 97 * PCT);
        } else {
            pr->prompt_yes[q] = clamp_ppm(89 * PCT + rng_spread(&r, 8 * PCT), 50 * PCT, 99 * PCT);
            pr->prompt_no[q] = clamp_ppm(30 * PCT + rng_spread(&r, 15 * PCT), 2 * PCT, 60 * PCT);
            pr->prompt_na[q] = (int32_t)rng_below(&r, 15) * PCT;
        }
    }
    pr->licence_drop = (3 + (int32_t)rng_below(&r, 6)) * PCT;
    pr->not_reviewed = (5 + (int32_t)rng_below(&r, 6)) * PCT;
    pr->community = (unsigned)(700 + rng_spread(&r, 60));
}

static size_t draw_value(rng *r, const unsigned *w, size_t n)
{
    unsigned total = 0;
    for (size_t i = 0; i < n; i++)
        total += w[i];
    uint32_t x = rng_below(r, total);
    for (size_t i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

static void line_put(synth *s, const char *text, size_t n) { pdurep_sbuf_add(&s->line, text, n); }

static pdurep_error write_cases(synth *s, const char *dir, unsigned region, unsigned pdu,
                                const pdu_rates *pr)
{
    const pdurep_framework *fw = s->fw;
    out_file o;
    pdurep_error err = out_open(&o, dir, "cases.csv", 1 << 20, s->diag);
    if (err)
        return err;

    fputs("case_id", o.f);
    for (size_t a = 0; a < fw->n_attributes; a++) {
        putc(',', o.f);
        put_field(o.f, fw->attributes[a].code);
    }
    for (size_t q = 0; q < fw->n_questions; q++) {
        putc(',', o.f);
        put_field(o.f, fw->questions[q].code);
    }
    putc('\n', o.f);

    /* Sentence mix varies a little by PDU; the other attributes use the shared mix. */
    unsigned *w = s->weights;
    if (s->licence_attr >= 0) {
        const pdurep_attribute *at = &fw->attributes[s->licence_attr];
        unsigned *sw = w + s->weight_at[s->licence_attr];
        for (size_t v = 0; v < at->n_values; v++)
            if (!strcmp(at->values[v], "community"))
                sw[v] = pr->community;
            else if ((long)v == s->licence_value)
                sw[v] = 1000 - pr->community;
    }

    rng r = rng_stream(s->opt->seed, region, pdu, STREAM_CASES);
    char *answer = calloc(fw->n_questions + 1, 1); /* 'Y', 'N' or 0 (not applicable) */
    if (!answer)
        err = PDUREP_ERROR_NO_MEMORY;
    for (unsigned long c = 1; !err && c <= s->opt->cases_per_pdu; c++) {
        s->line.len = 0;
        char id[32];
        int n = snprintf(id, sizeof id, "r%02up%02u-%06lu", region, pdu, c);
        line_put(s, id, (size_t)n);

        int licence = 0;
        for (size_t a = 0; a < fw->n_attributes; a++) {
            const pdurep_attribute *at = &fw->attributes[a];
            size_t v = draw_value(&r, w + s->weight_at[a], at->n_values);
            if ((long)a == s->licence_attr && (long)v == s->licence_value)
                licence = 1;
            line_put(s, ",", 1);
            /* Attribute values with a comma would need quoting; the framework has none,
             * but stay correct if one appears. */
            if (strchr(at->values[v], ',')) {
                line_put(s, "\"", 1);
                line_put(s, at->values[v], strlen(at->values[v]));
                line_put(s, "\"", 1);
            } else {
                line_put(s, at->values[v], strlen(at->values[v]));
            }
        }

        /* One case-level quality shift ties a case's answers together, as in real files. */
        int32_t shift = rng_spread(&r, 10 * PCT);
        /* The first case is always reviewed, so every key question has a relevant case. */
        int reviewed = c == 1 || !rng_chance(&r, pr->not_reviewed);
        for (size_t q = 0; q < fw->n_questions; q++) {
            const pdurep_question *qu = &fw->questions[q];
            char a;
            if (s->not_reviewable[q] && !reviewed) {
                a = 0;
            } else if (s->role[q] >= 0) {
                int32_t p = pr->key[q] + shift;
                if (licence && s->role[q] == ROLE_DESISTANCE)
                    p -= pr->licence_drop;
                a = rng_chance(&r, p) ? 'Y' : 'N';
            } else if (qu->parent < 0 || !answer[qu->parent] || rng_chance(&r, pr->prompt_na[q])) {
                a = 0;
            } else {
                a = rng_chance(&r, answer[qu->parent] == 'Y' ? pr->prompt_yes[q] : pr->prompt_no[q])
                        ? 'Y' : 'N';
            }
            answer[q] = a;
            if (a)
                line_put(s, a == 'Y' ? ",Y" : ",N", 2);
            else if (s->role[q] >= 0)
                line_put(s, ",NA", 3); /* key questions need an explicit answer */
            else
                line_put(s, ",", 1);  /* a blank prompt means not applicable */
        }
        line_put(s, "\n", 1);
        if (s->line.oom)
            err = PDUREP_ERROR_NO_MEMORY;
        else
            fwrite(s->line.s, 1, s->line.len, o.f);
    }
    free(answer);
    pdurep_error closed = out_close(&o, s->diag);
    return err ? err : closed;
}

static pdurep_error write_inspection(synth *s, const char *dir, const char *id, const char *kind,
                                     const char *name, const char *region, const char *framework,
                                     const char *date, long caseload)
{
    out_file o;
    pdurep_error err = out_open(&o, dir, "inspection.csv", 0, s->diag);
    if (err)
        return err;
    fputs("key,value\n", o.f);
    put_pair(o.f, "id", id);
    put_pair(o.f, "kind", kind);
    put_pair(o.f, "name", name);
    put_pair(o.f, "region", region);
    put_pair(o.f, "framework", framework);
    put_pair(o.f, "fieldwork_start", date);
    if (caseload >= 0)
        fprintf(o.f, "caseload,%ld\n", caseload);
    put_pair(o.f, "inspectorate", "Synthetic inspectorate (pdurep synth)");
    return out_close(&o, s->diag);
}

static pdurep_error write_judgements(synth *s, const char *dir, rng *r, char *const *codes,
                                     size_t n)
{
    out_file o;
    pdurep_error err = out_open(&o, dir, "judgements.csv", 0, s->diag);
    if (err)
        return err;
    fputs("standard,rating,rationale\n", o.f);
    for (size_t i = 0; i < n; i++) {
        pdurep_rating rating = draw_rating(r);
        char why[512];
        draw_rationale(r, rating, why, sizeof why);
        put_field(o.f, codes[i]);
        putc(',', o.f);
        put_field(o.f, pdurep_rating_name(rating));
        putc(',', o.f);
        put_field(o.f, why);
        putc('\n', o.f);
    }
    return out_close(&o, s->diag);
}

/*
 * Swap a finished temporary folder into place. The old bundle, if any, is moved
 * aside first so the final name always holds a whole bundle, then removed.
 */
static pdurep_error install_bundle(synth *s, const char *tmp, const char *final,
                                   const char *old)
{
    struct stat sb;
    int had_old = lstat(final, &sb) == 0;
    if (had_old && rename(final, old) != 0) {
        pdurep_diag_add(s->diag, final, 0, 0, "cannot replace: %s", strerror(errno));
        return PDUREP_ERROR_CANT_CREATE;
    }
    if (rename(tmp, final) != 0) {
        pdurep_diag_add(s->diag, final, 0, 0, "cannot create: %s", strerror(errno));
        if (had_old)
            rename(old, final);
        return PDUREP_ERROR_CANT_CREATE;
    }
    if (had_old && remove_bundle_dir(old) != 0) {
        pdurep_diag_add(s->diag, old, 0, 0, "cannot remove the replaced bundle: %s",
                        strerror(errno));
        return PDUREP_ERROR_IO;
    }
    return PDUREP_OK;
}

/* The names of one bundle's folders under OUT. */
typedef struct bundle_paths {
    char *final, *tmp, *old;
} bundle_paths;

static pdurep_error begin_bundle(synth *s, const char *id, bundle_paths *bp)
{
    char tmp[80], old[80];
    snprintf(tmp, sizeof tmp, ".%s.tmp", id);
    snprintf(old, sizeof old, ".%s.old", id);
    bp->final = pdurep_path_join(s->opt->out_dir, id);
    bp->tmp = pdurep_path_join(s->opt->out_dir, tmp);
    bp->old = pdurep_path_join(s->opt->out_dir, old);
    if (!bp->final || !bp->tmp || !bp->old)
        return PDUREP_ERROR_NO_MEMORY;

    /* Leftovers of an interrupted run are ours: clear them. A real folder at the
     * final name that is not a bundle is someone else's: refuse to touch it. */
    struct stat sb;
    if (remove_bundle_dir(bp->tmp) != 0 || remove_bundle_dir(bp->old) != 0) {
        if (errno == ENOMEM)
            return PDUREP_ERROR_NO_MEMORY;
        pdurep_diag_add(s->diag, bp->tmp, 0, 0, "cannot clear an earlier temporary folder: %s",
                        strerror(errno));
        return PDUREP_ERROR_CANT_CREATE;
    }
    if (lstat(bp->final, &sb) == 0) {
        DIR *d = S_ISDIR(sb.st_mode) ? opendir(bp->final) : NULL;
        int foreign = !d;
        struct dirent *e;
        while (d && (e = readdir(d)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !is_bundle_file(e->d_name))
                foreign = 1;
        if (d)
            closedir(d);
        if (foreign) {
            pdurep_diag_add(s->diag, bp->final, 0, 0,
                            "exists and is not a bundle folder; not replacing it");
            return PDUREP_ERROR_CANT_CREATE;
        }
    }
    if (mkdir(bp->tmp, 0777) != 0) {
        pdurep_diag_add(s->diag, bp->tmp, 0, 0, "cannot create folder: %s", strerror(errno));
        return PDUREP_ERROR_CANT_CREATE;
    }
    return PDUREP_OK;
}

static void end_bundle(bundle_paths *bp, pdurep_error err)
{
    if (err && bp->tmp)
        remove_bundle_dir(bp->tmp);
    free(bp->final);
    free(bp->tmp);
    free(bp->old);
}

static pdurep_error write_pdu(synth *s, unsigned region, unsigned pdu, pdu_rates *pr)
{
    const pdurep_synth_options *opt = s->opt;
    char id[64], name[64], region_name[32], date[32];
    snprintf(id, sizeof id, "r%02u-p%02u-%d", region, pdu, opt->year);
    snprintf(name, sizeof name, "PDU %02u-%02u", region, pdu);
    snprintf(region_name, sizeof region_name, "Region %02u", region);
    format_day(opt->year, fieldwork_day(region, pdu), date);

    bundle_paths bp;
    pdurep_error err = begin_bundle(s, id, &bp);
    if (!err) {
        draw_rates(s, region, pdu, pr);
        rng jr = rng_stream(opt->seed, region, pdu, STREAM_JUDGE);
        /* A caseload of roughly 25 to 40 times the sample, as real samples go. */
        long caseload = (long)opt->cases_per_pdu * (25 + (long)rng_below(&jr, 16));
        size_t n_judged = 0;
        char **judged = calloc(s->fw->n_standards + 1, sizeof *judged);
        for (size_t i = 0; judged && i < s->fw->n_standards; i++)
            if (s->fw->standards[i].rated_by == PDUREP_RATED_BY_JUDGEMENT)
                judged[n_judged++] = s->fw->standards[i].code;
        err = judged ? write_inspection(s, bp.tmp, id, "pdu", name, region_name, s->fw->code,
                                        date, caseload)
                     : PDUREP_ERROR_NO_MEMORY;
        if (!err)
            err = write_judgements(s, bp.tmp, &jr, judged, n_judged);
        free(judged);
    }
    if (!err)
        err = write_cases(s, bp.tmp, region, pdu, pr);
    if (!err)
        err = install_bundle(s, bp.tmp, bp.final, bp.old);
    if (!err && opt->wrote)
        opt->wrote(opt->user, id, "pdu", bp.final, opt->cases_per_pdu);
    end_bundle(&bp, err);
    return err;
}

/* The region's round: the PDU inspections write_pdu() wrote for it this year. */
static pdurep_error write_region_pdus(synth *s, const char *dir, unsigned region)
{
    out_file o;
    pdurep_error err = out_open(&o, dir, "pdus.csv", 0, s->diag);
    if (err)
        return err;
    fputs("inspection\n", o.f);
    for (unsigned p = 1; p <= s->opt->pdus_per_region; p++)
        fprintf(o.f, "r%02u-p%02u-%d\n", region, p, s->opt->year);
    return out_close(&o, s->diag);
}

static pdurep_error write_region(synth *s, unsigned region)
{
    const pdurep_synth_options *opt = s->opt;
    char id[64], name[32], date[32];
    snprintf(id, sizeof id, "r%02u-%d", region, opt->year);
    snprintf(name, sizeof name, "Region %02u", region);
    format_day(opt->year, fieldwork_day(region, 1), date);

    bundle_paths bp;
    pdurep_error err = begin_bundle(s, id, &bp);
    if (!err)
        err = write_inspection(s, bp.tmp, id, "region", name, name, "probation-region-2024", date,
                               -1);
    if (!err) {
        rng jr = rng_stream(opt->seed, region, 0, STREAM_REGION);
        err = write_judgements(s, bp.tmp, &jr, s->region_judged, s->n_region_judged);
    }
    if (!err)
        err = write_region_pdus(s, bp.tmp, region);
    if (!err)
        err = install_bundle(s, bp.tmp, bp.final, bp.old);
    if (!err && opt->wrote)
        opt->wrote(opt->user, id, "region", bp.final, 0);
    end_bundle(&bp, err);
    return err;
}

/* Judged standards of a region: from its framework when present, else the provisional set. */
static pdurep_error load_region_judged(synth *s)
{
    static const char *const provisional[] = {"R1.1", "R1.2", "R2.4", "R2.5", "R2.6"};
    char *dir = s->opt->region_framework_dir
                    ? strdup(s->opt->region_framework_dir)
                    : pdurep_asprintf("%s/frameworks/probation-region-2024", pdurep_data_dir());
    if (!dir)
        return PDUREP_ERROR_NO_MEMORY;
    struct stat sb;
    pdurep_error err = PDUREP_OK;
    pdurep_framework *rfw = NULL;
    const char *const *codes = provisional;
    size_t n = sizeof provisional / sizeof *provisional;
    if (stat(dir, &sb) == 0 || s->opt->region_framework_dir) {
        err = pdurep_framework_read_dir(dir, &rfw, s->diag);
        n = err ? 0 : rfw->n_standards;
        codes = NULL;
    }
    /* The region's judged standards, or the provisional set when no framework is installed;
     * freed by pdurep_synth_write() however far this got. */
    if (!err && !(s->region_judged = calloc(n + 1, sizeof *s->region_judged)))
        err = PDUREP_ERROR_NO_MEMORY;
    for (size_t i = 0; !err && i < n; i++) {
        if (rfw && rfw->standards[i].rated_by != PDUREP_RATED_BY_JUDGEMENT)
            continue;
        char *code = strdup(rfw ? rfw->standards[i].code : codes[i]);
        if (!code)
            err = PDUREP_ERROR_NO_MEMORY;
        else
            s->region_judged[s->n_region_judged++] = code;
    }
    pdurep_framework_free(rfw);
    free(dir);
    return err;
}

/* Work out, once, what each question is and how attributes are mixed. */
static pdurep_error prepare(synth *s)
{
    const pdurep_framework *fw = s->fw;
    size_t total = 0;
    for (size_t a = 0; a < fw->n_attributes; a++)
        total += fw->attributes[a].n_values;
    s->role = calloc(fw->n_questions + 1, sizeof *s->role);
    s->not_reviewable = calloc(fw->n_questions + 1, sizeof *s->not_reviewable);
    s->weight_at = calloc(fw->n_attributes + 1, sizeof *s->weight_at);
    s->weights = calloc(total + 1, sizeof *s->weights);
    if (!s->role || !s->not_reviewable || !s->weight_at || !s->weights)
        return PDUREP_ERROR_NO_MEMORY; /* the caller frees what there is */
    long last_cases = -1;
    for (size_t i = 0; i < fw->n_standards; i++)
        if (fw->standards[i].rated_by == PDUREP_RATED_BY_CASES)
            last_cases = (long)i;
    for (size_t q = 0; q < fw->n_questions; q++) {
        s->role[q] = -1;
        /* Reviewing comes last and is the one stage a case may not have reached yet. */
        s->not_reviewable[q] = (long)fw->questions[q].standard == last_cases;
    }
    for (size_t i = 0; i < fw->n_standards; i++) {
        const pdurep_standard *st = &fw->standards[i];
        for (size_t k = 0; k < st->n_key_questions; k++)
            s->role[st->key_questions[k]] = k == 0 ? ROLE_ENGAGING
                                            : k == 2 ? ROLE_SAFE
                                                     : ROLE_DESISTANCE;
    }

    s->licence_attr = pdurep_framework_attribute_index(fw, "sentence_type");
    s->licence_value = -1;
    total = 0;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        s->weight_at[a] = total;
        total += fw->attributes[a].n_values;
    }
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        unsigned sum = 0;
        for (size_t v = 0; v < at->n_values; v++) {
            s->weights[s->weight_at[a] + v] = mix_weight(at->code, at->values[v]);
            sum += s->weights[s->weight_at[a] + v];
            if ((long)a == s->licence_attr && !strcmp(at->values[v], "licence"))
                s->licence_value = (long)v;
        }
        /* An attribute we know nothing about: spread evenly. */
        if (sum == 0)
            for (size_t v = 0; v < at->n_values; v++)
                s->weights[s->weight_at[a] + v] = 1;
    }
    return PDUREP_OK;
}

void pdurep_synth_options_init(pdurep_synth_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->seed = 1;
    opt->regions = 1;
    opt->pdus_per_region = 6;
    opt->cases_per_pdu = 80;
    opt->write_regions = 1;
    opt->year = 2025;
}

pdurep_error pdurep_synth_write(const pdurep_synth_options *opt, pdurep_diag *diag)
{
    if (!opt || !opt->out_dir || !*opt->out_dir) {
        pdurep_diag_add(diag, NULL, 0, 0, "no output folder given");
        return PDUREP_ERROR_USAGE;
    }
    if (opt->regions < 1 || opt->regions > PDUREP_SYNTH_MAX_REGIONS ||
        opt->pdus_per_region < 1 || opt->pdus_per_region > PDUREP_SYNTH_MAX_PDUS ||
        opt->cases_per_pdu < 1 || opt->cases_per_pdu > PDUREP_SYNTH_MAX_CASES ||
        opt->year < 1 || opt->year > 9999) {
        pdurep_diag_add(diag, NULL, 0, 0,
                        "regions must be 1 to %d, PDUs per region 1 to %d, cases per PDU 1 to %lu "
                        "and the year 1 to 9999",
                        PDUREP_SYNTH_MAX_REGIONS, PDUREP_SYNTH_MAX_PDUS, PDUREP_SYNTH_MAX_CASES);
        return PDUREP_ERROR_USAGE;
    }

    synth s = {.opt = opt, .diag = diag};
    char *fw_dir = opt->framework_dir
                       ? strdup(opt->framework_dir)
                       : pdurep_asprintf("%s/frameworks/probation-pdu-2023", pdurep_data_dir());
    if (!fw_dir)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_framework *fw = NULL;
    pdurep_error err = pdurep_framework_read_dir(fw_dir, &fw, diag);
    free(fw_dir);
    if (err)
        return err;
    s.fw = fw;
    if (opt->write_regions)
        err = load_region_judged(&s);

    if (!err && make_dirs(opt->out_dir) != 0) {
        if (errno == ENOMEM) {
            err = PDUREP_ERROR_NO_MEMORY;
        } else {
            pdurep_diag_add(diag, opt->out_dir, 0, 0, "cannot create folder: %s",
                            strerror(errno));
            err = PDUREP_ERROR_CANT_CREATE;
        }
    }

    pdu_rates pr = {0};
    if (!err)
        err = prepare(&s);
    if (!err) {
        size_t n = fw->n_questions + 1;
        pr.key = calloc(n, sizeof *pr.key);
        pr.prompt_yes = calloc(n, sizeof *pr.prompt_yes);
        pr.prompt_no = calloc(n, sizeof *pr.prompt_no);
        pr.prompt_na = calloc(n, sizeof *pr.prompt_na);
        if (!pr.key || !pr.prompt_yes || !pr.prompt_no || !pr.prompt_na)
            err = PDUREP_ERROR_NO_MEMORY;
    }
    for (unsigned r = 1; !err && r <= opt->regions; r++) {
        for (unsigned p = 1; !err && p <= opt->pdus_per_region; p++)
            err = write_pdu(&s, r, p, &pr);
        if (!err && opt->write_regions)
            err = write_region(&s, r);
    }

    free(pr.key);
    free(pr.prompt_yes);
    free(pr.prompt_no);
    free(pr.prompt_na);
    for (size_t i = 0; i < s.n_region_judged; i++)
        free(s.region_judged[i]);
    free(s.region_judged);
    free(s.role);
    free(s.not_reviewable);
    free(s.weights);
    free(s.weight_at);
    free(s.line.s);
    pdurep_framework_free(fw);
    return err;
}
