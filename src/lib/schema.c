/*
 * The database schema as a list of forward migrations. Never edit a step that
 * has shipped: append a new one, so databases made by older builds upgrade.
 */
#include "schema.h"
#include "pdurep/db.h"

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
     * 3 -> 4: a SHA-256 of each inspection's and each framework's rows (see
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

const int pdurep_n_migrations = (int)(sizeof pdurep_migrations / sizeof pdurep_migrations[0]);

_Static_assert(sizeof pdurep_migrations / sizeof pdurep_migrations[0] == PDUREP_SCHEMA_VERSION,
               "PDUREP_SCHEMA_VERSION must equal the number of migrations");
