/**
 * The province a workspace's unit list belongs to — what every browser of a server workspace reads
 * the registry's clauses from after an admin chose the scope.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUnitsCsv } from '../../src/lib/import';
import type { ProvinceEntry } from '../../src/lib/model/registry';
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
