/*
 * The database schema as a list of forward migrations. Never edit a step that
 * has shipped: append a new one, so databases made by older builds upgrade.
 */
#include "schema.h"
#include "pdurep/db.h"
#include "util.h"
#include "sbuf.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

const char *const pdurep_migrations[] = {
    /* 0 -> 1: frameworks, inspections, judgements, cases. */
    "CREATE TABLE framework ("
    "  code TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('pdu', 'region')),"
    "  band_on_rounded INTEGER NOT NULL CHECK (band_on_rounded IN (0, 1)),"
    "  provisional INTEGER NOT NULL CHECK (provisional IN (0, 1))"
    ") STRICT;"
    "CREATE TABLE framework_standard ("
    "  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  code TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  statement TEXT NOT NULL,"
    "  domain INTEGER NOT NULL,"
    "  domain_name TEXT NOT NULL,"
    "  rated_by TEXT NOT NULL CHECK (rated_by IN ('judgement', 'cases')),"
    "  PRIMARY KEY (framework, code)"
    ") STRICT;"
    "CREATE TABLE framework_question ("
    "  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  code TEXT NOT NULL,"
    "  standard TEXT NOT NULL,"
    "  parent TEXT,"
    "  text TEXT NOT NULL,"
    "  paraphrased INTEGER NOT NULL CHECK (paraphrased IN (0, 1)),"
    "  pooled_from TEXT,"
    "  filter_attribute TEXT,"
    "  filter_value TEXT,"
    "  PRIMARY KEY (framework, code)"
    ") STRICT;"
    "CREATE TABLE framework_band ("
    "  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,"
    "  min_percent REAL NOT NULL,"
    "  name TEXT NOT NULL,"
    "  rating TEXT NOT NULL,"
    "  PRIMARY KEY (framework, min_percent)"
    ") STRICT;"
    "CREATE TABLE framework_points ("
    "  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,"
    "  rating TEXT NOT NULL,"
    "  points INTEGER NOT NULL,"
    "  PRIMARY KEY (framework, rating)"
    ") STRICT;"
    "CREATE TABLE framework_overall ("
    "  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,"
    "  min_score INTEGER NOT NULL,"
    "  max_score INTEGER NOT NULL,"
    "  rating TEXT NOT NULL,"
    "  PRIMARY KEY (framework, min_score)"
    ") STRICT;"
    "CREATE TABLE framework_attribute ("
    "  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  attribute TEXT NOT NULL,"
    "  attribute_label TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (framework, attribute, value)"
    ") STRICT;"
    "CREATE TABLE inspection ("
    "  id TEXT PRIMARY KEY,"
    "  kind TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  region TEXT NOT NULL DEFAULT '',"
    "  framework TEXT NOT NULL REFERENCES framework(code),"
    "  fieldwork_start TEXT NOT NULL,"
    "  published TEXT NOT NULL DEFAULT '',"
    "  lead_inspector TEXT NOT NULL DEFAULT '',"
    "  inspectorate TEXT NOT NULL DEFAULT '',"
    "  caseload INTEGER,"
    /* Question codes in the order of each case's answers string (see inspection_case). */
    "  answer_codes TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE TABLE judgement ("
    "  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  standard TEXT NOT NULL,"
    "  rating TEXT NOT NULL,"
    "  rationale TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (inspection, standard)"
    ") STRICT;"
    /*
     * One row per case. Answers are one character per question ('Y', 'N', '-'
     * for not applicable) in the order of inspection.answer_codes: 100,000
     * cases import and rate in well under a second this way, where a row per
     * answer costs forty times the rows.
     */
    "CREATE TABLE inspection_case ("
    "  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  case_id TEXT NOT NULL,"
    "  sentence_type TEXT NOT NULL,"
    "  rosh TEXT NOT NULL,"
    "  gender TEXT NOT NULL,"
    "  ethnicity TEXT NOT NULL,"
    "  probation_reset TEXT NOT NULL,"
    "  answers TEXT NOT NULL,"
    "  PRIMARY KEY (inspection, case_id)"
    ") STRICT;",

    /* 1 -> 2: the inspectors' prose of a report, one row per narrative.txt section. */
    "CREATE TABLE narrative ("
    "  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  section TEXT NOT NULL,"
    "  line INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  PRIMARY KEY (inspection, section)"
    ") STRICT;",

    /*
     * 2 -> 3: a narrative per language (narrative.txt is English, narrative.cy.txt
     * Welsh...). The key gains the language, which SQLite can only do by copying
     * the table; existing rows are English.
     */
    "CREATE TABLE narrative_by_lang ("
    "  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  lang TEXT NOT NULL DEFAULT 'en',"
    "  position INTEGER NOT NULL,"
    "  section TEXT NOT NULL,"
    "  line INTEGER NOT NULL,"
    "  body TEXT NOT NULL,"
    "  PRIMARY KEY (inspection, lang, section)"
    ") STRICT;"
    "INSERT INTO narrative_by_lang(inspection, lang, position, section, line, body)"
    "  SELECT inspection, 'en', position, section, line, body FROM narrative;"
    "DROP TABLE narrative;"
    "ALTER TABLE narrative_by_lang RENAME TO narrative;",

    /*
     * 3 -> 4: data over years.
     * - Rounds: a region lists the PDU inspections it pools (region_pdu); the PDU
     *   side has no foreign key, so a listed PDU may be imported after its region.
     *   Existing regions keep the PDUs they pooled by name until now.
     * - Provenance: the bundle's files byte for byte, their hashes, and a history
     *   that has no foreign key so it outlives --replace.
     * - Case attributes become data: one text column of values in the order of
     *   inspection.attribute_codes (copied from the old columns by
     *   pdurep_migrate_attributes()).
     */
    "CREATE TABLE region_pdu ("
    "  region TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  pdu TEXT NOT NULL,"
    "  PRIMARY KEY (region, pdu)"
    ") STRICT;"
    "INSERT INTO region_pdu(region, position, pdu)"
    "  SELECT r.id, row_number() OVER (PARTITION BY r.id ORDER BY p.id) - 1, p.id"
    "  FROM inspection r JOIN inspection p ON p.kind = 'pdu' AND p.region = r.region"
    "  WHERE r.kind = 'region';"
    "ALTER TABLE inspection ADD COLUMN attribute_codes TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE inspection ADD COLUMN imported_at TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE inspection ADD COLUMN pdurep_version TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE inspection ADD COLUMN bundle_sha256 TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE bundle_file ("
    "  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  content BLOB NOT NULL,"
    "  PRIMARY KEY (inspection, name)"
    ") STRICT;"
    "CREATE TABLE import_history ("
    "  inspection TEXT NOT NULL,"
    "  seq INTEGER NOT NULL,"
    "  event TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  pdurep_version TEXT NOT NULL,"
    "  bundle_sha256 TEXT NOT NULL,"
    "  PRIMARY KEY (inspection, seq)"
    ") STRICT;"
    "CREATE TABLE case_by_attributes ("
    "  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,"
    "  case_id TEXT NOT NULL,"
    "  attributes TEXT NOT NULL,"
    "  answers TEXT NOT NULL,"
    "  PRIMARY KEY (inspection, case_id)"
    ") STRICT;",

    /*
     * 4 -> 5: a SHA-256 of each inspection's and each framework's rows (see
     * pdurep/check.h), so damage shows as a refusal, never as other figures.
     * No foreign key: a checksum must outlive damage to what it describes.
     * Filled by pdurep_db_open() for the rows already there.
     */
    "CREATE TABLE IF NOT EXISTS checksum ("
    "  owner TEXT NOT NULL CHECK (owner IN ('inspection', 'framework')),"
    "  id TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  PRIMARY KEY (owner, id)"
    ") STRICT;",
};

/*
 * The case table of versions 1 to 3 had one column per attribute of the one
 * framework there was. Their names are read from the table itself, so no
 * attribute is named in C, and joined into the attributes column.
 */
static pdurep_error migrate_attributes(sqlite3 *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(sql, "SELECT name FROM pragma_table_info('inspection_case') "
                                "ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
        return PDUREP_ERROR_DATABASE;
    pdurep_sbuf concat = {0}, codes = {0};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(st, 0);
        if (!col) {
            rc = SQLITE_NOMEM;
            break;
        }
        if (!strcmp(col, "inspection") || !strcmp(col, "case_id") || !strcmp(col, "answers"))
            continue;
        pdurep_sbuf_puts(&concat, concat.len ? " || char(9) || \"" : "\"");
        pdurep_sbuf_puts(&concat, col);
        pdurep_sbuf_puts(&concat, "\"");
        if (codes.len)
            pdurep_sbuf_puts(&codes, ",");
        pdurep_sbuf_puts(&codes, col);
    }
    sqlite3_finalize(st);
    pdurep_error err = rc == SQLITE_NOMEM ? PDUREP_ERROR_NO_MEMORY
                       : rc != SQLITE_DONE ? PDUREP_ERROR_DATABASE : PDUREP_OK;
    char *columns = pdurep_sbuf_take(&concat), *code_list = pdurep_sbuf_take(&codes);
    char *sql_text = NULL;
    if (!err && (!columns || !code_list ||
                 !(sql_text = pdurep_asprintf(
                       "INSERT INTO case_by_attributes(inspection, case_id, attributes, answers) "
                       "SELECT inspection, case_id, %s, answers FROM inspection_case;"
                       "UPDATE inspection SET attribute_codes = %s WHERE kind = 'pdu';"
                       "DROP TABLE inspection_case;"
                       "ALTER TABLE case_by_attributes RENAME TO inspection_case;",
                       *columns ? columns : "''", "?"))))
        err = PDUREP_ERROR_NO_MEMORY;
    /* The codes go in as a bound value; the rest of the text is fixed above. */
    const char *tail = sql_text;
    while (!err && tail && *tail) {
        if (sqlite3_prepare_v2(sql, tail, -1, &st, &tail) != SQLITE_OK) {
            err = PDUREP_ERROR_DATABASE;
            break;
        }
        if (!st)
            continue;
        if ((sqlite3_bind_parameter_count(st) &&
             sqlite3_bind_text(st, 1, code_list, -1, SQLITE_STATIC) != SQLITE_OK) ||
            sqlite3_step(st) != SQLITE_DONE)
            err = PDUREP_ERROR_DATABASE;
        sqlite3_finalize(st);
    }
    free(sql_text);
    free(columns);
    free(code_list);
    return err;
}

pdurep_error pdurep_migration_code(sqlite3 *sql, int to_version)
{
    return to_version == 4 ? migrate_attributes(sql) : PDUREP_OK;
}

const int pdurep_n_migrations = (int)(sizeof pdurep_migrations / sizeof pdurep_migrations[0]);

_Static_assert(sizeof pdurep_migrations / sizeof pdurep_migrations[0] == PDUREP_SCHEMA_VERSION,
               "PDUREP_SCHEMA_VERSION must equal the number of migrations");
