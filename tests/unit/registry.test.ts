/**
 * The unit registry: the committed files equal a fresh build from data/vn-units-2025 and hold every
 * source row; Đức Phổ's crosswalk is the report's; identity is code + validity; labels are unique.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvRows, registryOutputs } from '$lib/import/units-registry';
import { parseUnitsCsv } from '$lib/import/reference-text';
import {
	appUnits,
	clauseNumber,
	labelUnits,
	linkClause,
	migrateUnitKey,
	parseUnitKey,
	predecessorLinks,
	sameCode,
	successorLinks,
	unitByKey,
	unitKey,
	unitOrigin,
	unitsInScope,
	type ProvinceEntry,
	type ProvinceRegistry
} from '$lib/model/registry';

const src = (name: string): string => readFileSync(`data/vn-units-2025/${name}`, 'utf8');
const built = registryOutputs(src('old_units.csv'), src('new_units.csv'), src('crosswalk.csv'));
const province = (code: string): ProvinceRegistry =>
	JSON.parse(readFileSync(`static/registry/${code}.json`, 'utf8')) as ProvinceRegistry;
const QN = province('51');
const DUC_PHO = { province: '51', districts: ['534'] };

describe('registry build', () => {
	it('the committed files are a fresh build, file for file', () => {
		const committed = readdirSync('static/registry').filter((f) => f.endsWith('.json'));
		expect(committed.sort()).toEqual([...built.keys()].sort());
		for (const [name, text] of built)
			expect(readFileSync(`static/registry/${name}`, 'utf8'), name).toBe(text);
	});

	it('holds every row of the source files', () => {
		const provinces = JSON.parse(built.get('provinces.json')!) as ProvinceEntry[];
		const files = provinces.map((p) => JSON.parse(built.get(`${p.code}.json`)!) as ProvinceRegistry);
		const olds = new Set(files.flatMap((f) => f.units.filter((u) => !u.valid_from).map((u) => u.code)));
		const news = files.flatMap((f) => f.units.filter((u) => u.valid_from).map((u) => u.code));
		expect(provinces).toHaveLength(34);
		expect(news).toHaveLength(csvRows(src('new_units.csv')).length);
		expect(news).toHaveLength(3321);
		expect(olds.size).toBe(csvRows(src('old_units.csv')).length);
		expect(olds.size).toBe(10052);
		expect(files.reduce((n, f) => n + f.links.length, 0)).toBe(csvRows(src('crosswalk.csv')).length);
		expect(files.flatMap((f) => f.links).filter((l) => l.type === 'partial')).toHaveLength(1012);
		expect(provinces.find((p) => p.code === '51')).toMatchObject({ name: 'Tỉnh Quảng Ngãi', units: 96 });
	});

	it('Đức Phổ’s crosswalk is the one in the report’s unit list', () => {
		const report = csvRows<Record<string, string>>(readFileSync('data/report/duc_pho_units.csv', 'utf8'));
		const units = unitsInScope(QN, DUC_PHO);
		const name = (code: string) => units.find((u) => u.code === code && u.valid_from)?.name;
		const ours = units
			.filter((u) => !u.valid_from)
			.map((u) => {
				const links = successorLinks(QN, u.code);
				return [u.code, links.map((l) => `${l.type} ${name(l.new)}`).join('|')];
			});
		const theirs = report.map((r) => [
			r.gso_code,
			`full ${r.successor_from_2025_07_01.replace(/\s*\(.*\)$/, '')}`
		]);
		expect(ours).toEqual(theirs);
		expect(units.filter((u) => u.valid_from).map((u) => u.code)).toEqual([
			'21439',
			'21451',
			'21457',
			'21472',
			'21478'
		]);
	});

	it('keeps the resolution clause of every link', () => {
		const link = successorLinks(QN, '21439')[0];
		expect(linkClause(QN, link)).toEqual({ resolution: '1677/NQ-UBTVQH15', clause: '86' });
		expect(predecessorLinks(QN, '21439').map((l) => l.old)).toEqual([
			'21439',
			'21460',
			'21463',
			'21466',
			'21469'
		]);
		expect(unitOrigin(QN, { code: '21439', valid_from: '' }).lines).toEqual([
			{
				key: '21439@2025-07-01',
				name: 'Phường Đức Phổ',
				type: 'full',
				resolution: '1677/NQ-UBTVQH15',
				clause: '86'
			}
		]);
		const formed = unitOrigin(QN, { code: '21457', valid_from: '2025-07-01' });
		expect(formed.direction).toBe('from');
		expect(formed.lines.map((l) => [l.key, l.name, l.clause])).toEqual([
			['21445', 'Xã Phổ Phong', '3'],
			['21457', 'Xã Phổ Nhơn', '3']
		]);
		expect(clauseNumber('3. Sắp xếp')).toBe('3');
		expect(clauseNumber('Sắp xếp')).toBe('');
	});
});

describe('identity is code + validity', () => {
	const units = appUnits(QN, { province: '51', districts: [] });

	it('never confuses the old 21439 with the new 21439', () => {
		const both = units.filter((u) => u.code === '21439');
		expect(both.map(unitKey).sort()).toEqual(['21439', '21439@2025-07-01']);
		expect(unitByKey(units, '21439')?.aliases).toEqual(['Phường Nguyễn Nghiêm']);
		expect(unitByKey(units, '21439@2025-07-01')?.name).toBe('Đức Phổ');
		expect(sameCode(units, unitByKey(units, '21439')!).map(unitKey)).toEqual(['21439@2025-07-01']);
		expect(parseUnitKey('21439@2025-07-01')).toEqual({ code: '21439', valid_from: '2025-07-01' });
		expect(parseUnitKey('21439')).toEqual({ code: '21439', valid_from: '' });
		expect(unitByKey(units, '21439')?.successor).toBe('21439@2025-07-01');
	});

	it('tells the three Nguyễn Nghiêm apart by label and key', () => {
		const nn = units.filter((u) => u.name.includes('Nguyễn Nghiêm'));
		expect(nn.map((u) => [unitKey(u), u.name]).sort()).toEqual([
			['21025', 'Nguyễn Nghiêm (Quảng Ngãi)'],
			['21439', 'Nguyễn Nghiêm (Đức Phổ)'],
			['21457@2025-07-01', 'Xã Nguyễn Nghiêm']
		]);
		expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
		expect(new Set(units.map(unitKey)).size).toBe(units.length);
	});

	it('the Đức Phổ scope keeps the sample’s labels, codes and successors', () => {
		const sample = parseUnitsCsv(readFileSync('data/units.csv', 'utf8')).units;
		const scoped = appUnits(QN, DUC_PHO);
		const view = (list: typeof sample) =>
			list.map((u) => [unitKey(u), u.name, migrateUnitKey(u.successor)]).sort();
		expect(view(scoped)).toEqual(view(sample));
	});

	it('labels already in use stay when the scope widens', () => {
		const keep = new Map([['21439', 'Nguyễn Nghiêm']]);
		const labels = labelUnits(unitsInScope(QN, { province: '51', districts: [] }), keep);
		expect(labels.get('21439')).toBe('Nguyễn Nghiêm');
		expect(labels.get('21025')).toBe('Nguyễn Nghiêm (Quảng Ngãi)');
	});

	it('local DP2025 codes become the official keys', () => {
		expect(migrateUnitKey('DP2025-01')).toBe('21439@2025-07-01');
		expect(migrateUnitKey('DP2025-05')).toBe('21478@2025-07-01');
		expect(migrateUnitKey('21442')).toBe('21442');
	});
});
