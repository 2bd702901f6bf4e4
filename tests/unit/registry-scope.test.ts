/**
 * The province a workspace's unit list belongs to — what every browser of a server workspace reads
 * the registry's clauses from after an admin chose the scope.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnitsCsv } from '../../src/lib/import';
import { appUnits, type ProvinceEntry, type ProvinceRegistry } from '../../src/lib/model/registry';
import { areaKind, expectedMembers, isFrom2025, TOWN_GROUP, unitsOfPeriod } from '../../src/lib/model/units';
import { coverageText } from '../../src/lib/views/coverage';
import { periodEnd } from '../../src/lib/model/period';
import { townLabel, wholeLabel } from '../../src/lib/views/labels';
import { provinceOfUnits } from '../../src/routes/units/scope-store';

const provinces = JSON.parse(readFileSync('static/registry/provinces.json', 'utf8')) as ProvinceEntry[];

describe('the province of a unit list', () => {
	it('is named by its units of 2025: the sample is Quảng Ngãi', () => {
		const { units } = parseUnitsCsv(readFileSync('data/units.csv', 'utf8'));
		expect(provinceOfUnits(units, provinces)).toBe('51');
	});

	it('another province when its units say so; none without units of 2025', () => {
		const hanoi = provinces.find((p) => p.name === 'Thành phố Hà Nội')!;
		const unit = {
			name: 'Ba Đình',
			code: '00004',
			kind: 'phường',
			parent: hanoi.name,
			valid_from: '2025-07-01',
			valid_to: '',
			successor: '',
			aliases: []
		};
		expect(provinceOfUnits([unit], provinces)).toBe(hanoi.code);
		expect(
			provinceOfUnits([{ ...unit, valid_from: '2020-02-01', valid_to: '2025-06-30' }], provinces)
		).toBeNull();
	});
});

describe('the overview’s subtitle follows the scope', () => {
	it('names the sample’s town, and a province scope by its units of 2025 and before', async () => {
		const { scopeSubtitle } = await import('../../src/lib/views/labels');
		const { appUnits } = await import('../../src/lib/model/registry');
		const { units } = parseUnitsCsv(readFileSync('data/units.csv', 'utf8'));
		expect(scopeSubtitle(units, 'vi')).toBe('Thị xã Đức Phổ — 15 phường, xã (trước 01/7/2025)');
		const registry = JSON.parse(readFileSync('static/registry/51.json', 'utf8'));
		const province = appUnits(registry, { province: '51', districts: [] }, new Map());
		expect(scopeSubtitle(province, 'vi')).toBe(
			'Tỉnh Quảng Ngãi — 96 xã, phường từ 01/7/2025 (273 đơn vị trước đó)'
		);
		expect(scopeSubtitle(province, 'en')).toBe(
			'Tỉnh Quảng Ngãi — 96 communes and wards from 1 July 2025 (273 units before)'
		);
	});
});

describe('the whole area and its units follow the scope', () => {
	const sample = parseUnitsCsv(readFileSync('data/units.csv', 'utf8')).units;
	const registry = JSON.parse(readFileSync('static/registry/51.json', 'utf8')) as ProvinceRegistry;
	const province = appUnits(registry, { province: '51', districts: [] });
	const bình_sơn = registry.units.find((u) => u.district_name === 'Huyện Bình Sơn')!.district_code;
	const oneDistrict = appUnits(registry, { province: '51', districts: [bình_sơn] });
	const twoDistricts = appUnits(registry, { province: '51', districts: [bình_sơn, '534'] });

	it('names the whole area after what the units share', () => {
		expect(areaKind(sample)).toBe('town');
		expect(wholeLabel(areaKind(sample))).toEqual({ vi: 'Toàn thị xã', en: 'Whole town' });
		expect(areaKind(oneDistrict)).toBe('district');
		expect(areaKind(twoDistricts)).toBe('area');
		expect(areaKind(province)).toBe('area');
		expect(wholeLabel(areaKind(province))).toEqual({ vi: 'Toàn địa bàn', en: 'Whole area' });
		// Only units of 2025 listed: the province they belong to.
		expect(areaKind(province.filter(isFrom2025))).toBe('province');
		expect(townLabel({ aggregation: 'sum' }, 'area')).toEqual({
			vi: 'Toàn địa bàn (tổng)',
			en: 'Whole area (total)'
		});
		expect(townLabel({ aggregation: 'ratio' }, 'town').vi).toBe('Toàn thị xã');
	});

	it('counts the units that report a period: those before 1 July 2025, then those of 2025', () => {
		expect(expectedMembers(TOWN_GROUP, '', province, '2024')).toBe(273);
		expect(expectedMembers(TOWN_GROUP, '', province, '2025-H1')).toBe(273);
		expect(expectedMembers(TOWN_GROUP, '', province, '2025')).toBe(96);
		expect(expectedMembers(TOWN_GROUP, '', province, '2025-Q3')).toBe(96);
		expect(expectedMembers(TOWN_GROUP, '', sample, '2023')).toBe(15);
		expect(expectedMembers(TOWN_GROUP, '', sample, '2026')).toBe(5);
		// Without a period, the units before the reorganisation, as before.
		expect(expectedMembers(TOWN_GROUP, '', sample)).toBe(15);
		expect(unitsOfPeriod(sample, '2021-2025').map((u) => u.name)).toContain('Đức Phổ');
	});

	it('says a tile’s coverage against the units of its year', () => {
		const row = (period: string, units: number) => ({
			unit: TOWN_GROUP,
			period,
			value: 1,
			qualifier: '' as const,
			numerator: null,
			denominator: null,
			units
		});
		expect(coverageText(row('2024', 14), expectedMembers(TOWN_GROUP, '', province, '2024'), 'vi')).toBe(
			'14/273 đơn vị có số liệu'
		);
		expect(coverageText(row('2025', 90), expectedMembers(TOWN_GROUP, '', province, '2025'), 'en')).toBe(
			'90 of 96 units reported'
		);
	});
});

describe('a period’s last day', () => {
	it('decides which units a period belongs to', () => {
		expect(periodEnd('2024')).toBe('2024-12-31');
		expect(periodEnd('2025-H1')).toBe('2025-06-30');
		expect(periodEnd('2025-Q3')).toBe('2025-09-30');
		expect(periodEnd('2021-2025')).toBe('2025-12-31');
		expect(periodEnd('hơn 2020')).toBe('');
	});
});
