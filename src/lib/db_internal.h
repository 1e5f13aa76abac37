/* Internal: what library modules may know about an open database. */
#ifndef PDUREP_DB_INTERNAL_H
#define PDUREP_DB_INTERNAL_H

#include <sqlite3.h>
#include "pdurep/db.h"

/** Prepared statements of the checksum code (checksum.c), made on first use. */
typedef struct pdurep_checksum_cache pdurep_checksum_cache;

struct pdurep_db {
    sqlite3 *sql;
    char *path;
    pdurep_checksum_cache *checksums;
};

/** Finalize the checksum statements of @p db; done before the connection closes. */
void pdurep_checksum_cache_free(pdurep_db *db);

/** Listen to SQLite's log for failed allocations (pdurep_db_memory_failed()); before the
 *  first open, as SQLite takes a logger only then. */
void pdurep_db_watch_memory(void);

/** Record SQLite's last error message in @p diag and return the matching error. */
pdurep_error pdurep_db_fail(pdurep_db *db, pdurep_diag *diag);

/** Run one statement with @p n_text texts bound to ?1, ?2, ...; a failure is recorded as pdurep_db_fail() does. */
pdurep_error pdurep_db_exec(pdurep_db *db, const char *sql, const char *const *text, int n_text,
                            pdurep_diag *diag);

/** 1 if the database holds the inspection @p id, 0 if not, -1 when it cannot be asked (out
 *  of memory, say: the fault run found import reading that as "absent"). */
int pdurep_db_has_inspection(pdurep_db *db, const char *id);

#endif
