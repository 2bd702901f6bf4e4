/**
 * The views' reads from the data session, memoised per data version (a page that asks for the same
 * series twice, or a unit profile that asks for every indicator, queries DuckDB once per series).
 */
import {
	observationCount,
	observationFacets,
	observations,
	presence,
	ratingDistribution,
	runReadOnly,
	seriesBatch,
	sources,
	unitSummary,
	type ObservationFilter
} from '$lib/db/queries';
import type { SeriesOptions } from '$lib/db';
import type { SeriesRow } from '$lib/model/types';
import { data } from './data.svelte';
import { TOWN_LABEL } from './views';

let cacheVersion = -1;
const cache = new Map<string, Promise<unknown>>();

function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
	if (cacheVersion !== data.version) {
		cache.clear();
		cacheVersion = data.version;
	}
	let hit = cache.get(key) as Promise<T> | undefined;
	if (!hit) {
		hit = load();
		cache.set(key, hit);
		hit.catch(() => cache.delete(key));
	}
	return hit;
}

function store() {
	if (!data.store) throw new Error('The data session is not open yet.');
	return data.store;
}

/** One indicator's values (see `seriesQuery`); the town label defaults to `Toàn thị xã`. */
export function loadSeries(code: string, options: SeriesOptions = {}): Promise<SeriesRow[]> {
	const opts = { townLabel: TOWN_LABEL, ...options };
	return memo(`series|${code}|${JSON.stringify(opts)}`, () => data.series(code, opts));
}

/** Several indicators' series in one query (see `seriesBatch`): code → rows. */
export function loadSeriesBatch(
	codes: readonly string[],
	options: SeriesOptions = {}
): Promise<Map<string, SeriesRow[]>> {
	const opts = { townLabel: TOWN_LABEL, ...options };
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
	return memo(`ratings|${code}|${grouping}`, () => ratingDistribution(store(), code, grouping, TOWN_LABEL));
}

export function loadFacets() {
	return memo('facets', () => observationFacets(store()));
}

export function loadObservations(filter: ObservationFilter, limit?: number) {
	return observations(store(), filter, limit);
}

export function countObservations(filter: ObservationFilter) {
	return observationCount(store(), filter);
}

export function runConsole(sql: string) {
	return runReadOnly(store(), sql);
}

export function loadUnitSummary() {
	return memo('unit-summary', () => unitSummary(store()));
}
