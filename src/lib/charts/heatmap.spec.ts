import { describe, expect, it } from 'vitest';
import type { HeatmapSeriesOption } from 'echarts';
import { heatmapOption } from './heatmap';
import { callTooltip, context, HOSTILE, indicator, RATES, renderSvg, svgTexts, UNITS } from './spec-helpers';
import { DARK_TEXT, LIGHT_TEXT, SEQUENTIAL_GOOD, SEQUENTIAL_NEUTRAL } from './palette';

const PERIODS = ['2021', '2022', '2023'];
const ctx = (over = {}) => ({ ...context('screen', over), units: UNITS, periods: PERIODS });
const seriesOf = (o: ReturnType<typeof heatmapOption>) => o.series as HeatmapSeriesOption[];
type Item = { value: [number, number, number]; label?: { formatter: string; color: string } };

describe('heatmapOption', () => {
	it('has one cell per unit and period, missing ones apart', () => {
		const option = heatmapOption(RATES, ctx());
		const [present, missing] = seriesOf(option);
		expect((present.data as Item[]).length).toBe(RATES.length);
		expect((present.data as Item[]).length + (missing.data as Item[]).length).toBe(
			UNITS.length * PERIODS.length
		);
		const texts = svgTexts(renderSvg(option)).map((t) => t.text);
		expect(texts).toContain('95,2 %');
		expect(texts).toContain('100,0 %');
		expect(texts).toContain('66,7 %*');
		expect(texts.filter((t) => t === '—')).toHaveLength(UNITS.length * PERIODS.length - RATES.length);
	});

	it('hatches missing cells in grey', () => {
		const missing = seriesOf(heatmapOption(RATES, ctx()))[1];
		expect(missing.itemStyle?.decal).toBeTruthy();
		expect(renderSvg(heatmapOption(RATES, ctx()))).toContain('<pattern');
	});

	it('colours by direction: better is darker; neutral scale when no direction', () => {
		const up = heatmapOption(RATES, ctx());
		const vmUp = (up.visualMap as { inRange: { color: string[] } }[])[0];
		expect(vmUp.inRange.color).toEqual(SEQUENTIAL_GOOD);
		const down = heatmapOption(RATES, ctx({ indicator: indicator({ higher_is_better: false }) }));
		expect((down.visualMap as { inRange: { color: string[] } }[])[0].inRange.color).toEqual(
			[...SEQUENTIAL_GOOD].reverse()
		);
		const none = heatmapOption(RATES, ctx({ indicator: indicator({ higher_is_better: null }) }));
		expect((none.visualMap as { inRange: { color: string[] } }[])[0].inRange.color).toEqual(
			SEQUENTIAL_NEUTRAL
		);
	});

	it('picks the label colour by the cell luminance', () => {
		const data = seriesOf(heatmapOption(RATES, ctx()))[0].data as Item[];
		const best = data.find((d) => d.value[2] === 100)!;
		const worst = data.find((d) => d.label?.formatter === '66,7 %*')!;
		expect(best.label!.color).toBe(LIGHT_TEXT);
		expect(worst.label!.color).toBe(DARK_TEXT);
	});

	it('escapes names in the tooltip and gives missing cells a dash', () => {
		const option = heatmapOption(RATES, ctx());
		const present = seriesOf(option)[0].data as Item[];
		const y = UNITS.indexOf(HOSTILE);
		const i = present.findIndex((d) => d.value[1] === y && d.value[0] === 2);
		const html = callTooltip(option, { seriesIndex: 0, dataIndex: i });
		expect(html).not.toContain('<img');
		expect(html).toContain('9/10 · 90,0 %');
		expect(callTooltip(option, { seriesIndex: 1, dataIndex: 0 })).toContain('—');
	});

	it('handles a single value and no rows', () => {
		const one = heatmapOption([RATES[0]], ctx());
		expect(() => renderSvg(one)).not.toThrow();
		expect(() => renderSvg(heatmapOption([], ctx()))).not.toThrow();
	});
});
