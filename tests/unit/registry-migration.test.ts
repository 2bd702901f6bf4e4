/**
 * The sample's local `DP2025-*` codes give way to the official ones everywhere they were stored: a
 * unit list read from a file, a kept snapshot restored, an old link; and the 2025 view still merges.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/lib/db';
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { seriesQuery } from '../../src/lib/db/series';
import { openSampleStore } from './sample-store';
import { parseUnitsCsv } from '$lib/import/reference-text';
import { migrateUnit, unitByKey } from '$lib/model/registry';
import type { SeriesRow, Unit } from '$lib/model/types';
import { predecessorsOf, successorOf, unitKey, unitPath } from '$lib/model/units';

const OLD = readFileSync('tests/fixtures/units-dp2025.csv', 'utf8');
const NOW = parseUnitsCsv(readFileSync('data/units.csv', 'utf8')).units;

describe('the local DP2025 codes', () => {
	it('a unit list of before reads as today’s', () => {
		expect(OLD).toContain('DP2025-01');
		expect(parseUnitsCsv(OLD).units).toEqual(NOW);
	});

	it('a code that is the name of an object method is just a code', () => {
		// Found by the importer's property test: `valueOf` once found Object.prototype's method.
		const list =
			'code,name,kind,parent,valid_from,valid_to,successor,aliases\nvalueOf,A,xã,,,,,\nconstructor,B,xã,,,,toString,\n';
		const units = parseUnitsCsv(list).units;
		expect(units.map((u) => [u.code, u.successor])).toEqual([
			['valueOf', ''],
			['constructor', 'toString']
		]);
		expect(migrateUnit(units[1])).toBe(units[1]);
	});

	it('old links open the official unit; /units/21439 stays the old ward', () => {
		expect(unitByKey(NOW, 'DP2025-01')?.name).toBe('Đức Phổ');
		expect(unitByKey(NOW, 'DP2025-03')?.name).toBe('Xã Nguyễn Nghiêm');
		expect(unitByKey(NOW, '21439')?.name).toBe('Nguyễn Nghiêm');
		expect(unitByKey(NOW, '21439@2025-07-01')?.name).toBe('Đức Phổ');
		expect(unitPath(unitByKey(NOW, 'DP2025-01')!)).toBe('/units/21439@2025-07-01');
		expect(unitPath(unitByKey(NOW, '21439')!)).toBe('/units/21439');
	});

	it('successors and predecessors go by key, never by the reused code', () => {
		const oldWard = unitByKey(NOW, '21439')!;
		const newWard = unitByKey(NOW, '21439@2025-07-01')!;
		expect(successorOf(oldWard, NOW)).toBe(newWard);
		expect(successorOf(newWard, NOW)).toBeUndefined();
		expect(predecessorsOf(newWard, NOW).map((u) => u.name)).toEqual([
			'Nguyễn Nghiêm',
			'Phổ Hòa',
			'Phổ Minh',
			'Phổ Ninh',
			'Phổ Vinh'
		]);
		expect(predecessorsOf(oldWard, NOW)).toEqual([]);
	});

	it('a kept snapshot with the local codes restores with the official ones, and still merges', async () => {
		const raw = parseUnitsCsv(OLD).units.map((u) => ({
			...u,
			code:
				u.valid_from === '2025-07-01'
					? `DP2025-0${['Đức Phổ', 'Trà Câu', 'Xã Nguyễn Nghiêm', 'Khánh Cường', 'Sa Huỳnh'].indexOf(u.name) + 1}`
					: u.code,
			successor: u.successor
				? `DP2025-0${['21439', '21451', '21457', '21472', '21478'].indexOf(u.successor.split('@')[0]) + 1}`
				: ''
		})) as Unit[];
		expect(raw.filter((u) => u.code.startsWith('DP2025'))).toHaveLength(5);
		expect(raw.map(migrateUnit)).toEqual(NOW);
		const source = await Store.open(await createNodeEngine());
		await source.replaceUnits(raw);
		const target = await Store.open(await createNodeEngine());
		await target.restore(await source.snapshot());
		const units = await target.units();
		expect(units.map(unitKey).sort()).toEqual(NOW.map(unitKey).sort());
		expect(units.find((u) => u.name === 'Phổ An')?.successor).toBe('21451@2025-07-01');
	});
});

describe('the 2025 view joins successors by key', () => {
	it('the old 21439’s figures go to the new 21439, never to itself', async () => {
		const { store, dictionary } = await openSampleStore();
		const code = 'petition_cases_received';
		const run = async (grouping: 'unit' | 'successor') => {
			const q = seriesQuery(dictionary.get(code)!, dictionary, { grouping })!;
			return (await store.query<SeriesRow>(q.sql, q.params)).filter((r) => r.period === '2023');
		};
		const plain = await run('unit');
		const merged = await run('successor');
		const sum = (names: string[]) =>
			plain.filter((r) => names.includes(r.unit)).reduce((n, r) => n + r.value, 0);
		const members = ['Nguyễn Nghiêm', 'Phổ Hòa', 'Phổ Minh', 'Phổ Ninh', 'Phổ Vinh'];
		expect(merged.find((r) => r.unit === 'Đức Phổ')?.value).toBe(sum(members));
		expect(merged.find((r) => r.unit === 'Đức Phổ')?.units).toBe(5);
		expect(merged.find((r) => r.unit === 'Nguyễn Nghiêm')).toBeUndefined();
		expect(merged.map((r) => r.unit).sort()).toEqual(
			['Đức Phổ', 'Khánh Cường', 'Sa Huỳnh', 'Trà Câu', 'Xã Nguyễn Nghiêm'].sort()
		);
	});
});
