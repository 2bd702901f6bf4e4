/**
 * Rows of any observation shape → flat entries (one per value cell) with the raw texts and the header
 * of the column each came from. Skips blank rows, repeated headers and total rows.
 */
import type { Layout, Role } from './header';
import type { IssueLog } from './issues';
import { normaliseKey } from './normalise';
import { isBlank } from './rows';

export interface Entry {
	/** Excel row number. */
	row: number;
	unitRaw: string;
	unitCol: string;
	periodRaw: string;
	periodCol: string;
	indicatorRaw: string;
	indicatorCol: string;
	valueRaw: string;
	valueCol: string;
	qualifierRaw: string;
	qualifierCol: string;
	note: string;
	noteCol: string;
	/** The row's own source cell, '' when the file has none. */
	source: string;
}

/** Labels of total rows, compared after normaliseKey and without trailing punctuation. */
const TOTAL_LABELS: ReadonlySet<string> = new Set([
	'tong cong',
	'cong',
	'tong',
	'tong so',
	'toan thi xa',
	'toan huyen',
	'toan tinh',
	'toan thanh pho',
	'toan xa',
	'toan phuong',
	'total',
	'grand total',
	'sum'
]);

export function isTotalLabel(text: string): boolean {
	// The longest label is short: most cells are rejected without normalising them.
	return text.length <= 24 && TOTAL_LABELS.has(normaliseKey(text).replace(/[\s:.*]+$/, ''));
}

/** A neutralised cell (`'=…`, as toCanonicalCsv writes it) back to its text: one `'` is removed. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;
/**
 * A cell's text, trimmed. The decoded text is already NFC, and cutting it at ASCII delimiters keeps
 * it NFC, so no normalisation is needed here (this runs for every cell of big files).
 */
export function cellText(cell: string | undefined): string {
	if (cell === undefined || cell === '') return '';
	const t = cell.trim();
	return t.charCodeAt(0) === 39 && NEUTRALISED.test(t) ? t.slice(1) : t;
}

interface Picked {
	raw: string;
	col: string;
}

export interface EntryContext {
	layout: Layout;
	/** Unit for a one-unit sheet (hint or file name). */
	fixedUnit?: string;
	log: IssueLog;
	/** Entries built so far, reported every few hundred rows (streaming import only). */
	progress?: (entries: number) => void;
}

export interface Entries {
	entries: Entry[];
	/** Non-blank data rows seen. */
	rows: number;
	/** Rows dropped on purpose (totals, repeated header). */
	skippedRows: number;
}

export function buildEntries(rows: readonly string[][], ctx: EntryContext): Entries {
	const { layout, log } = ctx;
	const h = layout.header;
	const roleCols = (r: Role): number[] => layout.roles[r] ?? [];
	const pick = (row: readonly string[], r: Role): Picked => {
		const cols = roleCols(r);
		for (const c of cols) {
			const raw = cellText(row[c]);
			if (raw !== '') return { raw, col: h[c] };
		}
		return { raw: '', col: cols.length > 0 ? h[cols[0]] : '' };
	};
	const sameAsHeader = (row: readonly string[]): boolean =>
		row.length === h.length && row.every((c, i) => cellText(c) === h[i]);
	const totals = new Map<string, boolean>();
	const isTotal = (raw: string): boolean => {
		let t = totals.get(raw);
		if (t === undefined) totals.set(raw, (t = isTotalLabel(raw)));
		return t;
	};
	const entries: Entry[] = [];
	let count = 0;
	let skippedRows = 0;

	for (let i = layout.index + 1; i < rows.length; i++) {
		const row = rows[i];
		if (isBlank(row)) continue;
		const excelRow = i + 1;
		count++;
		if (ctx.progress && count % 256 === 0) ctx.progress(entries.length);
		if (sameAsHeader(row)) {
			log.add('info', 'repeated_header_skipped', { row: excelRow });
			skippedRows++;
			continue;
		}
		const unit = layout.shape === 'unit-sheet' ? { raw: ctx.fixedUnit ?? '', col: '' } : pick(row, 'unit');
		const indicator = pick(row, 'indicator');
		const totalCell = layout.shape === 'unit-sheet' ? indicator : unit;
		if (isTotal(totalCell.raw)) {
			log.add('info', 'total_row_skipped', { row: excelRow, column: totalCell.col, value: totalCell.raw });
			skippedRows++;
			continue;
		}
		const note = pick(row, 'note');
		const qualifier = pick(row, 'qualifier');
		const source = pick(row, 'source');
		// One object literal per entry: spreading a shared base is ten times slower in V8.
		const add = (period: Picked, ind: Picked, valueRaw: string, valueCol: string): void => {
			entries.push({
				row: excelRow,
				unitRaw: unit.raw,
				unitCol: unit.col,
				periodRaw: period.raw,
				periodCol: period.col,
				indicatorRaw: ind.raw,
				indicatorCol: ind.col,
				valueRaw,
				valueCol,
				qualifierRaw: qualifier.raw,
				qualifierCol: qualifier.col,
				note: note.raw,
				noteCol: note.col,
				source: source.raw
			});
		};
		if (layout.shape === 'long') {
			const value = pick(row, 'value');
			add(pick(row, 'period'), indicator, value.raw, value.col);
		} else if (layout.shape === 'wide-indicator') {
			// A row whose value cells are all empty is a heading or spacer: nothing to report.
			if (layout.indicatorColumns.every(({ col }) => cellText(row[col]) === '')) continue;
			const period = pick(row, 'period');
			for (const { col } of layout.indicatorColumns) {
				add(period, { raw: h[col], col: h[col] }, cellText(row[col]), h[col]);
			}
		} else {
			// wide-period and unit-sheet: one column per period.
			if (layout.periodColumns.every(({ col }) => cellText(row[col]) === '')) continue;
			for (const { col } of layout.periodColumns) {
				add({ raw: h[col], col: h[col] }, indicator, cellText(row[col]), h[col]);
			}
		}
	}
	return { entries, rows: count, skippedRows };
}
