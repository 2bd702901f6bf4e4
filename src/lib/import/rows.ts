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
	const badQuoteRows = parsed.errors.filter((e) => e.code === 'InvalidQuotes').map((e) => (e.row ?? 0) + 1);
	return checked(rows, badQuoteRows);
}

/** Reports the characters read and the rows found so far (streaming parse only). */
export type ParseProgress = (doneChars: number, rows: number) => void;

/** Rows between two progress reports of the streaming parse. */
const PROGRESS_ROWS = 512;

/**
 * parseRows, one row at a time (PapaParse's `step` over the whole text: the same parser state, the
 * same rows, the same findings), reporting progress as it goes. Papa numbers a finding by the row
 * being read; here that is the count of rows before it, as in the one-shot parse.
 */
export function parseRowsStreaming(text: string, delimiter: string, progress: ParseProgress): Rows {
	const rows: string[][] = [];
	const badQuoteRows: number[] = [];
	let missingRow = 0;
	let tooMany = false;
	Papa.parse<string[]>(text, {
		delimiter,
		skipEmptyLines: false,
		step: (result, parser) => {
			const index = rows.length;
			for (const e of result.errors) {
				if (e.code === 'MissingQuotes') missingRow ||= index + 1;
				else if (e.code === 'InvalidQuotes') badQuoteRows.push(index + 1);
			}
			// The one-shot parse reads MAX_ROWS + 1 rows and then reports too_many_rows.
			if (index === MAX_ROWS) {
				tooMany = true;
				parser.abort();
				return;
			}
			rows.push(result.data);
			if (index % PROGRESS_ROWS === 0) progress(result.meta.cursor, index + 1);
		}
	});
	progress(text.length, rows.length);
	if (missingRow) return { ok: false, code: 'unterminated_quote', row: missingRow };
	if (tooMany) return { ok: false, code: 'too_many_rows', row: 0 };
	return checked(rows, badQuoteRows);
}

/** Column limit, then drops the trailing blank record of a final line break. */
function checked(rows: string[][], badQuoteRows: number[]): Rows {
	for (let i = 0; i < rows.length; i++) {
		if (rows[i].length > MAX_COLUMNS)
			return { ok: false, code: 'too_many_columns', row: i + 1, n: rows[i].length };
	}
	// A final line break gives one empty record at the end; it is not a row in Excel.
	while (rows.length > 0 && isBlank(rows[rows.length - 1])) rows.pop();
	return { ok: true, rows, badQuoteRows };
}

export function isBlank(row: readonly string[]): boolean {
	for (const cell of row) if (cell.trim() !== '') return false;
	return true;
}
