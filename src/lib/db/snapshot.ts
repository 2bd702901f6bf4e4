/**
 * A snapshot of the store: every table as CSV bytes (DuckDB's own COPY), so that the data survives a
 * reload, and reading one back. Lists are written `|`-joined so that they read back exactly. The Store
 * runs these inside its queue (and, for a restore, inside one transaction).
 */
import type { Engine } from './engine';
import { sqlLiteral } from './literal';
import { LOCAL_CODES } from '$lib/model/registry';

export interface Snapshot {
	version: number;
	tables: Record<string, Uint8Array>;
}

/** 2: the dictionary's notes in two languages (`notes_vi`, `notes_en`); 1 had one `notes`. */
export const SNAPSHOT_VERSION = 2;
const SNAPSHOT_SELECT: Record<string, string> = {
	indicators: `SELECT * REPLACE (array_to_string(categories, '|') AS categories) FROM indicators`,
	units: `SELECT * REPLACE (array_to_string(aliases, '|') AS aliases) FROM units`,
	imports: 'SELECT * FROM imports',
	observations: 'SELECT * FROM observations',
	replaced: 'SELECT * FROM replaced'
};
/** Every table a snapshot holds. */
export const SNAPSHOT_TABLES = Object.keys(SNAPSHOT_SELECT);
/** Columns read back from all-VARCHAR CSV; empty text that was NULL comes back NULL. */
/** The dictionary read back, with the SQL of its two notes (`notes_vi`, `notes_en`). */
const indicatorsRestore = (notes: string) =>
	`SELECT code, name_vi, name_en, unit, kind, formula, aggregation, higher_is_better::BOOLEAN, "group",
		CASE WHEN categories IS NULL OR categories = '' THEN [] ELSE string_split(categories, '|') END, ${notes}`;
/** A unit column with the sample's local `DP2025-*` codes made official (model/registry.ts): codes or keys. */
const localCodes = (column: string, code: boolean): string =>
	`CASE ${column} ${[...LOCAL_CODES]
		.map(([local, key]) => `WHEN ${sqlLiteral(local)} THEN ${sqlLiteral(code ? key.split('@')[0] : key)}`)
		.join(' ')} ELSE ${column} END`;
const SNAPSHOT_RESTORE: Record<string, string> = {
	indicators: indicatorsRestore("coalesce(notes_vi, ''), coalesce(notes_en, '')"),
	units: `SELECT ${localCodes('code', true)}, name, kind, coalesce(parent, ''), valid_from::DATE, valid_to::DATE,
		${localCodes("coalesce(successor, '')", false)},
		CASE WHEN aliases IS NULL OR aliases = '' THEN [] ELSE string_split(aliases, '|') END`,
	observations: `SELECT unit, period, indicator, value::DOUBLE, coalesce(qualifier, ''), coalesce(source, ''), coalesce(note, ''), import_id::INTEGER`
};

/** A version 1 snapshot (saved before the notes were written in two languages): its one note serves both. */
const SNAPSHOT_RESTORE_V1: Record<string, string> = {
	...SNAPSHOT_RESTORE,
	indicators: indicatorsRestore("coalesce(notes, ''), coalesce(notes, '')")
};

export async function takeSnapshot(e: Engine): Promise<Snapshot> {
	const tables: Record<string, Uint8Array> = {};
	for (const [table, select] of Object.entries(SNAPSHOT_SELECT)) {
		const path = await e.createFile(`snapshot-${table}.csv`);
		await e.run(
			`COPY (${select}) TO ${sqlLiteral(path)} (HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', USE_TMP_FILE false)`
		);
		tables[table] = await e.takeFile(path);
	}
	return { version: SNAPSHOT_VERSION, tables };
}

/** Every table replaced by the snapshot's; throws (and the caller's transaction rolls back) on a bad one. */
export async function restoreSnapshot(e: Engine, snapshot: Snapshot): Promise<void> {
	const restore = snapshot.version === 1 ? SNAPSHOT_RESTORE_V1 : SNAPSHOT_RESTORE;
	for (const table of SNAPSHOT_TABLES) {
		const bytes = snapshot.tables[table];
		if (!bytes) throw new Error(`snapshot without ${table}`);
		const file = `restore-${table}.csv`;
		const path = await e.registerFile(file, bytes);
		try {
			await e.run(`DELETE FROM ${table}`);
			await e.run(
				`INSERT INTO ${table} ${restore[table] ?? 'SELECT *'} FROM read_csv('${path}', header = true, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, all_varchar = true)`
			);
		} finally {
			await e.dropFile(path);
		}
	}
}
