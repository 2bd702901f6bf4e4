/**
 * A workbook's parts → its sheets, each a grid of cells as Excel shows them. Formulas are never
 * evaluated: a formula cell gives the value Excel saved with it. Links to other workbooks are not
 * followed. Every limit is checked before the part it guards is read.
 */
import { inflateEntry, readDirectory, ZIP_LIMITS, type ZipEntry, type ZipLimits } from './zip';
import { formatOf, showNumber, type CellFormat } from './number-format';
import { attr, scanTags, textBetween } from './xml';
import { parseAddress } from './address';

export { columnName } from './address';

export interface XlsxLimits extends ZipLimits {
	maxSharedStrings: number;
	/** Uncompressed size of one part (a sheet, the shared strings). */
	maxPartBytes: number;
	maxRows: number;
	maxColumns: number;
}

export const XLSX_LIMITS: XlsxLimits = {
	...ZIP_LIMITS,
	maxSharedStrings: 1_000_000,
	maxPartBytes: 150 * 1048576,
	maxRows: 1_000_000,
	maxColumns: 1000
};

export type XlsxFailure =
	| 'xlsx_not_zip'
	| 'xlsx_zip_bomb'
	| 'xlsx_zip_unsupported'
	| 'xlsx_damaged'
	| 'xlsx_is_xlsb'
	| 'xlsx_is_ods'
	| 'xlsx_no_sheets'
	| 'xlsx_sst_too_big'
	| 'xlsx_sheet_too_big';

export class XlsxError extends Error {
	constructor(
		readonly code: XlsxFailure,
		readonly n = 0
	) {
		super(code);
	}
}

export interface SheetRef {
	name: string;
	path: string;
}

/** A merged area, 0-based and inclusive. */
export interface Merge {
	r1: number;
	c1: number;
	r2: number;
	c2: number;
}

export interface SheetGrid {
	/** rows[r][c] is the cell at Excel row r + 1, column c + 1 ('' when empty). */
	rows: string[][];
	merges: Merge[];
	/** Cells with a formula (their saved value was read) and those saved without a value. */
	formulas: number;
	formulasWithoutValue: number;
}

export interface Workbook {
	sheets: SheetRef[];
	/** The workbook links to other workbooks (their values are read as saved, never fetched). */
	externalLinks: number;
	/** `progress` hears how far through the sheet's XML the scan is (0…1) and the rows read so far. */
	read(sheet: SheetRef, progress?: (fraction: number, rows: number) => void): SheetGrid;
}

const utf8 = new TextDecoder('utf-8');

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePath(base: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = base.split('/').slice(0, -1);
	for (const p of target.split('/')) {
		if (p === '..') parts.pop();
		else if (p !== '.' && p !== '') parts.push(p);
	}
	return parts.join('/');
}

export function openWorkbook(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Workbook {
	const dir = readDirectory(bytes, limits);
	if (!dir.ok) throw new XlsxError(dir.code);
	const entries = dir.entries;
	const part = (name: string, cap = limits.maxPartBytes): string | null => {
		const e: ZipEntry | undefined = entries.get(name);
		if (!e) return null;
		if (e.size > cap)
			throw new XlsxError(name.includes('sharedStrings') ? 'xlsx_sst_too_big' : 'xlsx_sheet_too_big');
		const raw = inflateEntry(bytes, e);
		if (!raw) throw new XlsxError('xlsx_zip_bomb');
		return utf8.decode(raw);
	};
	if (entries.has('xl/workbook.bin')) throw new XlsxError('xlsx_is_xlsb');
	if (entries.has('content.xml') && entries.has('mimetype')) throw new XlsxError('xlsx_is_ods');
	const bookXml = part('xl/workbook.xml');
	if (bookXml === null) throw new XlsxError('xlsx_damaged');

	const rels = new Map<string, { target: string; type: string }>();
	scanTags(part('xl/_rels/workbook.xml.rels') ?? '', (t) => {
		if (t.name !== 'Relationship' || t.closing) return;
		const id = attr(t.attrs, 'Id');
		if (id) rels.set(id, { target: attr(t.attrs, 'Target') ?? '', type: attr(t.attrs, 'Type') ?? '' });
	});
	const sheets: SheetRef[] = [];
	let date1904 = false;
	scanTags(bookXml, (t) => {
		if (t.closing) return;
		if (t.name === 'workbookPr') date1904 = /^(1|true)$/.test(attr(t.attrs, 'date1904') ?? '');
		if (t.name !== 'sheet') return;
		const rel = rels.get(attr(t.attrs, 'r:id') ?? '');
		if (!rel || !/\/worksheet$/.test(rel.type)) return; // chart sheets and dialogs hold no table
		if (/hidden/i.test(attr(t.attrs, 'state') ?? '')) return; // a hidden sheet is the author's scratch space
		sheets.push({
			name: (attr(t.attrs, 'name') ?? '').normalize('NFC'),
			path: resolvePath('xl/workbook.xml', rel.target)
		});
	});
	if (sheets.length === 0) throw new XlsxError('xlsx_no_sheets');
	const externalLinks = [...rels.values()].filter((r) => /\/externalLink$/.test(r.type)).length;

	let shared: string[] | null = null;
	let styles: CellFormat[] | null = null;
	return {
		sheets,
		externalLinks,
		read(sheet, progress) {
			shared ??= readShared(part('xl/sharedStrings.xml') ?? '', limits);
			styles ??= readStyles(part('xl/styles.xml') ?? '');
			const xml = part(sheet.path);
			if (xml === null) throw new XlsxError('xlsx_damaged');
			return readSheet(xml, shared, styles, date1904, limits, progress);
		}
	};
}

/** The shared strings: each `<si>`'s text runs joined; phonetic guides (`<rPh>`) left out. */
function readShared(xml: string, limits: XlsxLimits): string[] {
	const out: string[] = [];
	let current: string[] | null = null;
	let inPhonetic = false;
	let textStart = -1;
	scanTags(xml, (t) => {
		if (t.name === 'sst' && !t.closing) {
			const declared = Number(attr(t.attrs, 'uniqueCount') ?? 0);
			if (declared > limits.maxSharedStrings) throw new XlsxError('xlsx_sst_too_big', declared);
		} else if (t.name === 'si') {
			if (!t.closing) current = [];
			if (t.closing || t.selfClosing) {
				out.push((current ?? []).join('').normalize('NFC'));
				current = null;
				if (out.length > limits.maxSharedStrings) throw new XlsxError('xlsx_sst_too_big', out.length);
			}
		} else if (t.name === 'rPh') inPhonetic = !t.closing && !t.selfClosing;
		else if (t.name === 't' && current && !inPhonetic) {
			if (!t.closing && !t.selfClosing) textStart = t.end;
			else if (t.closing && textStart >= 0) {
				current.push(textBetween(xml, textStart, t.start));
				textStart = -1;
			}
		}
	});
	return out;
}

/** Each cell style's number format (`<cellXfs>`), by style index. */
function readStyles(xml: string): CellFormat[] {
	const custom = new Map<number, string>();
	const ids: number[] = [];
	let inXfs = false;
	scanTags(xml, (t) => {
		if (t.name === 'numFmt' && !t.closing)
			custom.set(Number(attr(t.attrs, 'numFmtId')), attr(t.attrs, 'formatCode') ?? '');
		else if (t.name === 'cellXfs') inXfs = !t.closing && !t.selfClosing;
		else if (t.name === 'xf' && inXfs && !t.closing) ids.push(Number(attr(t.attrs, 'numFmtId') ?? 0));
	});
	return ids.map((id) => formatOf(id, custom));
}

function readSheet(
	xml: string,
	shared: string[],
	styles: CellFormat[],
	date1904: boolean,
	limits: XlsxLimits,
	progress?: (fraction: number, rows: number) => void
): SheetGrid {
	const rows: string[][] = [];
	const merges: Merge[] = [];
	let formulas = 0;
	let formulasWithoutValue = 0;
	let row = -1;
	let col = -1;
	let type = '';
	let style = 0;
	let value: string | null = null;
	let inline: string[] | null = null;
	let hasFormula = false;
	/** Where the text of the open `<v>` or `<t>` starts, or -1. */
	let openEnd = -1;
	const put = (text: string) => {
		if (text === '') return;
		if (row >= limits.maxRows) throw new XlsxError('xlsx_sheet_too_big', row + 1);
		if (col >= limits.maxColumns) throw new XlsxError('xlsx_sheet_too_big', col + 1);
		while (rows.length <= row) rows.push([]);
		const cells = rows[row];
		while (cells.length < col) cells.push('');
		cells[col] = text;
	};
	scanTags(xml, (t) => {
		switch (t.name) {
			case 'row':
				if (!t.closing) {
					if (progress && (row & 4095) === 4095) progress(t.start / xml.length, row + 1);
					const r = Number(attr(t.attrs, 'r'));
					row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
					col = -1;
				}
				return;
			case 'c':
				if (!t.closing) {
					const at = parseAddress(attr(t.attrs, 'r') ?? '');
					if (at) [row, col] = at;
					else col += 1;
					type = attr(t.attrs, 't') ?? 'n';
					style = Number(attr(t.attrs, 's') ?? 0);
					value = null;
					inline = null;
					hasFormula = false;
				}
				if (t.closing || t.selfClosing) {
					if (hasFormula) {
						formulas++;
						if (value === null) formulasWithoutValue++;
					}
					put(cellText(type, value, inline, styles[style] ?? { kind: 'general' }, shared, date1904));
				}
				return;
			case 'f':
				if (!t.closing) hasFormula = true;
				return;
			case 'is':
				if (!t.closing) inline = [];
				return;
			case 'v':
			case 't':
				if (!t.closing && !t.selfClosing) openEnd = t.end;
				else if (t.closing && openEnd >= 0) {
					const text = textBetween(xml, openEnd, t.start);
					if (t.name === 'v') value = text;
					else inline?.push(text);
					openEnd = -1;
				}
				return;
			case 'mergeCell': {
				const [a, b] = (attr(t.attrs, 'ref') ?? '').split(':');
				const from = parseAddress(a ?? '');
				const to = parseAddress(b ?? a ?? '');
				if (from && to) merges.push({ r1: from[0], c1: from[1], r2: to[0], c2: to[1] });
				return;
			}
		}
	});
	return { rows, merges, formulas, formulasWithoutValue };
}

function cellText(
	type: string,
	value: string | null,
	inline: string[] | null,
	format: CellFormat,
	shared: string[],
	date1904: boolean
): string {
	switch (type) {
		case 's':
			return shared[Number(value)] ?? '';
		case 'inlineStr':
			return (inline ?? []).join('').normalize('NFC');
		case 'str':
		case 'e':
			return (value ?? '').normalize('NFC');
		case 'b':
			return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : '';
		default: {
			if (value === null || value.trim() === '') return '';
			const x = Number(value);
			return Number.isFinite(x) ? showNumber(x, format, date1904) : value;
		}
	}
}
