/** The DuckDB schema of DESIGN.md, created in this one place. */

/** An observation's qualifier: exact, more than (`>`), about (`~`). */
const QUALIFIERS = ['', '>', '~'] as const;
const QUALIFIER_LIST = QUALIFIERS.map((q) => `'${q}'`).join(', ');

/**
 * Rows (`unit, period, indicator, value, qualifier, source, note`) that the observations table would
 * refuse: a NULL anywhere or an unknown qualifier — its constraints, as a filter.
 */
export const REFUSED_OBSERVATION = `unit IS NULL OR period IS NULL OR indicator IS NULL OR value IS NULL
	OR qualifier IS NULL OR source IS NULL OR note IS NULL OR qualifier NOT IN (${QUALIFIER_LIST})`;

export const SCHEMA: string[] = [
	`CREATE TABLE IF NOT EXISTS indicators (
		code VARCHAR PRIMARY KEY,
		name_vi VARCHAR NOT NULL,
		name_en VARCHAR NOT NULL,
		unit VARCHAR NOT NULL,
		kind VARCHAR NOT NULL CHECK (kind IN ('raw', 'derived')),
		formula VARCHAR NOT NULL DEFAULT '',
		aggregation VARCHAR NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'mean', 'median', 'latest', 'none')),
		higher_is_better BOOLEAN,
		"group" VARCHAR NOT NULL DEFAULT '',
		categories VARCHAR[] NOT NULL DEFAULT [],
		notes_vi VARCHAR NOT NULL DEFAULT '',
		notes_en VARCHAR NOT NULL DEFAULT ''
	)`,
	`CREATE TABLE IF NOT EXISTS units (
		-- Codes are reused across 1 July 2025: a unit is its code and validity (checked on import).
		code VARCHAR NOT NULL,
		name VARCHAR NOT NULL,
		kind VARCHAR NOT NULL,
		parent VARCHAR NOT NULL DEFAULT '',
		valid_from DATE,
		valid_to DATE,
		successor VARCHAR NOT NULL DEFAULT '',
		aliases VARCHAR[] NOT NULL DEFAULT []
	)`,
	`CREATE TABLE IF NOT EXISTS imports (
		id INTEGER PRIMARY KEY,
		file VARCHAR NOT NULL,
		"at" TIMESTAMP NOT NULL, -- UTC (read back with its Z by Store.imports)
		rows INTEGER NOT NULL,
		status VARCHAR NOT NULL CHECK (status IN ('committed', 'undone'))
	)`,
	// (unit, period, indicator) is unique: the importer de-duplicates and commit replaces by key.
	// No PRIMARY KEY index: bulk loads stay fast and replace-in-one-transaction stays simple.
	`CREATE TABLE IF NOT EXISTS observations (
		unit VARCHAR NOT NULL,
		period VARCHAR NOT NULL,
		indicator VARCHAR NOT NULL,
		value DOUBLE NOT NULL,
		qualifier VARCHAR NOT NULL DEFAULT '' CHECK (qualifier IN (${QUALIFIER_LIST})),
		source VARCHAR NOT NULL DEFAULT '',
		note VARCHAR NOT NULL DEFAULT '',
		import_id INTEGER NOT NULL
	)`,
	// What each import replaced, so that undo restores it exactly.
	`CREATE TABLE IF NOT EXISTS replaced (
		import_id INTEGER NOT NULL,
		unit VARCHAR NOT NULL,
		period VARCHAR NOT NULL,
		indicator VARCHAR NOT NULL,
		existed BOOLEAN NOT NULL,
		value DOUBLE,
		qualifier VARCHAR,
		source VARCHAR,
		note VARCHAR,
		prev_import_id INTEGER
	)`
];
