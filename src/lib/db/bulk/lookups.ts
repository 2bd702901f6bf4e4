/**
 * What the file's distinct texts resolved to, and the findings they carry: built in JavaScript by the
 * importer's own functions, then staged into `b_map` for the row queries to join.
 */
import type { MessageArgs } from '$lib/import';
import { rowsToCsv } from '$lib/db/csv';
import { dropSoon, type Engine } from '$lib/db/engine';
import { RANGE_COLUMNS } from './rule-sql';

/** One resolved distinct text (or pair of texts) of the file, staged for the row query. */
export interface Lookup {
	kind: 'unit_period' | 'indicator' | 'qualifier' | 'value';
	a: string;
	b?: string;
	/** Unit name, indicator code or qualifier the text resolved to. */
	to?: string;
	period?: string;
	value?: number;
	qualifier?: string;
	/** Findings of this text (indices into the problems). */
	p1?: number;
	p2?: number;
	err?: boolean;
	skip?: boolean;
	missing?: boolean;
	categorical?: boolean;
	/** The range rules that hold for an indicator (positions in RANGE_RULES). */
	ranges?: number[];
}

/** A finding of a distinct text, listed on the rows where the text occurs. */
export interface Problem {
	severity: 'error' | 'warning';
	code: string;
	column: 'unit' | 'period' | 'indicator' | 'value' | 'qualifier';
	args?: MessageArgs;
	suggestions?: string[];
}

/** Records a problem; returns its index. */
export type AddProblem = (p: Problem) => number;

/** A text that resolved to itself, without a finding. */
export const asWritten = (l: Lookup) =>
	l.to === l.a && l.p1 === undefined && l.p2 === undefined && !l.err && !l.skip;

/** The columns of `b_map` and their types: one `range_k` flag per range rule. */
const COLUMNS: [string, string][] = [
	...['kind', 'a', 'b', 'to', 'period'].map((c): [string, string] => [c, 'VARCHAR']),
	['value', 'DOUBLE'],
	['qualifier', 'VARCHAR'],
	['p1', 'INTEGER'],
	['p2', 'INTEGER'],
	...['err', 'skip', 'missing', 'categorical', ...RANGE_COLUMNS].map((c): [string, string] => [c, 'BOOLEAN'])
];
const NAMES = COLUMNS.map(([c]) => c);
const TYPES = `{${COLUMNS.map(([c, t]) => `'${c}': '${t}'`).join(', ')}}`;

/** Lookups into `b_map` through one bulk `read_csv` (names are hostile text: never put into SQL). */
export async function stage(e: Engine, file: string, into: string, rows: Lookup[]) {
	const records = rows.map((l): Record<string, unknown> =>
		l.ranges
			? { ...l, ...Object.fromEntries(l.ranges.map((k) => [RANGE_COLUMNS[k], true])) }
			: (l as unknown as Record<string, unknown>)
	);
	const path = await e.registerFile(file, rowsToCsv(NAMES, records));
	try {
		await e.run(
			`${into} SELECT * FROM read_csv('${path}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, columns = ${TYPES})`
		);
	} finally {
		dropSoon(e, path);
	}
}
