/**
 * The indicator page's pure parts: the table of all values (one row per unit, one column per period,
 * the rank in the chosen period with its change), the town and median rows, and the words of the
 * definition card.
 */
import { rankChanges, rankRows } from '$lib/charts';
import { formatPeriod, formatRankChange, formatRate, MISSING, type Locale } from '$lib/format';
import { FormulaError, parseFormula } from '$lib/model/formula';
import type { Aggregation, Indicator, SeriesRow } from '$lib/model/types';
import type { TableColumn, TableRow } from '$lib/components/data-table';

export interface ValueTableInput {
	indicator: Indicator;
	/** Values per unit, any periods. */
	rows: readonly SeriesRow[];
	/** Columns, in order. */
	periods: readonly string[];
	/** Units to list (one row each, also those without any value). */
	units: readonly string[];
	/** The period whose rank is shown, and the one its change is measured against. */
	rankPeriod: string;
	previousPeriod: string;
	/** Rows pinned below (town, median): label → values. */
	footer: { label: string; rows: readonly SeriesRow[] }[];
	colorOf: (unit: string) => string;
	unitHref?: (unit: string) => string;
	locale?: Locale;
}

export const RANK_KEY = 'rank';
export const UNIT_KEY = 'unit';

export function valueTable(input: ValueTableInput): {
	columns: TableColumn[];
	rows: TableRow[];
	footer: TableRow[];
} {
	const { indicator, rows, periods, units, rankPeriod, previousPeriod, colorOf, unitHref } = input;
	const locale = input.locale ?? 'vi';
	const index = new Map(rows.map((r) => [`${r.unit}\u0000${r.period}`, r]));
	const hasRank = indicator.higher_is_better !== null && rankPeriod !== '';
	const current = rankRows(
		rows.filter((r) => r.period === rankPeriod),
		indicator.higher_is_better,
		locale
	);
	const previousRows = rows.filter((r) => r.period === previousPeriod);
	const changes = rankChanges(
		current,
		previousRows.length ? rankRows(previousRows, indicator.higher_is_better, locale) : undefined
	);
	const rankOf = new Map(current.map((r) => [r.row.unit, r.rank]));

	const columns: TableColumn[] = [
		{ key: UNIT_KEY, vi: 'Đơn vị', en: 'Unit' },
		...periods.map((p) => ({
			key: p,
			vi: formatPeriod(p, 'vi'),
			en: p.includes('-') ? formatPeriod(p, 'en') : undefined,
			numeric: true
		})),
		...(hasRank
			? [{ key: RANK_KEY, vi: `Hạng ${formatPeriod(rankPeriod, 'vi')}`, en: 'Rank', numeric: true }]
			: [])
	];

	const cellOf = (row: SeriesRow | undefined) =>
		row
			? { text: formatRate(row, indicator, { locale, place: 'table' }), sort: row.value }
			: { text: MISSING, sort: null, tone: 'muted' as const, title: 'Chưa có số liệu · No data' };

	const body: TableRow[] = units.map((unit) => {
		const rank = rankOf.get(unit);
		const change = changes.get(unit);
		const cells: TableRow['cells'] = {
			[UNIT_KEY]: { text: unit, sort: unit, swatch: colorOf(unit), href: unitHref?.(unit) }
		};
		for (const p of periods) cells[p] = cellOf(index.get(`${unit}\u0000${p}`));
		if (hasRank)
			cells[RANK_KEY] =
				rank === undefined
					? { text: MISSING, sort: null, tone: 'muted' }
					: {
							text: String(rank),
							sort: -rank,
							sub: change ? formatRankChange(change, locale) : '',
							tone: change?.kind === 'up' ? 'good' : change?.kind === 'down' ? 'bad' : undefined
						};
		return { id: unit, cells };
	});

	const footer: TableRow[] = input.footer.map(({ label, rows: list }) => {
		const byPeriod = new Map(list.map((r) => [r.period, r]));
		const cells: TableRow['cells'] = { [UNIT_KEY]: { text: label } };
		for (const p of periods) cells[p] = cellOf(byPeriod.get(p));
		if (hasRank) cells[RANK_KEY] = { text: '' };
		return { id: `footer-${label}`, cells };
	});

	return { columns, rows: body, footer };
}

const AGGREGATION_TEXT: Record<Aggregation, { vi: string; en: string }> = {
	sum: { vi: 'Cộng số liệu các đơn vị', en: 'Summed over units' },
	ratio: {
		vi: 'Tổng tử số / tổng mẫu số (không lấy trung bình các tỷ lệ)',
		en: 'Sum of numerators / sum of denominators (never the mean of rates)'
	},
	mean: { vi: 'Trung bình các đơn vị', en: 'Mean of the units' },
	median: { vi: 'Trung vị các đơn vị', en: 'Median of the units' },
	latest: { vi: 'Giá trị mới nhất của mỗi đơn vị', en: 'Latest value of each unit' },
	none: { vi: 'Không gộp (xếp loại: xem phân bố)', en: 'Not aggregated (ratings: see the distribution)' }
};

export function aggregationText(aggregation: Aggregation): { vi: string; en: string } {
	return AGGREGATION_TEXT[aggregation] ?? { vi: aggregation, en: aggregation };
}

export function directionText(higherIsBetter: boolean | null): { vi: string; en: string } {
	if (higherIsBetter === true) return { vi: 'Cao hơn là tốt hơn', en: 'Higher is better' };
	if (higherIsBetter === false) return { vi: 'Thấp hơn là tốt hơn', en: 'Lower is better' };
	return { vi: 'Không có chiều tốt/xấu', en: 'Neither direction is better' };
}

export function kindText(indicator: Indicator): { vi: string; en: string } {
	return indicator.kind === 'derived'
		? { vi: 'Tính từ công thức', en: 'Derived from a formula' }
		: { vi: 'Số liệu báo cáo', en: 'Reported figure' };
}

export type FormulaPart = { text: string } | { code: string; indicator: Indicator | undefined };

/** A formula as text pieces and indicator codes (to link each code to its page and name). */
export function formulaParts(formula: string, dictionary: Map<string, Indicator>): FormulaPart[] {
	try {
		parseFormula(formula);
	} catch (e) {
		if (e instanceof FormulaError) return [{ text: formula }];
		throw e;
	}
	const parts: FormulaPart[] = [];
	for (const m of formula.matchAll(/([a-z][a-z0-9_]*)|([^a-z]+)/g)) {
		if (m[1]) parts.push({ code: m[1], indicator: dictionary.get(m[1]) });
		else parts.push({ text: m[2].replace(/\*/g, '×').replace(/\//g, '÷').replace(/-/g, '−') });
	}
	return parts;
}
