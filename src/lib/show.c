/* JSON of `pdurep show` and `pdurep list`: what an inspection is and where its data came from. */
#include "pdurep/inspection.h"
#include "pdurep/lifecycle.h"
#include "pdurep/provenance.h"

#include "jsonout.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *facts(const pdurep_inspection *in, int *bad)
{
    json_t *o = json_object();
    if (!o) {
        *bad = 1;
        return NULL;
    }
    pdurep_json_set(o, "id", json_string(in->id), bad);
    pdurep_json_set(o, "kind", json_string(in->kind), bad);
    pdurep_json_set(o, "name", json_string(in->name), bad);
    pdurep_json_set(o, "region", json_string(in->region), bad);
    pdurep_json_set(o, "framework", json_string(in->framework), bad);
    pdurep_json_set(o, "fieldwork_start", json_string(in->fieldwork_start), bad);
    pdurep_json_set(o, "published", json_string(in->published), bad);
    pdurep_json_set(o, "cases", json_integer(in->n_cases), bad);
    pdurep_json_set(o, "bundle_sha256", json_string(in->bundle_sha256), bad);
    pdurep_json_set(o, "imported_at", json_string(in->imported_at), bad);
    return o;
}

/* The text of @p root (taken), or NULL when any part of it could not be made. */
static char *dump(json_t *root, int flags, int bad)
{
    char *s = root && !bad ? json_dumps(root, JSON_PRESERVE_ORDER |
                                                  ((flags & PDUREP_SHOW_PRETTY) ? JSON_INDENT(2)
                                                                                : JSON_COMPACT))
                           : NULL;
    json_decref(root);
    return s;
}

char *pdurep_inspection_list_json(const pdurep_inspection *list, size_t n, int flags)
{
    int bad = 0;
    json_t *a = json_array();
    for (size_t i = 0; a && !bad && i < n; i++)
        pdurep_json_append(a, facts(&list[i], &bad), &bad);
    return dump(a, flags, bad);
}

static json_t *id_array(char **ids, size_t n, int *bad)
{
    json_t *a = json_array();
    if (!a)
        *bad = 1;
    for (size_t i = 0; a && i < n; i++)
        pdurep_json_append(a, json_string(ids[i]), bad);
    return a;
}

pdurep_error pdurep_inspection_show_json(pdurep_db *db, const char *id, int flags, char **out,
                                         pdurep_diag *diag)
{
    *out = NULL;
    pdurep_inspection *in = NULL;
    pdurep_error err = pdurep_inspection_get(db, id, &in);
    if (err) {
        if (err == PDUREP_ERROR_NO_INPUT)
            pdurep_diag_add(diag, pdurep_db_path(db), 0, 0, "no inspection \"%s\" (see pdurep "
                            "list)", id);
        return err;
    }
    pdurep_provenance *p = NULL;
    char **round = NULL;
    size_t n_round = 0;
    int region = !strcmp(in->kind, "region");
    err = pdurep_provenance_get(db, id, &p, diag);
    if (!err)
        err = region ? pdurep_region_members(db, id, &round, &n_round, diag)
                     : pdurep_regions_listing(db, id, &round, &n_round, diag);
    int bad = 0;
    json_t *o = err ? NULL : facts(in, &bad);
    if (o) {
        pdurep_json_set(o, "lead_inspector", json_string(in->lead_inspector), &bad);
        pdurep_json_set(o, "inspectorate", json_string(in->inspectorate), &bad);
        pdurep_json_set(o, "caseload", in->caseload >= 0 ? json_integer(in->caseload) : json_null(), &bad);
    }
    if (o && region) {
        json_t *pdus = json_array();
        for (size_t i = 0; pdus && !err && i < n_round; i++) {
            pdurep_inspection *m = NULL;
            pdurep_error e = pdurep_inspection_get(db, round[i], &m);
            /* Absent is an answer; failing to ask is not. */
            if (e && e != PDUREP_ERROR_NO_INPUT) {
                err = e;
                break;
            }
            json_t *entry = json_object();
            if (entry) {
                pdurep_json_set(entry, "id", json_string(round[i]), &bad);
                pdurep_json_set(entry, "present", json_boolean(m != NULL), &bad);
                if (m) {
                    pdurep_json_set(entry, "name", json_string(m->name), &bad);
                    pdurep_json_set(entry, "fieldwork_start", json_string(m->fieldwork_start), &bad);
                }
            }
            pdurep_inspection_free(m);
            pdurep_json_append(pdus, entry, &bad);
        }
        pdurep_json_set(o, "pdus", pdus, &bad);
    } else if (o) {
        pdurep_json_set(o, "listed_by", id_array(round, n_round, &bad), &bad);
    }
    if (o && !err) {
        pdurep_json_set(o, "pdurep_version", json_string(p->version), &bad);
        json_t *files = json_array();
        for (size_t i = 0; files && i < p->n_files; i++) {
            json_t *f = json_object();
            if (f) {
                pdurep_json_set(f, "name", json_string(p->files[i].name), &bad);
                pdurep_json_set(f, "sha256", json_string(p->files[i].sha256), &bad);
                pdurep_json_set(f, "bytes", json_integer(p->files[i].size), &bad);
            }
            pdurep_json_append(files, f, &bad);
        }
        pdurep_json_set(o, "files", files, &bad);
        json_t *history = json_array();
        for (size_t i = 0; history && i < p->n_history; i++) {
            json_t *e = json_object();
            if (e) {
                pdurep_json_set(e, "event", json_string(p->history[i].event), &bad);
                pdurep_json_set(e, "at", json_string(p->history[i].at), &bad);
                pdurep_json_set(e, "pdurep_version", json_string(p->history[i].version), &bad);
                pdurep_json_set(e, "bundle_sha256", json_string(p->history[i].sha256), &bad);
            }
            pdurep_json_append(history, e, &bad);
        }
        pdurep_json_set(o, "history", history, &bad);
    }
    if (!err && !(*out = dump(o, flags, bad || !o)))
        err = PDUREP_ERROR_NO_MEMORY;
    else if (err)
        json_decref(o);
    pdurep_id_list_free(round, n_round);
    pdurep_inspection_free(in);
    pdurep_provenance_free(p);
    return err;
}
