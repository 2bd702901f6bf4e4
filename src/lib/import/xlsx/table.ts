/**
 * A sheet's grid → rows the CSV importer reads: a merged cell's text reaches every row it covers
 * (a ward named once beside its five indicators), a two-row header under merged group titles
 * becomes one row, and a sheet named like a period (`2024`) gives that period when its table has no
 * period column. Rows keep their Excel numbers: title rows stay and are skipped by the header search.
 */
import type { Indicator, Unit } from '$lib/model/types';
import { analyseHeader, headerRole, HEADER_SEARCH_ROWS, type Layout } from '../header';
import { scanPeriod } from '../period';
import { isBlank } from '../rows';
import { matchUnit } from '../units';
import type { SheetGrid } from './workbook';

export interface PreparedSheet {
	rows: string[][];
	layout: Layout | null;
	/** The column added for the sheet's period (its name), or -1. */
	periodColumn: number;
	/** The unit a one-unit sheet is named after. */
	unitHint?: string;
	formulas: number;
	formulasWithoutValue: number;
}

/** The header text of an added period column. */
export const SHEET_PERIOD_HEADER = 'Năm';

interface Context {
	dictionary: readonly Indicator[];
	units: readonly Unit[];
	aliases?: Record<string, string>;
}

function cellAt(rows: string[][], r: number, c: number): string {
	return rows[r]?.[c] ?? '';
}

function setCell(rows: string[][], r: number, c: number, text: string) {
	while (rows.length <= r) rows.push([]);
	const row = rows[r];
	while (row.length < c) row.push('');
	row[c] = text;
}

/** Cells filled from merged areas at most: overlapping areas over a million rows must not hang the reader. */
const MAX_FILLED = 2_000_000;

/** One-column merges (a ward over its rows): the text fills every row of the area, within the table. */
function fillDown(grid: SheetGrid) {
	let budget = MAX_FILLED;
	const last = grid.rows.length - 1;
	for (const m of grid.merges) {
		if (m.c1 !== m.c2 || m.r2 <= m.r1) continue;
		const text = cellAt(grid.rows, m.r1, m.c1);
		if (text === '') continue;
		const end = Math.min(m.r2, last);
		if (end - m.r1 > budget) return;
		budget -= end - m.r1;
		for (let r = m.r1 + 1; r <= end; r++) setCell(grid.rows, r, m.c1, text);
	}
}

const unknown = (row: string[], ctx: Context) =>
	analyseHeader(row, 0, ctx.dictionary, ctx.aliases).shape === 'unknown';

/**
 * A group title merged across columns (`Năm` over 2022 | 2023 | 2024, `Số đơn` over two kinds) and
 * the row of names under it become one header row: the name alone under a title that names a role
 * (`Năm`, `Chỉ tiêu`), else `title name`. Only when the joined row reads as a header and the top
 * row alone does not.
 */
function flattenHeader(grid: SheetGrid, ctx: Context) {
	const rows = grid.rows;
	for (let r = 0; r + 1 < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
		const groups = grid.merges.filter((m) => m.r1 === r && m.c2 > m.c1);
		if (groups.length === 0) continue;
		const width = Math.max(rows[r]?.length ?? 0, rows[r + 1]?.length ?? 0);
		const joined: string[] = [];
		for (let c = 0; c < width; c++) joined.push(cellAt(rows, r + 1, c) || cellAt(rows, r, c));
		for (const g of groups) {
			const title = cellAt(rows, r, g.c1).trim();
			for (let c = g.c1; c <= g.c2 && c < width; c++) {
				const name = cellAt(rows, r + 1, c).trim();
				joined[c] = name === '' ? title : headerRole(title) ? name : `${title} ${name}`;
			}
		}
		if (!unknown(rows[r] ?? [], ctx) || unknown(joined, ctx)) continue;
		rows[r] = [];
		rows[r + 1] = joined;
		return;
	}
}

function findLayout(rows: string[][], ctx: Context): Layout | null {
	for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
		const layout = analyseHeader(rows[i] ?? [], i, ctx.dictionary, ctx.aliases);
		if (layout.shape !== 'unknown') return layout;
	}
	return null;
}

/** Adds the sheet's period as a last column when the table reads only with a period column. */
function addPeriod(rows: string[][], period: string, ctx: Context): { layout: Layout; col: number } | null {
	const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
	for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
		const header = [...(rows[i] ?? [])];
		while (header.length < width) header.push('');
		header.push(SHEET_PERIOD_HEADER);
		const layout = analyseHeader(header, i, ctx.dictionary, ctx.aliases);
		if (layout.shape !== 'long' && layout.shape !== 'wide-indicator') continue;
		rows[i] = header;
		for (let r = i + 1; r < rows.length; r++) if (!isBlank(rows[r])) setCell(rows, r, width, period);
		return { layout, col: width };
	}
	return null;
}

export function prepareSheet(name: string, grid: SheetGrid, ctx: Context): PreparedSheet {
	fillDown(grid);
	flattenHeader(grid, ctx);
	const rows = grid.rows;
	let layout = findLayout(rows, ctx);
	let periodColumn = -1;
	const period = scanPeriod(name);
	if (!layout && period.ok) {
		const added = addPeriod(rows, name, ctx);
		if (added) ({ layout, col: periodColumn } = added);
	}
	let unitHint: string | undefined;
	if (layout?.shape === 'unit-sheet') {
		const m = matchUnit(name, ctx.units, null, ctx.aliases);
		if (m.unit) unitHint = name;
	}
	return {
		rows,
		layout,
		periodColumn,
		unitHint,
		formulas: grid.formulas,
		formulasWithoutValue: grid.formulasWithoutValue
	};
}

/** What must match for sheets to be read together: the shape and the header's texts. */
export function layoutKey(sheet: PreparedSheet): string | null {
	if (!sheet.layout) return null;
	return `${sheet.layout.shape}|${sheet.layout.header.join('\u0001')}`;
}
