/**
 * The overview's tiles as plain data: the town figure of a year with its parts and coverage, the
 * change against the year before as an explicit state (with words and a tone), and the yearly series
 * for the sparkline; the rating tile's counts; the tables of best and weakest units and of data gaps.
 */
import {
	changeTone,
	formatChange,
	formatCount,
	formatRate,
	formatPeriod,
	formatValue,
	hasParts,
	isSmallSample,
	SMALL_SAMPLE_MARK,
	type Locale,
	type Tone
} from '$lib/format';
import type { Indicator, SeriesRow, Unit } from '$lib/model/types';
import type { RatingCountRow } from '$lib/db/queries';
import type { TableCell, TableRow } from '$lib/components/data-table';
import { indicatorName } from '$lib/charts';
import { EN } from '$lib/i18n/english.svelte';
import { fill } from '$lib/i18n/locale';
import { vi, type MessageKey } from '$lib/i18n/vi';
import { coverageText, differentUnitsText, tileChange, type TileChange } from '$lib/views/coverage';
import { isYear, previousYear } from '$lib/model/period';
import { ratingLabel, ratingRanks } from '$lib/model/indicators';
import { bestAndWeakest } from '$lib/model/rank';
import { dataGaps, type Gap, type Presence } from '$lib/model/gaps';
import { successorOf, unitKey, unitPath, unitsFor } from '$lib/model/units';

export interface TileModel {
	indicator: Indicator;
	year: string;
	current: SeriesRow | undefined;
	/** The big figure (`96,1 %`, `> 570`, `—`). */
	value: string;
	/** The counts behind a rate (`222/231`), '' otherwise. */
	parts: string;
	/** `14/15 đơn vị có số liệu` when not every unit reported, '' otherwise. */
	coverage: { vi: string; en: string };
	change: { kind: TileChange['kind']; vi: string; en: string; tone: Tone; arrow: string };
	/** The town's yearly values, for the sparkline. */
	series: SeriesRow[];
}

function changeWords(change: TileChange, indicator: Indicator, previous: string) {
	if (change.kind === 'different-units')
		return {
			vi: differentUnitsText(change, 'vi'),
			en: differentUnitsText(change, 'en'),
			tone: 'neutral' as Tone,
			arrow: ''
		};
	const vi = formatChange(change, indicator, 'vi');
	const en = formatChange(change, indicator, 'en');
	const delta = change.kind === 'value' || change.kind === 'previous-zero' ? change.delta : 0;
	const arrow =
		change.kind === 'value' || change.kind === 'previous-zero'
			? delta > 0
				? '▲'
				: delta < 0
					? '▼'
					: '='
			: '';
	const versus = change.kind === 'value' || change.kind === 'previous-zero';
	return {
		vi: versus ? `${vi} so với ${formatPeriod(previous, 'vi')}` : vi,
		en: versus ? `${en} vs ${formatPeriod(previous, 'en')}` : en,
		tone: changeTone(change, indicator.higher_is_better),
		arrow
	};
}

/** A tile for `indicator` from its town series (any periods) in `year`, which stands for `expected` units. */
export function tileModel(
	indicator: Indicator,
	town: readonly SeriesRow[],
	year: string,
	expected: number,
	locale: Locale = 'vi'
): TileModel {
	const yearly = town.filter((r) => isYear(r.period)).sort((a, b) => (a.period < b.period ? -1 : 1));
	const current = yearly.find((r) => r.period === year);
	const previousPeriod = previousYear(year);
	const previous = yearly.find((r) => r.period === previousPeriod);
	const change = tileChange(indicator, current, previous);
	const value = formatValue(indicator, current?.value ?? null, current?.qualifier ?? '', {
		locale,
		place: 'tile'
	});
	const parts =
		current && hasParts(current)
			? `${formatCount(current.numerator, locale)}/${formatCount(current.denominator, locale)}${isSmallSample(current) ? SMALL_SAMPLE_MARK : ''}`
			: '';
	return {
		indicator,
		year,
		current,
		value,
		parts,
		coverage: { vi: coverageText(current, expected, 'vi'), en: coverageText(current, expected, 'en') },
		change: { kind: change.kind, ...changeWords(change, indicator, previousPeriod) },
		series: yearly.filter((r) => r.period <= year)
	};
}

/** A page path that keeps the chosen view (`?v=2025`) when the page has one. */
export function withMode(path: string, mode: string): string {
	return mode ? `${path}?v=${mode}` : path;
}

/** A message of the catalogue in `locale`, for the tables below (pure: the locale is given). */
function say(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
	return fill((locale === 'en' ? EN[key] : undefined) ?? vi[key], params);
}

export interface RatingCounts {
	/** Every rating, best first, with the number of units that got it. */
	counts: { label: string; units: number }[];
	/** The units rated that year. */
	total: number;
}

/** Ratings are not averaged: how many units got each rating in `year`. */
export function ratingCounts(
	indicator: Pick<Indicator, 'categories'>,
	rows: readonly Pick<RatingCountRow, 'period' | 'value' | 'units'>[],
	year: string
): RatingCounts {
	const counts = ratingRanks(indicator).map((rank) => ({
		label: ratingLabel(indicator, rank),
		units: rows.filter((r) => r.period === year && r.value === rank).reduce((n, r) => n + r.units, 0)
	}));
	return { counts, total: counts.reduce((n, c) => n + c.units, 0) };
}

/** `A, B, C +2`: at most three names, then how many more. */
export function firstNames(rows: readonly SeriesRow[], shown = 3): string {
	const names = rows.map((r) => r.unit);
	return names.length > shown
		? `${names.slice(0, shown).join(', ')} +${names.length - shown}`
		: names.join(', ');
}

/**
 * The best and the weakest units of each indicator in `year` (one row per indicator that has both):
 * the names with the figure, every name in the title. Indicators without a direction or whose units
 * all have the same figure are left out.
 */
export function extremesRows(
	indicators: readonly Indicator[],
	perUnit: ReadonlyMap<string, readonly SeriesRow[]>,
	year: string,
	mode: string,
	locale: Locale
): TableRow[] {
	return indicators.flatMap((ind) => {
		const e = bestAndWeakest(
			(perUnit.get(ind.code) ?? []).filter((r) => r.period === year),
			ind
		);
		if (!e) return [];
		const side = (list: SeriesRow[], tone: 'good' | 'bad') => ({
			text: firstNames(list),
			sub: formatRate(list[0], ind, { locale, place: 'table' }),
			title: list.map((r) => r.unit).join(', '),
			tone
		});
		return [
			{
				id: ind.code,
				cells: {
					indicator: {
						text: indicatorName(ind, locale),
						href: withMode(`/indicators/${ind.code}`, mode),
						sub: say(locale, 'overview.unitsCount', { n: formatCount(e.of, locale) })
					},
					best: side(e.best, 'good'),
					weakest: side(e.weakest, 'bad')
				}
			}
		];
	});
}

export interface GapsTable {
	/** The years that have any key figure, oldest first (one column each). */
	years: string[];
	/** Units that miss a figure some other unit reported, in the registry's order. */
	rows: TableRow[];
	/** How many units miss nothing. */
	complete: number;
}

/**
 * Completeness of the key figures, per pre-2025 unit and year: what other units reported and this
 * one did not. In the 2025 view each unit also shows its successor.
 */
export function gapsTable(
	presence: readonly Presence[],
	units: readonly Unit[],
	dictionary: ReadonlyMap<string, Indicator>,
	mode: string,
	locale: Locale
): GapsTable {
	const gapUnits = unitsFor('', units);
	const years = [...new Set(presence.map((p) => p.period))].sort();
	const gaps = dataGaps(
		presence,
		gapUnits.map((u) => u.name),
		years
	);
	const nameOf = (code: string) => {
		const ind = dictionary.get(code);
		return ind ? indicatorName(ind, locale) : code;
	};
	const yearCell = (g: Gap | undefined): TableCell =>
		!g
			? { text: '' }
			: g.missing.length === 0
				? { text: '✓', tone: 'good', title: say(locale, 'overview.complete') }
				: {
						text: say(locale, 'overview.missingOf', {
							n: formatCount(g.missing.length, locale),
							total: formatCount(g.expected, locale)
						}),
						tone: 'bad',
						title: g.missing.map(nameOf).join('; ')
					};
	const rows = gapUnits.flatMap((unit): TableRow[] => {
		const mine = gaps.filter((g) => g.unit === unit.name);
		const cells: TableRow['cells'] = {
			unit: { text: unit.name, href: withMode(unitPath(unit), mode) }
		};
		if (mode === '2025') cells.successor = { text: successorOf(unit, units)?.name ?? '—' };
		let total = 0;
		for (const y of years) {
			const g = mine.find((x) => x.period === y);
			total += g?.missing.length ?? 0;
			cells[y] = yearCell(g);
		}
		cells.total = { text: formatCount(total, locale), sort: total };
		return total > 0 ? [{ id: unitKey(unit), cells }] : [];
	});
	return { years, rows, complete: gapUnits.length - rows.length };
}
