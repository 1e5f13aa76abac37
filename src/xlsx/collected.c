/*
 * Which questions the inspection collected: the columns its bundle's
 * cases.csv had. A prompt with no column was never asked, and its tally
 * (every case "not applicable") would read like data, so the sheets show
 * [x] for it instead.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

pdurep_error annexe_collected_load(annexe_ctx *c)
{
    const pdurep_framework *fw = c->r->framework;
    /* Without a database (unit tests) or for a region (it pools, it has no columns), all count as collected. */
    if (!c->db || strcmp(c->r->inspection->kind, "pdu") != 0 || !fw->n_questions)
        return PDUREP_OK;
    sqlite3 *db = pdurep_db_sqlite(c->db);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT answer_codes FROM inspection WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK) {
        pdurep_diag_add(c->diag, NULL, 0, 0, "database: %s", sqlite3_errmsg(db));
        return PDUREP_ERROR_DATABASE;
    }
    sqlite3_bind_text(st, 1, c->r->inspection->id, -1, SQLITE_STATIC);
    pdurep_error err = PDUREP_OK;
    const char *codes = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    if (codes && *codes) {
        c->collected = calloc(fw->n_questions, 1);
        if (!c->collected) {
            err = PDUREP_ERROR_NO_MEMORY;
        } else {
            for (const char *p = codes; *p;) {
                size_t len = strcspn(p, ",");
                for (size_t q = 0; q < fw->n_questions; q++)
                    if (strlen(fw->questions[q].code) == len && !strncmp(fw->questions[q].code, p, len))
                        c->collected[q] = 1;
                p += len;
                if (*p == ',')
                    p++;
            }
        }
    }
    sqlite3_finalize(st);
    return err;
}
