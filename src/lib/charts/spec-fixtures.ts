/** Fixtures shaped like query results, with the report's figures for Nguyễn Nghiêm. No ECharts here. */
import type { EChartsOption } from 'echarts';
import type { Indicator, SeriesRow } from '$lib/model/types';
import { makeColorOf } from './palette';
import type { ChartContext } from './context';
import type { ChartTheme } from './themes';

export const HOSTILE = '<img src=x onerror=alert(1)>';
export const LONG_NAME = 'Phường Nguyễn Nghiêm mở rộng sau sáp nhập';

export function indicator(over: Partial<Indicator> = {}): Indicator {
	return {
		code: 'petition_resolution_rate',
		name_vi: 'Tỷ lệ giải quyết vụ việc',
		name_en: 'Case resolution rate',
		unit: 'percent',
		kind: 'derived',
		formula: 'petition_cases_handled / petition_cases_received * 100',
		aggregation: 'ratio',
		higher_is_better: true,
		group: 'petitions',
		categories: [],
		notes_vi: '',
		notes_en: '',
		...over
	};
}

/** A raw count named by its code and summed up over units (shaped further by `over`). */
export function rawIndicator(code: string, over: Partial<Indicator> = {}): Indicator {
	return indicator({
		code,
		name_vi: code,
		name_en: code,
		unit: 'count',
		kind: 'raw',
		formula: '',
		aggregation: 'sum',
		group: 'g',
		...over
	});
}

export function rate(
	unit: string,
	period: string,
	numerator: number,
	denominator: number,
	qualifier: SeriesRow['qualifier'] = ''
): SeriesRow {
	return {
		unit,
		period,
		value: (numerator / denominator) * 100,
		qualifier,
		numerator,
		denominator,
		units: 1
	};
}

export function plain(
	unit: string,
	period: string,
	value: number,
	qualifier: SeriesRow['qualifier'] = ''
): SeriesRow {
	return { unit, period, value, qualifier, numerator: null, denominator: null, units: 1 };
}

/** Resolution rates: Nguyễn Nghiêm's are the report's (2022 19/19, 2023 20/21). Phổ Ninh has no 2022. */
export const RATES: SeriesRow[] = [
	rate('Nguyễn Nghiêm', '2022', 19, 19),
	rate('Nguyễn Nghiêm', '2023', 20, 21),
	rate('Phổ Ninh', '2021', 30, 40),
	rate('Phổ Ninh', '2023', 4, 6),
	rate('Phổ Vinh', '2021', 10, 12),
	rate('Phổ Vinh', '2022', 11, 12),
	rate('Phổ Vinh', '2023', 23, 25),
	rate(HOSTILE, '2022', 8, 10),
	rate(HOSTILE, '2023', 9, 10),
	rate(LONG_NAME, '2023', 45, 50)
];

export const UNITS = ['Nguyễn Nghiêm', 'Phổ Ninh', 'Phổ Vinh', HOSTILE, LONG_NAME];

export function context(theme: ChartTheme = 'screen', over: Partial<ChartContext> = {}): ChartContext {
	return { locale: 'vi', theme, indicator: indicator(), colorOf: makeColorOf(UNITS), ...over };
}

/** Calls an option's tooltip formatter the way ECharts does, with params shaped like ECharts'. */
export function callTooltip(option: EChartsOption, params: unknown): string {
	const tooltip = option.tooltip as { formatter?: unknown } | undefined;
	const formatter = tooltip?.formatter;
	if (typeof formatter !== 'function') throw new Error('no tooltip formatter');
	return String((formatter as (p: unknown) => unknown)(params));
}
