import { describe, expect, it } from 'vitest';
import { changeTone, computeChange, formatChange } from './change';

const pct = { unit: 'percent' };
const count = { unit: 'count' };

describe('computeChange', () => {
	it('has a state for each case', () => {
		expect(computeChange(null, 3)).toEqual({ kind: 'no-current' });
		expect(computeChange(3, null)).toEqual({ kind: 'no-previous' });
		expect(computeChange(3, 0)).toEqual({ kind: 'previous-zero', delta: 3 });
		expect(computeChange(27, 24)).toEqual({ kind: 'value', delta: 3, pct: 12.5 });
		expect(computeChange(-1, -2)).toEqual({ kind: 'value', delta: 1, pct: 50 });
	});
});

describe('formatChange', () => {
	it('uses percentage points for percent indicators', () => {
		const c = computeChange((20 / 21) * 100, 100);
		expect(formatChange(c, pct, 'vi')).toBe('-4,8 điểm %');
		expect(formatChange(c, pct, 'en')).toBe('-4.8 pp');
		expect(formatChange(computeChange(97.1, 95), pct, 'vi')).toBe('+2,1 điểm %');
		expect(formatChange(computeChange(50, 0), pct, 'vi')).toBe('+50,0 điểm %');
	});

	it('gives counts a delta and a relative change', () => {
		expect(formatChange(computeChange(27, 24), count, 'vi')).toBe('+3 (+12,5 %)');
		expect(formatChange(computeChange(22, 19), count, 'en')).toBe('+3 (+15.8%)');
		expect(formatChange(computeChange(19, 19), count, 'vi')).toBe('0 (0,0 %)');
	});

	it('words the states without a number', () => {
		expect(formatChange(computeChange(5, null), count, 'vi')).toBe('chưa có năm trước');
		expect(formatChange(computeChange(5, null), count, 'en')).toBe('no previous year');
		expect(formatChange(computeChange(3, 0), count, 'vi')).toBe('+3 (năm trước bằng 0)');
		expect(formatChange(computeChange(3, 0), count, 'en')).toBe('+3 (previous year was 0)');
		expect(formatChange(computeChange(null, 3), count, 'vi')).toBe('chưa có số liệu');
	});

	it('words yes/no and rating changes', () => {
		expect(formatChange(computeChange(1, 0), { unit: 'yes_no' }, 'vi')).toBe('Không → Có');
		expect(formatChange(computeChange(1, 1), { unit: 'yes_no' }, 'en')).toBe('unchanged');
		expect(formatChange(computeChange(3, 4), { unit: 'rating' }, 'vi')).toBe('-1 bậc');
	});
});

describe('changeTone', () => {
	it('follows the direction of the indicator', () => {
		expect(changeTone(computeChange(98, 95), true)).toBe('good');
		expect(changeTone(computeChange(98, 95), false)).toBe('bad');
		expect(changeTone(computeChange(90, 95), true)).toBe('bad');
		expect(changeTone(computeChange(90, 95), null)).toBe('neutral');
		expect(changeTone(computeChange(95, 95), true)).toBe('neutral');
		expect(changeTone(computeChange(3, 0), false)).toBe('bad');
		expect(changeTone(computeChange(3, null), true)).toBe('neutral');
		expect(changeTone(computeChange(null, 3), true)).toBe('neutral');
	});
});
