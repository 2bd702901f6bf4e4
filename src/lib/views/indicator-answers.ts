/**
 * Everything the indicator page draws, asked in one place: the indicator's series in the chosen
 * grouping, the whole town's, the sources it was read from and the rating counts. Given the page's
 * loaders (DuckDB) it gives the live answers; the same plain data is kept between visits, so that a
 * return to the last indicator page viewed draws at once, as kept, while DuckDB opens.
 *
 * Only the last page viewed is kept (one key, replaced), and only when it is small: a workspace of a
 * million figures must not fill the browser's storage. The units, reference line and periods chosen
 * are applied to these answers on the page, kept or live alike, so only the indicator and the
 * grouping must match.
 */
import type { SeriesOptions } from '$lib/db/series';
import type { RatingCountRow, SourceRow } from '$lib/db/queries';
import { isAggregable, rawInputs, ratingSource } from '$lib/model/indicators';
import type { Indicator, SeriesRow } from '$lib/model/types';
import type { KeptAnswers } from './answers-store';

export type IndicatorGrouping = 'unit' | 'successor';

/** The indicator page's answers for one indicator and grouping. */
export interface IndicatorAnswers {
	code: string;
	grouping: IndicatorGrouping;
	rows: SeriesRow[];
	town: SeriesRow[];
	sources: SourceRow[];
	ratings: RatingCountRow[];
	townRatings: RatingCountRow[];
}

/** Where the answers come from: the page's loaders, or plain queries on a store. */
export interface IndicatorSource {
	series(code: string, options: SeriesOptions): Promise<SeriesRow[]>;
	sources(codes: string[]): Promise<SourceRow[]>;
	ratings(code: string, grouping: IndicatorGrouping | 'town'): Promise<RatingCountRow[]>;
}

/** The key under which the last indicator page's answers are kept (one key: the last page only). */
export const INDICATOR_KEY = 'indicator';

/**
 * At most this many rows are kept (all lists together, about 120 bytes a row: some 250 kB). A page
 * with more — an indicator of a large workspace, by month — is not kept; DuckDB draws it as before.
 */
export const KEEP_ROWS = 2000;

export async function indicatorAnswers(
	source: IndicatorSource,
	indicator: Indicator,
	dictionary: ReadonlyMap<string, Indicator>,
	grouping: IndicatorGrouping
): Promise<IndicatorAnswers> {
	const ratingCode = ratingSource(indicator, dictionary);
	const [rows, town, sources, ratings, townRatings] = await Promise.all([
		source.series(indicator.code, { periods: 'all', grouping }),
		isAggregable(indicator)
			? source.series(indicator.code, { periods: 'all', grouping: 'town' })
			: Promise.resolve([]),
		source.sources(rawInputs(indicator, dictionary)),
		ratingCode ? source.ratings(ratingCode, grouping) : Promise.resolve([]),
		ratingCode ? source.ratings(ratingCode, 'town') : Promise.resolve([])
	]);
	return { code: indicator.code, grouping, rows, town, sources, ratings, townRatings };
}

/** How many rows the answers hold, all lists together. */
export function answerRows(a: IndicatorAnswers): number {
	return a.rows.length + a.town.length + a.sources.length + a.ratings.length + a.townRatings.length;
}

/**
 * What is kept for the last page viewed: its answers, or null when they are too large — which also
 * forgets the page kept before, so what is kept is only ever the last page viewed.
 */
export function toKeep(a: IndicatorAnswers): IndicatorAnswers | null {
	return answerRows(a) <= KEEP_ROWS ? a : null;
}

/** The kept answers of this indicator in this grouping, if the last page viewed was that one. */
export function keptIndicator(
	kept: KeptAnswers | null | undefined,
	code: string,
	grouping: IndicatorGrouping
): IndicatorAnswers | null {
	const a = kept?.pages[INDICATOR_KEY] as Partial<IndicatorAnswers> | null | undefined;
	if (!a || a.code !== code || a.grouping !== grouping) return null;
	const lists = [a.rows, a.town, a.sources, a.ratings, a.townRatings];
	return lists.every(Array.isArray) ? (a as IndicatorAnswers) : null;
}

/**
 * True when the indicator page at this address (route `/indicators/[code]`, the 2025 switch in `?v=`)
 * is the one whose answers are kept: the layout lets it draw them before DuckDB has opened.
 */
export function keptPageAt(
	kept: KeptAnswers | null | undefined,
	route: string | null,
	code: string | undefined,
	search: URLSearchParams
): boolean {
	if (route !== '/indicators/[code]' || !code) return false;
	const grouping = search.getAll('v').at(-1)?.trim() === '2025' ? 'successor' : 'unit';
	return keptIndicator(kept, code, grouping) !== null;
}
