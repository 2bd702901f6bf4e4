/** Value-axis settings from the indicator: formatting, honest bounds for percent and ratings. */
import type { Indicator } from '$lib/model/types';
import { formatValue, type Locale } from '$lib/format';
import type { ThemeSizes } from './themes';
import { truncate } from './text';

export interface ValueAxisParts {
	min?: number;
	max?: number;
	interval?: number;
	scale?: boolean;
	axisLabel: { formatter: (value: number) => string; fontSize: number; color: string };
}

/**
 * `zeroBased`: bars must start at 0; lines may zoom in (`scale`). Percent axes never go past 100 when
 * the data does not; rating axes show the category labels at their ranks.
 */
export function valueAxisParts(
	indicator: Indicator,
	values: number[],
	locale: Locale,
	s: ThemeSizes,
	zeroBased: boolean
): ValueAxisParts {
	const finite = values.filter(Number.isFinite);
	const lo = finite.length ? Math.min(...finite) : 0;
	const hi = finite.length ? Math.max(...finite) : 0;
	const parts: ValueAxisParts = {
		axisLabel: {
			formatter: (v: number) => truncate(formatValue(indicator, v, '', { locale, place: 'axis' })),
			fontSize: s.axis,
			color: s.textColor
		}
	};
	if (indicator.unit === 'rating' && indicator.categories.length > 0) {
		parts.min = zeroBased ? 0 : 1;
		parts.max = indicator.categories.length;
		parts.interval = 1;
		// Rank 0 is the empty end of a bar axis, not a category.
		parts.axisLabel.formatter = (v: number) =>
			v < 1 ? '' : truncate(formatValue(indicator, v, '', { locale, place: 'axis' }));
		return parts;
	}
	if (indicator.unit === 'yes_no') {
		// Only two values, drawn at 0 (Không/No) and 1 (Có/Yes).
		return { ...parts, min: 0, max: 1, interval: 1 };
	}
	if (indicator.unit === 'percent' && lo >= 0 && hi <= 100) parts.max = 100;
	if (zeroBased) {
		if (lo >= 0) parts.min = 0;
	} else parts.scale = true;
	return parts;
}
