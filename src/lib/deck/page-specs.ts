/**
 * The charts a page shows, as `ChartSpec`s built from the page's URL choices. A page draws each spec
 * through `deriveSpecData` + `specOption`, the same functions a pinned slide uses, and its pin button
 * saves the very same spec: the chart on the page and its pinned copy cannot disagree.
 */
import type { ChartSpec } from '$lib/deck/chart-spec';
import { defaultReference, isAggregable, type Reference } from '$lib/model/indicators';
import { isYear } from '$lib/model/period';
import type { Indicator } from '$lib/model/types';
import { groupingFor, type ViewMode } from '$lib/model/units';

/** What the indicator page's address says (`?u=…&ref=…&y=…&from=…&to=…&v=…`). */
export interface IndicatorChoices {
	u: readonly string[];
	ref: string;
	y: string;
	from: number;
	to: number;
	v: string;
}

/** Reference values a link may carry; `town` is the older name of `total`. */
export const REFERENCE_PARAMS = ['', 'median', 'total', 'town', 'none'] as const;

/** The reference line the page draws: the chosen one, else the indicator's default; a sum needs a town. */
export function pageReference(indicator: Indicator, param: string): Reference {
	const chosen = (param === 'town' ? 'total' : param || defaultReference(indicator)) as Reference;
	return chosen === 'total' && !isAggregable(indicator) ? 'median' : chosen;
}

/** The period a ranking shows: the chosen one when it has data, else the latest year, else the latest. */
export function pagePeriod(chosen: string, periods: readonly string[]): string {
	if (chosen && periods.includes(chosen)) return chosen;
	return periods.filter(isYear).at(-1) ?? periods.at(-1) ?? '';
}

/** The indicator page's three charts. `units`: the chosen units that exist in the view. */
export function indicatorSpecs(
	indicator: Indicator,
	choices: IndicatorChoices,
	units: readonly string[],
	rankPeriod: string
): { trend: ChartSpec; ranking: ChartSpec; heatmap: ChartSpec } {
	const base = {
		version: 1 as const,
		indicator: indicator.code,
		grouping: groupingFor(choices.v as ViewMode),
		...(choices.from ? { from: String(choices.from) } : {}),
		...(choices.to ? { to: String(choices.to) } : {})
	};
	return {
		trend: { ...base, kind: 'trend', units: [...units], reference: pageReference(indicator, choices.ref) },
		ranking: {
			version: 1,
			kind: 'ranking',
			indicator: indicator.code,
			units: [...units],
			grouping: base.grouping,
			...(rankPeriod ? { year: rankPeriod } : {})
		},
		heatmap: { ...base, kind: 'heatmap', units: [] }
	};
}

/** The overview's two charts: the trend of a count and the ranking of a rate in the latest year. */
export function overviewSpecs(
	trend: string,
	ranking: string,
	mode: ViewMode,
	latest: string
): { trend: ChartSpec; ranking: ChartSpec } {
	const grouping = groupingFor(mode);
	return {
		trend: { version: 1, kind: 'trend', indicator: trend, units: [], grouping, reference: 'none' },
		ranking: {
			version: 1,
			kind: 'ranking',
			indicator: ranking,
			units: [],
			grouping,
			...(latest ? { year: latest } : {})
		}
	};
}

/** The compare page's pin of one panel: a trend of the compared units over the chosen years. */
export function compareSpec(
	indicator: string,
	units: readonly string[],
	mode: ViewMode,
	from: number,
	to: number
): ChartSpec {
	return {
		version: 1,
		kind: 'trend',
		indicator,
		units: [...units],
		grouping: groupingFor(mode),
		reference: 'none',
		...(from ? { from: String(from) } : {}),
		...(to ? { to: String(to) } : {})
	};
}

/** The unit profile's pin of one key indicator: the unit against the median of its peers. */
export function unitSpec(indicator: string, subject: string, merged: boolean): ChartSpec {
	return {
		version: 1,
		kind: 'trend',
		indicator,
		units: subject ? [subject] : [],
		grouping: merged ? 'successor' : 'unit',
		reference: 'median'
	};
}
