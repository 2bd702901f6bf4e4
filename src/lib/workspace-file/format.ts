/**
 * The workspace file (docs/workspace-file.md): everything the office has entered, in one JSON file —
 * the observations, the dictionary, the unit list, the import history (with what each import
 * replaced, so that an undo still works) and the meeting decks. Pure: made from a store's snapshot
 * and read back into one.
 */
import { SNAPSHOT_VERSION, type Snapshot } from '$lib/db/snapshot';
import { rowsToCsv } from '$lib/db/csv';
import { DICTIONARY_HEADER, UNITS_HEADER } from '$lib/import/reference-export';
import { parseRows } from '$lib/import/rows';
import type { ImportRecord, Indicator, Unit } from '$lib/model/types';

export const FORMAT = 'chi-so-workspace';
export const WORKSPACE_FILE_VERSION = 1;

export const OBSERVATION_COLUMNS = [
	'unit',
	'period',
	'indicator',
	'value',
	'qualifier',
	'source',
	'note',
	'import_id'
] as const;
export const REPLACED_COLUMNS = [
	'import_id',
	'unit',
	'period',
	'indicator',
	'existed',
	'value',
	'qualifier',
	'source',
	'note',
	'prev_import_id'
] as const;

/** [unit, period, indicator, value, qualifier, source, note, import_id] */
export type ObservationCells = [string, string, string, number, string, string, string, number];
/** [import_id, unit, period, indicator, existed, value, qualifier, source, note, prev_import_id] */
export type ReplacedCells = [
	number,
	string,
	string,
	string,
	boolean,
	number | null,
	string | null,
	string | null,
	string | null,
	number | null
];

export interface Table<C, R> {
	columns: C;
	rows: R[];
}

export interface WorkspaceFile {
	format: typeof FORMAT;
	version: typeof WORKSPACE_FILE_VERSION;
	/** When the file was made (ISO, UTC). */
	exportedAt: string;
	indicators: Indicator[];
	units: Unit[];
	imports: ImportRecord[];
	observations: Table<typeof OBSERVATION_COLUMNS, ObservationCells>;
	replaced: Table<typeof REPLACED_COLUMNS, ReplacedCells>;
	/** The meeting decks as their own file (README, "The deck file"), or null. */
	decks: unknown;
}

const decoder = new TextDecoder();

/** The rows of one snapshot table (DuckDB's CSV: NULL is an empty unquoted cell) by its header. */
function snapshotRows(bytes: Uint8Array | undefined, table: string): Record<string, string>[] {
	if (!bytes) throw new Error(`snapshot without ${table}`);
	const parsed = parseRows(decoder.decode(bytes), ',');
	if (!parsed.ok) throw new Error(`snapshot ${table}: ${parsed.code}`);
	const [header = [], ...rows] = parsed.rows;
	return rows
		.filter((r) => !(r.length === 1 && r[0] === ''))
		.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const num = (s: string): number | null => (s === '' ? null : Number(s));

export interface WorkspaceParts {
	/** The store's snapshot (every table). */
	snapshot: Snapshot;
	/** The meeting decks as their file, or null. */
	decks: unknown;
}

const list = (s: string) => (s === '' ? [] : s.split('|'));
/** `2026-12-04 18:30:00.123` (the stored TIMESTAMP, UTC) → `2026-12-04T18:30:00.123Z`. */
const isoTime = (s: string) => new Date(`${s.replace(' ', 'T')}Z`).toISOString().replace('.000Z', 'Z');

function indicatorsOf(snapshot: Snapshot): Indicator[] {
	return snapshotRows(snapshot.tables.indicators, 'indicators').map((r) => ({
		code: r.code,
		name_vi: r.name_vi,
		name_en: r.name_en,
		unit: r.unit,
		kind: r.kind as Indicator['kind'],
		formula: r.formula,
		aggregation: r.aggregation as Indicator['aggregation'],
		higher_is_better: r.higher_is_better === '' ? null : r.higher_is_better === 'true',
		group: r.group,
		categories: list(r.categories),
		notes_vi: r.notes_vi ?? r.notes ?? '',
		notes_en: r.notes_en ?? r.notes ?? ''
	}));
}

function unitsOf(snapshot: Snapshot): Unit[] {
	return snapshotRows(snapshot.tables.units, 'units').map((r) => ({
		code: r.code,
		name: r.name,
		kind: r.kind,
		parent: r.parent,
		valid_from: r.valid_from,
		valid_to: r.valid_to,
		successor: r.successor,
		aliases: list(r.aliases)
	}));
}

function importsOf(snapshot: Snapshot): ImportRecord[] {
	return snapshotRows(snapshot.tables.imports, 'imports').map((r) => ({
		id: Number(r.id),
		file: r.file,
		at: isoTime(r.at),
		rows: Number(r.rows),
		status: r.status as ImportRecord['status']
	}));
}

/** The file of a workspace: every table of the store's snapshot, in the order stored. */
export function buildWorkspaceFile(parts: WorkspaceParts, at = new Date()): WorkspaceFile {
	const observations = snapshotRows(parts.snapshot.tables.observations, 'observations').map(
		(r): ObservationCells => [
			r.unit,
			r.period,
			r.indicator,
			Number(r.value),
			r.qualifier,
			r.source,
			r.note,
			Number(r.import_id)
		]
	);
	const replaced = snapshotRows(parts.snapshot.tables.replaced, 'replaced').map((r): ReplacedCells => [
		Number(r.import_id),
		r.unit,
		r.period,
		r.indicator,
		r.existed === 'true',
		num(r.value),
		r.existed === 'true' ? r.qualifier : null,
		r.existed === 'true' ? r.source : null,
		r.existed === 'true' ? r.note : null,
		num(r.prev_import_id)
	]);
	return {
		format: FORMAT,
		version: WORKSPACE_FILE_VERSION,
		exportedAt: at.toISOString(),
		indicators: indicatorsOf(parts.snapshot),
		units: unitsOf(parts.snapshot),
		imports: importsOf(parts.snapshot),
		observations: { columns: OBSERVATION_COLUMNS, rows: observations },
		replaced: { columns: REPLACED_COLUMNS, rows: replaced },
		decks: parts.decks ?? null
	};
}

/** `2026-12-04T18:30:00Z` → `2026-12-04 18:30:00` (the stored TIMESTAMP, in UTC). */
const sqlTime = (iso: string) => new Date(iso).toISOString().replace('T', ' ').replace('Z', '');

/** A checked file as the store's snapshot, ready for `store.restore`. */
export function toSnapshot(file: WorkspaceFile): Snapshot {
	const obj = <T extends readonly string[]>(columns: T, cells: readonly unknown[]) =>
		Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
	return {
		version: SNAPSHOT_VERSION,
		tables: {
			indicators: rowsToCsv(
				DICTIONARY_HEADER,
				file.indicators.map((i) => ({ ...i, higher_is_better: i.higher_is_better ?? null }))
			),
			units: rowsToCsv(
				UNITS_HEADER,
				file.units.map((u) => ({ ...u, valid_from: u.valid_from || null, valid_to: u.valid_to || null }))
			),
			imports: rowsToCsv(
				['id', 'file', 'at', 'rows', 'status'],
				file.imports.map((i) => ({ ...i, at: sqlTime(i.at) }))
			),
			observations: rowsToCsv(
				[...OBSERVATION_COLUMNS],
				file.observations.rows.map((r) => obj(OBSERVATION_COLUMNS, r))
			),
			replaced: rowsToCsv(
				[...REPLACED_COLUMNS],
				file.replaced.rows.map((r) => obj(REPLACED_COLUMNS, r))
			)
		}
	};
}
