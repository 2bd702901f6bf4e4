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
