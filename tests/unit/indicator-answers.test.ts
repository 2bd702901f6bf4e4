/**
 * The indicator page's kept answers: one function gives what the page draws (here from plain queries
 * on the bundled data, in the browser from its loaders); only the last page viewed is kept, drawn only
 * for the same indicator and grouping, never past another data version, and not at all when large.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/lib/db';
import { ratingDistribution, series, sources } from '../../src/lib/db/queries';
import { isAggregable } from '../../src/lib/model/indicators';
import type { Indicator, SeriesRow } from '../../src/lib/model/types';
import { TOWN_GROUP } from '../../src/lib/model/units';
import { localVersion, withAnswers } from '../../src/lib/views/answers-store';
import {
	answerRows,
	INDICATOR_KEY,
	indicatorAnswers,
	KEEP_ROWS,
	keptIndicator,
	keptPageAt,
	toKeep,
	type IndicatorAnswers,
	type IndicatorSource
} from '../../src/lib/views/indicator-answers';
import { bundledStore } from '../../scripts/make-answers';

const reference = { indicators: [], units: [] };

/** The page's loaders, as plain queries on a store. */
function storeSource(db: Store, dictionary: Map<string, Indicator>): IndicatorSource {
	return {
		series: (code, o) => series(db, dictionary.get(code)!, dictionary, { townLabel: TOWN_GROUP, ...o }),
		sources: (codes) => sources(db, codes),
		ratings: (code, g) => ratingDistribution(db, code, g, TOWN_GROUP)
	};
}

describe('the indicator page’s answers on the bundled data', () => {
	let store: Store;
	let dictionary: Map<string, Indicator>;
	beforeAll(async () => {
		store = await bundledStore();
		dictionary = new Map((await store.indicators()).map((i) => [i.code, i]));
	});
	afterAll(() => store.engine.close());

	const answersOf = (code: string, grouping: 'unit' | 'successor') =>
		indicatorAnswers(storeSource(store, dictionary), dictionary.get(code)!, dictionary, grouping);

	it('hold the units’ series, the town’s, the sources and the ratings the page draws', async () => {
		const a = await answersOf('petition_resolution_rate', 'unit');
		expect(a.code).toBe('petition_resolution_rate');
		expect(a.grouping).toBe('unit');
		expect(new Set(a.rows.map((r) => r.unit)).size).toBe(15);
		expect(a.town.length).toBeGreaterThan(0);
		expect(new Set(a.town.map((r) => r.unit))).toEqual(new Set([TOWN_GROUP]));
		expect(a.sources.length).toBeGreaterThan(0);
		expect(a.ratings).toEqual([]);
		const merged = await answersOf('petition_resolution_rate', 'successor');
		expect(new Set(merged.rows.map((r) => r.unit)).size).toBeLessThan(15);

		const rated = [...dictionary.values()].find((i) => i.unit === 'rating')!;
		const r = await answersOf(rated.code, 'unit');
		expect(r.ratings.length).toBeGreaterThan(0);
		expect(r.townRatings.length).toBeGreaterThan(0);
	});

	it('survive being kept (plain data: the JSON copy is the same answers)', async () => {
		const a = await answersOf('petition_cases_received', 'successor');
		expect(JSON.parse(JSON.stringify(a))).toEqual(a);
	});

	it('of every page of the bundled data fit under the cap (all are kept)', async () => {
		let most = 0;
		let bytes = 0;
		for (const indicator of dictionary.values())
			for (const grouping of ['unit', 'successor'] as const) {
				const a = await answersOf(indicator.code, grouping);
				if (!isAggregable(indicator)) expect(a.town).toEqual([]);
				most = Math.max(most, answerRows(a));
				bytes = Math.max(bytes, JSON.stringify(a).length);
				expect(toKeep(a)).toBe(a);
			}
		expect(most).toBeLessThanOrEqual(KEEP_ROWS);
		// The largest page of the bundled data, kept: a few kilobytes.
		expect(bytes).toBeLessThan(40_000);
	});
});

const row = (unit: string, period: string): SeriesRow => ({
	unit,
	period,
	value: 1,
	qualifier: '',
	numerator: null,
	denominator: null,
	units: 1
});

function page(code: string, grouping: 'unit' | 'successor', rows = 3): IndicatorAnswers {
	const series = Array.from({ length: rows }, (_, i) => row(`u${i}`, '2024'));
	return { code, grouping, rows: series, town: [], sources: [], ratings: [], townRatings: [] };
}

describe('keeping the last indicator page', () => {
	const v1 = localVersion('aaa');
	const a = page('population', 'unit');
	const record = withAnswers(null, v1, reference, INDICATOR_KEY, toKeep(a));

	it('draws it only for the same indicator and grouping', () => {
		expect(keptIndicator(record, 'population', 'unit')).toEqual(a);
		expect(keptIndicator(record, 'population', 'successor')).toBeNull();
		expect(keptIndicator(record, 'area_natural_ha', 'unit')).toBeNull();
		expect(keptIndicator(null, 'population', 'unit')).toBeNull();
	});

	it('keeps only the last page viewed, beside the overview’s answers', () => {
		const withOverview = withAnswers(record, v1, reference, 'overview|unit', { trend: [] });
		const next = withAnswers(
			withOverview,
			v1,
			reference,
			INDICATOR_KEY,
			toKeep(page('area_natural_ha', 'unit'))
		);
		expect(keptIndicator(next, 'population', 'unit')).toBeNull();
		expect(keptIndicator(next, 'area_natural_ha', 'unit')).not.toBeNull();
		expect(Object.keys(next.pages).sort()).toEqual([INDICATOR_KEY, 'overview|unit']);
	});

	it('does not keep a large page, and forgets the one before', () => {
		// An indicator of the 1M-figure workspace: 3,125 units × 10 years.
		const large = page('population', 'unit', 31_250);
		expect(answerRows(large)).toBe(31_250);
		expect(toKeep(large)).toBeNull();
		expect(toKeep(page('population', 'unit', KEEP_ROWS))).not.toBeNull();
		expect(toKeep(page('population', 'unit', KEEP_ROWS + 1))).toBeNull();
		const next = withAnswers(record, v1, reference, INDICATOR_KEY, toKeep(large));
		expect(keptIndicator(next, 'population', 'unit')).toBeNull();
	});

	it('forgets the page when the data moves to another version', () => {
		const moved = withAnswers(record, localVersion('bbb'), reference, 'overview|unit', { trend: [] });
		expect(moved.label).toBe(2);
		expect(keptIndicator(moved, 'population', 'unit')).toBeNull();
	});

	it('lets the layout draw the indicator page at the kept address only', () => {
		const q = (s: string) => new URLSearchParams(s);
		expect(keptPageAt(record, '/indicators/[code]', 'population', q(''))).toBe(true);
		expect(keptPageAt(record, '/indicators/[code]', 'population', q('u=Phổ An&ref=none&y=2023'))).toBe(true);
		expect(keptPageAt(record, '/indicators/[code]', 'population', q('v=2025'))).toBe(false);
		expect(keptPageAt(record, '/indicators/[code]', 'area_natural_ha', q(''))).toBe(false);
		expect(keptPageAt(record, '/units/[slug]', 'population', q(''))).toBe(false);
		expect(keptPageAt(null, '/indicators/[code]', 'population', q(''))).toBe(false);
	});

	it('ignores a kept page that is not whole', () => {
		const broken = {
			...record,
			pages: { [INDICATOR_KEY]: { code: 'population', grouping: 'unit', rows: 1 } }
		};
		expect(keptIndicator(broken, 'population', 'unit')).toBeNull();
	});
});
