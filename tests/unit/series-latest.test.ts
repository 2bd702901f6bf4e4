import { beforeAll, describe, expect, it } from 'vitest';
import { seriesQuery, type Store } from '../../src/lib/db';
import type { Indicator, Observation } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
let dictionary: Map<string, Indicator>;

const obs = (
	unit: string,
	period: string,
	indicator: string,
	value: number,
	qualifier = ''
): Observation => ({
	unit,
	period,
	indicator,
	value,
	qualifier: qualifier as Observation['qualifier'],
	source: 'test',
	note: ''
});

beforeAll(async () => {
	const s = await openSampleStore();
	store = s.store;
	dictionary = s.dictionary;
	await store.commitImport('stocks.csv', [
		// A stock reported by halves: the year's figure is the latest half.
		obs('Test A', '2030-H1', 'population', 100),
		obs('Test A', '2030-H2', 'population', 110),
		// The year's own figure wins over a half of that year.
		obs('Test B', '2030', 'population', 50),
		obs('Test B', '2030-Q4', 'population', 45, '~'),
		obs('Test B', '2030-H1', 'population', 40),
		// A flow reported by halves is not added up into a year.
		obs('Test A', '2030-H1', 'petitions_received', 3),
		obs('Test A', '2030-H2', 'petitions_received', 4)
	]);
});

async function series(code: string, grouping: 'unit' | 'town') {
	const q = seriesQuery(dictionary.get(code)!, dictionary, {
		units: grouping === 'unit' ? ['Test A', 'Test B'] : [],
		grouping,
		townLabel: 'Town',
		periods: 'year'
	})!;
	const rows = await store.query<{ unit: string; period: string; value: number; qualifier: string }>(
		q.sql,
		q.params
	);
	return rows
		.filter((r) => r.period === '2030')
		.map(({ unit, value, qualifier }) => ({ unit, value, qualifier }));
}

describe("stocks use the latest value (aggregation 'latest')", () => {
	it('is what the dictionary says of population, households and the other stocks', () => {
		for (const code of ['population', 'households', 'party_members', 'residential_groups_total'])
			expect(dictionary.get(code)?.aggregation, code).toBe('latest');
		expect(dictionary.get('petitions_received')?.aggregation).toBe('sum');
	});

	it("takes each unit's latest figure of the year, then sums the units", async () => {
		expect(await series('population', 'unit')).toEqual([
			{ unit: 'Test A', value: 110, qualifier: '' },
			{ unit: 'Test B', value: 50, qualifier: '' }
		]);
		const town = await series('population', 'town');
		expect(town).toHaveLength(1);
		// Every other unit's 2030 population is absent: the town figure is A's 110 + B's 50.
		expect(town[0]).toMatchObject({ unit: 'Town', value: 160 });
	});

	it('never adds the halves of a flow into a year', async () => {
		expect(await series('petitions_received', 'unit')).toEqual([]);
	});
});
