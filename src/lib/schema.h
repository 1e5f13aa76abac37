/* Internal: the schema migrations, one entry per user_version step. */
#ifndef PDUREP_SCHEMA_H
#define PDUREP_SCHEMA_H

/** migrations[i] brings a database from user_version i to i + 1. */
extern const char *const pdurep_migrations[];
extern const int pdurep_n_migrations;

#include "pdurep/error.h"

/**
 * Steps that SQL alone cannot express, run after migrations[to_version - 1] in
 * the same transaction. Returns ::PDUREP_OK, ::PDUREP_ERROR_DATABASE with
 * SQLite's error set, or ::PDUREP_ERROR_NO_MEMORY when its own allocation failed.
 */
struct sqlite3;
pdurep_error pdurep_migration_code(struct sqlite3 *sql, int to_version);

/** Number of the migration that creates the checksum table (the schema version it makes). */
#define PDUREP_MIGRATION_CHECKSUM 5

#endif
