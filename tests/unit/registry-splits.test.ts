/**
 * Splits in the 2025 view, on a fixture province: a predecessor that went wholly into a new unit is
 * merged into it; one that was split among several (`partial`) is shown apart — "part of X, not
 * apportioned" — and added to no successor. Rates stay Σ numerators / Σ denominators over what is
 * included. The rule is documented in README.md ("Split units").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestBytes, Store } from '../../src/lib/db';
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { seriesQuery } from '../../src/lib/db/series';
import {
	appUnits,
	splitUnits,
	unitOrigin,
	type ProvinceRegistry,
	type RegistryUnit
} from '$lib/model/registry';
import type { SeriesRow } from '$lib/model/types';
import { predecessorsOf, splitApart, unitKey } from '$lib/model/units';
import { splitNote } from '$lib/views/labels';

const old = (code: string, name: string): RegistryUnit => ({
	code,
	name,
	level: 'commune',
	valid_from: '',
	valid_to: '2025-06-30',
	district_code: '900',
	district_name: 'Huyện Thử',
	province_code: '99',
	province_name: 'Tỉnh Thử'
});
const fresh = (code: string, name: string): RegistryUnit => ({
	...old(code, name),
	valid_from: '2025-07-01',
	valid_to: '',
	district_code: '',
	district_name: ''
});
const link = (o: string, n: string, type: 'full' | 'partial', clause: number) => ({
	old: o,
	new: n,
	type,
	resolution: '9999/NQ-UBTVQH15',
	clause
});
/** A and B wholly into N1; C split between N1 and N2; D wholly into N2. */
const FIXTURE: ProvinceRegistry = {
	code: '99',
	name: 'Tỉnh Thử',
	units: [
		fresh('90001', 'Xã Một'),
		fresh('90004', 'Phường Hai'),
		old('90001', 'Xã An'),
		old('90002', 'Xã Bình'),
		old('90003', 'Xã Châu'),
		old('90004', 'Xã Định')
	],
	links: [
		link('90001', '90001', 'full', 0),
		link('90002', '90001', 'full', 0),
		link('90003', '90001', 'partial', 0),
		link('90003', '90004', 'partial', 1),
		link('90004', '90004', 'full', 1)
	],
	clauses: ['1. Sắp xếp … thành xã mới có tên gọi là xã Một.', '2. Sắp xếp … thành phường Hai.']
};
const SCOPE = { province: '99', districts: [] };

describe('a unit split among several new ones', () => {
	const units = appUnits(FIXTURE, SCOPE);
	const by = (name: string) => units.find((u) => u.name === name)!;

	it('has no successor; the wholly merged ones have theirs', () => {
		expect(by('An').successor).toBe('90001@2025-07-01');
		expect(by('Định').successor).toBe('90004@2025-07-01');
		expect(by('Châu').successor).toBe('');
		expect(predecessorsOf(by('Một'), units).map((u) => u.name)).toEqual(['An', 'Bình']);
		expect(splitUnits(FIXTURE, SCOPE)).toEqual([
			{ old: '90003', into: ['90001@2025-07-01', '90004@2025-07-01'] }
		]);
	});

	it('the 2025 view names it apart, in the note and the charts’ footnote', () => {
		expect(splitApart(units).map((u) => u.name)).toEqual(['Châu']);
		expect(splitNote(units, 'vi')).toBe(
			'Đơn vị bị chia cho nhiều đơn vị mới được hiển thị riêng, không cộng vào đơn vị nào: Châu.'
		);
		expect(
			splitNote(
				units.filter((u) => u.name !== 'Châu'),
				'en'
			)
		).toBe('');
	});

	it('its page says where its parts went and under which clause', () => {
		const o = unitOrigin(FIXTURE, by('Châu'));
		expect(o.direction).toBe('into');
		expect(o.lines.map((l) => [l.name, l.type, l.clause])).toEqual([
			['Xã Một', 'partial', '1'],
			['Phường Hai', 'partial', '2']
		]);
		const formed = unitOrigin(FIXTURE, by('Một'));
		expect(formed.lines.map((l) => [l.key, l.type])).toEqual([
			['90001', 'full'],
			['90002', 'full'],
			['90003', 'partial']
		]);
	});

	it('the 2025 view adds its figures to no successor and shows them apart', async () => {
		const store = await Store.open(await createNodeEngine());
		const dictText = readFileSync('data/indicators.csv');
		await ingestBytes(store, new Uint8Array(dictText), 'indicators.csv', { dictionary: [], units: [] });
		await store.replaceUnits(units);
		const dictionary = new Map((await store.indicators()).map((i) => [i.code, i]));
		const csv = [
			'unit,period,indicator,value',
			...[
				['An', 10, 9],
				['Bình', 20, 15],
				['Châu', 40, 10],
				['Định', 5, 5]
			].flatMap(([u, received, handled]) => [
				`${u},2024,feedback_cases_received,${received}`,
				`${u},2024,feedback_cases_resolved,${handled}`
			])
		].join('\n');
		const outcome = await ingestBytes(store, new TextEncoder().encode(csv), 'bao-cao.csv', {
			dictionary: [...dictionary.values()],
			units
		});
		expect(outcome).toBeTruthy();
		const series = async (code: string) => {
			const q = seriesQuery(dictionary.get(code)!, dictionary, { grouping: 'successor' })!;
			const rows = await store.query<SeriesRow>(q.sql, q.params);
			return new Map(rows.map((r) => [r.unit, r]));
		};
		const received = await series('feedback_cases_received');
		expect(received.get('Một')?.value).toBe(30);
		expect(received.get('Một')?.units).toBe(2);
		expect(received.get('Hai')?.value).toBe(5);
		expect(received.get('Châu')?.value).toBe(40);
		const rate = await series('feedback_resolution_rate');
		expect(rate.get('Một')?.value).toBeCloseTo((100 * 24) / 30, 9);
		expect(rate.get('Một')?.denominator).toBe(30);
		expect(rate.get('Châu')?.value).toBeCloseTo(25, 9);
		expect(units.map(unitKey)).toContain('90003');
	});
});
