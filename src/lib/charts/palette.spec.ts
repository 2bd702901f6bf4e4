import { describe, expect, it } from 'vitest';
import {
	CATEGORICAL,
	DARK_TEXT,
	interpolate,
	LIGHT_TEXT,
	luminance,
	makeColorOf,
	REFERENCE_COLOR,
	sequentialFor,
	textColorOn
} from './palette';
import { echartsThemes, FONT_FAMILY, themeSizes } from './themes';

describe('palette', () => {
	it('has at least 20 distinct colours, none of them the reference grey', () => {
		expect(new Set(CATEGORICAL.map((c) => c.toUpperCase())).size).toBe(CATEGORICAL.length);
		expect(CATEGORICAL.length).toBeGreaterThanOrEqual(20);
		expect(CATEGORICAL).not.toContain(REFERENCE_COLOR);
	});

	it('gives units stable colours by their position in the list', () => {
		const colorOf = makeColorOf(['A', 'B', 'C']);
		expect(colorOf('A')).toBe(CATEGORICAL[0]);
		expect(colorOf('C')).toBe(CATEGORICAL[2]);
		expect(makeColorOf(['A', 'B', 'C'])('Z')).toBe(colorOf('Z'));
		const fifteen = Array.from({ length: 15 }, (_, i) => `P${i}`);
		const c = makeColorOf(fifteen);
		expect(new Set(fifteen.map(c)).size).toBe(15);
	});

	it('chooses readable text by luminance', () => {
		expect(textColorOn('#FFFFFF')).toBe(DARK_TEXT);
		expect(textColorOn('#08589E')).toBe(LIGHT_TEXT);
		expect(textColorOn('#F0F9E8')).toBe(DARK_TEXT);
		expect(luminance('#000')).toBe(0);
		expect(luminance('#fff')).toBeCloseTo(1);
	});

	it('interpolates along stops', () => {
		expect(interpolate(['#000000', '#FFFFFF'], 0)).toBe('#000000');
		expect(interpolate(['#000000', '#FFFFFF'], 1)).toBe('#FFFFFF');
		expect(interpolate(['#000000', '#FFFFFF'], 0.5)).toBe('#808080');
		expect(interpolate(['#000000', '#FFFFFF'], 7)).toBe('#FFFFFF');
		expect(luminance(sequentialFor(true).at(-1)!)).toBeLessThan(luminance(sequentialFor(true)[0]));
		expect(luminance(sequentialFor(false)[0])).toBeLessThan(luminance(sequentialFor(false).at(-1)!));
	});
});

describe('themes', () => {
	it('sizes type for each medium', () => {
		expect(themeSizes('screen').axis).toBeGreaterThanOrEqual(12);
		expect(themeSizes('screen').text).toBeLessThanOrEqual(14);
		expect(themeSizes('projector').axis).toBeGreaterThanOrEqual(24);
		expect(themeSizes('projector').label).toBeGreaterThanOrEqual(24);
		expect(themeSizes('projector').lineWidth).toBeGreaterThan(themeSizes('screen').lineWidth);
		expect(themeSizes('projector').hover).toBe(false);
		// 10–12 pt on paper.
		expect(themeSizes('print').axis).toBeCloseTo(13.33, 1);
		expect(themeSizes('print').title).toBe(16);
		expect(themeSizes('print').textColor).toBe('#000000');
	});

	it('exports an ECharts theme per medium', () => {
		expect(Object.keys(echartsThemes).sort()).toEqual(['print', 'projector', 'screen']);
		expect(echartsThemes.projector).toMatchObject({
			backgroundColor: '#FFFFFF',
			textStyle: { fontFamily: FONT_FAMILY }
		});
		expect(FONT_FAMILY).toBe("'Be Vietnam Pro', 'Noto Sans', system-ui, sans-serif");
	});
});
