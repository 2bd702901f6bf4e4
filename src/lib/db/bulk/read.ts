/**
 * Reading a canonical file into DuckDB: is the file one (its header), `read_csv` of every column as
 * text, and the staged rows' source and note columns.
 */
import { CANONICAL_HEADER } from '$lib/import';
import { dropSoon, type Engine } from '$lib/db/engine';
import { sqlLiteral } from '$lib/db/literal';

const decoder = new TextDecoder('utf-8', { fatal: false });

/** A value text that DuckDB reads as the number the importer reads (others go through the importer). */
export const PLAIN_NUMBER = `regexp_full_match(value, '-?[0-9]+(\\.[0-9]+)?')`;

/** A cell as the person wrote it: exports put `'` before a leading `= + - @`, tab or CR; it goes again. */
export const plain = (cell: string) => (cell.startsWith("'") ? cell.replace(/^'([=+\-@\t\r])/, '$1') : cell);

/** The header fields when the file is a canonical long CSV in UTF-8, else null. */
export function canonicalHeader(bytes: Uint8Array): string[] | null {
	if (bytes[0] === 0xff || bytes[0] === 0xfe) return null; // UTF-16
	const head = decoder.decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
	const first = head.split(/\r?\n/, 1)[0] ?? '';
	const fields = first.split(',').map((f) => f.trim());
	const base = CANONICAL_HEADER as readonly string[];
	const ok =
		(fields.length === base.length || (fields.length === base.length + 1 && fields.at(-1) === 'source')) &&
		base.every((h, i) => fields[i] === h);
	return ok ? fields : null;
}

/** `read_csv` into `raw`, every column as text; false if DuckDB cannot parse it. */
export async function readRaw(
	e: Engine,
	source: Blob | Uint8Array,
	header: string[],
	raw: string
): Promise<boolean> {
	const file = `${raw}.csv`;
	// A file the person chose is read by DuckDB's worker straight from the file; its bytes never cross
	// the page's thread (reading 50 MB there is a 200 ms task). Bytes (tests, scripts) are handed over as
	// they are — copying 50 MB holds the page 0.2–0.4 s — so in the browser the caller's array is emptied.
	const path = await e.registerFile(file, source);
	try {
		const columns = header.map((h) => `'${h}': 'VARCHAR'`).join(', ');
		// Insertion order is kept, so `rowid + 2` is the row number Excel shows (row 1 is the header).
		// Texts stay as written: their distinct values are read by the importer's own functions. No
		// cell is NULL: an empty one, or one missing from a short row, is '' (force_not_null), as read
		// straight from the parser — a coalesce() of every column costs a fifth of the read. A file
		// without a source column gets none here (the file's name is a constant of the staged rows).
		// `num`: the value as DuckDB reads a number, once (the checks, the screen and the commit use it).
		await e.run(
			`CREATE OR REPLACE TEMP TABLE ${raw} AS
			 SELECT *, TRY_CAST(value AS DOUBLE) AS num FROM read_csv('${path}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
			      allow_quoted_nulls = false, null_padding = true, force_not_null = [${header.map((h) => `'${h}'`).join(', ')}],
			      columns = {${columns}})`
		);
		return true;
	} catch (error) {
		// A file DuckDB cannot parse: the JavaScript path names the row and the problem.
		console.warn('bulk import: falling back to the JavaScript path:', error);
		return false;
	} finally {
		dropSoon(e, path);
	}
}

/**
 * The row's source (the file's name where the file gives none) and note: a cell neutralised on export
 * (`'=…`) turned back — in notes looked for only when some note starts with `'`.
 */
export function sourceAndNote(hasSource: boolean, fileName: string, r: string, quotedNotes: boolean): string {
	const turnBack = (cell: string) => `regexp_replace(${cell}, '^''([=+\\-@\\t\\r])', '\\1')`;
	const source = hasSource
		? `CASE WHEN ${r}.source = '' THEN ${sqlLiteral(fileName)} WHEN starts_with(${r}.source, '''') THEN ${turnBack(`${r}.source`)} ELSE ${r}.source END`
		: sqlLiteral(fileName);
	const note = quotedNotes
		? `CASE WHEN starts_with(${r}.note, '''') THEN ${turnBack(`${r}.note`)} ELSE ${r}.note END`
		: `${r}.note`;
	return `${source} AS source, ${note} AS note`;
}
