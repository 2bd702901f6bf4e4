import { beforeAll, describe, expect, it } from 'vitest';
import {
	allObservations,
	hasSampleRows,
	observationCount,
	observationFacets,
	observations,
	observationsQuery,
	presence,
	ratingDistribution,
	series,
	seriesBatch,
	sources,
	unitSummary
} from '../../src/lib/db/queries';
import { ratingSource, rawInputs } from '../../src/lib/model/indicators';
import { foldSearch, matchesSearch } from '../../src/lib/model/search';
import { CONSOLE_EXAMPLES, consoleSql, runReadOnly } from '../../src/lib/db/console';
import { consoleCell, consoleTable } from '../../src/lib/views/data-view';
import { seriesQuery, type SeriesRow, type Store } from '../../src/lib/db';
import type { Indicator } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
let dictionary: Map<string, Indicator>;

beforeAll(async () => {
	({ store, dictionary } = await openSampleStore());
});

describe('observations table', () => {
	it('filters by unit, indicator and period with parameters only', async () => {
		const rows = await observations(store, {
			units: ['Nguyễn Nghiêm'],
			indicators: ['petition_cases_received'],
			periods: ['2022', '2023']
		});
		expect(rows.map((r) => [r.period, r.value])).toEqual([
			['2022', 19],
			['2023', 21]
		]);
		expect(rows[0].name_vi).toBe('Tổng số vụ việc tiếp nhận');
		const q = observationsQuery({ units: ["x' OR 1=1 --"] });
		expect(q.sql).not.toContain('OR 1=1');
		expect(await observations(store, { units: ["x' OR 1=1 --"] })).toEqual([]);
	});

	it('finds words in names and notes, diacritics and case ignored', async () => {
		const viaAscii = await observations(store, { text: 'nguyen nghiem tong so vu viec tiep nhan' });
		const viaVi = await observations(store, { text: 'Nguyễn Nghiêm tổng số vụ việc tiếp nhận' });
		expect(viaAscii.length).toBeGreaterThan(0);
		expect(viaAscii).toEqual(viaVi);
		expect(
			viaAscii.every((r) => r.unit === 'Nguyễn Nghiêm' && r.indicator === 'petition_cases_received')
		).toBe(true);
		expect(foldSearch('  ĐỨC   Phổ ')).toBe('duc pho');
		expect(matchesSearch('pho  an', 'Phổ An')).toBe(true);
		expect(matchesSearch('an pho', 'Phổ An')).toBe(true);
		expect(matchesSearch('pho ninh', 'Phổ An')).toBe(false);
		expect(matchesSearch('', 'x')).toBe(true);
		expect(matchesSearch('nghiem', 'Nguyễn Nghiêm', undefined)).toBe(true);
	});

	it('counts the same rows it lists, and caps the list', async () => {
		const filter = { indicators: ['petitions_received'] };
		const all = await observations(store, filter);
		expect(await observationCount(store, filter)).toBe(all.length);
		expect(await observations(store, filter, 5)).toHaveLength(5);
	});

	it('keeps qualifiers and multi-year periods as stored', async () => {
		const [row] = await observations(store, {
			units: ['Nguyễn Nghiêm'],
			indicators: ['legal_education_attendees']
		});
		expect(row).toMatchObject({ period: '2021-2023', value: 570, qualifier: '>' });
	});

	it('offers the periods and sources present', async () => {
		const facets = await observationFacets(store);
		expect(facets.periods).toContain('2021-2023');
		expect(facets.periods).toContain('2025-H1');
		expect(facets.sources.find((s) => s.source === 'sample')?.rows).toBeGreaterThan(1000);
	});
});

describe('sources and presence', () => {
	it('lists the raw inputs of a derived indicator, through derived inputs', () => {
		expect(rawInputs(dictionary.get('petition_resolution_rate')!, dictionary)).toEqual([
			'land_disputes_mediated',
			'feedback_cases_resolved',
			'petition_cases_received'
		]);
		expect(rawInputs(dictionary.get('population')!, dictionary)).toEqual(['population']);
	});

	it("names the report as the source of Nguyễn Nghiêm's figures", async () => {
		const list = await sources(store, ['petition_cases_received']);
		expect(list.map((s) => s.source)).toContain('sample');
		const report = list.find((s) => s.source.includes('Nguyễn Nghiêm'))!;
		expect(report).toMatchObject({ units: 1, first: '2022', last: '2023' });
	});

	it('tells which yearly figures each unit has', async () => {
		const rows = await presence(store, ['petition_cases_received']);
		const nn = rows.filter((r) => r.unit === 'Nguyễn Nghiêm').map((r) => r.period);
		expect(nn).toEqual(['2022', '2023']);
		expect(rows.every((r) => /^\d{4}$/.test(r.period))).toBe(true);
	});
});

describe('many series in one query', () => {
	it('gives each indicator exactly the rows of its own series', async () => {
		const indicators = [...dictionary.values()].filter((i) => i.unit !== 'text');
		for (const opts of [
			{ periods: 'all' as const },
			{ periods: 'year' as const, grouping: 'successor' as const }
		]) {
			const batch = await seriesBatch(store, indicators, dictionary, opts);
			for (const ind of indicators) {
				const q = seriesQuery(ind, dictionary, opts);
				const one = q ? await store.query<SeriesRow>(q.sql, q.params) : [];
				const key = (r: SeriesRow) => `${r.unit}|${r.period}`;
				expect(batch.get(ind.code)!.map(key).sort(), ind.code).toEqual(one.map(key).sort());
				expect(new Map(batch.get(ind.code)!.map((r) => [key(r), r])), ind.code).toEqual(
					new Map(one.map((r) => [key(r), r]))
				);
			}
		}
	});

	it('keeps parameters apart between branches', async () => {
		const batch = await seriesBatch(
			store,
			[dictionary.get('petition_resolution_rate')!, dictionary.get('population')!],
			dictionary,
			{ units: ['Nguyễn Nghiêm'] }
		);
		expect(batch.get('petition_resolution_rate')!.map((r) => r.period)).toEqual(['2022', '2023']);
		expect(batch.get('population')!.map((r) => [r.period, r.value, r.qualifier])).toEqual([
			['2024', 11000, '~']
		]);
	});
});

describe("the data session's reads", () => {
	it('reads one series as its own query does', async () => {
		const ind = dictionary.get('petition_resolution_rate')!;
		const q = seriesQuery(ind, dictionary, { periods: 'all' })!;
		expect(await series(store, ind, dictionary, { periods: 'all' })).toEqual(
			await store.query<SeriesRow>(q.sql, q.params)
		);
	});

	it('says whether sample rows are stored', async () => {
		const { sources: list } = await observationFacets(store);
		expect(await hasSampleRows(store)).toBe(list.some((s) => s.source === 'sample'));
	});

	it('reads every observation in the export order', async () => {
		const all = await allObservations(store);
		expect(all.length).toBe(await observationCount(store, {}));
		const key = (o: { unit: string; indicator: string; period: string }) => [o.unit, o.indicator, o.period];
		const sorted = [...all].sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
			return 0;
		});
		expect(all.map(key)).toEqual(sorted.map(key));
		expect(Object.keys(all[0]).sort()).toEqual(
			['indicator', 'note', 'period', 'qualifier', 'source', 'unit', 'value'].sort()
		);
	});
});

describe('unit summary', () => {
	it('counts the figures of each unit', async () => {
		const rows = await unitSummary(store);
		expect(rows).toHaveLength(15);
		const nn = rows.find((r) => r.unit === 'Nguyễn Nghiêm')!;
		expect(nn.rows).toBe(58);
		expect(nn.first).toBe('2021');
	});
});

describe('rating distribution', () => {
	it('counts units per rating and never averages them', async () => {
		const perUnit = await ratingDistribution(store, 'dan_van_rating', 'unit');
		const town = await ratingDistribution(store, 'dan_van_rating', 'town', 'Toàn thị xã');
		for (const period of ['2022', '2023']) {
			const n = perUnit.filter((r) => r.period === period).reduce((s, r) => s + r.units, 0);
			const t = town.filter((r) => r.period === period).reduce((s, r) => s + r.units, 0);
			expect(t).toBe(n);
			expect(town.filter((r) => r.period === period).every((r) => Number.isInteger(r.value))).toBe(true);
		}
		expect(perUnit.find((r) => r.group === 'Nguyễn Nghiêm' && r.period === '2022')).toMatchObject({
			value: 3,
			units: 1
		});
	});

	it('groups ratings by 2025 successor', async () => {
		const merged = await ratingDistribution(store, 'dan_van_rating', 'successor');
		const groups = new Set(merged.map((r) => r.group));
		expect([...groups].sort()).toEqual(
			['Khánh Cường', 'Sa Huỳnh', 'Trà Câu', 'Xã Nguyễn Nghiêm', 'Đức Phổ'].sort()
		);
		expect(merged.filter((r) => r.period === '2023').reduce((s, r) => s + r.units, 0)).toBe(15);
	});

	it('finds the raw rating behind a derived one', () => {
		expect(ratingSource(dictionary.get('dan_van_rating_ordinal')!, dictionary)).toBe('dan_van_rating');
		expect(ratingSource(dictionary.get('petition_resolution_rate')!, dictionary)).toBeNull();
	});
});

describe('read-only SQL console', () => {
	it('runs a query and returns its columns and rows', async () => {
		const r = await runReadOnly(
			store,
			`SELECT unit, value FROM observations WHERE indicator = 'petition_cases_received' AND period = '2023' ORDER BY value DESC, unit;`
		);
		if (!r.ok) throw new Error(r.en);
		expect(r.columns.map((c) => c.name)).toEqual(['unit', 'value']);
		expect(r.rows).toHaveLength(15);
		expect(r.truncated).toBe(false);
		expect(r.rows.find((x) => x.unit === 'Nguyễn Nghiêm')?.value).toBe(21);
		// ORDER BY survives the wrapping subquery.
		const values = r.rows.map((x) => x.value as number);
		expect(values).toEqual([...values].sort((a, b) => b - a));
	});

	it('caps the rows shown and says so', async () => {
		const r = await runReadOnly(store, 'SELECT * FROM range(5000) t(i)', 1000);
		if (!r.ok) throw new Error(r.en);
		expect(r.rows).toHaveLength(1000);
		expect(r.truncated).toBe(true);
	});

	it('refuses anything but one query, in Vietnamese and English, and changes nothing', async () => {
		const before = await observationCount(store, {});
		for (const sql of [
			'DELETE FROM observations',
			'SELECT 1; DELETE FROM observations',
			'WITH x AS (SELECT 1) DELETE FROM observations',
			"SELECT * FROM query('DELETE FROM observations')",
			'CREATE TABLE t AS SELECT 1'
		]) {
			const r = await runReadOnly(store, sql);
			expect(r.ok, sql).toBe(false);
			if (!r.ok) expect(r.vi).not.toBe(r.en);
		}
		expect(await observationCount(store, {})).toBe(before);
		// The store still works normally afterwards (the transaction was rolled back).
		expect(await store.query('SELECT 1 AS x')).toEqual([{ x: 1 }]);
	});

	it('reports SQL errors as a message, not an exception', async () => {
		const r = await runReadOnly(store, 'SELECT no_such_column FROM observations');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.en).toMatch(/no_such_column/);
	});

	it('runs every example the page offers', async () => {
		for (const ex of CONSOLE_EXAMPLES) {
			const r = await runReadOnly(store, ex.sql);
			if (!r.ok) throw new Error(`${ex.en}: ${r.en}`);
			expect(r.rows.length, ex.en).toBeGreaterThan(0);
		}
		const nn = await runReadOnly(store, CONSOLE_EXAMPLES[1].sql);
		if (!nn.ok) throw new Error(nn.en);
		expect(nn.rows.find((r) => r.period === '2023')).toMatchObject({ handled: 20, received: 21, rate: 95.2 });
	});

	it('shows result cells as text: Vietnamese numbers, ISO dates, NULL', async () => {
		const r = await runReadOnly(
			store,
			"SELECT 1234.5 AS x, DATE '2025-07-01' AS d, NULL::VARCHAR AS n, [1, 2] AS l, 'a' AS s"
		);
		if (!r.ok) throw new Error(r.en);
		const t = consoleTable(r.columns, r.rows);
		expect(t.columns.map((c) => [c.vi, c.numeric])).toEqual([
			['x', true],
			['d', false],
			['n', false],
			['l', false],
			['s', false]
		]);
		expect(Object.values(t.rows[0].cells).map((c) => c.text)).toEqual([
			'1.234,5',
			'2025-07-01',
			'NULL',
			'[1,2]',
			'a'
		]);
		expect(consoleCell(true, 'BOOLEAN')).toBe('true');
	});

	it('wraps the statement so a trailing comment cannot swallow the limit', () => {
		expect(consoleSql('SELECT 1 -- c', 10)).toBe(
			'SELECT * FROM (\nSELECT 1 -- c\n) AS console_result LIMIT 11'
		);
	});
});
