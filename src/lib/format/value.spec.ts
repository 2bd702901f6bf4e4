import { describe, expect, it } from 'vitest';
import { formatValue, unitLabel, type Place } from './value';
import type { Locale } from './number';

const u = (unit: string, categories: string[] = []) => ({ unit, categories });
const vi = (place: Place = 'table') => ({ locale: 'vi' as Locale, place });
const en = (place: Place = 'table') => ({ locale: 'en' as Locale, place });

describe('formatValue', () => {
	it('groups thousands in vi and en', () => {
		expect(formatValue(u('count'), 1234, '', vi())).toBe('1.234');
		expect(formatValue(u('count'), 1234, '', en())).toBe('1,234');
		expect(formatValue(u('people'), 11000, '', vi('tile'))).toBe('11.000');
		expect(formatValue(u('households'), 2450, '', en('label'))).toBe('2,450');
	});

	it('keeps decimals of non-integer counts (a town mean), up to two', () => {
		expect(formatValue(u('count'), 12.5, '', vi())).toBe('12,5');
		expect(formatValue(u('count'), 12.345, '', en('tooltip'))).toBe('12.35');
		expect(formatValue(u('count'), 12.345, '', vi('axis'))).toBe('12,3');
		expect(formatValue(u('count'), 7, '', vi())).toBe('7');
	});

	it('shows percent with one decimal, the report figures included', () => {
		expect(formatValue(u('percent'), (20 / 21) * 100, '', vi())).toBe('95,2 %');
		expect(formatValue(u('percent'), (20 / 21) * 100, '', en())).toBe('95.2%');
		expect(formatValue(u('percent'), (4 / 6) * 100, '', vi('label'))).toBe('66,7 %');
		expect(formatValue(u('percent'), 100, '', vi('tile'))).toBe('100,0 %');
		expect(formatValue(u('percent'), 100, '', en('tooltip'))).toBe('100.0%');
	});

	it('drops trailing zeros of percent on axes', () => {
		expect(formatValue(u('percent'), 80, '', vi('axis'))).toBe('80 %');
		expect(formatValue(u('percent'), 92.5, '', en('axis'))).toBe('92.5%');
	});

	it('per 1,000 has two decimals, density none, hectares up to two', () => {
		expect(formatValue(u('per_1000'), 1.7272, '', vi())).toBe('1,73');
		expect(formatValue(u('per_1000'), 2, '', en())).toBe('2.00');
		expect(formatValue(u('per_1000'), 2, '', en('axis'))).toBe('2');
		expect(formatValue(u('people_per_km2'), 1958.34, '', vi())).toBe('1.958');
		expect(formatValue(u('ha'), 561.7, '', vi())).toBe('561,7');
		expect(formatValue(u('ha'), 561.7, '', en('axis'))).toBe('561.7');
	});

	it('abbreviates a million and more only on axes', () => {
		expect(formatValue(u('people'), 1_200_000, '', vi('axis'))).toBe('1,2 tr');
		expect(formatValue(u('people'), 1_200_000, '', en('axis'))).toBe('1.2M');
		expect(formatValue(u('people'), 999_999, '', vi('axis'))).toBe('999.999');
		expect(formatValue(u('people'), 1_200_000, '', vi())).toBe('1.200.000');
	});

	it('puts qualifiers in front: lower bound and approximate', () => {
		expect(formatValue(u('people'), 570, '>', vi())).toBe('> 570');
		expect(formatValue(u('people'), 11000, '~', vi())).toBe('~11.000');
		expect(formatValue(u('people'), 11000, '~', en())).toBe('~11,000');
		expect(formatValue(u('percent'), 97, '>', vi())).toBe('> 97,0 %');
	});

	it('shows a dash for missing values, never NaN', () => {
		for (const v of [null, undefined, NaN, Infinity]) {
			expect(formatValue(u('percent'), v, '', vi())).toBe('—');
			expect(formatValue(u('count'), v, '>', en('axis'))).toBe('—');
		}
	});

	it('labels ratings by rank (best category has the highest rank)', () => {
		const rating = u('rating', [
			'Hoàn thành xuất sắc nhiệm vụ',
			'Hoàn thành tốt nhiệm vụ',
			'Hoàn thành nhiệm vụ',
			'Không hoàn thành nhiệm vụ'
		]);
		expect(formatValue(rating, 4, '', vi())).toBe('Hoàn thành xuất sắc nhiệm vụ');
		expect(formatValue(rating, 1, '', en())).toBe('Không hoàn thành nhiệm vụ');
		expect(formatValue(rating, 3, '', en('label'))).toBe('Hoàn thành tốt nhiệm vụ');
		// A town mean is not a category: shown as a number.
		expect(formatValue(rating, 3.5, '', vi())).toBe('3,5');
		expect(formatValue(u('rating'), 2, '', vi())).toBe('2');
	});

	it('says yes or no', () => {
		expect(formatValue(u('yes_no'), 1, '', vi())).toBe('Có');
		expect(formatValue(u('yes_no'), 0, '', vi())).toBe('Không');
		expect(formatValue(u('yes_no'), 1, '', en())).toBe('Yes');
		expect(formatValue(u('yes_no'), 0, '', en())).toBe('No');
	});

	it('never shows a negative zero', () => {
		expect(formatValue(u('percent'), -0.01, '', vi())).toBe('0,0 %');
		expect(formatValue(u('percent'), -2.5, '', en())).toBe('-2.5%');
	});
});

describe('unitLabel', () => {
	it('names units in both languages', () => {
		expect(unitLabel('people', 'vi')).toBe('người');
		expect(unitLabel('per_1000', 'vi')).toBe('trên 1.000 dân');
		expect(unitLabel('per_1000', 'en')).toBe('per 1,000 residents');
		expect(unitLabel('people_per_km2', 'en')).toBe('people/km²');
		expect(unitLabel('rating', 'vi')).toBe('xếp loại');
		expect(unitLabel('percent', 'en')).toBe('%');
		expect(unitLabel('furlongs', 'en')).toBe('furlongs');
	});
});
