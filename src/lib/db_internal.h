/* Internal: what library modules may know about an open database. */
#ifndef PDUREP_DB_INTERNAL_H
#define PDUREP_DB_INTERNAL_H

#include <sqlite3.h>
#include "pdurep/db.h"

struct pdurep_db {
    sqlite3 *sql;
    char *path;
};

/** Record SQLite's last error message in @p diag and return the matching error. */
pdurep_error pdurep_db_fail(pdurep_db *db, pdurep_diag *diag);

#endif
