import { beforeAll, describe, expect, it } from 'vitest';
import { successorOf } from '$lib/model/units';
import { seriesQuery, type Store } from '../../src/lib/db';
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { Store as StoreClass } from '../../src/lib/db/store';
import type { Indicator, Observation, SeriesRow } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
let dictionary: Map<string, Indicator>;

const series = async (code: string, opts: Parameters<typeof seriesQuery>[2] = {}) => {
	const q = seriesQuery(dictionary.get(code)!, dictionary, opts);
	return q ? store.query<SeriesRow>(q.sql, q.params) : [];
};
const at = (rows: SeriesRow[], unit: string, period: string) =>
	rows.find((r) => r.unit === unit && r.period === period);

beforeAll(async () => {
	({ store, dictionary } = await openSampleStore());
});

describe('schema', () => {
	it('creates the tables of DESIGN.md with their columns', async () => {
		const cols = await store.query<{ table_name: string; column_name: string }>(
			`SELECT table_name, column_name FROM information_schema.columns ORDER BY table_name, ordinal_position`
		);
		const of = (t: string) => cols.filter((c) => c.table_name === t).map((c) => c.column_name);
		expect(of('observations')).toEqual([
			'unit',
			'period',
			'indicator',
			'value',
			'qualifier',
			'source',
			'note',
			'import_id'
		]);
		expect(of('indicators')).toEqual([
			'code',
			'name_vi',
			'name_en',
			'unit',
			'kind',
			'formula',
			'aggregation',
			'higher_is_better',
			'group',
			'categories',
			'notes_vi',
			'notes_en'
		]);
		expect(of('units')).toEqual([
			'code',
			'name',
			'kind',
			'parent',
			'valid_from',
			'valid_to',
			'successor',
			'aliases'
		]);
		expect(of('imports')).toEqual(['id', 'file', 'at', 'rows', 'status']);
	});

	it('refuses a qualifier outside the three kinds', async () => {
		await expect(
			store.query(`INSERT INTO observations VALUES ('x', '2023', 'y', 1, '!', '', '', 0)`)
		).rejects.toThrow(/CHECK|constraint/i);
	});
});

describe('bundled data', () => {
	it('loads the dictionary, the units and every observation row', async () => {
		const [{ n: indicators }] = await store.query<{ n: number }>('SELECT count(*) AS n FROM indicators');
		const [{ n: units }] = await store.query<{ n: number }>('SELECT count(*) AS n FROM units');
		const [{ n: rows }] = await store.query<{ n: number }>('SELECT count(*) AS n FROM observations');
		const csvRows =
			(await import('node:fs')).readFileSync('data/observations.csv', 'utf8').trim().split('\n').length - 1;
		expect(indicators).toBe(61);
		expect(units).toBe(20);
		expect(rows).toBe(csvRows);
	});

	it('keeps every unique key once', async () => {
		const dup = await store.query(
			'SELECT unit, period, indicator FROM observations GROUP BY ALL HAVING count(*) > 1'
		);
		expect(dup).toEqual([]);
	});

	it("keeps Nguyễn Nghiêm's report figures exactly, with their qualifiers", async () => {
		const rows = await store.query<{
			period: string;
			indicator: string;
			value: number;
			qualifier: string;
			source: string;
		}>(
			`SELECT period, indicator, value, qualifier, source FROM observations WHERE unit = 'Nguyễn Nghiêm' ORDER BY indicator, period`
		);
		const get = (indicator: string, period: string) =>
			rows.find((r) => r.indicator === indicator && r.period === period);
		expect(get('petitions_received', '2022')?.value).toBe(19);
		expect(get('petitions_received', '2023')?.value).toBe(22);
		expect(get('petition_cases_received', '2023')?.value).toBe(21);
		expect(get('land_disputes_mediated_success', '2023')?.value).toBe(5);
		expect(get('feedback_cases_resolved', '2023')?.value).toBe(12);
		expect(get('petition_resolution_rate_reported', '2023')?.value).toBe(95.2);
		expect(get('legal_education_attendees', '2021-2023')).toMatchObject({ value: 570, qualifier: '>' });
		expect(get('population', '2024')).toMatchObject({ value: 11000, qualifier: '~' });
		expect(get('dan_van_rating', '2022')?.value).toBe(3); // "Hoàn thành tốt nhiệm vụ": 3rd of 4 ranks from the bottom
		expect(rows.every((r) => r.source !== 'sample')).toBe(true);
		const [{ n: sample }] = await store.query<{ n: number }>(
			`SELECT count(*) AS n FROM observations WHERE source = 'sample' AND unit <> 'Nguyễn Nghiêm'`
		);
		expect(sample).toBeGreaterThan(1000);
	});

	it('reports no import errors for the bundled files', async () => {
		const { outcomes } = await openSampleStore();
		for (const o of outcomes) expect(o.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
	});
});

describe('derived indicators from raw counts', () => {
	it("reproduces the report's rates for Nguyễn Nghiêm", async () => {
		const rate = await series('petition_resolution_rate');
		expect(at(rate, 'Nguyễn Nghiêm', '2022')).toMatchObject({ value: 100, numerator: 19, denominator: 19 });
		expect(at(rate, 'Nguyễn Nghiêm', '2023')).toMatchObject({ numerator: 20, denominator: 21 });
		expect(at(rate, 'Nguyễn Nghiêm', '2023')!.value).toBeCloseTo(95.238, 3);
		const mediation = await series('land_dispute_mediation_success_rate');
		expect(at(mediation, 'Nguyễn Nghiêm', '2022')!.value).toBeCloseTo(66.667, 3);
		expect(at(mediation, 'Nguyễn Nghiêm', '2023')!.value).toBe(62.5);
		const feedback = await series('feedback_resolution_rate');
		expect(at(feedback, 'Nguyễn Nghiêm', '2023')!.value).toBeCloseTo(92.308, 3);
		const gap = await series('resolution_rate_check_gap');
		expect(Math.abs(at(gap, 'Nguyễn Nghiêm', '2023')!.value)).toBeLessThanOrEqual(0.05);
	});

	it('keeps a lower bound through a formula', async () => {
		const perSession = await series('legal_education_attendees_per_session', { periods: 'all' });
		expect(at(perSession, 'Nguyễn Nghiêm', '2021-2023')).toMatchObject({ value: 47.5, qualifier: '>' });
	});

	it('sums a rate over the town as Σ numerator / Σ denominator, not the mean of rates', async () => {
		const perUnit = (await series('petition_resolution_rate')).filter((r) => r.period === '2023');
		const town = at(
			await series('petition_resolution_rate', { grouping: 'town', townLabel: 'Toàn thị xã' }),
			'Toàn thị xã',
			'2023'
		)!;
		const num = perUnit.reduce((s, r) => s + r.numerator!, 0);
		const den = perUnit.reduce((s, r) => s + r.denominator!, 0);
		expect(town.units).toBe(15);
		expect(town.value).toBeCloseTo((100 * num) / den, 9);
		const meanOfRates = perUnit.reduce((s, r) => s + r.value, 0) / perUnit.length;
		expect(Math.abs(town.value - meanOfRates)).toBeGreaterThan(1e-6);
	});

	it('sums counts over the 2025 successor units', async () => {
		const old = (await series('petition_cases_received')).filter((r) => r.period === '2023');
		const merged = await series('petition_cases_received', { grouping: 'successor' });
		const units = await store.units();
		const succ = (name: string) =>
			successorOf(
				units.find((x) => x.name === name)!,
				units
			)!.name;
		const expected = new Map<string, number>();
		for (const r of old) expected.set(succ(r.unit), (expected.get(succ(r.unit)) ?? 0) + r.value);
		for (const [name, value] of expected) expect(at(merged, name, '2023')!.value).toBe(value);
		expect(expected.size).toBe(5);
	});

	it('gives no group value for an indicator that is not aggregated (ratings)', () => {
		expect(seriesQuery(dictionary.get('dan_van_rating')!, dictionary, { grouping: 'town' })).toBeNull();
	});

	it('passes hostile unit names as parameters, never as SQL text', async () => {
		const rows = await series('petition_cases_received', { units: ["x' OR 1=1 --", 'Phổ An'] });
		expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['Phổ An']));
	});
});

describe('commit and undo', () => {
	const obs = (unit: string, period: string, indicator: string, value: number): Observation => ({
		unit,
		period,
		indicator,
		value,
		qualifier: '',
		source: 'test.csv',
		note: "'; DROP TABLE observations; --"
	});

	it('replaces by key, then undo restores the overwritten value exactly', async () => {
		const s = await StoreClass.open(await createNodeEngine());
		// Nothing stored yet: every row is new.
		const all = await s.diff([obs('A', '2022', 'x', 1), obs('A', '2023', 'x', 2)]);
		expect(all).toMatchObject({ added: 2, changed: 0, unchanged: 0 });
		expect(all.rows.map((d) => [d.period, d.status, d.value])).toEqual([
			['2022', 'new', 1],
			['2023', 'new', 2]
		]);
		const first = await s.commitImport('a.csv', [obs('A', '2022', 'x', 1), obs('A', '2023', 'x', 2)]);
		expect(first).toMatchObject({ added: 2, changed: 0, unchanged: 0 });
		const diff = await s.diff([obs('A', '2023', 'x', 5), obs('A', '2022', 'x', 1), obs('B', '2023', 'x', 7)]);
		expect(diff).toMatchObject({ added: 1, changed: 1, unchanged: 1 });
		expect(diff.rows.map((d) => d.status)).toEqual(['changed', 'new', 'unchanged']);
		expect(diff.rows[0]).toMatchObject({ unit: 'A', period: '2023', old_value: 2, value: 5 });
		const second = await s.commitImport('b.csv', [obs('A', '2023', 'x', 5), obs('B', '2023', 'x', 7)]);
		expect(second).toMatchObject({ added: 1, changed: 1 });
		await s.undoImport(second.id);
		const rows = await s.query<{ unit: string; period: string; value: number; note: string }>(
			'SELECT unit, period, value, note FROM observations ORDER BY unit, period'
		);
		expect(rows).toEqual([
			{ unit: 'A', period: '2022', value: 1, note: "'; DROP TABLE observations; --" },
			{ unit: 'A', period: '2023', value: 2, note: "'; DROP TABLE observations; --" }
		]);
		expect((await s.imports()).map((i) => i.status)).toEqual(['undone', 'committed']);
	});

	it('keeps the time of an import as UTC and gives it back with its Z', async () => {
		const s = await StoreClass.open(await createNodeEngine());
		const before = Date.now();
		await s.commitImport('a.csv', [obs('A', '2022', 'x', 1)]);
		const [record] = await s.imports();
		expect(record.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		// Whole seconds: the stored time is within a second of the commit, on any computer's zone.
		expect(Math.abs(Date.parse(record.at) - before)).toBeLessThan(5000);
	});

	it('leaves the store exactly as it was when a commit fails half-way', async () => {
		const s = await StoreClass.open(await createNodeEngine());
		await s.commitImport('a.csv', [obs('A', '2022', 'x', 1)]);
		await s.commitImport('a2.csv', [obs('A', '2022', 'x', 1)]);
		const bad = { ...obs('A', '2022', 'x', 9), qualifier: '!' } as unknown as Observation; // violates CHECK
		await expect(s.commitImport('bad.csv', [obs('B', '2022', 'x', 3), bad])).rejects.toThrow();
		// Several files together: the second one fails, so the first is not stored either.
		await expect(
			s.commitImports([
				{ file: 'ok.csv', observations: [obs('C', '2022', 'x', 4)] },
				{ file: 'bad.csv', observations: [bad] }
			])
		).rejects.toThrow();
		expect(await s.query('SELECT unit, value FROM observations')).toEqual([{ unit: 'A', value: 1 }]);
		expect((await s.imports()).length).toBe(2);
		// What the second import overwrote, and nothing from the failed ones.
		expect(await s.query('SELECT count(*) AS n FROM replaced')).toEqual([{ n: 1 }]);
	});

	it("keeps a bulk import's staged rows when its commit fails, for another try; drops them once stored", async () => {
		const s = await StoreClass.open(await createNodeEngine());
		await s.query(
			`CREATE TEMP TABLE bulk_rows_901 AS SELECT 'D' AS unit, '2022' AS period, 'x' AS indicator, 5::DOUBLE AS value,
			        '' AS qualifier, 'big.csv' AS source, '' AS note;
			 CREATE TEMP VIEW bulk_ok_901 AS SELECT * FROM bulk_rows_901`
		);
		const bad = { ...obs('A', '2022', 'x', 9), qualifier: '!' } as unknown as Observation; // violates CHECK
		await expect(
			s.commitImports([
				{ file: 'big.csv', table: 'bulk_ok_901' },
				{ file: 'bad.csv', observations: [bad] }
			])
		).rejects.toThrow();
		expect(await s.query('SELECT count(*) AS n FROM observations')).toEqual([{ n: 0 }]);
		expect(await s.query('SELECT unit, value FROM bulk_ok_901')).toEqual([{ unit: 'D', value: 5 }]);
		const [summary] = await s.commitImports([{ file: 'big.csv', table: 'bulk_ok_901' }]);
		expect(summary).toMatchObject({ added: 1, changed: 0, unchanged: 0 });
		expect(await s.query('SELECT unit, value, source FROM observations')).toEqual([
			{ unit: 'D', value: 5, source: 'big.csv' }
		]);
		// Stored: the staged rows are the store's now (copied a moment later), no longer the session's.
		await s.dropStaged('bulk_ok_901');
		expect(await s.query('SELECT unit, value, source FROM observations')).toEqual([
			{ unit: 'D', value: 5, source: 'big.csv' }
		]);
		await s.compact();
		await expect(s.query('SELECT * FROM bulk_ok_901')).rejects.toThrow();
		await expect(s.query('SELECT * FROM bulk_rows_901')).rejects.toThrow();
		expect(await s.query('SELECT unit, value, import_id FROM chiso.main.observations')).toEqual([
			{ unit: 'D', value: 5, import_id: summary.id }
		]);
	});

	/** Staged rows as the bulk path leaves them: a table behind the view `bulk_ok_<n>`. */
	const stageBulk = (s: StoreClass, n: number, values: string) =>
		s.query(
			`CREATE TEMP TABLE bulk_rows_${n} AS SELECT * FROM (VALUES ${values}) v(unit, period, indicator, value, qualifier, source, note);
			 CREATE TEMP VIEW bulk_ok_${n} AS SELECT * FROM bulk_rows_${n}`
		);
	const stored = (s: StoreClass) =>
		s.query('SELECT unit, value, qualifier, import_id FROM observations ORDER BY unit');

	it('shows a bulk import at once and copies its rows before the next write: diff, replace and undo as for any import', async () => {
		const s = await StoreClass.open(await createNodeEngine(), { compactAfterMs: 60_000 });
		const first = await s.commitImport('a.csv', [obs('A', '2022', 'x', 1)]);
		await stageBulk(
			s,
			902,
			`('A', '2022', 'x', 2.0, '', 'big.csv', ''), ('B', '2022', 'x', 3.0, '>', 'big.csv', '')`
		);
		const [big] = await s.commitImports([{ file: 'big.csv', table: 'bulk_ok_902' }]);
		expect(big).toMatchObject({ added: 1, changed: 1, unchanged: 0 });
		expect(await s.query('SELECT count(*) AS n FROM chiso.main.observations')).toEqual([{ n: 0 }]);
		expect(await stored(s)).toEqual([
			{ unit: 'A', value: 2, qualifier: '', import_id: big.id },
			{ unit: 'B', value: 3, qualifier: '>', import_id: big.id }
		]);
		expect(await s.diff([obs('B', '2022', 'x', 4)])).toMatchObject({ added: 0, changed: 1 });
		const next = await s.commitImport('c.csv', [obs('B', '2022', 'x', 4)]);
		expect(next).toMatchObject({ added: 0, changed: 1 });
		expect(await s.query('SELECT count(*) AS n FROM chiso.main.observations')).toEqual([{ n: 2 }]);
		await s.undoImport(next.id);
		expect(await stored(s)).toEqual([
			{ unit: 'A', value: 2, qualifier: '', import_id: big.id },
			{ unit: 'B', value: 3, qualifier: '>', import_id: big.id }
		]);
		await s.undoImport(big.id);
		expect(await stored(s)).toEqual([{ unit: 'A', value: 1, qualifier: '', import_id: first.id }]);
	});

	it('undoes a bulk import whose rows were not copied yet', async () => {
		const s = await StoreClass.open(await createNodeEngine(), { compactAfterMs: 60_000 });
		const first = await s.commitImport('a.csv', [obs('A', '2022', 'x', 1)]);
		await stageBulk(s, 903, `('A', '2022', 'x', 2.0, '~', 'big.csv', '')`);
		const [big] = await s.commitImports([{ file: 'big.csv', table: 'bulk_ok_903' }]);
		await s.undoImport(big.id);
		expect(await stored(s)).toEqual([{ unit: 'A', value: 1, qualifier: '', import_id: first.id }]);
		await expect(s.query('SELECT * FROM bulk_rows_903')).rejects.toThrow();
	});

	it('refuses staged rows the observations table would refuse, and changes nothing', async () => {
		const s = await StoreClass.open(await createNodeEngine(), { compactAfterMs: 60_000 });
		await s.commitImport('a.csv', [obs('A', '2022', 'x', 1)]);
		const before = await stored(s);
		await stageBulk(
			s,
			904,
			`('B', '2022', 'x', 2.0, '', 'big.csv', ''), ('C', '2022', 'x', 3.0, '!', 'big.csv', '')`
		);
		await expect(s.commitImports([{ file: 'big.csv', table: 'bulk_ok_904' }])).rejects.toThrow(
			'big.csv: 1 rows'
		);
		expect(await stored(s)).toEqual(before);
		expect(await s.query('SELECT count(*) AS n FROM imports')).toEqual([{ n: 1 }]);
		expect(await s.query('SELECT count(*) AS n FROM bulk_ok_904')).toEqual([{ n: 2 }]);
	});

	it('compresses after a write once the store is quiet, and within ten quiet periods however busy', async () => {
		const engine = await createNodeEngine();
		const checkpoints: number[] = [];
		const run = engine.run.bind(engine);
		engine.run = (sql, params) => {
			if (sql.startsWith('CHECKPOINT')) checkpoints.push(performance.now());
			return run(sql, params);
		};
		// Long enough that one query on a busy 2-core machine never looks like a quiet moment.
		const quiet = 300;
		const s = await StoreClass.open(engine, { compactAfterMs: quiet });
		const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
		let lastQuery = 0;
		const keepBusy = async (ms: number) => {
			for (const end = performance.now() + ms; performance.now() < end; await sleep(15)) {
				await s.query('SELECT count(*) FROM observations');
				lastQuery = performance.now();
			}
		};
		// Queries every 15 ms (charts reloading, an import being checked): no compression meanwhile…
		await s.commitImport('a.csv', [obs('A', '2022', 'x', 1)]);
		await keepBusy(3 * quiet);
		expect(checkpoints).toEqual([]);
		// …then one, once the store has been quiet long enough.
		await sleep(2 * quiet);
		expect(checkpoints).toHaveLength(1);
		expect(checkpoints[0] - lastQuery).toBeGreaterThanOrEqual(quiet - 5);
		// A store that never goes quiet still compresses, within ten quiet periods of the write.
		const written = performance.now();
		await s.commitImport('b.csv', [obs('B', '2022', 'x', 2)]);
		await keepBusy(13 * quiet);
		expect(checkpoints).toHaveLength(2);
		expect(checkpoints[1] - written).toBeLessThan(12 * quiet);
	});

	it('stores a commit at once and compresses it a moment later, with the same rows', async () => {
		const s = await StoreClass.open(await createNodeEngine(), { compactAfterMs: 50 });
		// 400k rows, as a bulk import stages them: more than DuckDB's own checkpoint threshold, past which
		// it would compress inside COMMIT.
		await s.query(
			`CREATE TEMP TABLE bulk_rows_900 AS SELECT 'Phường ' || (i % 997) AS unit, (1990 + i // 997 % 30)::VARCHAR AS period,
			        'x' || (i // 29910) AS indicator, i::DOUBLE AS value, '' AS qualifier, 'many.csv' AS source, '' AS note
			 FROM range(400000) t(i);
			 CREATE TEMP VIEW bulk_ok_900 AS SELECT * FROM bulk_rows_900`
		);
		await s.commitImports([{ file: 'many.csv', table: 'bulk_ok_900' }]);
		const compression = async () =>
			(
				await s.query<{ c: string }>(
					`SELECT DISTINCT compression AS c FROM pragma_storage_info('chiso.main.observations') WHERE column_name = 'unit' AND segment_type = 'VARCHAR'`
				)
			).map((r) => r.c);
		const rows = `SELECT count(*) AS n, count(DISTINCT (unit, period, indicator)) AS keys, sum(value) AS sum FROM observations`;
		const before = await s.query(rows);
		expect(before).toEqual([{ n: 400000, keys: 400000, sum: (399999 * 400000) / 2 }]);
		// The commit returned without copying the rows into the table (they are read where they were
		// staged) and without compressing (DuckDB's checkpoint did not run inside COMMIT)…
		expect(await s.query('SELECT count(*) AS n FROM chiso.main.observations')).toEqual([{ n: 0 }]);
		// …both happen on their own shortly after the last write.
		await new Promise((r) => setTimeout(r, 200));
		expect(await s.query('SELECT count(*) AS n FROM chiso.main.observations')).toEqual([{ n: 400000 }]);
		expect(await compression()).not.toContain('Uncompressed');
		expect(await s.query(rows)).toEqual(before);
	});
});

describe('snapshot', () => {
	it('restores every table exactly into a fresh instance', async () => {
		const { store: source } = await openSampleStore();
		await source.commitImport('extra.csv', [
			{
				unit: 'Phổ An',
				period: '2024',
				indicator: 'petitions_received',
				value: 99,
				qualifier: '~',
				source: 'extra.csv',
				note: 'a "quoted", note|with pipe'
			}
		]);
		const snap = await source.snapshot();
		const target = await StoreClass.open(await createNodeEngine());
		await target.restore(snap);
		for (const table of ['observations', 'imports', 'replaced', 'units', 'indicators']) {
			const q = `SELECT * FROM ${table} ORDER BY ALL`;
			expect(await target.query(q), table).toEqual(await source.query(q));
		}
	});

	it('keeps a bulk import whose rows were not copied yet', async () => {
		const { store: source } = await openSampleStore();
		await source.query(
			`CREATE TEMP TABLE bulk_rows_905 AS SELECT 'Phổ An' AS unit, '2019' AS period, 'petitions_received' AS indicator,
			        7.0 AS value, '' AS qualifier, 'big.csv' AS source, 'ghi chú' AS note;
			 CREATE TEMP VIEW bulk_ok_905 AS SELECT * FROM bulk_rows_905`
		);
		await source.commitImports([{ file: 'big.csv', table: 'bulk_ok_905' }]);
		const snap = await source.snapshot();
		const target = await StoreClass.open(await createNodeEngine());
		await target.restore(snap);
		const q = `SELECT * FROM observations ORDER BY ALL`;
		expect(await target.query(q)).toEqual(await source.query(q));
		expect(await target.query(`SELECT value FROM observations WHERE source = 'big.csv'`)).toEqual([
			{ value: 7 }
		]);
	});

	it('changes nothing when a snapshot is broken', async () => {
		const { store: s } = await openSampleStore();
		const before = await s.query('SELECT count(*) AS n FROM observations');
		const snap = await s.snapshot();
		const broken = {
			...snap,
			tables: { ...snap.tables, replaced: new TextEncoder().encode('import_id,unit\nnot-a-number,x\n') }
		};
		await expect(s.restore(broken)).rejects.toThrow();
		expect(await s.query('SELECT count(*) AS n FROM observations')).toEqual(before);
	});

	it('restores a snapshot saved before the notes had two languages, its one note in both', async () => {
		const { store: s } = await openSampleStore();
		const snap = await s.snapshot();
		const v1Indicators =
			'code,name_vi,name_en,unit,kind,formula,aggregation,higher_is_better,group,categories,notes\n' +
			'x,Chỉ tiêu X,Indicator X,count,raw,"",sum,,g,"",Một ghi chú cũ\n'; // as DuckDB's COPY writes '' and NULL
		await s.restore({
			version: 1,
			tables: { ...snap.tables, indicators: new TextEncoder().encode(v1Indicators) }
		});
		expect(await s.indicators()).toMatchObject([
			{ code: 'x', notes_vi: 'Một ghi chú cũ', notes_en: 'Một ghi chú cũ' }
		]);
		await expect(s.restore({ ...snap, version: 3 })).rejects.toThrow('snapshot version 3');
	});
});
