/** Rows → CSV bytes that DuckDB's `read_csv` loads in bulk (no row-by-row INSERTs). */
import { dropSoon, type Engine } from './engine';

const encoder = new TextEncoder();

function cell(v: unknown): string {
	if (v === null || v === undefined) return '';
	const s = Array.isArray(v) ? v.join('|') : String(v);
	return /[",\r\n|]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowsToCsv(columns: string[], rows: Record<string, unknown>[]): Uint8Array {
	const lines = [columns.join(',')];
	for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
	return encoder.encode(lines.join('\n') + '\n');
}

/** Put rows in a temp table `name` through one bulk `read_csv` of a file registered as `file`. */
export async function stageRows(
	engine: Engine,
	file: string,
	name: string,
	columns: string[],
	types: string,
	rows: Record<string, unknown>[]
): Promise<void> {
	const path = await engine.registerFile(file, rowsToCsv(columns, rows));
	try {
		await engine.run(
			`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM read_csv('${path}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, columns = ${types})`
		);
	} finally {
		dropSoon(engine, path);
	}
}
