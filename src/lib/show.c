/* JSON of `pdurep show` and `pdurep list`: what an inspection is and where its data came from. */
#include "pdurep/inspection.h"
#include "pdurep/lifecycle.h"
#include "pdurep/provenance.h"
#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *facts(const pdurep_inspection *in)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(in->id));
    json_object_set_new(o, "kind", json_string(in->kind));
    json_object_set_new(o, "name", json_string(in->name));
    json_object_set_new(o, "region", json_string(in->region));
    json_object_set_new(o, "framework", json_string(in->framework));
    json_object_set_new(o, "fieldwork_start", json_string(in->fieldwork_start));
    json_object_set_new(o, "published", json_string(in->published));
    json_object_set_new(o, "cases", json_integer(in->n_cases));
    json_object_set_new(o, "bundle_sha256", json_string(in->bundle_sha256));
    json_object_set_new(o, "imported_at", json_string(in->imported_at));
    return o;
}

static char *dump(json_t *root, int flags)
{
    char *s = json_dumps(root, JSON_PRESERVE_ORDER |
                                   ((flags & PDUREP_SHOW_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT));
    json_decref(root);
    return s ? s : pdurep_xstrdup("null");
}

char *pdurep_inspection_list_json(const pdurep_inspection *list, size_t n, int flags)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, facts(&list[i]));
    return dump(a, flags);
}

static json_t *id_array(char **ids, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(ids[i]));
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
    if (err) {
        pdurep_inspection_free(in);
        pdurep_provenance_free(p);
        return err;
    }
    json_t *o = facts(in);
    json_object_set_new(o, "lead_inspector", json_string(in->lead_inspector));
    json_object_set_new(o, "inspectorate", json_string(in->inspectorate));
    json_object_set_new(o, "caseload", in->caseload >= 0 ? json_integer(in->caseload)
                                                         : json_null());
    if (region) {
        json_t *pdus = json_array();
        for (size_t i = 0; i < n_round; i++) {
            pdurep_inspection *m = NULL;
            int present = pdurep_inspection_get(db, round[i], &m) == PDUREP_OK;
            json_t *e = json_object();
            json_object_set_new(e, "id", json_string(round[i]));
            json_object_set_new(e, "present", json_boolean(present));
            if (present) {
                json_object_set_new(e, "name", json_string(m->name));
                json_object_set_new(e, "fieldwork_start", json_string(m->fieldwork_start));
            }
            pdurep_inspection_free(m);
            json_array_append_new(pdus, e);
        }
        json_object_set_new(o, "pdus", pdus);
    } else {
        json_object_set_new(o, "listed_by", id_array(round, n_round));
    }
    json_object_set_new(o, "pdurep_version", json_string(p->version));
    json_t *files = json_array();
    for (size_t i = 0; i < p->n_files; i++) {
        json_t *f = json_object();
        json_object_set_new(f, "name", json_string(p->files[i].name));
        json_object_set_new(f, "sha256", json_string(p->files[i].sha256));
        json_object_set_new(f, "bytes", json_integer(p->files[i].size));
        json_array_append_new(files, f);
    }
    json_object_set_new(o, "files", files);
    json_t *history = json_array();
    for (size_t i = 0; i < p->n_history; i++) {
        json_t *e = json_object();
        json_object_set_new(e, "event", json_string(p->history[i].event));
        json_object_set_new(e, "at", json_string(p->history[i].at));
        json_object_set_new(e, "pdurep_version", json_string(p->history[i].version));
        json_object_set_new(e, "bundle_sha256", json_string(p->history[i].sha256));
        json_array_append_new(history, e);
    }
    json_object_set_new(o, "history", history);
    *out = dump(o, flags);
    pdurep_id_list_free(round, n_round);
    pdurep_inspection_free(in);
    pdurep_provenance_free(p);
    return PDUREP_OK;
}
