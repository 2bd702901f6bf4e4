/**
 * Pinned charts drawn from the bundled data in Node: `loadSpec` over the sample store (the same SQL the
 * app runs), `specOption` rendered to SVG with ECharts' SSR renderer for each medium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import { makeColorOf } from '../../src/lib/charts';
import { renderSvg, svgTexts } from '../../src/lib/charts/spec-helpers';
import { seriesQuery, type Store } from '../../src/lib/db';
import type { Indicator, SeriesRow, Unit } from '../../src/lib/model/types';
import type { ChartSpec } from '../../src/lib/deck/chart-spec';
import {
	coverageNotes,
	exportFootnote,
	qualifierLegend,
	sourceLine,
	specSubtitle,
	wrapText
} from '../../src/lib/deck/chart-words';
import { displayTitle, endAtLastValue, specOption } from '../../src/lib/deck/spec-option';
import { loadSpec, scopeUnits, type SpecSource } from '../../src/lib/deck/chart-data';
import { openSampleStore } from './sample-store';

let store: Store;
let source: SpecSource;
let units: Unit[];
let colorOf: (unit: string) => string;

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
	version: 1,
	kind: 'trend',
	indicator: 'petition_resolution_rate',
	units: [],
	grouping: 'unit',
	...over
});

beforeAll(async () => {
	const opened = await openSampleStore();
	store = opened.store;
	const dictionary: Map<string, Indicator> = opened.dictionary;
	units = await store.units();
	colorOf = makeColorOf(units.map((u) => u.name));
	source = {
		dictionary,
		units,
		series: async (code, opts) => {
			const indicator = dictionary.get(code);
			const q = indicator ? seriesQuery(indicator, dictionary, opts) : null;
			return q ? store.query<SeriesRow>(q.sql, q.params) : [];
		},
		store
	};
}, 60_000);

describe('loadSpec', () => {
	it('draws all 15 pre-2025 units when the spec names none', async () => {
		const data = await loadSpec(spec({ from: '2022', to: '2023' }), source);
		expect(data.units).toHaveLength(15);
		expect(data.periods).toEqual(['2022', '2023']);
		expect(new Set(data.rows.map((r) => r.unit)).size).toBe(15);
		// Nguyễn Nghiêm's own figures: 19/19 and 20/21 cases.
		const nn = data.rows.filter((r) => r.unit === 'Nguyễn Nghiêm');
		expect(nn.map((r) => [r.period, r.numerator, r.denominator])).toEqual([
			['2022', 19, 19],
			['2023', 20, 21]
		]);
		expect(data.indicator?.code).toBe('petition_resolution_rate');
		expect(data.dataDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(data.sources.map((s) => s.source)).toContain('sample');
	});

	it('keeps to the named units and adds the median of all units as reference', async () => {
		const named = ['Phổ An', 'Nguyễn Nghiêm', 'Phổ Ninh'];
		const data = await loadSpec(spec({ units: named, reference: 'median' }), source);
		expect(new Set(data.rows.map((r) => r.unit))).toEqual(new Set(named));
		expect(data.units).toEqual(['Nguyễn Nghiêm', 'Phổ An', 'Phổ Ninh']);
		expect(data.reference.length).toBeGreaterThan(0);
		const year = data.reference[0];
		expect(year.units).toBeGreaterThan(3); // the median is over every unit, not just the named ones
	});

	it('uses the town total as reference, summed as a ratio', async () => {
		const data = await loadSpec(
			spec({ units: ['Phổ An'], reference: 'total', from: '2023', to: '2023' }),
			source
		);
		expect(data.reference).toHaveLength(1);
		const town = data.reference[0];
		expect(town.value).toBeCloseTo((town.numerator! / town.denominator!) * 100, 6);
	});

	it('ranks a year (the latest when none is given) against the year before', async () => {
		const latest = await loadSpec(spec({ kind: 'ranking' }), source);
		expect(latest.year).toBe('2024');
		expect(latest.rows.every((r) => r.period === '2024')).toBe(true);
		expect(latest.previous.every((r) => r.period === '2023')).toBe(true);
		// Nguyễn Nghiêm's report has no 2024 figures.
		expect(latest.missing).toEqual(['Nguyễn Nghiêm']);
		const y2023 = await loadSpec(spec({ kind: 'ranking', year: '2023' }), source);
		expect(y2023.year).toBe('2023');
		expect(y2023.missing).toEqual([]);
	});

	it('merges into the units of July 2025 with the switch', async () => {
		const data = await loadSpec(spec({ kind: 'heatmap', grouping: 'successor' }), source);
		expect(data.units).toHaveLength(5);
		expect(data.rows.every((r) => data.units.includes(r.unit))).toBe(true);
		expect(Object.values(data.expected).reduce((a, b) => a + b, 0)).toBe(15);
	});

	it('says when the indicator is gone, and draws a message instead of a chart', async () => {
		const data = await loadSpec(spec({ indicator: 'no_such_code' }), source);
		expect(data.indicator).toBeNull();
		const { option, label } = specOption(data.spec, data, { theme: 'projector', locale: 'vi', colorOf });
		expect(label).toContain('no_such_code');
		expect(renderSvg(option, 1600, 800)).toContain('không còn trong từ điển');
	});

	it('draws a message for a choice without data', async () => {
		const data = await loadSpec(spec({ from: '2030', to: '2031' }), source);
		expect(data.rows).toEqual([]);
		const { option } = specOption(data.spec, data, { theme: 'screen', locale: 'vi', colorOf });
		expect(renderSvg(option)).toContain('Chưa có số liệu cho lựa chọn này');
	});
});

describe('scopeUnits', () => {
	it('lists the grouping’s units in name order, or the named ones', () => {
		expect(scopeUnits(spec(), units)).toHaveLength(15);
		expect(scopeUnits(spec({ grouping: 'successor' }), units)).toHaveLength(5);
		expect(scopeUnits(spec({ units: ['Phổ Vinh', 'Phổ An'] }), units)).toEqual(['Phổ An', 'Phổ Vinh']);
	});
});

describe('specOption', () => {
	it('draws a trend with a dashed reference line and end labels on the projector', async () => {
		const data = await loadSpec(spec({ units: ['Phổ An', 'Phổ Ninh'], reference: 'median' }), source);
		const { option, table, label } = specOption(data.spec, data, {
			theme: 'projector',
			locale: 'vi',
			colorOf
		});
		const series = option.series as LineSeriesOption[];
		expect(series.map((s) => s.name)).toEqual(['Phổ An', 'Phổ Ninh', 'Trung vị']);
		expect(series[2].lineStyle?.type).toBe('dashed');
		expect(series[0].endLabel?.show).toBe(true);
		expect(table.rows.map((r) => r[0])).toContain('Trung vị');
		expect(label).toContain('Biểu đồ xu hướng');
		const svg = renderSvg(option, 1920, 820);
		const texts = svgTexts(svg).filter((t) => /^\d{4}$/.test(t.text));
		expect(texts.length).toBeGreaterThan(0);
		for (const t of texts) expect(t.fontSize).toBeGreaterThanOrEqual(24);
	});

	it('draws a ranking of every unit with the named ones highlighted', async () => {
		const data = await loadSpec(spec({ kind: 'ranking', year: '2023', units: ['Phổ An'] }), source);
		const { option } = specOption(data.spec, data, { theme: 'print', locale: 'vi', colorOf });
		const bars = (option.series as BarSeriesOption[])[0].data as { itemStyle: { opacity: number } }[];
		expect(bars).toHaveLength(15);
		expect(bars.filter((b) => b.itemStyle.opacity === 1)).toHaveLength(1);
	});

	it('bakes title, subtitle and footnote into exported images', async () => {
		const data = await loadSpec(spec({ kind: 'ranking', year: '2023' }), source);
		const title = displayTitle('', data, source.dictionary, 'vi');
		expect(title).toBe('Tỷ lệ xử lý đơn (theo vụ việc) 2023');
		const footnote = exportFootnote(data, 'vi', 'print', 1200);
		const { option } = specOption(data.spec, data, {
			theme: 'print',
			locale: 'vi',
			colorOf,
			title,
			subtitle: specSubtitle(data, 'vi'),
			footnote
		});
		const svg = renderSvg(option, 1200, 675);
		expect(svg).toContain('Tỷ lệ xử lý đơn (theo vụ việc) 2023');
		expect(svg).toContain('Đơn vị tính: %');
		expect(svg).toContain('Nguồn:');
		expect(svg).toContain('Số liệu đến:');
	});
});

describe('words around the chart', () => {
	it('names the unit of measure, the direction and the scope', async () => {
		const data = await loadSpec(spec({ reference: 'median' }), source);
		expect(specSubtitle(data, 'vi')).toBe(
			'Đơn vị tính: % · cao hơn là tốt hơn · 15 phường, xã trước 01/7/2025 · nét đứt: trung vị các đơn vị'
		);
		expect(specSubtitle(data, 'en')).toContain('Unit: % · higher is better');
		const merged = await loadSpec(
			spec({ indicator: 'petition_cases_received', grouping: 'successor' }),
			source
		);
		expect(specSubtitle(merged, 'vi')).toBe('Đơn vị tính: số lượng · 5 đơn vị từ 01/7/2025 (số liệu gộp)');
	});

	it('explains > and ~ only when the chart shows them', async () => {
		const households = await loadSpec(
			spec({ indicator: 'cultural_family_households_pct', units: ['Nguyễn Nghiêm'] }),
			source
		);
		expect(qualifierLegend(households, 'vi')).toContain('> …: “hơn …” (giá trị tối thiểu)');
		expect(qualifierLegend(households, 'vi')).toContain('điểm rỗng');
		const plain = await loadSpec(spec({ units: ['Phổ An'] }), source);
		expect(qualifierLegend(plain, 'vi')).toBe('');
	});

	it('lists units without data in a ranking', async () => {
		const data = await loadSpec(spec({ kind: 'ranking' }), source);
		expect(coverageNotes(data, 'vi')).toEqual(['Chưa có số liệu 2024: Nguyễn Nghiêm']);
	});

	it('writes the source line with the sample data named and the data date', () => {
		const line = sourceLine(
			{
				sources: [
					{ source: 'sample', rows: 10, units: 14, first: '2021', last: '2024' },
					{ source: 'Báo cáo A.csv', rows: 2, units: 1, first: '2022', last: '2023' },
					{ source: 'B.csv', rows: 1, units: 1, first: '2022', last: '2022' }
				],
				dataDate: '2024-12-20T01:05:00'
			},
			'vi'
		);
		expect(line).toMatch(
			/^Nguồn: dữ liệu mẫu tổng hợp; Báo cáo A\.csv và 1 nguồn khác · Số liệu đến: 20\/12\/2024\u00A008:05$/
		);
		expect(sourceLine({ sources: [], dataDate: '' }, 'en')).toBe('');
	});

	it('wraps long footnotes to the chart width', () => {
		const lines = wrapText('một hai ba bốn năm sáu bảy tám chín mười', 100, 10);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(l.length * 10 * 0.58).toBeLessThanOrEqual(100 + 1e-9);
		expect(wrapText('a\nb', 1000, 10)).toEqual(['a', 'b']);
		expect(wrapText('Số liệu đến: 20/12/2024\u00A013:05', 120, 10)).toEqual([
			'Số liệu đến:',
			'20/12/2024\u00A013:05'
		]);
	});
});

describe('endAtLastValue', () => {
	it('names the units alone at the ends of a rating’s lines (the axis names the ratings)', async () => {
		const data = await loadSpec(
			spec({ indicator: 'dan_van_rating', units: ['Phổ An', 'Phổ Cường'] }),
			source
		);
		const { option } = specOption(data.spec, data, { theme: 'projector', locale: 'vi', colorOf });
		const texts = svgTexts(renderSvg(option, 1920, 800)).map((t) => t.text);
		expect(texts).toContain('Phổ An');
		expect(texts.some((t) => t.startsWith('Phổ An ') && t.includes('Hoàn thành'))).toBe(false);
	});

	it('ends a line at its last value and gives end labels a line height', async () => {
		// Nguyễn Nghiêm has no 2024 figures: its line ends in 2023.
		const data = await loadSpec(
			spec({ units: ['Nguyễn Nghiêm', 'Phổ An'], from: '2021', to: '2024' }),
			source
		);
		const { option } = specOption(data.spec, data, { theme: 'projector', locale: 'vi', colorOf });
		const series = option.series as LineSeriesOption[];
		const nn = series.find((s) => s.name === 'Nguyễn Nghiêm')!;
		expect((nn.data as unknown[]).at(-1)).not.toBeNull();
		expect(nn.data).toHaveLength(3);
		expect(series.find((s) => s.name === 'Phổ An')!.data).toHaveLength(4);
		expect(renderSvg(option, 1920, 800)).not.toContain('NaN');
		expect(nn.endLabel).toMatchObject({ show: true, fontSize: 24, lineHeight: 30 });
		expect(endAtLastValue({ series: { type: 'bar', data: [1, null] } }).series).toEqual([
			{ type: 'bar', data: [1, null] }
		]);
	});
});
