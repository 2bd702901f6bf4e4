import { describe, expect, it } from 'vitest';
import { sparklineShape } from './sparkline';

describe('sparklineShape', () => {
	it('spreads the years across the box, the highest figure at the top and the last one marked', () => {
		const shape = sparklineShape([10, 20, 15], 104, 48, 4);
		expect(shape.lines).toEqual(['M4,44L52,4L100,24']);
		expect(shape.last).toEqual({ x: 100, y: 24 });
	});

	it('breaks the line at a missing year and marks the last year with a figure', () => {
		const shape = sparklineShape([1, 2, null, 3, 4, null], 110, 40, 5);
		expect(shape.lines).toEqual(['M5,35L25,25', 'M65,15L85,5']);
		expect(shape.last).toEqual({ x: 85, y: 5 });
	});

	it('draws no line for a year alone between gaps, but still marks a last figure', () => {
		const shape = sparklineShape([null, 7, null], 100, 40, 5);
		expect(shape.lines).toEqual([]);
		expect(shape.last).toEqual({ x: 50, y: 20 });
	});

	it('keeps a flat series in the middle and a single year in the centre', () => {
		expect(sparklineShape([3, 3], 100, 40, 5).lines).toEqual(['M5,20L95,20']);
		expect(sparklineShape([3], 100, 40, 5).last).toEqual({ x: 50, y: 20 });
	});

	it('draws nothing without figures or without room', () => {
		expect(sparklineShape([null, Number.NaN], 100, 40, 5)).toEqual({ lines: [], last: null });
		expect(sparklineShape([1, 2], 0, 40, 5)).toEqual({ lines: [], last: null });
	});
});
