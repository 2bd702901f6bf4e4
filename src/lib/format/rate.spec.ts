import { describe, expect, it } from 'vitest';
import { formatRate, isSmallSample, smallSampleNote, SMALL_SAMPLE_THRESHOLD } from './rate';

const pct = { unit: 'percent', categories: [] };
const row = (numerator: number | null, denominator: number | null, qualifier: '' | '>' | '~' = '') => ({
	value: numerator !== null && denominator ? (numerator / denominator) * 100 : 97,
	qualifier,
	numerator,
	denominator
});

describe('formatRate', () => {
	it('shows the parts and the rate (Nguyễn Nghiêm 2022, 2023)', () => {
		expect(formatRate(row(19, 19), pct, { locale: 'vi', place: 'table' })).toBe('19/19 · 100,0 %');
		expect(formatRate(row(20, 21), pct, { locale: 'vi', place: 'table' })).toBe('20/21 · 95,2 %');
		expect(formatRate(row(20, 21), pct, { locale: 'en', place: 'tooltip' })).toBe('20/21 · 95.2%');
	});

	it('marks a small sample', () => {
		expect(formatRate(row(4, 6), pct, { locale: 'vi', place: 'label' })).toBe('4/6 · 66,7 %*');
		expect(isSmallSample(row(4, 6))).toBe(true);
		expect(isSmallSample(row(9, SMALL_SAMPLE_THRESHOLD))).toBe(false);
		expect(isSmallSample(row(null, null))).toBe(false);
	});

	it('groups large parts', () => {
		expect(formatRate(row(1200, 1500), pct, { locale: 'vi', place: 'table' })).toBe('1.200/1.500 · 80,0 %');
	});

	it('falls back to the value when there are no parts', () => {
		expect(formatRate(row(null, null, '>'), pct, { locale: 'vi', place: 'table' })).toBe('> 97,0 %');
	});

	it('explains the mark', () => {
		expect(smallSampleNote('vi')).toBe('* mẫu nhỏ (mẫu số < 10)');
		expect(smallSampleNote('en')).toBe('* small sample (denominator < 10)');
	});
});
