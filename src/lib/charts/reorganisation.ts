/**
 * The marked line of 1 July 2025 on a trend that crosses it ("Sắp xếp đơn vị hành chính 01/7/2025"):
 * a series of its own with no points, so hiding a unit's line never hides it; the same on screen, on
 * slides and in exported pictures (every trend is drawn by trendOption).
 */
import type { LineSeriesOption } from 'echarts';
import { reorganisationIndex } from '$lib/model/registry';
import type { ThemeSizes } from './themes';

export const REORGANISATION_LABEL = {
	vi: 'Sắp xếp đơn vị hành chính 01/7/2025',
	en: 'Reorganisation of units, 1 July 2025'
} as const;

export function reorganisationMark(
	periods: readonly string[],
	categories: readonly string[],
	locale: 'vi' | 'en',
	s: ThemeSizes
): LineSeriesOption | null {
	const at = reorganisationIndex(periods);
	if (at < 0) return null;
	return {
		type: 'line',
		id: 'reorganisation',
		name: REORGANISATION_LABEL[locale],
		data: [],
		silent: true,
		tooltip: { show: false },
		markLine: {
			silent: true,
			symbol: 'none',
			animation: false,
			lineStyle: { color: s.mutedColor, type: 'dashed', width: 1.5 },
			label: {
				formatter: REORGANISATION_LABEL[locale],
				position: 'insideEndTop',
				color: s.mutedColor,
				fontSize: s.footnote
			},
			data: [{ xAxis: categories[at] }]
		}
	};
}
