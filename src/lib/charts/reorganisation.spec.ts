import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { periodEnd, reorganisationIndex } from '$lib/model/registry';
import { context, rate } from './spec-fixtures';
import { trendOption } from './trend';

const mark = (periods: string[], theme?: Parameters<typeof context>[0]) => {
	const rows = periods.map((p, i) => rate('Đức Phổ', p, 10 + i, 20));
	const series = trendOption(rows, context(theme)).series as LineSeriesOption[];
	return series.find((s) => s.id === 'reorganisation');
};

describe('the marked line of 1 July 2025', () => {
	it('knows where each kind of period ends', () => {
		expect(periodEnd('2024')).toBe('2024-12-31');
		expect(periodEnd('2025-H1')).toBe('2025-06-30');
		expect(periodEnd('2025-Q3')).toBe('2025-09-30');
		expect(periodEnd('2021-2025')).toBe('2025-12-31');
		expect(periodEnd('x')).toBe('');
	});

	it('is drawn where a trend crosses the day, and only then', () => {
		expect(reorganisationIndex(['2023', '2024', '2025-H1', '2025-H2', '2026'])).toBe(3);
		expect(reorganisationIndex(['2024', '2025', '2026'])).toBe(1);
		expect(reorganisationIndex(['2021', '2022', '2025-H1'])).toBe(-1);
		expect(reorganisationIndex(['2025-H2', '2026'])).toBe(-1);
	});

	it('is in every trend option that crosses it: screen, slides and pictures alike', () => {
		for (const theme of [undefined, 'projector', 'print'] as const) {
			const m = mark(['2024', '2025-H1', '2025-H2'], theme);
			expect(m?.markLine?.label?.formatter).toBe('Sắp xếp đơn vị hành chính 01/7/2025');
			expect(m?.data).toEqual([]);
		}
		expect(mark(['2023', '2024'])).toBeUndefined();
	});
});
