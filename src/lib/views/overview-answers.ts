/**
 * Everything the overview draws, asked in one place: the trend and ranking series, the town figures of
 * the key indicators (tiles), the units' figures of the rates (best and weakest), which figures each
 * unit has (gaps) and the rating counts. Given the page's loaders in the browser, or plain queries on a
 * store in Node (the build's answers for a first visit, scripts/make-answers.ts): both give the same
 * plain data, which is what is kept between visits.
 */
import type { SeriesOptions } from '$lib/db/series';
import {
	presence,
	ratingDistribution,
	series,
	seriesBatch,
	type PresenceRow,
	type Queryable,
	type RatingCountRow
} from '$lib/db/queries';
import { TOWN_GROUP } from '$lib/model/units';
import {
	isAggregable,
	isRateLike,
	KEY_INDICATORS,
	OVERVIEW_EXTREMES,
	rawInputs,
	withCategories
} from '$lib/model/indicators';
import type { Indicator, SeriesRow } from '$lib/model/types';

export const OVERVIEW_TREND = 'petition_cases_received';
export const OVERVIEW_RANKING = 'petition_resolution_rate';

/** The overview's answers for one grouping ('' units as they were, 'successor' the 2025 units). */
export interface OverviewAnswers {
	grouping: string;
	trend: SeriesRow[];
	rates: SeriesRow[];
	/** Key indicator → the town's series. */
	towns: Record<string, SeriesRow[]>;
	/** Rate → the units' series. */
	perUnit: Record<string, SeriesRow[]>;
	presence: PresenceRow[];
	ratings: RatingCountRow[];
}

/** Where the answers come from: the page's loaders, or queries on a store. */
export interface OverviewSource {
	series(code: string, options: SeriesOptions): Promise<SeriesRow[]>;
	batch(codes: string[], options: SeriesOptions): Promise<Map<string, SeriesRow[]>>;
	presence(codes: string[]): Promise<PresenceRow[]>;
	ratings(code: string, grouping: 'town'): Promise<RatingCountRow[]>;
}

/** Plain queries on a store (as the page's loaders ask them, without keeping them). */
export function storeSource(db: Queryable, dictionary: Map<string, Indicator>): OverviewSource {
	const opts = (o: SeriesOptions) => ({ townLabel: TOWN_GROUP, ...o });
	return {
		series: (code, o) => {
			const indicator = dictionary.get(code);
			return indicator ? series(db, indicator, dictionary, opts(o)) : Promise.resolve([]);
		},
		batch: (codes, o) =>
			seriesBatch(
				db,
				codes.map((c) => dictionary.get(c)).filter((i) => i !== undefined),
				dictionary,
				opts(o)
			),
		presence: (codes) => presence(db, codes),
		ratings: (code, g) => ratingDistribution(db, code, g, TOWN_GROUP)
	};
}

/** The indicators the overview shows, from the dictionary. */
export function overviewIndicators(dictionary: ReadonlyMap<string, Indicator>) {
	const keys = KEY_INDICATORS.map((c) => dictionary.get(c)).filter((i): i is Indicator => !!i);
	const extremes = OVERVIEW_EXTREMES.map((c) => dictionary.get(c))
		.filter((i): i is Indicator => !!i && isRateLike(i))
		.map((i) => withCategories(i, dictionary));
	const rating = keys.find((i) => i.unit === 'rating' && !isAggregable(i));
	return { keys, extremes, rating };
}

export async function overviewAnswers(
	source: OverviewSource,
	dictionary: ReadonlyMap<string, Indicator>,
	grouping: 'unit' | 'successor'
): Promise<OverviewAnswers> {
	const { keys, extremes, rating } = overviewIndicators(dictionary);
	const g = { periods: 'year', grouping } as const;
	const trend = await source.series(OVERVIEW_TREND, g);
	const rates = await source.series(OVERVIEW_RANKING, g);
	const towns = await source.batch(
		keys.filter(isAggregable).map((i) => i.code),
		{ periods: 'year', grouping: 'town' }
	);
	const perUnit = await source.batch(
		extremes.map((i) => i.code),
		g
	);
	const inputs = [...new Set(keys.flatMap((i) => rawInputs(i, dictionary)))];
	const [presence, ratings] = await Promise.all([
		source.presence(inputs),
		rating ? source.ratings(rating.code, 'town') : Promise.resolve([])
	]);
	return {
		grouping,
		trend,
		rates,
		towns: Object.fromEntries(towns),
		perUnit: Object.fromEntries(perUnit),
		presence,
		ratings
	};
}

/** The key under which a page's answers are kept. */
export const overviewKey = (grouping: string) => `overview|${grouping}`;
