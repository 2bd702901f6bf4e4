/**
 * Unit matching at country scale: a staff file's names against a scope's units from the registry.
 * A name resolves to the unit valid in the row's period; a name two former districts share is a
 * finding with both candidates to choose from, never a guess.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv, parseDictionaryCsv } from '$lib/import';
import { matchUnit, unitMatcher } from '$lib/import/units';
import { appUnits, type ProvinceRegistry } from '$lib/model/registry';
import { groupByParent, unitKey } from '$lib/model/units';
import { provinceUnits, staffNames } from '../fixtures/unit-names';

const QN = JSON.parse(readFileSync('static/registry/51.json', 'utf8')) as ProvinceRegistry;
const PROVINCE = appUnits(QN, { province: '51', districts: [] });
const DUC_PHO = appUnits(QN, { province: '51', districts: ['534'] });
const key = (raw: string, units: typeof PROVINCE, period?: string) => {
	const u = matchUnit(raw, units, period).unit;
	return u ? unitKey(u) : null;
};

describe('matching within a scope', () => {
	it('P. Nguyễn Nghiêm in 2023 is the Đức Phổ ward in the Đức Phổ scope', () => {
		expect(key('P. Nguyễn Nghiêm', DUC_PHO, '2023')).toBe('21439');
		expect(key('Nguyễn Nghiêm', DUC_PHO, '2026')).toBe('21457@2025-07-01');
		expect(key('Đức Phổ', DUC_PHO, '2026')).toBe('21439@2025-07-01');
		expect(key('21439', DUC_PHO, '2023')).toBe('21439');
		expect(key('21439', DUC_PHO, '2026')).toBe('21439@2025-07-01');
	});

	it('in the province it is ambiguous: both wards of 2023 are offered, nothing is guessed', () => {
		const m = matchUnit('P. Nguyễn Nghiêm', PROVINCE, '2023');
		expect(m.unit).toBeNull();
		expect(m.ambiguous?.map(unitKey).sort()).toEqual(['21025', '21439']);
		expect([...m.suggestions].sort()).toEqual(['Nguyễn Nghiêm (Quảng Ngãi)', 'Nguyễn Nghiêm (Đức Phổ)']);
		// Written with its district, or in 2026, there is one.
		expect(key('Nguyễn Nghiêm (Đức Phổ)', PROVINCE, '2023')).toBe('21439');
		expect(key('Nguyễn Nghiêm', PROVINCE, '2026')).toBe('21457@2025-07-01');
	});

	it('names that differ only in their marks are told apart when written with them', () => {
		expect(matchUnit('Xã Ba Tô', PROVINCE, '2026').unit?.aliases).toEqual(['Xã Ba Tô']);
		expect(matchUnit('X. Ba Tơ', PROVINCE, '2026').unit?.aliases).toEqual(['Xã Ba Tơ']);
		expect(matchUnit('xa ba to', PROVINCE, '2026').ambiguous).toHaveLength(2);
		expect(key('ĐK Lý Sơn', PROVINCE, '2026')).toBe(
			unitKey(PROVINCE.find((u) => u.aliases[0] === 'Đặc khu Lý Sơn')!)
		);
	});

	it('an import finds the ambiguity with both candidates as fixes', async () => {
		const dictionary = parseDictionaryCsv(readFileSync('data/indicators.csv', 'utf8')).indicators;
		const text = 'Đơn vị,Năm,Chỉ tiêu,Giá trị\nP. Nguyễn Nghiêm,2023,petition_cases_received,5\n';
		const r = await importCsv(new TextEncoder().encode(text), {
			fileName: 'bao-cao.csv',
			dictionary,
			units: PROVINCE
		});
		const finding = r.issues.find((i) => i.code === 'ambiguous_unit');
		expect(finding?.value).toBe('P. Nguyễn Nghiêm');
		expect([...(finding?.suggestions ?? [])].sort()).toEqual([
			'Nguyễn Nghiêm (Quảng Ngãi)',
			'Nguyễn Nghiêm (Đức Phổ)'
		]);
		expect(r.observations).toHaveLength(0);
		// The one-click fix: the name remembered for the chosen unit.
		const fixed = await importCsv(new TextEncoder().encode(text), {
			fileName: 'bao-cao.csv',
			dictionary,
			units: PROVINCE,
			aliases: { 'p. nguyen nghiem': 'Nguyễn Nghiêm (Đức Phổ)' }
		});
		expect(fixed.observations.map((o) => o.unit)).toEqual(['Nguyễn Nghiêm (Đức Phổ)']);
	});
});

describe('a picker of a province', () => {
	it('groups the former units by their former district, the new ones in one list', () => {
		const before = groupByParent(PROVINCE.filter((u) => !u.valid_from));
		expect(before).toHaveLength(23);
		expect(before.find((g) => g.parent === 'Thị xã Đức Phổ')?.units).toHaveLength(15);
		const after = groupByParent(PROVINCE.filter((u) => u.valid_from));
		expect(after).toHaveLength(1);
		expect(after[0]).toMatchObject({ parent: '' });
		expect(after[0].units).toHaveLength(96);
		expect(groupByParent([])).toEqual([]);
	});
});

describe('10,000 names of staff files', () => {
	it('every correctly written name is its unit, or a finding that offers it — never another unit', () => {
		const units = provinceUnits(readFileSync('static/registry/51.json', 'utf8'));
		const names = staffNames(units, 10000, 1);
		expect(names).toHaveLength(10000);
		const match = unitMatcher(units);
		let wrong = 0;
		let right = 0;
		for (const n of names) {
			const m = match(n.raw, n.period);
			if (n.misspelt) continue;
			if (m.unit === n.unit) right++;
			else if (!m.ambiguous?.includes(n.unit)) wrong++;
		}
		expect(wrong).toBe(0);
		expect(right).toBeGreaterThan(6500);
	});
});
