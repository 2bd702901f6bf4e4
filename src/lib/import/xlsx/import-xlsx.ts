/**
 * A workbook → ImportResult: the chosen sheet (or every sheet, when their layouts agree) goes through
 * the very rows → findings path of a CSV, and each finding names its cell as Excel does:
 * `Sheet "2024"!C14`. Never throws for a bad workbook: every refusal is a finding.
 */
import { finish, importRows, type Draft } from '../import-csv';
import { IssueLog } from '../issues';
import type { ImportHooks } from '../progress';
import type { ImportIssue, ImportOptions, ImportQuestion, ImportResult } from '../types';
import { layoutKey, prepareSheet, SHEET_PERIOD_HEADER, type PreparedSheet } from './table';
import { columnName, openWorkbook, XLSX_LIMITS, XlsxError, type Workbook, type XlsxLimits } from './workbook';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Starts a zip (an .xlsx) — or an OLE2 compound file (.xls, or an .xlsx with a password). */
export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
export const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
export const isWorkbookBytes = (b: Uint8Array) => isZip(b) || isOle(b);

/** `Sheet "2024"!C14`: the sheet's name quoted (a `"` in it doubled), then the cell. */
export function cellAddress(sheet: string, row: number, col: number): string {
	return `Sheet "${sheet.replace(/"/g, '""')}"!${col >= 0 ? columnName(col) : ''}${row}`;
}

function blankDraft(): Draft {
	return { kind: 'invalid', shape: 'unknown', encoding: 'xlsx', delimiter: '', rows: 0, skipped: 0 };
}

/** The column a finding names, by its header text (the first such column). */
function columnOf(sheet: PreparedSheet, header: string): number {
	if (!sheet.layout || header === '') return -1;
	return sheet.layout.header.indexOf(header);
}

export async function importXlsx(
	bytes: Uint8Array,
	options: ImportOptions,
	hooks: ImportHooks = {},
	limits: XlsxLimits = XLSX_LIMITS
): Promise<ImportResult> {
	const t0 = now();
	const progress = (phase: 'decode' | 'parse' | 'check', fraction: number, rows = 0) =>
		hooks.onProgress?.({ phase, fraction, rows });
	const refuse = (code: string, n = 0): ImportResult => {
		const log = new IssueLog(options.fileName);
		log.add('error', code, { row: 0 }, { n });
		return finish(log, t0, blankDraft());
	};
	if (isOle(bytes)) return refuse('xlsx_is_xls');
	let book: Workbook;
	const sheets: PreparedSheet[] = [];
	try {
		progress('decode', 0.02);
		book = openWorkbook(bytes, limits);
		for (const [i, ref] of book.sheets.entries()) {
			const share = 0.45 / book.sheets.length;
			const start = 0.05 + share * i;
			const grid = book.read(ref, (f, rows) => progress('parse', start + share * f, rows));
			sheets.push(prepareSheet(ref.name, grid, options));
			progress('parse', 0.05 + (0.45 * (i + 1)) / book.sheets.length, grid.rows.length);
		}
	} catch (e) {
		if (e instanceof XlsxError) return refuse(e.code, e.n);
		throw e;
	}
	const names = book.sheets.map((s) => s.name);
	const keys = sheets.map(layoutKey);
	const agree = sheets.length > 1 && keys[0] !== null && keys.every((k) => k === keys[0]);
	const found = sheets.findIndex((s) => s.layout !== null);
	const fallback = names[Math.max(0, found)];
	const asked = options.sheet;
	const chosen =
		asked === '*'
			? agree
				? '*'
				: fallback
			: asked && names.includes(asked)
				? asked
				: agree
					? '*'
					: fallback;
	const picked = chosen === '*' ? names.map((_, i) => i) : [names.indexOf(chosen)];

	const head = new IssueLog(options.fileName);
	const formulas = picked.reduce((n, i) => n + sheets[i].formulas, 0);
	const empty = picked.reduce((n, i) => n + sheets[i].formulasWithoutValue, 0);
	if (book.externalLinks > 0)
		head.add('warning', 'xlsx_external_links', { row: 0 }, { n: book.externalLinks });
	if (empty > 0) head.add('warning', 'xlsx_formula_no_value', { row: 0 }, { n: empty });
	if (formulas > 0) head.add('info', 'xlsx_formulas', { row: 0 }, { n: formulas });
	if (asked === '*' && !agree && sheets.length > 1)
		head.add('info', 'xlsx_sheets_differ', { row: 0 }, { a: chosen });

	const results: ImportResult[] = [];
	for (const [k, i] of picked.entries()) {
		const sheet = sheets[i];
		const log = new IssueLog(options.fileName);
		const result = importRows(
			sheet.rows,
			{ ...options, unitHint: options.unitHint || sheet.unitHint },
			{ log, t0, draft: blankDraft(), meter: null }
		);
		for (const issue of result.issues) placeIssue(issue, names[i], sheet);
		results.push(result);
		progress('check', 0.5 + (0.5 * (k + 1)) / picked.length, result.stats.rows);
	}
	return combine(
		results,
		picked.map((i) => names[i]),
		head,
		{ sheets: names, chosen, agree },
		t0
	);
}

/** Names the finding's cell; an added period column is named by the sheet itself. */
function placeIssue(issue: ImportIssue, sheet: string, prepared: PreparedSheet) {
	if (issue.row <= 0) {
		issue.cell = `Sheet "${sheet.replace(/"/g, '""')}"`;
		return;
	}
	const col =
		issue.column === SHEET_PERIOD_HEADER && prepared.periodColumn >= 0
			? -1
			: columnOf(prepared, issue.column);
	issue.cell = cellAddress(sheet, issue.row, col);
}

/** One result from the sheets' results: a figure given on two sheets is kept from the first. */
function combine(
	results: ImportResult[],
	sheetNames: string[],
	head: IssueLog,
	workbook: NonNullable<ImportResult['workbook']>,
	t0: number
): ImportResult {
	const seen = new Map<string, string>();
	const observations = [];
	for (const [k, r] of results.entries()) {
		for (const o of r.observations) {
			const key = `${o.unit}\u0001${o.period}\u0001${o.indicator}`;
			const first = seen.get(key);
			if (first === undefined) {
				seen.set(key, sheetNames[k]);
				observations.push(o);
			} else {
				head.add(
					'error',
					'xlsx_duplicate_across_sheets',
					{ row: 0, value: `${o.unit} ${o.period} ${o.indicator}` },
					{ a: first, b: sheetNames[k] }
				);
			}
		}
	}
	const draft = blankDraft();
	const first = results.find((r) => r.kind !== 'invalid') ?? results[0];
	draft.kind = first?.kind ?? 'invalid';
	draft.shape = first?.shape ?? 'unknown';
	const questions = new Map<string, ImportQuestion>();
	for (const r of results)
		for (const q of r.questions) if (!questions.has(q.column)) questions.set(q.column, q);
	const base = finish(head, t0, draft, {
		observations,
		questions: [...questions.values()],
		...(first?.indicators ? { indicators: first.indicators } : {}),
		...(first?.units ? { units: first.units } : {})
	});
	const issues = [...base.issues, ...results.flatMap((r) => r.issues)];
	const sum = (f: (r: ImportResult) => number) => results.reduce((n, r) => n + f(r), 0);
	return {
		...base,
		issues,
		workbook,
		stats: {
			...base.stats,
			rows: sum((r) => r.stats.rows),
			errors: base.stats.errors + sum((r) => r.stats.errors),
			warnings: base.stats.warnings + sum((r) => r.stats.warnings),
			skipped: sum((r) => r.stats.skipped) + (sum((r) => r.observations.length) - observations.length)
		}
	};
}
