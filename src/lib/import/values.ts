/** A scanned cell + the indicator it belongs to → the stored value (numbers, ratings, yes/no). */
import type { Indicator, Qualifier } from '$lib/model/types';
import { normaliseKey } from './normalise';
import type { NumberScan } from './number';
import { COUNT_UNITS, isCategorical, TEXT_UNITS } from './rules';
import { closest } from './suggest';
import type { NumberLocale } from './types';

export type ValueOutcome =
	| { kind: 'value'; value: number; qualifier: Qualifier; warning?: 'zero_from_text' }
	| { kind: 'missing' }
	| { kind: 'text' }
	| { kind: 'error'; code: string; suggestions?: string[] };

const YES = new Set(['co', 'yes', 'y', 'true', 'dat', 'da thuc hien', 'co thuc hien', 'hoan thanh']);
const NO = new Set(['khong', 'khong co', 'no', 'n', 'false', 'chua', 'khong dat', 'chua thuc hien', 'none']);
/** "none" in a count: `không`, `không có` → 0, with a warning to write the digit. */
const NONE_COUNT = new Set(['khong', 'khong co', 'none', 'no', 'chua co', 'khong phat sinh']);

function categoryValue(raw: string, scan: NumberScan, ind: Indicator): ValueOutcome {
	const key = normaliseKey(raw);
	const cats = ind.categories;
	if (cats.length > 0) {
		// Ratings are stored as their rank: the best (first) label gets categories.length.
		const i = cats.findIndex((c) => normaliseKey(c) === key);
		if (i >= 0) return { kind: 'value', value: cats.length - i, qualifier: '' };
		if (scan.kind === 'number' && Number.isInteger(scan.vi) && scan.vi >= 1 && scan.vi <= cats.length) {
			return { kind: 'value', value: scan.vi, qualifier: '' };
		}
		const suggestions = closest(
			key,
			cats.map((c) => ({ key: normaliseKey(c), label: c }))
		);
		return { kind: 'error', code: 'unknown_category', suggestions };
	}
	if (YES.has(key)) return { kind: 'value', value: 1, qualifier: '' };
	if (NO.has(key)) return { kind: 'value', value: 0, qualifier: '' };
	if (scan.kind === 'number' && (scan.vi === 0 || scan.vi === 1))
		return { kind: 'value', value: scan.vi, qualifier: '' };
	return { kind: 'error', code: 'not_yes_no' };
}

/**
 * Interprets one non-key cell. `locale` is the decimal convention chosen for the cell's column.
 * Missing stays missing (never 0), except the words for "none" in a count, which give 0 + a warning.
 */
export function interpretValue(
	raw: string,
	scan: NumberScan,
	ind: Indicator,
	locale: NumberLocale
): ValueOutcome {
	if (scan.kind === 'missing') return { kind: 'missing' };
	if (TEXT_UNITS.has(ind.unit)) return { kind: 'text' };
	if (isCategorical(ind)) return categoryValue(raw, scan, ind);
	if (scan.kind === 'number') return { kind: 'value', value: scan[locale], qualifier: scan.qualifier };
	if (COUNT_UNITS.has(ind.unit) && NONE_COUNT.has(normaliseKey(raw))) {
		return { kind: 'value', value: 0, qualifier: '', warning: 'zero_from_text' };
	}
	return { kind: 'error', code: scan.code };
}
