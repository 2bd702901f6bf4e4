/**
 * The one place a value of an indicator becomes text. Callers say *where* the text goes (`place`) and
 * this module decides digits, abbreviation, qualifier and unit sign — nobody else calls `toFixed`.
 */
import type { Indicator, Qualifier } from '$lib/model/types';
import { formatNumber, isMissing, MISSING, type Digits, type Locale } from './number';

export type Place = 'axis' | 'table' | 'tooltip' | 'tile' | 'label';

export interface FormatOptions {
	locale: Locale;
	place: Place;
}

export type UnitOf = Pick<Indicator, 'unit' | 'categories'>;

/** Counts are integers, but a town mean or a median of an even count is not: keep a few decimals then. */
const COUNT_UNITS = new Set(['count', 'people', 'households']);

/**
 * Fraction digits per unit and place. Percent always shows one decimal (so 19/19 is `100,0 %`, aligned
 * with `95,2 %` in a table); axes drop trailing zeros so ticks read `80 %`, `85 %`.
 */
export function digitsFor(unit: string, place: Place): Digits {
	const axis = place === 'axis';
	const detailed = place === 'table' || place === 'tooltip';
	if (unit === 'percent') return axis ? { min: 0, max: 1 } : { min: 1, max: 1 };
	if (COUNT_UNITS.has(unit)) return { min: 0, max: detailed ? 2 : 1 };
	if (unit === 'per_1000') return axis ? { min: 0, max: 2 } : { min: 2, max: 2 };
	if (unit === 'people_per_km2') return { min: 0, max: 0 };
	if (unit === 'ha') return { min: 0, max: axis ? 1 : 2 };
	return { min: 0, max: 2 };
}

const PERCENT_SUFFIX: Record<Locale, string> = { vi: ' %', en: '%' };

/** Axis ticks of a million and more are shortened (`1,2 tr`); smaller numbers keep full grouping. */
const ABBREVIATIONS: Record<Locale, [number, string][]> = {
	vi: [
		[1e9, ' tỷ'],
		[1e6, ' tr']
	],
	en: [
		[1e9, 'B'],
		[1e6, 'M']
	]
};

function formatPlain(unit: string, value: number, opts: FormatOptions): string {
	if (opts.place === 'axis' && unit !== 'percent') {
		for (const [size, suffix] of ABBREVIATIONS[opts.locale]) {
			if (Math.abs(value) >= size)
				return formatNumber(value / size, opts.locale, { min: 0, max: 1 }) + suffix;
		}
	}
	const text = formatNumber(value, opts.locale, digitsFor(unit, opts.place));
	return unit === 'percent' ? text + PERCENT_SUFFIX[opts.locale] : text;
}

/**
 * The label of a categorical value, or null when the value is not one of its ranks (a mean over
 * several units, a rating whose labels are not known).
 */
function categoryLabel(indicator: UnitOf, value: number, locale: Locale): string | null {
	if (indicator.unit === 'rating') {
		const cats = indicator.categories ?? [];
		// rank = categories.length - index, so the best category has the highest rank.
		const index = cats.length - value;
		return Number.isInteger(value) && index >= 0 && index < cats.length ? cats[index] : null;
	}
	if (indicator.unit === 'yes_no') {
		if (value === 1) return locale === 'vi' ? 'Có' : 'Yes';
		if (value === 0) return locale === 'vi' ? 'Không' : 'No';
	}
	return null;
}

const QUALIFIER_PREFIX: Record<Qualifier, string> = { '': '', '>': '> ', '~': '~' };

export function formatValue(
	indicator: UnitOf,
	value: number | null | undefined,
	qualifier: Qualifier = '',
	opts: FormatOptions
): string {
	if (isMissing(value)) return MISSING;
	const text = categoryLabel(indicator, value, opts.locale) ?? formatPlain(indicator.unit, value, opts);
	return (QUALIFIER_PREFIX[qualifier] ?? '') + text;
}

/** A count of things (numerator, denominator, number of units): grouped integer, decimals if any. */
export function formatCount(value: number | null | undefined, locale: Locale): string {
	if (isMissing(value)) return MISSING;
	return formatNumber(value, locale, { min: 0, max: 2 });
}

const UNIT_LABELS: Record<string, Record<Locale, string>> = {
	count: { vi: 'số lượng', en: 'count' },
	people: { vi: 'người', en: 'people' },
	households: { vi: 'hộ', en: 'households' },
	percent: { vi: '%', en: '%' },
	ha: { vi: 'ha', en: 'ha' },
	per_1000: { vi: 'trên 1.000 dân', en: 'per 1,000 residents' },
	people_per_km2: { vi: 'người/km²', en: 'people/km²' },
	rating: { vi: 'xếp loại', en: 'rating' },
	yes_no: { vi: 'có/không', en: 'yes/no' },
	text: { vi: '', en: '' }
};

/** A generic, short label for an indicator's unit of measure (axis names, table headers). */
export function unitLabel(unit: string, locale: Locale): string {
	return UNIT_LABELS[unit]?.[locale] ?? unit;
}
