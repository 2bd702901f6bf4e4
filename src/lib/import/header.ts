/**
 * Finds the header row (below title and blank rows) and recognises the file's shape from it,
 * with Vietnamese and English synonyms, ignoring case and diacritics.
 */
import type { Indicator } from '$lib/model/types';
import { matchIndicator } from './indicators';
import { CANONICAL_HEADER as CANONICAL } from './export-csv';
import { clean, looseKey, stripParenthetical } from './normalise';
import { scanPeriod } from './period';
import type { ImportShape } from './types';

export type Role = 'unit' | 'period' | 'indicator' | 'value' | 'note' | 'qualifier' | 'source' | 'ignore';

/** Header synonyms, written as looseKey gives them (no diacritics, punctuation → space). */
const SYNONYMS: Record<Role, string[]> = {
	unit: [
		'don vi',
		'ten don vi',
		'don vi hanh chinh',
		'phuong xa',
		'xa phuong',
		'phuong xa thi tran',
		'ten phuong xa',
		'ten xa phuong',
		'phuong',
		'xa',
		'dia phuong',
		'ward',
		'commune',
		'ward commune',
		'unit',
		'unit name',
		'ward name'
	],
	period: ['nam', 'ky', 'ky bao cao', 'nam bao cao', 'thoi gian', 'thoi ky', 'giai doan', 'year', 'period'],
	indicator: [
		'chi tieu',
		'chi so',
		'ten chi tieu',
		'ma chi tieu',
		'ten chi so',
		'ma chi so',
		'noi dung',
		'noi dung chi tieu',
		'indicator',
		'indicator code',
		'indicator name'
	],
	value: ['gia tri', 'so lieu', 'gia tri so lieu', 'so luong', 'value'],
	note: ['ghi chu', 'chu thich', 'note', 'notes', 'comment'],
	qualifier: ['qualifier', 'value qualifier', 'dau', 'dau so sanh'],
	// Where a row comes from (a report, `sample`); empty cells fall back to the file name.
	source: ['source', 'nguon', 'nguon so lieu'],
	ignore: [
		'stt',
		'tt',
		'so tt',
		'so thu tu',
		'no',
		'dvt',
		'don vi tinh',
		'unit of measure',
		'measure',
		'period type',
		'source section',
		'source text'
	]
};

const ROLE_BY_KEY = new Map<string, Role>();
for (const [role, keys] of Object.entries(SYNONYMS) as [Role, string[]][]) {
	for (const k of keys) ROLE_BY_KEY.set(k, role);
}

/** Headers are short: longer cells are data or accidents, and are not worth normalising. */
const MAX_HEADER_CHARS = 300;

export function headerRole(cell: string): Role | null {
	if (cell.length > MAX_HEADER_CHARS) return null;
	return ROLE_BY_KEY.get(looseKey(cell)) ?? ROLE_BY_KEY.get(looseKey(stripParenthetical(cell))) ?? null;
}

export interface PeriodColumn {
	col: number;
	period: string;
}
export interface IndicatorColumn {
	col: number;
	indicator: Indicator;
}

export interface Layout {
	/** 0-based index of the header row in the rows. */
	index: number;
	shape: ImportShape;
	/** Header texts (NFC, trimmed). */
	header: string[];
	/** Columns claiming each role, in order; the first non-empty cell among them is used. */
	roles: Partial<Record<Role, number[]>>;
	periodColumns: PeriodColumn[];
	indicatorColumns: IndicatorColumn[];
	/** Wide-by-indicator headers that are no known indicator. */
	unknownIndicatorColumns: { col: number; suggestions: string[] }[];
	/** Period headers with a year outside the accepted range. */
	badPeriodColumns: number[];
	/** Non-empty headers the import does not use. */
	ignoredColumns: number[];
	/** The header is our own export's (toCanonicalCsv): values use `.` as decimal separator. */
	canonical: boolean;
}

const has = (keys: Set<string>, ...need: string[]): boolean => need.every((k) => keys.has(k));

function listShape(keys: Set<string>): ImportShape | null {
	if (has(keys, 'code', 'name vi')) return 'dictionary';
	if (
		has(keys, 'code', 'name') &&
		['valid from', 'valid to', 'successor', 'aliases', 'parent'].some((k) => keys.has(k))
	) {
		return 'units';
	}
	return null;
}

/** Analyses one row as a possible header; `shape` is 'unknown' when it is not one. */
export function analyseHeader(
	row: readonly string[],
	index: number,
	dictionary: readonly Indicator[],
	aliases?: Record<string, string>
): Layout {
	const header = row.map(clean);
	const layout: Layout = {
		index,
		shape: 'unknown',
		header,
		roles: {},
		periodColumns: [],
		indicatorColumns: [],
		unknownIndicatorColumns: [],
		badPeriodColumns: [],
		ignoredColumns: [],
		canonical: CANONICAL.every((name, i) => header[i] === name)
	};
	const nonEmpty = header.filter((h) => h !== '').length;
	if (nonEmpty < 2) return layout;
	const listed = listShape(new Set(header.map((h) => looseKey(h))));
	if (listed) return { ...layout, shape: listed };

	const others: number[] = [];
	header.forEach((h, col) => {
		if (h === '') return;
		const role = headerRole(h);
		if (role) (layout.roles[role] ??= []).push(col);
		else others.push(col);
	});
	const r = layout.roles;
	const periodLike: number[] = [];
	for (const col of others) {
		if (header[col].length > MAX_HEADER_CHARS) continue;
		const p = scanPeriod(header[col]);
		if (p.ok) layout.periodColumns.push({ col, period: p.period });
		else if (p.code === 'year_out_of_range') layout.badPeriodColumns.push(col);
		else continue;
		periodLike.push(col);
	}
	const rest = others.filter((c) => !periodLike.includes(c));

	if (r.unit && r.period && r.indicator && r.value) {
		layout.shape = 'long';
		layout.ignoredColumns = [...others, ...(r.ignore ?? [])];
	} else if (r.unit && r.indicator && periodLike.length > 0) {
		layout.shape = 'wide-period';
		layout.ignoredColumns = [...rest, ...(r.ignore ?? []), ...(r.value ?? [])];
	} else if (r.unit && r.period && !r.indicator && !r.value && others.length > 0) {
		layout.shape = 'wide-indicator';
		for (const col of others) {
			const m = matchIndicator(header[col], dictionary, aliases);
			if (m.indicator) layout.indicatorColumns.push({ col, indicator: m.indicator });
			else layout.unknownIndicatorColumns.push({ col, suggestions: m.suggestions });
		}
		layout.periodColumns = [];
		layout.badPeriodColumns = [];
		layout.ignoredColumns = [...(r.ignore ?? [])];
	} else if (!r.unit && r.indicator && periodLike.length > 0) {
		layout.shape = 'unit-sheet';
		layout.ignoredColumns = [...rest, ...(r.ignore ?? []), ...(r.value ?? []), ...(r.period ?? [])];
	}
	layout.ignoredColumns.sort((a, b) => a - b);
	return layout;
}

/** Rows searched for a header: title blocks in real reports are a few rows, not dozens. */
export const HEADER_SEARCH_ROWS = 50;

export function findHeader(
	rows: readonly string[][],
	dictionary: readonly Indicator[],
	aliases?: Record<string, string>
): Layout | null {
	const end = Math.min(rows.length, HEADER_SEARCH_ROWS);
	for (let i = 0; i < end; i++) {
		const layout = analyseHeader(rows[i], i, dictionary, aliases);
		if (layout.shape !== 'unknown') return layout;
	}
	return null;
}
