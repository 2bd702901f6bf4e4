/**
 * Year-over-year change as explicit states: a change, no previous value, a previous value of zero (a
 * percentage change would be infinite), or no current value. Each has its own words; never `NaN %`.
 */
import type { Indicator } from '$lib/model/types';
import { formatNumber, isMissing, type Locale } from './number';
import { digitsFor } from './value';

export type Change =
	| { kind: 'value'; delta: number; pct: number | null }
	| { kind: 'no-previous' }
	| { kind: 'previous-zero'; delta: number };

export type ChangeOrMissing = Change | { kind: 'no-current' };

export type Tone = 'good' | 'bad' | 'neutral';

export function computeChange(current: number | null, previous: number | null): ChangeOrMissing {
	if (isMissing(current)) return { kind: 'no-current' };
	if (isMissing(previous)) return { kind: 'no-previous' };
	const delta = current - previous;
	if (previous === 0) return { kind: 'previous-zero', delta };
	const pct = (delta / Math.abs(previous)) * 100;
	return { kind: 'value', delta, pct: Number.isFinite(pct) ? pct : null };
}

const WORDS = {
	vi: {
		noPrevious: 'chưa có năm trước',
		previousZero: 'năm trước bằng 0',
		noCurrent: 'chưa có số liệu',
		points: 'điểm %',
		levels: 'bậc',
		unchanged: 'không đổi',
		yes: 'Có',
		no: 'Không'
	},
	en: {
		noPrevious: 'no previous year',
		previousZero: 'previous year was 0',
		noCurrent: 'no data',
		points: 'pp',
		levels: 'grade',
		unchanged: 'unchanged',
		yes: 'Yes',
		no: 'No'
	}
} as const;

/** Percent deltas are percentage points (`+2,1 điểm %`), counts a delta and a relative change. */
export function formatChange(
	change: ChangeOrMissing,
	indicator: Pick<Indicator, 'unit'>,
	locale: Locale
): string {
	const w = WORDS[locale];
	if (change.kind === 'no-current') return w.noCurrent;
	if (change.kind === 'no-previous') return w.noPrevious;
	const unit = indicator.unit;
	const delta = change.delta;
	if (unit === 'yes_no') {
		if (delta === 0) return w.unchanged;
		return delta > 0 ? `${w.no} → ${w.yes}` : `${w.yes} → ${w.no}`;
	}
	const digits = digitsFor(unit, 'table');
	const d = formatNumber(delta, locale, digits, true);
	if (unit === 'percent') return `${d} ${w.points}`;
	if (unit === 'rating') return `${formatNumber(delta, locale, { min: 0, max: 1 }, true)} ${w.levels}`;
	if (change.kind === 'previous-zero') return delta === 0 ? d : `${d} (${w.previousZero})`;
	if (change.pct === null) return d;
	const pct = formatNumber(change.pct, locale, { min: 1, max: 1 }, true);
	return `${d} (${pct}${locale === 'vi' ? ' %' : '%'})`;
}

/** Whether a change is good news, given the indicator's direction; a tiny float wobble is neutral. */
export function changeTone(change: ChangeOrMissing, higherIsBetter: boolean | null): Tone {
	if (change.kind !== 'value' && change.kind !== 'previous-zero') return 'neutral';
	if (higherIsBetter === null || Math.abs(change.delta) < 1e-9) return 'neutral';
	return change.delta > 0 === higherIsBetter ? 'good' : 'bad';
}
