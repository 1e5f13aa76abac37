/*
 * The rating calculator. It counts every case's answers once, into the overall
 * tallies and into every attribute breakdown, then applies the framework:
 * lowest key question -> band -> rating -> points -> score -> overall rating.
 */
#include "pdurep/ratings.h"
#include "pdurep/check.h"
#include "db_internal.h"
#include "util.h"
#include "inspection_internal.h"
#include "sqltext.h"

#include <stdlib.h>
#include <string.h>

double pdurep_tally_percent(pdurep_tally t)
{
    unsigned long rel = pdurep_tally_relevant(t);
    /* 100 * yes is exact in a double, so a fraction that is exactly 65% gives exactly 65.0. */
    return rel ? (100.0 * (double)t.yes) / (double)rel : -1.0;
}

double pdurep_relative_rate_index(pdurep_tally group, pdurep_tally reference,
                                  unsigned long min_relevant)
{
    unsigned long rg = pdurep_tally_relevant(group), rr = pdurep_tally_relevant(reference);
    if (rg < min_relevant || rr < min_relevant || rg == 0 || rr == 0 || reference.yes == 0)
        return -1.0;
    return ((double)group.yes / (double)rg) / ((double)reference.yes / (double)rr);
}

pdurep_tally pdurep_ratings_breakdown(const pdurep_ratings *r, size_t attribute, size_t value,
                                      size_t question)
{
    return r->breakdowns[attribute].tallies[value * r->framework->n_questions + question];
}

pdurep_error pdurep_ratings_breakdown_by_code(const pdurep_ratings *r, const char *attribute,
                                              const char *value, const char *question,
                                              pdurep_tally *out)
{
    long a = pdurep_framework_attribute_index(r->framework, attribute);
    long q = pdurep_framework_question_index(r->framework, question);
    if (a < 0 || q < 0)
        return PDUREP_ERROR_NO_INPUT;
    const pdurep_attribute *at = &r->framework->attributes[a];
    for (size_t v = 0; v < at->n_values; v++)
        if (!strcmp(at->values[v], value)) {
            *out = pdurep_ratings_breakdown(r, (size_t)a, v, (size_t)q);
            return PDUREP_OK;
        }
    return PDUREP_ERROR_NO_INPUT;
}

void pdurep_ratings_free(pdurep_ratings *r)
{
    if (!r)
        return;
    if (r->standards && r->framework)
        for (size_t i = 0; i < r->framework->n_standards; i++)
            free((char *)r->standards[i].rationale);
    if (r->breakdowns && r->framework)
        for (size_t i = 0; i < r->framework->n_attributes; i++) {
            free(r->breakdowns[i].cases);
            free(r->breakdowns[i].tallies);
        }
    free(r->breakdowns);
    free(r->standards);
    free(r->questions);
    free(r->bands);
    free(r->collected);
    pdurep_framework_free(r->framework);
    pdurep_inspection_free(r->inspection);
    for (size_t i = 0; i < r->n_pdus; i++)
        free(r->pdus[i]);
    free(r->pdus);
    free(r);
}

/* Fill @p c, whose pointers are all NULL, with copies of @p r's; -1 when memory runs out
 * (pdurep_ratings_free() then frees what was copied). */
static int copy_into(pdurep_ratings *c, const pdurep_ratings *r)
{
    const pdurep_framework *fw = r->framework;
    if (fw && !(c->framework = pdurep_framework_copy(fw)))
        return -1;
    if (r->inspection && !(c->inspection = pdurep_inspection_copy(r->inspection)))
        return -1;
    size_t nq = fw ? fw->n_questions : 0, ns = fw ? fw->n_standards : 0;
    size_t na = fw ? fw->n_attributes : 0;
    if (r->questions) {
        if (!(c->questions = calloc(nq ? nq : 1, sizeof *c->questions)))
            return -1;
        if (nq)
            memcpy(c->questions, r->questions, nq * sizeof *r->questions);
    }
    if (r->bands) {
        if (!(c->bands = calloc(nq ? nq : 1, sizeof *c->bands)))
            return -1;
        for (size_t q = 0; q < nq; q++)
            c->bands[q] = r->bands[q] ? &c->framework->bands[r->bands[q] - fw->bands] : NULL;
    }
    if (r->collected) {
        if (!(c->collected = malloc(nq ? nq : 1)))
            return -1;
        if (nq)
            memcpy(c->collected, r->collected, nq);
    }
    if (r->standards) {
        /* Results point into the framework: point them into the copy's. */
        if (!(c->standards = calloc(ns ? ns : 1, sizeof *c->standards)))
            return -1;
        for (size_t i = 0; i < ns; i++) {
            const pdurep_standard_result *s = &r->standards[i];
            c->standards[i] = *s;
            c->standards[i].standard = &c->framework->standards[s->standard - fw->standards];
            c->standards[i].band = s->band ? &c->framework->bands[s->band - fw->bands] : NULL;
            c->standards[i].rationale = NULL;
            if (s->rationale && !(c->standards[i].rationale = strdup(s->rationale)))
                return -1;
        }
    }
    if (r->breakdowns) {
        if (!(c->breakdowns = calloc(na ? na : 1, sizeof *c->breakdowns)))
            return -1;
        for (size_t i = 0; i < na; i++) {
            const pdurep_breakdown *b = &r->breakdowns[i];
            size_t nv = fw->attributes[i].n_values;
            pdurep_breakdown *d = &c->breakdowns[i];
            *d = *b;
            d->attribute = &c->framework->attributes[b->attribute - fw->attributes];
            d->tallies = NULL;
            if (!(d->cases = calloc(nv ? nv : 1, sizeof *b->cases)) ||
                !(d->tallies = calloc(nv * nq + 1, sizeof *b->tallies)))
                return -1;
            if (nv && b->cases)
                memcpy(d->cases, b->cases, nv * sizeof *b->cases);
            if (nv && nq && b->tallies)
                memcpy(d->tallies, b->tallies, nv * nq * sizeof *b->tallies);
        }
    }
    if (r->n_pdus && !(c->pdus = calloc(r->n_pdus, sizeof *c->pdus)))
        return -1;
    for (size_t i = 0; i < r->n_pdus; i++, c->n_pdus++)
        if (!(c->pdus[i] = strdup(r->pdus[i])))
            return -1;
    return 0;
}

pdurep_ratings *pdurep_ratings_copy(const pdurep_ratings *r)
{
    pdurep_ratings *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    /* The figures are copied whole; every pointer is then made afresh, never shared. */
    *c = *r;
    c->inspection = NULL;
    c->framework = NULL;
    c->questions = NULL;
    c->bands = NULL;
    c->collected = NULL;
    c->standards = NULL;
    c->breakdowns = NULL;
    c->pdus = NULL;
    c->n_pdus = 0;
    if (copy_into(c, r)) {
        pdurep_ratings_free(c);
        return NULL;
    }
    return c;
}

/* yes_a / rel_a < yes_b / rel_b, exactly. */
static int lower(pdurep_tally a, pdurep_tally b)
{
    return (unsigned long long)a.yes * pdurep_tally_relevant(b) <
           (unsigned long long)b.yes * pdurep_tally_relevant(a);
}

static void tally_add(pdurep_tally *t, char answer)
{
    if (answer == 'Y')
        t->yes++;
    else if (answer == 'N')
        t->no++;
    else
        t->na++;
}

/*
 * Which answer slot feeds each framework question for the cases of one source
 * inspection: the question's own code for a PDU, the pooled PDU question for a
 * region. -1 where the bundle has no such column.
 */
/* Split comma-joined codes in place into a new array of pointers into @p codes; NULL when
 * memory runs out. */
static char **split_codes(char *codes, size_t *n)
{
    size_t cap = 1;
    for (const char *c = codes; *c; c++)
        cap += *c == ',';
    char **out = malloc(cap * sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (char *save = NULL, *tok = strtok_r(codes, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save))
        out[(*n)++] = tok;
    return out;
}

static pdurep_error map_slots(const pdurep_framework *fw, const char *answer_codes, long *slot_of)
{
    char *codes = strdup(answer_codes ? answer_codes : "");
    size_t n = 0;
    char **slot_code = codes ? split_codes(codes, &n) : NULL;
    if (!slot_code) {
        free(codes);
        return PDUREP_ERROR_NO_MEMORY;
    }
    for (size_t q = 0; q < fw->n_questions; q++) {
        const pdurep_question *qu = &fw->questions[q];
        const char *want = qu->pooled_from ? qu->pooled_from : qu->code;
        slot_of[q] = -1;
        for (size_t i = 0; i < n; i++)
            if (!strcmp(slot_code[i], want)) {
                slot_of[q] = (long)i;
                break;
            }
    }
    free(slot_code);
    free(codes);
    return PDUREP_OK;
}

/* Append a copy of @p id to the ratings' PDU list. */
static pdurep_error add_pdu(pdurep_ratings *r, const char *id)
{
    char **grown = realloc(r->pdus, (r->n_pdus + 1) * sizeof *r->pdus);
    if (!grown)
        return PDUREP_ERROR_NO_MEMORY;
    r->pdus = grown;
    if (!(r->pdus[r->n_pdus] = strdup(id)))
        return PDUREP_ERROR_NO_MEMORY;
    r->n_pdus++;
    return PDUREP_OK;
}

/*
 * A region pools the cases of exactly the PDU inspections its bundle listed
 * (region_pdu). Every listed one must be in the database, be a PDU, and share
 * one framework: a region missing a PDU is refused rather than published short.
 */
static pdurep_error check_region_sources(pdurep_db *db, pdurep_ratings *r, pdurep_diag *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT m.pdu, i.kind, i.framework FROM region_pdu m "
                                    "LEFT JOIN inspection i ON i.id = m.pdu WHERE m.region = ?1 "
                                    "ORDER BY m.pdu", -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    char *first_fw = NULL;
    pdurep_error err = PDUREP_OK;
    pdurep_error fatal = PDUREP_OK; /* memory or the database: stop at once */
    int oom = 0;
    int rc = sqlite3_bind_text(st, 1, r->inspection->id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = SQLITE_ROW;
    while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = pdurep_column_text(st, 0, &oom);
        const char *kind = pdurep_column_text(st, 1, &oom);
        const char *fwc = pdurep_column_text(st, 2, &oom);
        if (oom || !id) {
            fatal = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        if (!kind) {
            pdurep_diag_add(diag, NULL, 0, 0, "region %s lists PDU inspection %s, which is not "
                            "in the database: import it, or import the region again without it "
                            "in pdus.csv", r->inspection->id, id);
            if (!err)
                err = PDUREP_ERROR_NO_INPUT;
            continue;
        }
        if (strcmp(kind, "pdu")) {
            pdurep_diag_add(diag, NULL, 0, 0, "region %s lists %s, which is a %s inspection, "
                            "not a PDU", r->inspection->id, id, kind);
            err = PDUREP_ERROR_DATA;
            continue;
        }
        if (!fwc)
            fwc = "";
        if (!first_fw) {
            if (!(first_fw = strdup(fwc))) {
                fatal = PDUREP_ERROR_NO_MEMORY;
                break;
            }
        } else if (strcmp(first_fw, fwc)) {
            pdurep_diag_add(diag, NULL, 0, 0, "region %s: PDU inspection %s uses framework %s "
                            "but %s uses %s; a region pools only one framework's cases",
                            r->inspection->id, id, fwc, r->pdus[0], first_fw);
            err = PDUREP_ERROR_DATA;
        }
        if ((fatal = add_pdu(r, id)))
            break;
    }
    if (!fatal && rc != SQLITE_DONE)
        fatal = pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    free(first_fw);
    if (fatal)
        return fatal;
    if (!err && r->n_pdus == 0) {
        pdurep_diag_add(diag, NULL, 0, 0, "region %s lists no PDU inspection (its pdus.csv "
                        "names the PDU inspections it pools)", r->inspection->id);
        err = PDUREP_ERROR_DATA;
    }
    return err;
}

/* Whose cases a result counts. */
typedef enum case_source {
    SOURCE_INSPECTION, /* one PDU inspection's own cases */
    SOURCE_REGION,     /* the PDU inspections a region lists (a region rating) */
    SOURCE_POOL,       /* every PDU inspection on one framework, optionally of one region */
    SOURCE_MEMBERS,    /* the PDU inspections a region lists, on one framework, unrated */
} case_source;

#define CASE_COLUMNS                                                                       \
    "SELECT c.attributes, c.answers, i.id, i.answer_codes, i.attribute_codes "             \
    "FROM inspection_case c JOIN inspection i ON i.id = c.inspection "

/*
 * Where each framework attribute sits among one inspection's stored values.
 * An inspection imported before its framework gained an attribute cannot be
 * broken down by it, which is an error rather than a silent gap.
 */
static pdurep_error map_attributes(pdurep_db *db, const pdurep_framework *fw, const char *from,
                                   const char *attribute_codes, long *attr_slot, size_t *n_stored,
                                   pdurep_diag *diag)
{
    char *codes = strdup(attribute_codes ? attribute_codes : "");
    size_t n = 0;
    char **stored = codes ? split_codes(codes, &n) : NULL;
    if (!stored) {
        free(codes);
        return PDUREP_ERROR_NO_MEMORY;
    }
    pdurep_error err = PDUREP_OK;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        attr_slot[a] = -1;
        for (size_t i = 0; i < n; i++)
            if (!strcmp(stored[i], fw->attributes[a].code))
                attr_slot[a] = (long)i;
        if (attr_slot[a] < 0 && !err) {
            pdurep_diag_add(diag, db->path, 0, 0, "inspection %s was imported without case "
                            "attribute %s, which framework %s now lists: import it again",
                            from, fw->attributes[a].code, fw->code);
            err = PDUREP_ERROR_DATA;
        }
    }
    *n_stored = n;
    free(stored);
    free(codes);
    return err;
}

static pdurep_error count_cases(pdurep_db *db, pdurep_ratings *r, case_source source,
                                const char *region, pdurep_diag *diag)
{
    const pdurep_framework *fw = r->framework;
    pdurep_error err = PDUREP_OK;
    if (source == SOURCE_REGION && (err = check_region_sources(db, r, diag)))
        return err;

    sqlite3_stmt *st;
    static const char *const sql[] = {
        [SOURCE_INSPECTION] = CASE_COLUMNS "WHERE i.id = ?1",
        [SOURCE_REGION] = CASE_COLUMNS "JOIN region_pdu m ON m.pdu = i.id "
                                       "WHERE m.region = ?2 AND i.kind = 'pdu' ORDER BY i.id",
        [SOURCE_POOL] = CASE_COLUMNS "WHERE i.kind = 'pdu' AND i.framework = ?3 "
                                     "AND (?2 IS NULL OR i.region = ?2) ORDER BY i.id",
        [SOURCE_MEMBERS] = CASE_COLUMNS "JOIN region_pdu m ON m.pdu = i.id WHERE m.region = ?2 "
                                        "AND i.kind = 'pdu' AND i.framework = ?3 ORDER BY i.id",
    };
    if (sqlite3_prepare_v2(db->sql, sql[source], -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    if ((source == SOURCE_INSPECTION &&
         sqlite3_bind_text(st, 1, r->inspection->id, -1, SQLITE_STATIC) != SQLITE_OK) ||
        (region && sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC) != SQLITE_OK) ||
        ((source == SOURCE_POOL || source == SOURCE_MEMBERS) &&
         sqlite3_bind_text(st, 3, fw->code, -1, SQLITE_STATIC) != SQLITE_OK)) {
        err = pdurep_db_fail(db, diag);
        sqlite3_finalize(st);
        return err;
    }

    size_t nq = fw->n_questions, na = fw->n_attributes;
    long *slot_of = malloc((nq ? nq : 1) * sizeof *slot_of);
    long *filter_attr = malloc((nq ? nq : 1) * sizeof *filter_attr);
    size_t *filter_value = calloc(nq ? nq : 1, sizeof *filter_value);
    size_t *value_of = calloc(na ? na : 1, sizeof *value_of);
    pdurep_tally **group = calloc(na ? na : 1, sizeof *group);
    long *attr_slot = calloc(na ? na : 1, sizeof *attr_slot);
    if (!slot_of || !filter_attr || !filter_value || !value_of || !group || !attr_slot)
        err = PDUREP_ERROR_NO_MEMORY;
    for (size_t q = 0; !err && q < nq; q++) {
        const pdurep_question *qu = &fw->questions[q];
        filter_attr[q] = qu->filter_attribute
                             ? pdurep_framework_attribute_index(fw, qu->filter_attribute) : -1;
        if (filter_attr[q] >= 0)
            while (filter_value[q] < fw->attributes[filter_attr[q]].n_values &&
                   strcmp(fw->attributes[filter_attr[q]].values[filter_value[q]],
                          qu->filter_value))
                filter_value[q]++;
    }
    const char **stored = NULL; /* one case's values, split */
    size_t n_stored = 0;
    char *values = NULL;
    size_t values_cap = 0;
    char *current = NULL; /* inspection whose answer slots are mapped */
    int rc = SQLITE_DONE, oom = 0;
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *from = pdurep_column_text(st, 2, &oom);
        const char *answer_codes = pdurep_column_text(st, 3, &oom);
        const char *attribute_codes = pdurep_column_text(st, 4, &oom);
        if (oom || !from) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        if (!current || strcmp(current, from)) {
            free(current);
            if (!(current = strdup(from)) || (err = map_slots(fw, answer_codes, slot_of))) {
                err = PDUREP_ERROR_NO_MEMORY;
                break;
            }
            /* The columns of the bundle are known only here; an inspection migrated without
             * them counts every question as collected. */
            if (source == SOURCE_INSPECTION && answer_codes && *answer_codes) {
                free(r->collected);
                if (!(r->collected = calloc(nq ? nq : 1, 1))) {
                    err = PDUREP_ERROR_NO_MEMORY;
                    break;
                }
                for (size_t q = 0; q < nq; q++)
                    r->collected[q] = slot_of[q] >= 0;
            }
            if ((err = map_attributes(db, fw, from, attribute_codes, attr_slot, &n_stored, diag)))
                break;
            const char **grown = realloc(stored, (n_stored ? n_stored : 1) * sizeof *stored);
            if (!grown) {
                err = PDUREP_ERROR_NO_MEMORY;
                break;
            }
            stored = grown;
            if ((source == SOURCE_POOL || source == SOURCE_MEMBERS) && (err = add_pdu(r, from)))
                break;
        }
        r->n_cases++;
        /* Split the stored values in place of a copy: the row's text is SQLite's. */
        const char *text = pdurep_column_text(st, 0, &oom);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        const char *ans = pdurep_column_text(st, 1, &oom);
        long alen = sqlite3_column_bytes(st, 1);
        if (oom) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        if (len + 1 > values_cap) {
            char *grown = realloc(values, 2 * (len + 1));
            if (!grown) {
                err = PDUREP_ERROR_NO_MEMORY;
                break;
            }
            values = grown;
            values_cap = 2 * (len + 1);
        }
        memcpy(values, text ? text : "", text ? len + 1 : 1);
        size_t got = 0;
        for (char *p = values; got < n_stored;) {
            stored[got++] = p;
            char *sep = strchr(p, PDUREP_ATTRIBUTE_SEPARATOR);
            if (!sep)
                break;
            *sep = '\0';
            p = sep + 1;
        }
        for (size_t a = 0; a < na; a++) {
            const char *v = (size_t)attr_slot[a] < got ? stored[attr_slot[a]] : "";
            const pdurep_attribute *at = &fw->attributes[a];
            size_t vi = 0;
            while (vi < at->n_values && strcmp(at->values[vi], v))
                vi++;
            if (vi == at->n_values) {
                pdurep_diag_add(diag, db->path, 0, 0, "a case of %s has %s \"%s\", which "
                                "framework %s does not list", from, at->code, v, fw->code);
                err = PDUREP_ERROR_DATA;
                break;
            }
            value_of[a] = vi;
            r->breakdowns[a].cases[vi]++;
            group[a] = r->breakdowns[a].tallies + vi * nq;
        }
        if (err)
            break;
        for (size_t q = 0; q < nq; q++) {
            long slot = slot_of[q];
            char answer = slot >= 0 && slot < alen ? ans[slot] : '-';
            /* A case outside a question's population (e.g. community for a licence-only
             * question) is not applicable to it. */
            if (filter_attr[q] >= 0 && value_of[filter_attr[q]] != filter_value[q])
                answer = '-';
            tally_add(&r->questions[q], answer);
            for (size_t a = 0; a < na; a++)
                tally_add(&group[a][q], answer);
        }
    }
    if (!err && rc != SQLITE_DONE)
        err = pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    free(current);
    free(group);
    free(value_of);
    free(attr_slot);
    free(stored);
    free(values);
    free(slot_of);
    free(filter_attr);
    free(filter_value);
    return err;
}

static pdurep_error read_judgements(pdurep_db *db, pdurep_ratings *r, pdurep_rating *judged,
                                    pdurep_diag *diag)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT standard, rating, rationale FROM judgement "
                                    "WHERE inspection = ?1", -1, &st, NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    pdurep_error err = PDUREP_OK;
    int oom = 0;
    int rc = sqlite3_bind_text(st, 1, r->inspection->id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = SQLITE_ROW;
    while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = pdurep_column_text(st, 0, &oom);
        const char *rating = pdurep_column_text(st, 1, &oom);
        const char *rationale = pdurep_column_text(st, 2, &oom);
        if (oom) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        long s = code ? pdurep_framework_standard_index(r->framework, code) : -1;
        if (s < 0)
            continue;
        char *copy = strdup(rationale ? rationale : "");
        if (!copy) {
            err = PDUREP_ERROR_NO_MEMORY;
            break;
        }
        judged[s] = pdurep_rating_parse(rating);
        free((char *)r->standards[s].rationale);
        r->standards[s].rationale = copy;
    }
    /* A judgement that could not be read must not leave its standard computed instead. */
    if (!err && rc != SQLITE_DONE)
        err = pdurep_db_fail(db, diag);
    sqlite3_finalize(st);
    return err;
}

static pdurep_error alloc_tallies(pdurep_ratings *r)
{
    const pdurep_framework *fw = r->framework;
    size_t nq = fw->n_questions, na = fw->n_attributes;
    if (!(r->questions = calloc(nq ? nq : 1, sizeof *r->questions)) ||
        !(r->breakdowns = calloc(na ? na : 1, sizeof *r->breakdowns)))
        return PDUREP_ERROR_NO_MEMORY;
    for (size_t a = 0; a < na; a++) {
        size_t nv = fw->attributes[a].n_values;
        r->breakdowns[a].attribute = &fw->attributes[a];
        if (!(r->breakdowns[a].cases = calloc(nv ? nv : 1, sizeof(unsigned long))) ||
            !(r->breakdowns[a].tallies = calloc(nv * nq + 1, sizeof(pdurep_tally))))
            return PDUREP_ERROR_NO_MEMORY;
    }
    return PDUREP_OK;
}

/* What every writer reads beside the tallies: each question's band, each attribute's
 * reference group. Worked out here once so that no writer decides them. */
static pdurep_error derive(pdurep_ratings *r)
{
    const pdurep_framework *fw = r->framework;
    if (!(r->bands = calloc(fw->n_questions ? fw->n_questions : 1, sizeof *r->bands)))
        return PDUREP_ERROR_NO_MEMORY;
    for (size_t q = 0; q < fw->n_questions; q++)
        r->bands[q] = pdurep_tally_relevant(r->questions[q])
                          ? pdurep_framework_band(fw, pdurep_tally_percent(r->questions[q]))
                          : NULL;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        pdurep_breakdown *b = &r->breakdowns[a];
        b->reference = -1;
        for (size_t v = 0; v < fw->attributes[a].n_values; v++)
            if (b->cases[v] > 0 && (b->reference < 0 || b->cases[v] > b->cases[b->reference]))
                b->reference = (long)v;
    }
    return PDUREP_OK;
}

pdurep_error pdurep_ratings_pool(pdurep_db *db, const char *framework, const char *region,
                                 pdurep_ratings **out, pdurep_diag *diag)
{
    *out = NULL;
    pdurep_ratings *r = calloc(1, sizeof *r);
    if (!r)
        return PDUREP_ERROR_NO_MEMORY;
    /* As for a region: the pool is chosen by rows that damage could change. */
    pdurep_error err = pdurep_checksum_verify_all(db, diag);
    if (!err)
        err = pdurep_db_load_framework(db, framework, &r->framework, diag);
    if (!err)
        err = alloc_tallies(r);
    if (!err)
        err = count_cases(db, r, SOURCE_POOL, region, diag);
    if (!err)
        err = derive(r);
    if (err) {
        pdurep_ratings_free(r);
        return err;
    }
    *out = r;
    return PDUREP_OK;
}

pdurep_error pdurep_ratings_pool_region(pdurep_db *db, const char *framework,
                                        const char *region_id, pdurep_ratings **out,
                                        pdurep_diag *diag)
{
    *out = NULL;
    pdurep_ratings *r = calloc(1, sizeof *r);
    if (!r)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = pdurep_db_load_framework(db, framework, &r->framework, diag);
    if (!err)
        err = alloc_tallies(r);
    if (!err)
        err = count_cases(db, r, SOURCE_MEMBERS, region_id, diag);
    if (err) {
        pdurep_ratings_free(r);
        return err;
    }
    *out = r;
    return PDUREP_OK;
}

pdurep_error pdurep_region_of_pdu(pdurep_db *db, const char *pdu_id, char **region_id,
                                  pdurep_diag *diag)
{
    *region_id = NULL;
    sqlite3_stmt *st;
    /* A PDU in several rounds' lists belongs, for comparison, to the latest of them. */
    if (sqlite3_prepare_v2(db->sql, "SELECT r.id FROM region_pdu m JOIN inspection r "
                                    "ON r.id = m.region WHERE m.pdu = ?1 "
                                    "ORDER BY r.fieldwork_start DESC, r.id LIMIT 1", -1, &st,
                           NULL) != SQLITE_OK)
        return pdurep_db_fail(db, diag);
    int rc = sqlite3_bind_text(st, 1, pdu_id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    pdurep_error err = PDUREP_OK;
    if (rc == SQLITE_ROW) {
        int oom = 0;
        const char *id = pdurep_column_text(st, 0, &oom);
        if (oom || !id || !(*region_id = strdup(id)))
            err = PDUREP_ERROR_NO_MEMORY;
    } else if (rc != SQLITE_DONE) {
        err = pdurep_db_fail(db, diag);
    }
    sqlite3_finalize(st);
    return err;
}

pdurep_error pdurep_ratings_compute(pdurep_db *db, const char *id, pdurep_ratings **out,
                                    pdurep_diag *diag)
{
    *out = NULL;
    pdurep_ratings *r = calloc(1, sizeof *r);
    if (!r)
        return PDUREP_ERROR_NO_MEMORY;
    pdurep_error err = pdurep_inspection_get(db, id, &r->inspection);
    if (err) {
        if (err == PDUREP_ERROR_NO_INPUT)
            pdurep_diag_add(diag, db->path, 0, 0, "no inspection \"%s\" (see pdurep list)", id);
        free(r);
        return err;
    }
    /* Damaged rows are refused before they are counted (checksums recorded at import). */
    err = pdurep_checksum_verify_inspection(db, id, diag);
    /* A region pools other inspections' cases: damage to any one row could move a PDU
     * in or out of the pool, so every inspection is verified. */
    if (!err && !strcmp(r->inspection->kind, "region"))
        err = pdurep_checksum_verify_all(db, diag);
    if (!err)
        err = pdurep_db_load_framework(db, r->inspection->framework, &r->framework, diag);
    if (err) {
        pdurep_ratings_free(r);
        return err;
    }
    const pdurep_framework *fw = r->framework;
    pdurep_rating *judged = NULL;
    if ((err = alloc_tallies(r)))
        goto fail;
    r->standards = calloc(fw->n_standards ? fw->n_standards : 1, sizeof *r->standards);
    judged = malloc((fw->n_standards ? fw->n_standards : 1) * sizeof *judged);
    if (!r->standards || !judged) {
        err = PDUREP_ERROR_NO_MEMORY;
        goto fail;
    }
    for (size_t s = 0; s < fw->n_standards; s++) {
        r->standards[s].standard = &fw->standards[s];
        r->standards[s].driver = -1;
        r->standards[s].computed_rating = PDUREP_RATING_NONE;
        judged[s] = PDUREP_RATING_NONE;
        if (!(r->standards[s].rationale = strdup(""))) {
            err = PDUREP_ERROR_NO_MEMORY;
            goto fail;
        }
    }

    case_source source = strcmp(r->inspection->kind, "region") ? SOURCE_INSPECTION : SOURCE_REGION;
    if ((err = count_cases(db, r, source, source == SOURCE_REGION ? r->inspection->id : NULL,
                           diag)) ||
        (err = read_judgements(db, r, judged, diag)) || (err = derive(r)))
        goto fail;

    for (size_t s = 0; s < fw->n_standards; s++) {
        const pdurep_standard *sd = &fw->standards[s];
        pdurep_standard_result *res = &r->standards[s];
        if (sd->rated_by == PDUREP_RATED_BY_CASES) {
            long driver = -1;
            for (size_t k = 0; k < sd->n_key_questions; k++) {
                size_t q = sd->key_questions[k];
                if (pdurep_tally_relevant(r->questions[q]) == 0)
                    continue; /* a question no case answered cannot drive a rating */
                if (driver < 0 || lower(r->questions[q], r->questions[driver]))
                    driver = (long)q;
            }
            if (driver < 0) {
                pdurep_diag_add(diag, NULL, 0, 0, "standard %s: no case is relevant to any of "
                                "its key questions, so it cannot be rated", sd->code);
                err = PDUREP_ERROR_DATA;
                goto fail;
            }
            res->driver = driver;
            res->band = pdurep_framework_band(fw, pdurep_tally_percent(r->questions[driver]));
            if (!res->band) {
                pdurep_diag_add(diag, NULL, 0, 0, "framework %s has no band for %.3f%%",
                                fw->code, pdurep_tally_percent(r->questions[driver]));
                err = PDUREP_ERROR_DATA;
                goto fail;
            }
            res->computed_rating = res->band->rating;
            res->rating = judged[s] != PDUREP_RATING_NONE ? judged[s] : res->computed_rating;
            res->overridden = res->rating != res->computed_rating;
        } else {
            if (judged[s] == PDUREP_RATING_NONE) {
                pdurep_diag_add(diag, NULL, 0, 0, "standard %s %s has no judgement", sd->code,
                                sd->name);
                err = PDUREP_ERROR_DATA;
                goto fail;
            }
            res->rating = judged[s];
        }
        res->points = fw->points[res->rating];
        r->score += res->points;
    }
    r->max_score = pdurep_framework_max_score(fw);
    r->overall = pdurep_framework_overall(fw, r->score);
    if (r->overall == PDUREP_RATING_NONE) {
        pdurep_diag_add(diag, NULL, 0, 0, "framework %s has no overall band for score %d",
                        fw->code, r->score);
        err = PDUREP_ERROR_DATA;
        goto fail;
    }
    free(judged);
    *out = r;
    return PDUREP_OK;
fail:
    free(judged);
    pdurep_ratings_free(r);
    return err;
}

char *pdurep_standard_reason(const pdurep_ratings *r, size_t s)
{
    const pdurep_standard_result *res = &r->standards[s];
    const pdurep_framework *fw = r->framework;
    if (res->driver < 0)
        return *res->rationale
                   ? pdurep_asprintf("inspectors' judgement: %s (%s)",
                                     pdurep_rating_name(res->rating), res->rationale)
                   : pdurep_asprintf("inspectors' judgement: %s", pdurep_rating_name(res->rating));
    const pdurep_question *q = &fw->questions[res->driver];
    pdurep_tally t = r->questions[res->driver];
    size_t b = (size_t)(res->band - fw->bands);
    char range[64];
    if (b == 0)
        snprintf(range, sizeof range, "%g%% and over", res->band->min_percent);
    else
        snprintf(range, sizeof range, "%g%% to under %g%%", res->band->min_percent,
                 fw->bands[b - 1].min_percent);
    char *base = pdurep_asprintf(
        "lowest key question %s: %lu of %lu relevant cases (%.1f%%) is in band %s (%s), "
        "which gives %s", q->code, t.yes, pdurep_tally_relevant(t), pdurep_tally_percent(t),
        res->band->name, range, pdurep_rating_name(res->computed_rating));
    if (!base || !res->overridden)
        return base;
    char *full = pdurep_asprintf("%s; the ratings panel set %s instead: %s", base,
                                 pdurep_rating_name(res->rating), res->rationale);
    free(base);
    return full;
}
