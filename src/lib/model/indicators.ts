/**
 * What the dictionary says about an indicator, as rules the views share: its group, whether it can be
 * compared between units, which reference line suits it, whether a group of units can be summed up,
 * which raw figures a derived one reads, and the labels of a rating.
 */
import { compareNames } from './collate';
import { expandFormula, formulaInputs, parseFormula } from './formula';
import type { Indicator } from './types';

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
/** Which reference line suits an indicator: a total of counts dwarfs the units, so counts get the median. */
export type Reference = 'median' | 'total' | 'none';
export const REFERENCES: readonly Reference[] = ['median', 'total', 'none'];

export function defaultReference(indicator: Indicator): Reference {
	if (indicator.unit === 'text' || indicator.unit === 'yes_no') return 'none';
	if (
		indicator.aggregation === 'ratio' ||
		indicator.aggregation === 'mean' ||
		indicator.aggregation === 'median'
	)
		return 'total';
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

/** The raw indicators a formula reads (a raw indicator reads itself), in order of appearance. */
export function rawInputs(indicator: Indicator, dictionary: ReadonlyMap<string, Indicator>): string[] {
	if (indicator.kind === 'raw') return [indicator.code];
	return formulaInputs(expandFormula(parseFormula(indicator.formula), dictionary as Map<string, Indicator>));
}

/** The raw rating a rating indicator reads (itself, or the one its formula names), else null. */
export function ratingSource(
	indicator: Indicator,
	dictionary: ReadonlyMap<string, Indicator>
): string | null {
	if (indicator.unit !== 'rating') return null;
	if (indicator.kind === 'raw') return indicator.code;
	const ast = expandFormula(parseFormula(indicator.formula), dictionary as Map<string, Indicator>);
	return ast.type === 'var' ? ast.code : null;
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
