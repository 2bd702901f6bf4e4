/** Text → rows of cells with PapaParse, with limits so that hostile files fail fast and clearly. */
import Papa from 'papaparse';

export const MAX_ROWS = 1_000_000;
export const MAX_COLUMNS = 1000;

export type Rows =
	| { ok: true; rows: string[][]; badQuoteRows: number[] }
	| { ok: false; code: 'unterminated_quote' | 'too_many_rows' | 'too_many_columns'; row: number; n?: number };

export function parseRows(text: string, delimiter: string): Rows {
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview: MAX_ROWS + 1 });
	const rows = parsed.data;
	// Papa's `row` is the 0-based record index; Excel shows record i as row i + 1.
	const missing = parsed.errors.find((e) => e.code === 'MissingQuotes');
	if (missing) return { ok: false, code: 'unterminated_quote', row: (missing.row ?? 0) + 1 };
	if (rows.length > MAX_ROWS) return { ok: false, code: 'too_many_rows', row: 0 };
	for (let i = 0; i < rows.length; i++) {
		if (rows[i].length > MAX_COLUMNS)
			return { ok: false, code: 'too_many_columns', row: i + 1, n: rows[i].length };
	}
	const badQuoteRows = parsed.errors.filter((e) => e.code === 'InvalidQuotes').map((e) => (e.row ?? 0) + 1);
	// A final line break gives one empty record at the end; it is not a row in Excel.
	while (rows.length > 0 && isBlank(rows[rows.length - 1])) rows.pop();
	return { ok: true, rows, badQuoteRows };
}

export function isBlank(row: readonly string[]): boolean {
	for (const cell of row) if (cell.trim() !== '') return false;
	return true;
}
