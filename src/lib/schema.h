/* Internal: the schema migrations, one entry per user_version step. */
#ifndef PDUREP_SCHEMA_H
#define PDUREP_SCHEMA_H

/** migrations[i] brings a database from user_version i to i + 1. */
extern const char *const pdurep_migrations[];
extern const int pdurep_n_migrations;

/** Number of the migration that creates the checksum table (the schema version it makes). */
#define PDUREP_MIGRATION_CHECKSUM 4

#endif
