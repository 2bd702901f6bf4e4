/** Rows → CSV bytes that DuckDB's `read_csv` loads in bulk (no row-by-row INSERTs). */
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
