/*
 * Internal: a column's text, told apart from running out of memory. SQLite
 * returns NULL both for an SQL NULL and when it cannot allocate the text;
 * only the connection's error code says which, and a module that read NULL
 * as "no value" would print a blank where the data has a name.
 */
#ifndef PDUREP_SQLTEXT_H
#define PDUREP_SQLTEXT_H

#include <sqlite3.h>

/**
 * Column @p col of the current row as text, as sqlite3_column_text() gives it;
 * when that is NULL because SQLite ran out of memory, *oom is set to 1 (it is
 * never cleared, so one flag can collect a whole row).
 */
static inline const char *pdurep_column_text(sqlite3_stmt *st, int col, int *oom)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    if (!t && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM)
        *oom = 1;
    return (const char *)t;
}

#endif
