/**
 * The comparison table: one row per indicator, one column per chosen unit, the value of the latest year
 * in the range with the unit's rank among all units, the best of the chosen units in bold.
 */
import { indicatorName, rankRows } from '$lib/charts';
import { formatCount, formatPeriod, formatRate, MISSING, type Locale } from '$lib/format';
import type { Indicator, SeriesRow } from '$lib/model/types';
import type { TableColumn, TableRow } from '$lib/components/data-table';

export interface CompareInput {
	indicators: readonly Indicator[];
	series: ReadonlyMap<string, readonly SeriesRow[]>;
	/** The chosen units (columns). */
	units: readonly string[];
	/** Every unit of the view (for ranks). */
	peers: readonly string[];
	inRange: (period: string) => boolean;
	colorOf: (unit: string) => string;
	indicatorHref?: (code: string) => string;
	/** The language of names and figures; Vietnamese by default. */
	locale?: Locale;
}

export function compareTable(input: CompareInput): { columns: TableColumn[]; rows: TableRow[] } {
	const locale = input.locale ?? 'vi';
	const columns: TableColumn[] = [
		{ key: 'indicator', vi: 'Chỉ tiêu', en: 'Indicator', sortable: false },
		{ key: 'year', vi: 'Năm', en: 'Year', sortable: false },
		...input.units.map((u) => ({ key: `u:${u}`, vi: u, numeric: true, sortable: false }))
	];
	const rows: TableRow[] = input.indicators.map((indicator) => {
		const all = (input.series.get(indicator.code) ?? []).filter(
			(r) => input.inRange(r.period) && input.peers.includes(r.unit)
		);
		const chosen = all.filter((r) => input.units.includes(r.unit));
		const year =
			chosen
				.map((r) => r.period)
				.sort()
				.at(-1) ?? '';
		const now = all.filter((r) => r.period === year);
		const ranked =
			indicator.higher_is_better === null ? [] : rankRows(now, indicator.higher_is_better, locale);
		const rankOf = new Map(ranked.map((r) => [r.row.unit, r.rank]));
		const mine = now.filter((r) => input.units.includes(r.unit));
		const bestRank = Math.min(...mine.map((r) => rankOf.get(r.unit) ?? Infinity));
		const cells: TableRow['cells'] = {
			indicator: {
				text: indicatorName(indicator, locale),
				href: input.indicatorHref?.(indicator.code),
				title: indicatorName(indicator, locale === 'vi' ? 'en' : 'vi')
			},
			year: { text: year ? formatPeriod(year, locale) : MISSING }
		};
		for (const unit of input.units) {
			const r = now.find((x) => x.unit === unit);
			const rank = rankOf.get(unit);
			cells[`u:${unit}`] = r
				? {
						text: formatRate(r, indicator, { locale, place: 'table' }),
						sort: r.value,
						sub:
							rank !== undefined
								? `${locale === 'vi' ? 'hạng' : 'rank'} ${formatCount(rank, locale)}/${formatCount(ranked.length, locale)}`
								: '',
						strong: rank !== undefined && rank === bestRank && mine.length > 1
					}
				: {
						text: MISSING,
						sort: null,
						tone: 'muted',
						title: locale === 'vi' ? 'Chưa có số liệu' : 'No data'
					};
		}
		return { id: indicator.code, cells };
	});
	return { columns, rows };
}
