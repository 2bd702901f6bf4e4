import { describe, expect, it } from 'vitest';
import type { Indicator } from '$lib/model/types';
import {
	cleanText,
	parseSpec,
	sameSpec,
	specKey,
	specSummary,
	specTitle,
	type ChartSpec
} from './chart-spec';

const indicator = (code: string, name_vi: string, name_en: string) =>
	({ code, name_vi, name_en }) as Indicator;
const dictionary = new Map([
	[
		'petition_resolution_rate',
		indicator('petition_resolution_rate', 'Tỷ lệ xử lý đơn', 'Petition resolution rate')
	],
	['petition_cases_received', indicator('petition_cases_received', 'Số vụ việc tiếp nhận', 'Cases received')]
]);

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
	version: 1,
	kind: 'ranking',
	indicator: 'petition_resolution_rate',
	units: [],
	grouping: 'unit',
	...over
});

describe('specTitle', () => {
	it('names a ranking after the indicator and its year', () => {
		expect(specTitle(spec({ year: '2023' }), dictionary, 'vi')).toBe('Tỷ lệ xử lý đơn 2023');
		expect(specTitle(spec({ year: '2023' }), dictionary, 'en')).toBe('Petition resolution rate 2023');
		// Without a year, the latest year the data has (known only after loading).
		expect(specTitle(spec(), dictionary, 'vi', { year: '2024' })).toBe('Tỷ lệ xử lý đơn 2024');
		expect(specTitle(spec(), dictionary, 'vi')).toBe('Tỷ lệ xử lý đơn');
	});

	it('names a trend or heatmap after its span of years', () => {
		const trend = spec({ kind: 'trend', indicator: 'petition_cases_received' });
		expect(specTitle({ ...trend, from: '2021', to: '2024' }, dictionary, 'vi')).toBe(
			'Số vụ việc tiếp nhận 2021–2024'
		);
		expect(specTitle(trend, dictionary, 'vi', { periods: ['2022', '2021', '2023'] })).toBe(
			'Số vụ việc tiếp nhận 2021–2023'
		);
		expect(specTitle({ ...trend, from: '2022' }, dictionary, 'vi')).toBe('Số vụ việc tiếp nhận từ 2022');
		expect(specTitle({ ...trend, to: '2022' }, dictionary, 'en')).toBe('Cases received to 2022');
	});

	it('keeps a chosen title and falls back to the code for an unknown indicator', () => {
		expect(specTitle(spec({ title: 'Đơn thư năm nay' }), dictionary, 'vi')).toBe('Đơn thư năm nay');
		expect(specTitle(spec({ indicator: 'gone_code', year: '2022' }), dictionary, 'vi')).toBe(
			'gone_code 2022'
		);
	});
});

describe('parseSpec', () => {
	it('accepts a valid spec and drops unknown fields', () => {
		const r = parseSpec({ ...spec({ units: ['Phổ An'], year: '2023', reference: 'median' }), extra: 1 });
		expect(r).toEqual({
			ok: true,
			value: spec({ units: ['Phổ An'], year: '2023', reference: 'median' })
		});
	});

	it('normalises units (NFC, trimmed, no duplicates) and years given as numbers', () => {
		const r = parseSpec({
			...spec(),
			units: [' Phổ An'.normalize('NFD'), 'Phổ An', ''],
			from: 2021,
			to: '2023'
		});
		expect(r.ok && r.value.units).toEqual(['Phổ An']);
		expect(r.ok && [r.value.from, r.value.to]).toEqual(['2021', '2023']);
	});

	it.each([
		[null, 'not an object'],
		[{ ...spec(), version: 2 }, 'version 2'],
		[{ ...spec(), kind: 'pie' }, 'chart kind'],
		[{ ...spec(), indicator: 'DROP TABLE x;' }, 'indicator code'],
		[{ ...spec(), indicator: undefined }, 'indicator code'],
		[{ ...spec(), units: 'Phổ An' }, 'list of names'],
		[{ ...spec(), units: [1] }, 'list of names'],
		[{ ...spec(), units: Array.from({ length: 201 }, (_, i) => `u${i}`) }, 'too many units'],
		[{ ...spec(), grouping: 'town' }, 'grouping'],
		[{ ...spec(), year: '23' }, 'YYYY'],
		[{ ...spec(), from: '2024', to: '2021' }, 'after the last'],
		[{ ...spec(), reference: 'mean' }, 'reference'],
		[{ ...spec(), title: 5 }, 'title']
	])('refuses %j with a message in both languages', (raw, en) => {
		const r = parseSpec(raw);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.en).toContain(en);
			expect(r.vi.length).toBeGreaterThan(10);
		}
	});

	it('defaults a missing grouping to the units as reported', () => {
		const { grouping: _, ...rest } = spec();
		const r = parseSpec(rest);
		expect(r.ok && r.value.grouping).toBe('unit');
	});
});

describe('specKey and helpers', () => {
	it('gives equal keys for equal specs, whatever the order of units', () => {
		expect(specKey(spec({ units: ['A', 'B'] }))).toBe(specKey(spec({ units: ['B', 'A'] })));
		expect(sameSpec(spec({ year: '2023' }), spec({ year: '2024' }))).toBe(false);
	});

	it('summarises a spec in one line', () => {
		const whole = { vi: 'Toàn thị xã', en: 'Whole town' };
		expect(specSummary(spec({ units: ['Phổ An', 'Phổ Ninh'], year: '2023' }), 'vi', whole)).toBe(
			'Xếp hạng · Phổ An, Phổ Ninh · 2023'
		);
		expect(
			specSummary(
				spec({
					kind: 'trend',
					units: [],
					from: '2021',
					to: '2024',
					grouping: 'successor',
					reference: 'median'
				}),
				'en',
				whole
			)
		).toBe('Trend · all units · 2021–2024 · units of July 2025 · vs median of the units');
		expect(specSummary(spec({ units: ['a', 'b', 'c', 'd'] }), 'vi', whole)).toBe(
			'Xếp hạng · 4 đơn vị · năm mới nhất'
		);
		// The whole-area line is named as the workspace names its area.
		const vsArea = spec({ kind: 'trend', units: ['a'], reference: 'total' });
		expect(specSummary(vsArea, 'vi', whole)).toBe('Xu hướng · a · so với toàn thị xã');
		expect(specSummary(vsArea, 'en', { vi: 'Toàn địa bàn', en: 'Whole area' })).toBe(
			'Trend · a · vs whole area'
		);
	});

	it('cleans text from outside', () => {
		expect(cleanText('  a\u0000b\u0007 ')).toBe('ab');
		expect(cleanText('dòng 1\ndòng 2')).toBe('dòng 1\ndòng 2');
		expect(Array.from(cleanText('ư'.repeat(400))).length).toBe(300);
	});
});
