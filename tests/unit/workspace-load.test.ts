/**
 * Server mode loads the workspace's canonical CSV into DuckDB through the bulk path: it replaces every
 * stored observation and import in one go (cells the server deleted are gone), keeps the dictionary
 * and unit list, and a staged bulk import's rows come back as the rows a save sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	applyChanges,
	bulkImport,
	replaceWithCanonical,
	stagedObservations,
	type Store
} from '../../src/lib/db';
import { hasSampleRows } from '../../src/lib/db/queries';
import { toCanonicalCsv } from '../../src/lib/import';
import type { Indicator, Observation, Unit } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
let dictionary: Indicator[];
let units: Unit[];
beforeAll(async () => {
	({ store } = await openSampleStore());
	dictionary = await store.indicators();
	units = await store.units();
});
afterAll(() => store.engine.close());

const obs = (unit: string, period: string, value: number, note = ''): Observation => ({
	unit,
	period,
	indicator: 'petition_cases_received',
	value,
	qualifier: '',
	note,
	source: ''
});
const bytes = (rows: Observation[]) => new TextEncoder().encode(toCanonicalCsv(rows));
const count = async (sql: string) => ((await store.query<{ n: number }>(sql))[0] as { n: number }).n;

describe('loading the server workspace', () => {
	it('replaces every observation and import, and keeps the dictionary and units', async () => {
		expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBeGreaterThan(100);
		const rows = [obs('Phổ An', '2024', 987, 'ghi chú, có dấu phẩy'), obs('Phổ Châu', '2023', 12)];
		const { rows: loaded } = await replaceWithCanonical(store, bytes(rows), {
			fileName: 'workspace-v7.csv',
			dictionary,
			units
		});
		expect(loaded).toBe(2);
		await store.compact();
		expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(2);
		expect(await count('SELECT count(*)::INTEGER AS n FROM imports')).toBe(1);
		const stored = await store.query('SELECT unit, period, value, note FROM observations ORDER BY unit');
		expect(stored).toEqual([
			{ unit: 'Phổ An', period: '2024', value: 987, note: 'ghi chú, có dấu phẩy' },
			{ unit: 'Phổ Châu', period: '2023', value: 12, note: '' }
		]);
		expect((await store.indicators()).length).toBe(dictionary.length);
		expect((await store.units()).length).toBe(units.length);
	});

	it('keeps each figure’s source when the server sends it: the import and person, or sample', async () => {
		const rows = [
			{ ...obs('Phổ An', '2024', 5), source: 'bao-cao.csv (#12, thu)' },
			{ ...obs('Phổ Châu', '2023', 7), source: 'sample' },
			{ ...obs('Phổ Vinh', '2023', 9), source: '=HYPERLINK("x")' }
		];
		const csv = new TextEncoder().encode(toCanonicalCsv(rows, { withSource: true }));
		await replaceWithCanonical(store, csv, { fileName: 'workspace-v9.csv', dictionary, units });
		const stored = await store.query<{ unit: string; source: string }>(
			'SELECT unit, source FROM observations ORDER BY unit'
		);
		expect(stored).toEqual([
			{ unit: 'Phổ An', source: 'bao-cao.csv (#12, thu)' },
			{ unit: 'Phổ Châu', source: 'sample' },
			{ unit: 'Phổ Vinh', source: '=HYPERLINK("x")' }
		]);
		expect(await hasSampleRows(store)).toBe(true);
	});

	it('loads an empty workspace as no observation at all', async () => {
		await replaceWithCanonical(store, bytes([]), { fileName: 'workspace-v8.csv', dictionary, units });
		expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(0);
	});

	it('gives a staged bulk import back as the rows a save sends', async () => {
		const rows = [obs('Phổ An', '2022', 5, 'n'), obs('Phổ Vinh', '2021', 6)];
		const bulk = await bulkImport(
			store,
			bytes(rows),
			{ fileName: 'x.csv', dictionary, units },
			{ minBytes: 0 }
		);
		expect(bulk).not.toBeNull();
		const back = await stagedObservations(store, bulk!.table);
		expect(
			back.map(({ unit, period, indicator, value, qualifier, note }) => ({
				unit,
				period,
				indicator,
				value,
				qualifier,
				note
			}))
		).toEqual(rows.map(({ source: _s, ...r }) => r));
		await store.dropStaged(bulk!.table);
	});
});

describe('following the server by its changes', () => {
	it('applies the cells written and removed since a version in one step, over a bulk-loaded copy', async () => {
		const start = [obs('Phổ An', '2021', 1), obs('Phổ An', '2022', 2), obs('Phổ Châu', '2021', 3)];
		await replaceWithCanonical(store, bytes(start), { fileName: 'workspace-v3.csv', dictionary, units });
		const before = store.version;
		await applyChanges(store, {
			deleted: [{ unit: 'Phổ An', period: '2021', indicator: 'petition_cases_received' }],
			upserts: [
				{ ...obs('Phổ An', '2022', 20, 'sửa, "lại"'), source: 'b.csv (#4, thu)' },
				{ ...obs('Phổ Vinh', '2024', 9), qualifier: '>', source: 'b.csv (#4, thu)' }
			]
		});
		expect(store.version).toBeGreaterThan(before);
		const stored = await store.query(
			'SELECT unit, period, value, qualifier, source, note FROM observations ORDER BY unit, period'
		);
		expect(stored).toEqual([
			{
				unit: 'Phổ An',
				period: '2022',
				value: 20,
				qualifier: '',
				source: 'b.csv (#4, thu)',
				note: 'sửa, "lại"'
			},
			{ unit: 'Phổ Châu', period: '2021', value: 3, qualifier: '', source: 'workspace-v3.csv', note: '' },
			{ unit: 'Phổ Vinh', period: '2024', value: 9, qualifier: '>', source: 'b.csv (#4, thu)', note: '' }
		]);
	});

	it('changes nothing when a row is refused (all or nothing)', async () => {
		const n = await count('SELECT count(*)::INTEGER AS n FROM observations');
		await expect(
			applyChanges(store, {
				deleted: [{ unit: 'Phổ Châu', period: '2021', indicator: 'petition_cases_received' }],
				upserts: [{ ...obs('Phổ An', '2023', 1), qualifier: 'x' as '' }]
			})
		).rejects.toThrow();
		expect(await count('SELECT count(*)::INTEGER AS n FROM observations')).toBe(n);
	});
});
