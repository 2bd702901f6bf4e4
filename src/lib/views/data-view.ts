/**
 * The data page's pure parts: the filter its URL state stands for, observation rows as table rows (sorted
 * and cut into pages), the units its picker offers, rows for the canonical export, and how a cell of the
 * SQL console's result is shown.
 */
import { formatNumber, formatPeriod, formatValue, MISSING, storedDateText, type Locale } from '$lib/format';
import type { ObservationFilter, ObservationRow } from '$lib/db/queries';
import type { Indicator, Observation, Unit } from '$lib/model/types';
import { sortBy, type SortDir, type TableColumn, type TableRow } from '$lib/components/data-table';

export const OBSERVATION_COLUMNS: TableColumn[] = [
	{ key: 'unit', vi: 'Đơn vị', en: 'Unit' },
	{ key: 'period', vi: 'Kỳ', en: 'Period' },
	{ key: 'indicator', vi: 'Chỉ tiêu', en: 'Indicator', wrap: true },
	{ key: 'value', vi: 'Giá trị', en: 'Value', numeric: true },
	{ key: 'source', vi: 'Nguồn', en: 'Source', wrap: true },
	{ key: 'note', vi: 'Ghi chú', en: 'Note', wrap: true }
];
export const OBSERVATION_SORT_KEYS = OBSERVATION_COLUMNS.map((c) => c.key);

const PLAIN = { unit: '', categories: [] as string[] };
const QUALIFIER_TITLE: Record<string, Record<Locale, string>> = {
	'>': { vi: 'Ít nhất', en: 'At least' },
	'~': { vi: 'Khoảng', en: 'About' }
};
const SAMPLE: Record<Locale, string> = { vi: 'mẫu', en: 'sample' };

export function observationRows(
	rows: readonly ObservationRow[],
	dictionary: ReadonlyMap<string, Indicator>,
	locale: Locale = 'vi'
): TableRow[] {
	return rows.map((r) => {
		const ind = dictionary.get(r.indicator);
		return {
			id: `${r.unit}\u0000${r.period}\u0000${r.indicator}`,
			cells: {
				unit: { text: r.unit },
				period: { text: formatPeriod(r.period, locale), sort: r.period, title: r.period },
				indicator: {
					text: (locale === 'en' ? r.name_en || r.name_vi : r.name_vi) ?? r.indicator,
					sub: r.indicator,
					href: ind ? `/indicators/${encodeURIComponent(r.indicator)}` : undefined,
					sort: (locale === 'en' ? r.name_en || r.name_vi : r.name_vi) ?? r.indicator
				},
				value: {
					text: formatValue(ind ?? PLAIN, r.value, r.qualifier, { locale, place: 'table' }),
					sort: r.value,
					title: r.qualifier ? QUALIFIER_TITLE[r.qualifier]?.[locale] : undefined
				},
				source: { text: r.source === 'sample' ? SAMPLE[locale] : r.source },
				note: { text: r.note }
			}
		};
	});
}

/** The data page's filters as its URL holds them (unit names, indicator codes, periods, a source, words). */
export interface FilterState {
	u: readonly string[];
	i: readonly string[];
	p: readonly string[];
	src: string;
	q: string;
}

/**
 * The filter as a key: the same filter gives the same text, so a change of page or sort (other URL keys)
 * does not query again. `JSON.parse` of it is the `ObservationFilter`.
 */
export function filterKey(s: FilterState): string {
	const filter: ObservationFilter = {
		units: s.u,
		indicators: s.i,
		periods: s.p,
		sources: s.src ? [s.src] : [],
		text: s.q
	};
	return JSON.stringify(filter);
}

/** Whether any filter is set. */
export function isFiltered(s: FilterState): boolean {
	return s.u.length + s.i.length + s.p.length > 0 || s.src !== '' || s.q !== '';
}

/** Table rows sorted on one column (its sort value, else its text) and cut to page `page` (1-based, clamped). */
export function sortedPage(
	rows: readonly TableRow[],
	sortKey: string,
	dir: SortDir,
	page: number,
	size: number
): { shown: TableRow[]; pages: number; page: number } {
	const sorted = sortBy(
		rows,
		(r) => {
			const c = r.cells[sortKey];
			return c ? (c.sort !== undefined ? c.sort : c.text) : null;
		},
		dir
	);
	const pages = Math.max(1, Math.ceil(sorted.length / size));
	const at = Math.min(Math.max(1, page), pages);
	return { shown: sorted.slice((at - 1) * size, at * size), pages, page: at };
}

/** The units the unit picker offers: the registry, plus any unit name found only in the rows. */
export function unitOptions(units: readonly Unit[], rows: readonly { unit: string }[]): Unit[] {
	const known = [...units];
	for (const r of rows)
		if (!known.some((u) => u.name === r.unit))
			known.push({
				name: r.unit,
				code: r.unit,
				kind: '',
				parent: '',
				valid_from: '',
				valid_to: '',
				successor: '',
				aliases: []
			});
	return known;
}

/** Rows as they go into the canonical CSV. */
export function toObservations(rows: readonly ObservationRow[]): Observation[] {
	return rows.map((r) => ({
		unit: r.unit,
		period: r.period,
		indicator: r.indicator,
		value: r.value,
		qualifier: r.qualifier,
		source: r.source,
		note: r.note
	}));
}

/** A console cell as text: numbers in the locale's format, dates as ISO, lists and structs as JSON, NULL as NULL. */
export function consoleCell(value: unknown, type: string, locale: Locale = 'vi'): string {
	if (value === null || value === undefined) return 'NULL';
	const t = type.toUpperCase();
	if (typeof value === 'number') {
		if (t === 'DATE') return storedDateText(value, 'date');
		if (t.startsWith('TIMESTAMP')) return storedDateText(value, 'timestamp');
		if (!Number.isFinite(value)) return String(value);
		return formatNumber(value, locale, { min: 0, max: 6 });
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'string') return value;
	if (value instanceof Date) return value.toISOString();
	try {
		return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
	} catch {
		return String(value);
	}
}

const NUMERIC_TYPE =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/i;

/** A console result as a table: a column per result column (its type under its name), cells as text. */
export function consoleTable(
	columns: readonly { name: string; type: string }[],
	rows: readonly Record<string, unknown>[],
	locale: Locale = 'vi'
): { columns: TableColumn[]; rows: TableRow[] } {
	return {
		columns: columns.map((c, i) => ({
			key: `c${i}`,
			vi: c.name,
			en: c.type.toLowerCase(),
			sortable: false,
			numeric: NUMERIC_TYPE.test(c.type)
		})),
		rows: rows.map((row, n) => ({
			id: String(n),
			cells: Object.fromEntries(
				columns.map((c, i) => [
					`c${i}`,
					{
						text: consoleCell(row[c.name], c.type, locale),
						tone: row[c.name] === null ? ('muted' as const) : undefined
					}
				])
			)
		}))
	};
}

export { MISSING };
