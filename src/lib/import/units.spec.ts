import { describe, expect, it } from 'vitest';
import type { Indicator, Unit } from '$lib/model/types';
import { matchIndicator } from './indicators';
import { matchUnit, prepareUnitIndex, unitCoreKey, unitMatcher } from './units';

const unit = (
	name: string,
	code: string,
	kind: string,
	from = '',
	to = '',
	aliases: string[] = []
): Unit => ({
	name,
	code,
	kind,
	parent: '',
	valid_from: from,
	valid_to: to,
	successor: '',
	aliases
});

const UNITS: Unit[] = [
	unit('Nguyễn Nghiêm', '21439', 'phường', '2020-02-01', '2025-06-30', ['P. Nguyễn Nghiêm', 'Nguyen Nghiem']),
	unit('Xã Nguyễn Nghiêm', 'DP2025-03', 'xã', '2025-07-01', '', ['X. Nguyễn Nghiêm']),
	unit('Phổ An', '21442', 'xã', '2020-02-01', '2025-06-30'),
	unit('Phổ Phong', '21445', 'xã', '2020-02-01', '2025-06-30'),
	unit('Phường 3', '99903', 'phường'),
	unit('Thị trấn Sông Vệ', '99950', 'thị trấn', '', '', ['TT Sông Vệ'])
];

const name = (raw: string, period?: string): string | null =>
	matchUnit(raw, UNITS, period).unit?.name ?? null;

describe('matchUnit', () => {
	it('matches names with or without prefixes and diacritics', () => {
		expect(name('Phổ An')).toBe('Phổ An');
		expect(name('X. Phổ An')).toBe('Phổ An');
		expect(name('Xã Phổ An')).toBe('Phổ An');
		expect(name('xa pho an')).toBe('Phổ An');
		expect(name('PHO AN')).toBe('Phổ An');
		expect(name('Phổ An'.normalize('NFD'))).toBe('Phổ An');
		expect(name('Sông Vệ')).toBe('Thị trấn Sông Vệ');
		expect(name('TT. Sông Vệ')).toBe('Thị trấn Sông Vệ');
	});

	it('matches numbered wards however they are written', () => {
		for (const raw of ['Phường 3', 'P.03', 'P3', 'P. 3', 'phuong 03'])
			expect(name(raw), raw).toBe('Phường 3');
	});

	it('matches codes and aliases', () => {
		expect(name('21445')).toBe('Phổ Phong');
		expect(name('Nguyen Nghiem', '2023')).toBe('Nguyễn Nghiêm');
	});

	it('chooses among reused names by the period, then the kind, then the exact spelling', () => {
		expect(name('Nguyễn Nghiêm', '2023')).toBe('Nguyễn Nghiêm');
		expect(name('Nguyễn Nghiêm', '2026')).toBe('Xã Nguyễn Nghiêm');
		expect(name('Nguyễn Nghiêm', '2025-H2')).toBe('Xã Nguyễn Nghiêm');
		expect(name('Nguyễn Nghiêm', '2025-Q1')).toBe('Nguyễn Nghiêm');
		// Both existed during 2025: the exact spelling decides.
		expect(name('Nguyễn Nghiêm', '2025')).toBe('Nguyễn Nghiêm');
		expect(name('Xã Nguyễn Nghiêm', '2025')).toBe('Xã Nguyễn Nghiêm');
		expect(name('Nguyễn Nghiêm')).toBe('Nguyễn Nghiêm');
	});

	it('flags a unit used outside its validity', () => {
		const m = matchUnit('Xã Nguyễn Nghiêm', UNITS, '2023');
		expect(m.unit?.name).toBe('Xã Nguyễn Nghiêm');
		expect(m.outsideValidity).toBe(true);
		expect(matchUnit('Phổ An', UNITS, '2026').outsideValidity).toBe(true);
		expect(matchUnit('Phổ An', UNITS, '2023').outsideValidity).toBe(false);
	});

	it('suggests the closest names when nothing matches', () => {
		const m = matchUnit('Phổ Anh', UNITS);
		expect(m.unit).toBeNull();
		expect(m.suggestions[0]).toBe('Phổ An');
		expect(m.suggestions.length).toBeLessThanOrEqual(3);
		expect(matchUnit('<img src=x onerror=alert(1)>', UNITS).unit).toBeNull();
	});

	it('uses remembered aliases first', () => {
		expect(matchUnit('UBND xã PA', UNITS, null, { 'ubnd xa pa': 'Phổ An' }).unit?.name).toBe('Phổ An');
	});

	it('answers as matchUnit does when one matcher serves many (name, period) pairs', () => {
		const aliases = { 'ubnd xa pa': 'Phổ An' };
		const match = unitMatcher(UNITS, aliases);
		const names = [
			'Nguyễn Nghiêm',
			'X. Nguyễn Nghiêm',
			'Phổ An',
			'Phổ Anh',
			'P3',
			'UBND xã PA',
			'TT Sông Vệ',
			''
		];
		// Each name twice over the periods: the second time from what the matcher kept.
		for (const round of [1, 2])
			for (const raw of names)
				for (const period of ['2023', '2026', '2025-H2', null])
					expect(match(raw, period), `${raw} ${period} (${round})`).toEqual(
						matchUnit(raw, UNITS, period, aliases)
					);
	});

	it('builds the index ahead, with a pause after each unit, and then answers as when built at once', async () => {
		const units = UNITS.map((u) => ({ ...u }));
		let pauses = 0;
		const pause = async () => {
			pauses++;
		};
		await prepareUnitIndex(units, pause);
		expect(pauses).toBe(units.length);
		await prepareUnitIndex(units, pause); // kept: not built again
		expect(pauses).toBe(units.length);
		for (const raw of ['Nguyễn Nghiêm', 'X. Nguyễn Nghiêm', 'Phổ Anh', 'P3', 'TT Sông Vệ', '99903'])
			for (const period of ['2023', '2026', null])
				expect(matchUnit(raw, units, period), `${raw} ${period}`).toEqual(matchUnit(raw, UNITS, period));
	});

	it('keeps the identifying part of a name', () => {
		expect(unitCoreKey('P.03')).toBe('3');
		expect(unitCoreKey('Phường Phổ Văn')).toBe('pho van');
		expect(unitCoreKey('Phổ Văn')).toBe('pho van');
	});
});

const ind = (code: string, name_vi: string, name_en: string): Indicator => ({
	code,
	name_vi,
	name_en,
	unit: 'count',
	kind: 'raw',
	formula: '',
	aggregation: 'sum',
	higher_is_better: null,
	group: '',
	categories: [],
	notes_vi: '',
	notes_en: ''
});
const DICT = [
	ind('petitions_received', 'Tổng số đơn tiếp nhận', 'Petitions received'),
	ind('feedback_petitions_received', 'Số đơn phản ánh, kiến nghị', 'Feedback petitions received'),
	ind('population', 'Dân số', 'Population')
];

describe('matchIndicator', () => {
	const code = (raw: string): string | null => matchIndicator(raw, DICT).indicator?.code ?? null;
	it('matches codes, Vietnamese and English names, ignoring case, diacritics and punctuation', () => {
		expect(code('petitions_received')).toBe('petitions_received');
		expect(code('PETITIONS_RECEIVED')).toBe('petitions_received');
		expect(code('Tổng số đơn tiếp nhận')).toBe('petitions_received');
		expect(code('tong so don tiep nhan')).toBe('petitions_received');
		expect(code('Tổng số đơn tiếp nhận (đơn)')).toBe('petitions_received');
		expect(code('Số đơn phản ánh kiến nghị')).toBe('feedback_petitions_received');
		expect(code('Population')).toBe('population');
		expect(code('Dân số'.normalize('NFD'))).toBe('population');
	});

	it('suggests close codes for unknown indicators', () => {
		const m = matchIndicator('petition_received', DICT);
		expect(m.indicator).toBeNull();
		expect(m.suggestions[0]).toBe('petitions_received');
	});

	it('uses remembered aliases', () => {
		expect(matchIndicator('Đơn nhận', DICT, { 'don nhan': 'petitions_received' }).indicator?.code).toBe(
			'petitions_received'
		);
	});
});
