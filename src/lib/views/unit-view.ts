/**
 * The unit profile's pure parts: one table per dictionary group with every indicator of the unit over
 * the periods, the median of its peers and its rank in a chosen year; the key indicators against the
 * median; which figures the unit did not report; and the period order.
 */
import {
	describePanels,
	indicatorName,
	rankChanges,
	rankRows,
	REFERENCE_COLOR,
	smallMultiplesOption,
	type ChartTheme,
	type Panel
} from '$lib/charts';
import { formatCount, formatPeriod, formatRankChange, formatRate, formatValue, MISSING } from '$lib/format';
import type { Locale } from '$lib/format';
import type { Indicator, SeriesRow } from '$lib/model/types';
import type { TableColumn, TableRow } from '$lib/components/data-table';
import { dataGaps, type Presence } from '$lib/model/gaps';
import { groupIndicators, isRateLike, KEY_INDICATORS } from '$lib/model/indicators';
import { isYear, previousYear } from '$lib/model/period';
import { medianRows } from '$lib/model/median';
import { MEDIAN_LABEL, MERGE_FOOTNOTE } from '$lib/views/labels';

/** Years first, then halves and quarters, then multi-year totals; each in time order. */
export function sortPeriods(periods: Iterable<string>): string[] {
	const kind = (p: string) => (isYear(p) ? 0 : /-(H|Q)\d$/i.test(p) ? 1 : 2);
	return [...new Set(periods)].sort((a, b) => kind(a) - kind(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export interface ProfileInput {
	indicators: readonly Indicator[];
	/** Per indicator code: the values of every peer (the subject included), any periods. */
	series: ReadonlyMap<string, readonly SeriesRow[]>;
	subject: string;
	/** The year of the median and rank columns. */
	year: string;
	indicatorHref?: (code: string) => string;
	/** The language of names, figures and headers; Vietnamese by default. */
	locale?: Locale;
}

export interface ProfileTable {
	code: string;
	vi: string;
	en: string;
	columns: TableColumn[];
	rows: TableRow[];
}

/** Periods in which the subject has any value. */
export function subjectPeriods(input: Pick<ProfileInput, 'series' | 'subject'>): string[] {
	const out = new Set<string>();
	for (const rows of input.series.values())
		for (const r of rows) if (r.unit === input.subject) out.add(r.period);
	return sortPeriods(out);
}

export function profileTables(input: ProfileInput): ProfileTable[] {
	const { subject, year } = input;
	const locale = input.locale ?? 'vi';
	const periods = subjectPeriods(input);
	const previous = previousYear(year);
	const columns: TableColumn[] = [
		{ key: 'indicator', vi: 'Chỉ tiêu', en: 'Indicator', wrap: true },
		...periods.map((p) => ({ key: p, vi: formatPeriod(p, locale), numeric: true })),
		{ key: 'median', vi: `Trung vị ${year}`, en: `Median ${year}`, numeric: true },
		{ key: 'rank', vi: `Hạng ${year}`, en: `Rank ${year}`, numeric: true }
	];
	return groupIndicators(input.indicators)
		.map((group) => {
			const rows: TableRow[] = [];
			for (const indicator of group.indicators) {
				const all = input.series.get(indicator.code) ?? [];
				const mine = new Map(all.filter((r) => r.unit === subject).map((r) => [r.period, r]));
				if (mine.size === 0) continue;
				const medians = new Map(medianRows(all, MEDIAN_LABEL.vi).map((r) => [r.period, r]));
				const comparable = isRateLike(indicator);
				const cells: TableRow['cells'] = {
					indicator: {
						text: indicatorName(indicator, locale),
						href: input.indicatorHref?.(indicator.code),
						title: indicatorName(indicator, locale === 'vi' ? 'en' : 'vi')
					}
				};
				for (const p of periods) {
					const r = mine.get(p);
					const m = medians.get(p);
					if (!r) {
						cells[p] = { text: MISSING, sort: null, tone: 'muted' };
						continue;
					}
					// Above or below the median of the units, coloured only where sizes do not matter.
					let tone: 'good' | 'bad' | undefined;
					if (comparable && m && m.units >= 3 && r.value !== m.value)
						tone = r.value > m.value === indicator.higher_is_better ? 'good' : 'bad';
					cells[p] = {
						text: formatRate(r, indicator, { locale, place: 'table' }),
						sort: r.value,
						tone
					};
				}
				const m = medians.get(year);
				cells.median = m
					? {
							text: formatValue(indicator, m.value, m.qualifier, { locale, place: 'table' }),
							sort: m.value
						}
					: { text: MISSING, sort: null, tone: 'muted' };
				const now = all.filter((r) => r.period === year);
				const ranked =
					indicator.higher_is_better === null ? [] : rankRows(now, indicator.higher_is_better, locale);
				const hit = ranked.find((r) => r.row.unit === subject);
				if (hit) {
					const before = all.filter((r) => r.period === previous);
					const change = rankChanges(
						ranked,
						before.length ? rankRows(before, indicator.higher_is_better, locale) : undefined
					).get(subject);
					cells.rank = {
						text: `${formatCount(hit.rank, locale)}/${formatCount(ranked.length, locale)}`,
						sort: -hit.rank / ranked.length,
						sub: change ? formatRankChange(change, locale) : '',
						tone: change?.kind === 'up' ? 'good' : change?.kind === 'down' ? 'bad' : undefined
					};
				} else cells.rank = { text: MISSING, sort: null, tone: 'muted' };
				rows.push({ id: indicator.code, cells });
			}
			return { code: group.code, vi: group.vi, en: group.en, columns, rows };
		})
		.filter((t) => t.rows.length > 0);
}

/** The latest year in which the subject has a value of a comparable (rate-like) indicator, else its latest year. */
export function defaultProfileYear(input: Pick<ProfileInput, 'series' | 'subject' | 'indicators'>): string {
	let best = '';
	let any = '';
	for (const ind of input.indicators) {
		for (const r of input.series.get(ind.code) ?? []) {
			if (r.unit !== input.subject || !isYear(r.period)) continue;
			if (r.period > any) any = r.period;
			if (isRateLike(ind) && r.period > best) best = r.period;
		}
	}
	return best || any;
}

/** Small multiples as one plain table: a row per indicator and unit, a column per period. */
export function panelsTable(
	panels: readonly { indicator: Indicator; rows: readonly SeriesRow[] }[],
	units: readonly string[],
	locale: Locale
): { columns: string[]; rows: string[][] } {
	const periods = sortPeriods(panels.flatMap((p) => p.rows.map((r) => r.period)));
	const rows = panels.flatMap(({ indicator, rows: list }) =>
		units.map((unit) => [
			locale === 'vi' ? indicator.name_vi : indicator.name_en,
			unit,
			...periods.map((period) => {
				const r = list.find((x) => x.unit === unit && x.period === period);
				return r ? formatRate(r, indicator, { locale, place: 'table' }) : MISSING;
			})
		])
	);
	return {
		columns: [
			locale === 'vi' ? 'Chỉ tiêu' : 'Indicator',
			locale === 'vi' ? 'Đơn vị' : 'Unit',
			...periods.map((p) => formatPeriod(p, locale))
		],
		rows
	};
}

/**
 * The key indicators over the years: the subject's yearly values against the median of its peers (the
 * median's rows named `median`). Ratings are left out; so is an indicator the subject has no value of.
 */
export function keyPanels(
	series: ReadonlyMap<string, readonly SeriesRow[]>,
	dictionary: ReadonlyMap<string, Indicator>,
	subject: string,
	peers: readonly string[],
	median: string
): Panel[] {
	return KEY_INDICATORS.map((c) => dictionary.get(c))
		.filter((i): i is Indicator => !!i && i.unit !== 'rating')
		.map((indicator) => {
			const yearly = (series.get(indicator.code) ?? []).filter(
				(r) => isYear(r.period) && peers.includes(r.unit)
			);
			return {
				indicator,
				rows: [...yearly.filter((r) => r.unit === subject), ...medianRows(yearly, median)]
			};
		})
		.filter((p) => p.rows.some((r) => r.unit === subject));
}

/** The indicators the subject has no value of at all. */
export function indicatorsWithoutData(
	indicators: readonly Indicator[],
	series: ReadonlyMap<string, readonly SeriesRow[]>,
	subject: string
): Indicator[] {
	return indicators.filter((i) => !(series.get(i.code) ?? []).some((r) => r.unit === subject));
}

export interface CompletenessYear {
	year: string;
	/** Raw figures the reporting units were expected to give that year. */
	expected: number;
	/** The figures they did not give, by name (prefixed with the unit when several units report). */
	missing: string[];
}

/**
 * Completeness per year: the raw figures other units reported for a year and the `reporting` units (the
 * subject, or the members of a merged unit) did not. `name` turns an indicator code into its name.
 */
export function completeness(
	presence: readonly Presence[],
	units: readonly string[],
	reporting: readonly string[],
	name: (code: string) => string
): CompletenessYear[] {
	const years = [...new Set(presence.map((p) => p.period))].sort();
	const gaps = dataGaps(presence, units, years).filter((g) => reporting.includes(g.unit));
	return years.map((year) => {
		const list = gaps.filter((g) => g.period === year);
		return {
			year,
			expected: list.reduce((n, g) => n + g.expected, 0),
			missing: list.flatMap((g) =>
				g.missing.map((c) => (reporting.length > 1 ? `${g.unit}: ${name(c)}` : name(c)))
			)
		};
	});
}

/**
 * The key panels as a chart card's parts: `chart` (the small multiples on screen, their description
 * and table) and `source` (the same chart built for a PNG/SVG download with a title and footnote).
 * `merged` adds the 2025 merge footnote; the median is drawn in the reference colour.
 */
export function keyPanelsChart(
	panels: Panel[],
	o: { subject: string; median: string; merged: boolean; colorOf: (unit: string) => string; title: string },
	locale: Locale
) {
	const units = [o.subject, o.median];
	const colorOf = (name: string) => (name === o.median ? REFERENCE_COLOR : o.colorOf(name));
	const footnote = o.merged ? MERGE_FOOTNOTE[locale] : '';
	return {
		source: {
			title: o.title,
			footnote,
			build: (x: { theme: ChartTheme; title: string; footnote: string }) =>
				smallMultiplesOption(panels, {
					locale,
					theme: x.theme,
					colorOf,
					units,
					title: x.title,
					footnote: x.footnote || undefined
				})
		},
		chart: {
			option: smallMultiplesOption(panels, {
				locale,
				theme: 'screen',
				colorOf,
				units,
				footnote: footnote || undefined
			}),
			label: describePanels(panels, locale),
			table: panelsTable(panels, units, locale),
			series: units,
			height: `${panels.length > 3 ? 520 : 300}px`
		}
	};
}
