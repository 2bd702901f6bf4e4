/** What every chart builder is told besides its rows. */
import type { Indicator } from '$lib/model/types';
import type { Locale } from '$lib/format';
import type { ChartTheme } from './themes';

export interface BaseContext {
	locale: Locale;
	theme: ChartTheme;
	/** A unit's colour; the same in every chart of a page (see `makeColorOf`). */
	colorOf: (unit: string) => string;
	title?: string;
	subtitle?: string;
	/** Source and notes, printed under the chart (it goes into exported PNG/SVG/PDF). */
	footnote?: string;
}

export interface ChartContext extends BaseContext {
	indicator: Indicator;
}

export type ChartKind = 'trend' | 'ranking' | 'heatmap' | 'smallMultiples' | 'sparkline';

export function indicatorName(
	indicator: Pick<Indicator, 'name_vi' | 'name_en' | 'code'>,
	locale: Locale
): string {
	return (locale === 'vi' ? indicator.name_vi : indicator.name_en) || indicator.name_vi || indicator.code;
}
