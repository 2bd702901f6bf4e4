import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxYear, parsePeriod, periodInterval, scanPeriod } from './period';

describe('parsePeriod', () => {
	it.each([
		['2023', '2023'],
		['Năm 2023', '2023'],
		['năm 2023:', '2023'],
		['Year 2021', '2021'],
		['2023.0', '2023'],
		['6 tháng đầu năm 2024', '2024-H1'],
		['6 tháng cuối năm 2024', '2024-H2'],
		['6 THANG DAU NAM 2024', '2024-H1'],
		['H1/2024', '2024-H1'],
		['2024-H2', '2024-H2'],
		['Quý II/2024', '2024-Q2'],
		['Quý 2 năm 2024', '2024-Q2'],
		['quý IV năm 2023', '2023-Q4'],
		['Q2/2024', '2024-Q2'],
		['Q3 2024', '2024-Q3'],
		['2024-Q2', '2024-Q2'],
		['2021-2023', '2021-2023'],
		['2021 - 2023', '2021-2023'],
		['2021–2023', '2021-2023'],
		['giai đoạn 2021–2023', '2021-2023'],
		['Giai đoạn 2021 - 2023', '2021-2023'],
		['từ năm 2021 đến năm 2023', '2021-2023'],
		['2023-2023', '2023']
	])('%s → %s', (text, expected) => {
		expect(parsePeriod(text)).toBe(expected);
	});

	it.each(['', 'abc', 'tháng 13', 'Quý 5/2024', '2023-2021', '2024-02-16', '20233', 'Q2'])(
		'%s → null',
		(text) => {
			expect(parsePeriod(text)).toBeNull();
		}
	);

	it('refuses years outside 1990 … next year, and says why', () => {
		expect(parsePeriod('1989')).toBeNull();
		expect(scanPeriod('1989')).toEqual({ ok: false, code: 'year_out_of_range' });
		expect(scanPeriod('Năm 1985')).toEqual({ ok: false, code: 'year_out_of_range' });
		expect(scanPeriod(String(maxYear() + 1))).toEqual({ ok: false, code: 'year_out_of_range' });
		expect(parsePeriod(String(maxYear()))).toBe(String(maxYear()));
		expect(parsePeriod('1990')).toBe('1990');
		expect(scanPeriod('1985-2023')).toEqual({ ok: false, code: 'year_out_of_range' });
		expect(scanPeriod('hello')).toEqual({ ok: false, code: 'bad_period' });
	});

	it('gives the days a period covers', () => {
		expect(periodInterval('2023')).toEqual(['2023-01-01', '2023-12-31']);
		expect(periodInterval('2025-H2')).toEqual(['2025-07-01', '2025-12-31']);
		expect(periodInterval('2024-Q2')).toEqual(['2024-04-01', '2024-06-30']);
		expect(periodInterval('2021-2023')).toEqual(['2021-01-01', '2023-12-31']);
		expect(periodInterval('junk')).toBeNull();
	});
});

describe('parsePeriod properties', () => {
	const year = fc.integer({ min: 1990, max: maxYear() });
	const roman = ['I', 'II', 'III', 'IV'];

	it('never throws', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				const p = parsePeriod(s);
				return p === null || typeof p === 'string';
			}),
			{ numRuns: 2000 }
		);
	});

	it('reads every spelling of a year, half, quarter and span, and is stable on its output', () => {
		fc.assert(
			fc.property(year, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2 }), (y, q, h) => {
				const quarter = `${y}-Q${q}`;
				const half = `${y}-H${h}`;
				return (
					parsePeriod(String(y)) === String(y) &&
					parsePeriod(`Năm ${y}`) === String(y) &&
					parsePeriod(`Quý ${roman[q - 1]}/${y}`) === quarter &&
					parsePeriod(`Quý ${q} năm ${y}`) === quarter &&
					parsePeriod(`Q${q}/${y}`) === quarter &&
					parsePeriod(quarter) === quarter &&
					parsePeriod(`6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${y}`) === half &&
					parsePeriod(half) === half
				);
			})
		);
	});

	it('reads spans with any dash and spacing', () => {
		fc.assert(
			fc.property(year, year, fc.constantFrom('-', '–', '—', ' - ', ' – '), (a, b, dash) => {
				fc.pre(a < b);
				const span = `${a}-${b}`;
				return parsePeriod(`${a}${dash}${b}`) === span && parsePeriod(`giai đoạn ${a}${dash}${b}`) === span;
			})
		);
	});
});
