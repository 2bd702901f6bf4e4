/**
 * The views' reads from the data session, memoised per data version (a page that asks for the same
 * series twice, or a unit profile that asks for every indicator, queries DuckDB once per series; going
 * back to an indicator or a set of units asks DuckDB nothing).
 */
import {
	observationFacets,
	observations,
	presence,
	ratingDistribution,
	seriesBatch,
	sources,
	unitSummary,
	type ObservationFilter
} from '$lib/db/queries';
import { runReadOnly } from '$lib/db/console';
import type { SeriesOptions } from '$lib/db';
import type { SeriesRow } from '$lib/model/types';
import { AnswerCache } from './answer-cache';
import { data } from './data.svelte';
import { TOWN_GROUP } from '$lib/model/units';

const answers = new AnswerCache<unknown>(256);

function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
	return answers.get(data.version, key, load) as Promise<T>;
}

function store() {
	if (!data.store) throw new Error('The data session is not open yet.');
	return data.store;
}

/** One indicator's values (see `seriesQuery`); the town row is named `TOWN_GROUP`. */
export function loadSeries(code: string, options: SeriesOptions = {}): Promise<SeriesRow[]> {
	const opts = { townLabel: TOWN_GROUP, ...options };
	return memo(`series|${code}|${JSON.stringify(opts)}`, () => data.series(code, opts));
}

/** Several indicators' series in one query (see `seriesBatch`): code → rows. */
export function loadSeriesBatch(
	codes: readonly string[],
	options: SeriesOptions = {}
): Promise<Map<string, SeriesRow[]>> {
	const opts = { townLabel: TOWN_GROUP, ...options };
	return memo(`batch|${codes.join(',')}|${JSON.stringify(opts)}`, () => {
		const indicators = codes.map((c) => data.dictionary.get(c)).filter((i) => i !== undefined);
		return seriesBatch(store(), indicators, data.dictionary, opts);
	});
}

export function loadSources(codes: string[]) {
	return memo(`sources|${codes.join(',')}`, () => sources(store(), codes));
}

export function loadPresence(codes?: string[]) {
	return memo(`presence|${codes?.join(',') ?? '*'}`, () => presence(store(), codes));
}

export function loadRatings(code: string, grouping: 'unit' | 'successor' | 'town') {
	return memo(`ratings|${code}|${grouping}`, () => ratingDistribution(store(), code, grouping, TOWN_GROUP));
}

export function loadFacets() {
	return memo('facets', () => observationFacets(store()));
}

export function loadObservations(filter: ObservationFilter, limit?: number) {
	return observations(store(), filter, limit);
}

export function runConsole(sql: string) {
	return runReadOnly(store(), sql);
}

export function loadUnitSummary() {
	return memo('unit-summary', () => unitSummary(store()));
}
