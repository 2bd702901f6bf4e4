/**
 * What the leaders' views compute from query rows, as plain functions: the units a view shows (before
 * or after the 2025 reorganisation), reference lines (the town median), tile figures with an explicit
 * change state, strengths and weaknesses, best and weakest units, data completeness. No Svelte, no
 * DuckDB: pages load rows through `data` and hand them here.
 */
import { makeColorOf, rankRows } from '$lib/charts';
import {
	compareNames,
	computeChange,
	formatCount,
	formatDay,
	formatPeriod,
	type ChangeOrMissing,
	type Locale
} from '$lib/format';
import { expandFormula, parseFormula } from '$lib/model/formula';
import { en as EN } from '$lib/i18n/en';
import { vi as VI, type MessageKey } from '$lib/i18n/vi';
import type { Indicator, Qualifier, SeriesRow, Unit } from '$lib/model/types';

/** `''`: units as reported; `'2025'`: pre-July-2025 units merged into their successors. */
export type ViewMode = '' | '2025';
export const VIEW_MODES: readonly ViewMode[] = ['', '2025'];
export type Grouping = 'unit' | 'successor';

export function groupingFor(mode: ViewMode): Grouping {
	return mode === '2025' ? 'successor' : 'unit';
}

/** A message of the catalogue in both languages, for pure modules that are given a locale. */
const inBoth = (key: MessageKey): Record<Locale, string> => ({ vi: VI[key], en: EN[key] });

/**
 * The town-wide group's name in query rows: what the loaders ask the database to call it and what
 * `expectedMembers` recognises. An identity, not a label: people see `TOWN_LABEL[locale]`.
 */
export const TOWN_GROUP = 'Toàn thị xã';
/** What the town-wide group, and the median of the units, are called in a locale. */
export const TOWN_LABEL = inBoth('label.town');
export const MEDIAN_LABEL = inBoth('label.median');

/** The day the 15 units of Đức Phổ were merged into 5. */
export const REORGANISATION_DAY = '2025-07-01';

/** Short enough to sit under a chart (it goes into exported images): `MERGE_FOOTNOTE[locale]`. */
export const MERGE_FOOTNOTE = inBoth('label.mergeFootnote');

export const MERGE_NOTE = {
	vi: 'Số liệu các đơn vị trước 01/7/2025 được gộp vào đơn vị kế thừa theo cách tổng hợp của từng chỉ tiêu.',
	en: 'Figures of pre-July-2025 units are merged into their successors by each indicator’s aggregation.'
};

// ——— Indicators ———

/** Dictionary groups, in the order leaders read them; unknown groups follow by name. */
export const GROUPS: readonly { code: string; vi: string; en: string }[] = [
	{ code: 'petitions', vi: 'Đơn thư, hòa giải', en: 'Petitions and mediation' },
	{ code: 'reception', vi: 'Tiếp công dân, dân chủ cơ sở', en: 'Citizen reception and grassroots democracy' },
	{ code: 'danvan', vi: 'Công tác dân vận', en: 'Mass mobilisation (dân vận)' },
	{ code: 'culture', vi: 'Văn hóa, pháp luật', en: 'Culture and legal education' },
	{ code: 'profile', vi: 'Thông tin chung', en: 'Profile' }
];

export function groupLabel(code: string): { vi: string; en: string } {
	const known = GROUPS.find((g) => g.code === code);
	if (known) return { vi: known.vi, en: known.en };
	return { vi: code || 'Khác', en: code || 'Other' };
}

export interface IndicatorGroup {
	code: string;
	vi: string;
	en: string;
	indicators: Indicator[];
}

/** Indicators by dictionary group (known groups first), names in Vietnamese order inside a group. */
export function groupIndicators(indicators: readonly Indicator[]): IndicatorGroup[] {
	const byGroup = new Map<string, Indicator[]>();
	for (const i of indicators) byGroup.set(i.group, [...(byGroup.get(i.group) ?? []), i]);
	const known = GROUPS.map((g) => g.code);
	const codes = [...byGroup.keys()].sort((a, b) => {
		const ia = known.indexOf(a);
		const ib = known.indexOf(b);
		if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
		return compareNames(a, b);
	});
	return codes.map((code) => ({
		code,
		...groupLabel(code),
		indicators: [...byGroup.get(code)!].sort((a, b) => compareNames(a.name_vi, b.name_vi))
	}));
}

/** Overview tiles and default comparison panels: the figures a review meeting starts from. */
export const KEY_INDICATORS: readonly string[] = [
	'petition_resolution_rate',
	'land_dispute_mediation_success_rate',
	'feedback_resolution_rate',
	'petition_cases_received',
	'citizen_receptions_periodic',
	'cultural_family_households_pct',
	'dan_van_rating'
];

/** Rates the overview names the best and weakest units for (those present and comparable). */
export const OVERVIEW_EXTREMES: readonly string[] = [
	'petition_resolution_rate',
	'land_dispute_mediation_success_rate',
	'feedback_resolution_rate',
	'cultural_family_households_pct',
	'residential_groups_cultural_pct',
	'dan_van_rating_ordinal'
];

/**
 * Indicators whose values can be compared between units of different sizes: rates, shares, densities
 * and ratings with a direction. Counts grow with a ward's size, so they are not strengths or weaknesses.
 */
export function isRateLike(indicator: Indicator): boolean {
	if (indicator.higher_is_better === null) return false;
	if (['percent', 'per_1000', 'rating', 'people_per_km2'].includes(indicator.unit)) return true;
	return (
		indicator.kind === 'derived' &&
		indicator.aggregation === 'ratio' &&
		/\//.test(indicator.formula) &&
		indicator.unit !== 'count'
	);
}

/** Which reference line suits an indicator: a total of counts dwarfs the units, so counts get the median. */
export type Reference = 'median' | 'town' | 'none';
export const REFERENCES: readonly Reference[] = ['median', 'town', 'none'];

export function defaultReference(indicator: Indicator): Reference {
	if (indicator.unit === 'text' || indicator.unit === 'yes_no') return 'none';
	if (
		indicator.aggregation === 'ratio' ||
		indicator.aggregation === 'mean' ||
		indicator.aggregation === 'median'
	)
		return 'town';
	return 'median';
}

/**
 * A derived rating (e.g. `dan_van_rating_ordinal = dan_van_rating`) has no category labels of its own:
 * it borrows those of the rating it reads, so values show as `Hoàn thành tốt nhiệm vụ`, not `3`.
 */
export function withCategories(indicator: Indicator, dictionary: ReadonlyMap<string, Indicator>): Indicator {
	if (indicator.unit !== 'rating' || indicator.categories.length > 0 || indicator.kind !== 'derived')
		return indicator;
	try {
		const ast = expandFormula(parseFormula(indicator.formula), dictionary as Map<string, Indicator>);
		const source = ast.type === 'var' ? dictionary.get(ast.code) : undefined;
		return source?.categories.length ? { ...indicator, categories: source.categories } : indicator;
	} catch {
		return indicator;
	}
}

/** The indicator can be summed up over several units (the town, a 2025 successor). */
export function isAggregable(indicator: Indicator): boolean {
	return indicator.aggregation !== 'none';
}

// ——— Periods ———

export function isYear(period: string): boolean {
	return /^\d{4}$/.test(period);
}

export function periodsOf(rows: readonly SeriesRow[]): string[] {
	return [...new Set(rows.map((r) => r.period))].sort();
}

export function yearsOf(rows: readonly SeriesRow[]): string[] {
	return periodsOf(rows).filter(isYear);
}

/** The year before a `YYYY` period, '' for any other period. */
export function previousYear(period: string): string {
	return isYear(period) ? String(Number(period) - 1) : '';
}

/** Keep periods in [from, to] (years; either end may be open). Non-yearly periods are kept when inside. */
export function inYearRange(period: string, from: number, to: number): boolean {
	const m = /^(\d{4})(?:-(\d{4}))?/.exec(period);
	if (!m) return true;
	const start = Number(m[1]);
	const end = m[2] ? Number(m[2]) : start;
	return (!from || start >= from) && (!to || end <= to);
}

// ——— Units and the 2025 reorganisation ———

export function isBefore2025(unit: Unit): boolean {
	return Boolean(unit.valid_to) && unit.valid_to < REORGANISATION_DAY;
}

export function isFrom2025(unit: Unit): boolean {
	return Boolean(unit.valid_from) && unit.valid_from >= REORGANISATION_DAY;
}

/** The units a view lists: the pre-2025 units (and undated ones), or the units of 2025 (and undated ones). */
export function unitsFor(mode: ViewMode, units: readonly Unit[]): Unit[] {
	const shown = units.filter((u) => (mode === '2025' ? !isBefore2025(u) : !isFrom2025(u)));
	return shown.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The fixed order that gives every unit its colour on every chart (see `makeColorOf`): the first five
 * pre-2025 units, then the units of 2025, then the other pre-2025 units. The 5 units of 2025 are only
 * ever drawn together, so they get five strong, distinct colours instead of the palette's pale tail.
 */
export function unitColorOrder(units: readonly Unit[]): string[] {
	const before = units.filter((u) => !isFrom2025(u)).map((u) => u.name);
	const after = units.filter(isFrom2025).map((u) => u.name);
	return [...before.slice(0, 5), ...after, ...before.slice(5)];
}

/** A unit's colour, the same on every chart of every page. */
export function unitColors(units: readonly Unit[]): (name: string) => string {
	return makeColorOf(unitColorOrder(units));
}

export function unitByName(units: readonly Unit[], name: string): Unit | undefined {
	return units.find((u) => u.name === name);
}

export function successorOf(unit: Unit, units: readonly Unit[]): Unit | undefined {
	return unit.successor ? units.find((u) => u.code === unit.successor) : undefined;
}

export function predecessorsOf(unit: Unit, units: readonly Unit[]): Unit[] {
	return units.filter((u) => u.successor === unit.code).sort((a, b) => compareNames(a.name, b.name));
}

/** How many reporting units a group stands for (a successor: its predecessors; the town: all of them). */
export function expectedMembers(group: string, mode: ViewMode, units: readonly Unit[]): number {
	if (group === TOWN_GROUP) return unitsFor('', units).length;
	if (mode !== '2025') return 1;
	const unit = unitByName(units, group);
	if (!unit) return 1;
	return Math.max(1, predecessorsOf(unit, units).length);
}

/** A badge for a unit that exists only before or only after a date, e.g. `đến 30/6/2025`. */
export function validityBadge(unit: Unit): { vi: string; en: string } | null {
	if (unit.valid_to)
		return { vi: `đến ${formatDay(unit.valid_to, 'vi')}`, en: `until ${formatDay(unit.valid_to, 'en')}` };
	if (isFrom2025(unit) || (unit.valid_from && unit.valid_from > '2020-12-31'))
		return { vi: `từ ${formatDay(unit.valid_from, 'vi')}`, en: `from ${formatDay(unit.valid_from, 'en')}` };
	return null;
}

// ——— Reference lines and ranks ———

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The median of the units' values, per period. A median of rates is not a rate (no numerator and
 * denominator); any qualified input value makes the median approximate.
 */
export function medianRows(rows: readonly SeriesRow[], label = MEDIAN_LABEL.vi): SeriesRow[] {
	const byPeriod = new Map<string, SeriesRow[]>();
	for (const r of rows)
		if (Number.isFinite(r.value)) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
	return [...byPeriod.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([period, list]) => ({
			unit: label,
			period,
			value: median(list.map((r) => r.value)),
			qualifier: (list.some((r) => r.qualifier) ? '~' : '') as Qualifier,
			numerator: null,
			denominator: null,
			units: list.length
		}));
}

export interface UnitRank {
	rank: number;
	of: number;
}

/** A unit's rank among the rows of one period (best first by the indicator's direction). */
export function rankOf(rows: readonly SeriesRow[], unit: string, indicator: Indicator): UnitRank | null {
	if (indicator.higher_is_better === null) return null;
	const ranked = rankRows(rows, indicator.higher_is_better, 'vi');
	const hit = ranked.find((r) => r.row.unit === unit);
	return hit ? { rank: hit.rank, of: ranked.length } : null;
}

// ——— Tiles ———

/** A change of a total is only meaningful when the same number of units reported both years. */
export type TileChange = ChangeOrMissing | { kind: 'different-units'; current: number; previous: number };

export function tileChange(
	indicator: Indicator,
	current: SeriesRow | undefined,
	previous: SeriesRow | undefined
): TileChange {
	if (current && previous && indicator.aggregation === 'sum' && current.units !== previous.units)
		return { kind: 'different-units', current: current.units, previous: previous.units };
	return computeChange(current?.value ?? null, previous?.value ?? null);
}

export function differentUnitsText(change: { current: number; previous: number }, locale: Locale): string {
	return locale === 'vi'
		? `không so sánh được: ${formatCount(change.current, 'vi')} so với ${formatCount(change.previous, 'vi')} đơn vị báo cáo`
		: `not comparable: ${formatCount(change.current, 'en')} vs ${formatCount(change.previous, 'en')} units reporting`;
}

/** `14/15 đơn vị` when a group value covers fewer units than it stands for, '' when complete. */
export function coverageText(row: SeriesRow | undefined, expected: number, locale: Locale): string {
	if (!row || row.units >= expected) return '';
	return locale === 'vi'
		? `${formatCount(row.units, 'vi')}/${formatCount(expected, 'vi')} đơn vị có số liệu`
		: `${formatCount(row.units, 'en')} of ${formatCount(expected, 'en')} units reported`;
}

/**
 * Chart notes for group values that cover fewer units than their group has (`Đức Phổ 2024: 4/5`), so a
 * merged or town total is never read as complete when it is not.
 */
export function partialNotes(
	rows: readonly SeriesRow[],
	expectedOf: (group: string) => number,
	locale: Locale
): string[] {
	const partial = rows.filter((r) => r.units < expectedOf(r.unit));
	if (partial.length === 0) return [];
	const items = partial
		.map(
			(r) =>
				`${r.unit} ${formatPeriod(r.period, locale)} (${formatCount(r.units, locale)}/${formatCount(expectedOf(r.unit), locale)})`
		)
		.join('; ');
	return [
		locale === 'vi' ? `Số liệu gộp chưa đủ đơn vị: ${items}` : `Merged figures missing some units: ${items}`
	];
}

/** Notes in both languages, joined line by line: `vi · en`. */
export function bothLocales(make: (locale: Locale) => string[]): string[] {
	const vi = make('vi');
	const en = make('en');
	return vi.map((text, i) => (en[i] ? `${text} · ${en[i]}` : text));
}

// ——— Best and weakest, strengths and weaknesses ———

export interface Extremes {
	best: SeriesRow[];
	weakest: SeriesRow[];
	/** How many units had a value. */
	of: number;
}

/** The best and weakest units of one period (ties listed together); null without direction or data. */
export function bestAndWeakest(rows: readonly SeriesRow[], indicator: Indicator): Extremes | null {
	if (indicator.higher_is_better === null) return null;
	const ranked = rankRows(rows, indicator.higher_is_better, 'vi');
	if (ranked.length < 2) return null;
	const top = ranked[0].row.value;
	const bottom = ranked[ranked.length - 1].row.value;
	if (top === bottom) return null;
	return {
		best: ranked.filter((r) => r.row.value === top).map((r) => r.row),
		weakest: ranked.filter((r) => r.row.value === bottom).map((r) => r.row),
		of: ranked.length
	};
}

export interface Standing {
	indicator: Indicator;
	row: SeriesRow;
	rank: number;
	of: number;
	/** 0 best … 1 weakest. */
	position: number;
}

/**
 * A unit's strengths (top quarter, at most the top 3) and weaknesses (bottom quarter, at most the
 * bottom 3) among comparable (rate-like) indicators in one period; needs at least 4 units with values.
 */
export function strengthsAndWeaknesses(
	unit: string,
	panels: readonly { indicator: Indicator; rows: readonly SeriesRow[] }[],
	limit = 5
): { strengths: Standing[]; weaknesses: Standing[] } {
	const standings: Standing[] = [];
	for (const { indicator, rows } of panels) {
		if (!isRateLike(indicator)) continue;
		const ranked = rankRows(rows, indicator.higher_is_better, 'vi');
		if (ranked.length < 4) continue;
		const hit = ranked.find((r) => r.row.unit === unit);
		if (!hit) continue;
		const best = ranked[0].row.value;
		const worst = ranked[ranked.length - 1].row.value;
		if (best === worst) continue;
		const last = ranked[ranked.length - 1].rank;
		standings.push({
			indicator,
			row: hit.row,
			rank: hit.rank,
			of: ranked.length,
			position: last > 1 ? (hit.rank - 1) / (last - 1) : 0
		});
	}
	const cut = (s: Standing) => Math.min(3, Math.ceil(s.of / 4));
	const strengths = standings
		.filter((s) => s.rank <= cut(s))
		.sort((a, b) => a.position - b.position || compareNames(a.indicator.name_vi, b.indicator.name_vi))
		.slice(0, limit);
	const weaknesses = standings
		.filter((s) => s.of - s.rank < cut(s) && !strengths.includes(s))
		.sort((a, b) => b.position - a.position || compareNames(a.indicator.name_vi, b.indicator.name_vi))
		.slice(0, limit);
	return { strengths, weaknesses };
}

// ——— Completeness ———

export interface Presence {
	unit: string;
	period: string;
	indicator: string;
}

export interface Gap {
	unit: string;
	period: string;
	/** Indicators other units reported for that period and this unit did not. */
	missing: string[];
	expected: number;
}

/**
 * What each unit is missing, per period: an indicator counts as expected for a period when at least
 * one of `units` reported it then (a figure nobody reports is not a gap of one unit).
 */
export function dataGaps(
	presence: readonly Presence[],
	units: readonly string[],
	periods: readonly string[]
): Gap[] {
	const reported = new Map<string, Set<string>>();
	const expected = new Map<string, Set<string>>();
	const unitSet = new Set(units);
	for (const p of presence) {
		if (!unitSet.has(p.unit) || !periods.includes(p.period)) continue;
		const key = `${p.unit}\u0000${p.period}`;
		reported.set(key, (reported.get(key) ?? new Set()).add(p.indicator));
		expected.set(p.period, (expected.get(p.period) ?? new Set()).add(p.indicator));
	}
	const gaps: Gap[] = [];
	for (const unit of units)
		for (const period of periods) {
			const want = expected.get(period);
			if (!want) continue;
			const have = reported.get(`${unit}\u0000${period}`) ?? new Set<string>();
			const missing = [...want].filter((c) => !have.has(c)).sort();
			gaps.push({ unit, period, missing, expected: want.size });
		}
	return gaps;
}

// ——— Ratings ———

export interface RatingCount {
	group: string;
	period: string;
	value: number;
	units: number;
}

/** The category label of a rating rank (`categories` are best first, rank = length − index). */
export function ratingLabel(indicator: Pick<Indicator, 'categories'>, value: number): string {
	const index = indicator.categories.length - value;
	return indicator.categories[index] ?? String(value);
}

/** Rating ranks to show as columns: every category, best first. */
export function ratingRanks(indicator: Pick<Indicator, 'categories'>): number[] {
	return indicator.categories.map((_, i) => indicator.categories.length - i);
}

// ——— Tables ———

export type SortDir = 'asc' | 'desc';

/**
 * Sorts table rows by one key: numbers numerically, text in Vietnamese order; missing values always
 * last whichever the direction (a missing figure is not the smallest one).
 */
export function sortBy<T>(
	rows: readonly T[],
	key: (row: T) => number | string | null | undefined,
	dir: SortDir
): T[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = key(a);
		const y = key(b);
		const mx = x === null || x === undefined || (typeof x === 'number' && !Number.isFinite(x));
		const my = y === null || y === undefined || (typeof y === 'number' && !Number.isFinite(y));
		if (mx || my) return mx === my ? 0 : mx ? 1 : -1;
		if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
		return sign * compareNames(String(x), String(y));
	});
}
