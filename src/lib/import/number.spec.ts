import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, scanNumber } from './number';

const value = (text: string, locale?: 'vi' | 'en'): number | undefined => {
	const r = parseNumber(text, locale);
	return 'value' in r ? r.value : undefined;
};

describe('parseNumber', () => {
	it('reads decimals written either way', () => {
		expect(value('95,2')).toBe(95.2);
		expect(value('95.2')).toBe(95.2);
		expect(value('0,5')).toBe(0.5);
		expect(value('561,7ha')).toBe(561.7);
	});

	it('reads grouped thousands by the locale, Vietnamese by default', () => {
		expect(value('1.234')).toBe(1234);
		expect(value('1.234', 'vi')).toBe(1234);
		expect(value('1.234', 'en')).toBe(1.234);
		expect(value('1,234', 'en')).toBe(1234);
		expect(value('1,234', 'vi')).toBe(1.234);
		expect(value('1.234.567')).toBe(1234567);
		expect(value('1,234,567')).toBe(1234567);
		expect(value('1.234,5')).toBe(1234.5);
		expect(value('1,234.5')).toBe(1234.5);
		expect(value('11 000')).toBe(11000);
	});

	it('strips percent signs, unit words and leading zeros', () => {
		expect(value('95,2%')).toBe(95.2);
		expect(value('95,2 %')).toBe(95.2);
		expect(value('19 đơn')).toBe(19);
		expect(value('06 vụ')).toBe(6);
		expect(value('11.000 người')).toBe(11000);
		expect(value('007')).toBe(7);
	});

	it('turns words and signs into qualifiers', () => {
		expect(parseNumber('hơn 570')).toEqual({ value: 570, qualifier: '>' });
		expect(parseNumber('trên 97%')).toEqual({ value: 97, qualifier: '>' });
		expect(parseNumber('>570')).toEqual({ value: 570, qualifier: '>' });
		expect(parseNumber('≥570')).toEqual({ value: 570, qualifier: '>' });
		expect(parseNumber('570 trở lên')).toEqual({ value: 570, qualifier: '>' });
		expect(parseNumber('khoảng 11.000')).toEqual({ value: 11000, qualifier: '~' });
		expect(parseNumber('~11.000')).toEqual({ value: 11000, qualifier: '~' });
		expect(parseNumber('Khoảng 11.000 người')).toEqual({ value: 11000, qualifier: '~' });
		expect(parseNumber('95,2')).toEqual({ value: 95.2, qualifier: '' });
	});

	it('gives missing for blanks and dashes, never 0', () => {
		for (const t of ['', '  ', '-', '—', '–', 'n/a', 'N/A', 'x', 'X', '...']) {
			expect(parseNumber(t), t).toEqual({ missing: true });
		}
	});

	it('refuses what is not a number', () => {
		for (const t of ['abc', 'không', '6/6', '19 đơn/19 vụ', '1.23.4', '12,34,5', 'khoảng', '1,2.3,4']) {
			expect(parseNumber(t), t).toHaveProperty('error', 'not_a_number');
		}
		expect(parseNumber('dưới 5')).toEqual({ error: 'upper_bound' });
		expect(parseNumber('<5')).toEqual({ error: 'upper_bound' });
	});

	it('reads negative numbers, including the Unicode minus', () => {
		expect(value('-5')).toBe(-5);
		expect(value('−1.234,5')).toBe(-1234.5);
	});

	it('tells which convention a text proves', () => {
		const ev = (t: string): unknown => {
			const s = scanNumber(t);
			return s.kind === 'number' ? [s.evidence, s.ambiguous] : s.kind;
		};
		expect(ev('95,2')).toEqual(['vi', false]);
		expect(ev('1.234.567')).toEqual(['vi', false]);
		expect(ev('1,234.5')).toEqual(['en', false]);
		expect(ev('95.2')).toEqual(['en', false]);
		expect(ev('1.234')).toEqual([null, true]);
		expect(ev('1,234')).toEqual([null, true]);
		expect(ev('0.123')).toEqual(['en', false]);
		expect(ev('42')).toEqual([null, false]);
	});
});

describe('parseNumber properties', () => {
	/** Values with at most 3 decimals, the default precision of Intl.NumberFormat. */
	const decimals = fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 1000 + 0);

	it('never throws, and always answers with one of its three shapes', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme' }),
				fc.constantFrom(undefined, 'vi' as const, 'en' as const),
				(s, loc) => {
					const r = parseNumber(s, loc);
					if ('value' in r) return Number.isFinite(r.value) && ['', '>', '~'].includes(r.qualifier);
					return 'missing' in r || typeof (r as { error: string }).error === 'string';
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('reads back what Intl.NumberFormat("vi-VN") writes', () => {
		const f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
		fc.assert(fc.property(decimals, (v) => value(f.format(v), 'vi') === v));
	});

	it('reads back what Intl.NumberFormat("en-US") writes', () => {
		const f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
		fc.assert(fc.property(decimals, (v) => value(f.format(v), 'en') === v));
	});

	it('reads back integers in both locales, and percentages', () => {
		const vi = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
				const p = value(vi.format(n / 1000), 'vi');
				return p !== undefined && Math.abs(p - n / 10) < 1e-9;
			})
		);
		fc.assert(fc.property(fc.integer(), (n) => value(String(n)) === n + 0));
	});
});
