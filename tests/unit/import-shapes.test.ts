import { describe, expect, it } from 'vitest';
import { codes, dictionary, find, run, values } from './import-helpers';

describe('long shape', () => {
	it('imports the canonical header with qualifiers and notes', async () => {
		const r = await run('long-canonical.csv');
		expect(r.kind).toBe('observations');
		expect(r.shape).toBe('long');
		expect(r.delimiter).toBe(',');
		expect(r.encoding).toBe('utf-8');
		expect(r.observations).toHaveLength(12);
		expect(r.stats).toMatchObject({ rows: 12, observations: 12, errors: 0, warnings: 0 });
		expect(find(r, { period: '2023', indicator: 'petition_resolution_rate_reported' })).toEqual({
			unit: 'Nguyễn Nghiêm',
			period: '2023',
			indicator: 'petition_resolution_rate_reported',
			value: 95.2,
			qualifier: '',
			source: 'long-canonical.csv',
			note: 'Báo cáo ghi "đạt 95,2%"'
		});
		expect(find(r, { indicator: 'legal_education_attendees' })).toMatchObject({
			value: 570,
			qualifier: '>',
			period: '2021-2023'
		});
		expect(find(r, { indicator: 'population' })).toMatchObject({ value: 11000, qualifier: '~' });
		for (const o of r.observations) expect(Number.isNaN(o.value)).toBe(false);
	});

	it('reads a Vietnamese sheet: BOM, semicolons, title rows, synonyms, number words, totals', async () => {
		const r = await run('long-vi-semicolon.csv');
		expect(r.shape).toBe('long');
		expect(r.delimiter).toBe(';');
		expect(values(r)).toEqual({
			'Nguyễn Nghiêm|2023|petitions_received': 22,
			'Nguyễn Nghiêm|2023|petition_cases_received': 21,
			'Nguyễn Nghiêm|2023|petition_resolution_rate_reported': 95.2,
			'Nguyễn Nghiêm|2021-2023|legal_education_attendees': 570,
			'Nguyễn Nghiêm|2024|population': 11000,
			'Nguyễn Nghiêm|2021-2023|cultural_family_households_pct': 97,
			'Phổ An|2024-Q2|petitions_received': 6,
			'Phổ An|2023|citizen_receptions_adhoc': 0,
			'Phổ An|2024-H2|mass_complex_complaints': 0
		});
		expect(find(r, { indicator: 'population' })?.qualifier).toBe('~');
		expect(find(r, { indicator: 'cultural_family_households_pct' })?.qualifier).toBe('>');
		expect(find(r, { indicator: 'petition_resolution_rate_reported' })?.note).toBe('làm tròn');
		// `không có` in a count is 0, with a warning naming the cell.
		const zero = r.issues.find((i) => i.code === 'zero_from_text');
		expect(zero).toMatchObject({ severity: 'warning', row: 16, column: 'Số liệu', value: 'không có' });
		// Totals are dropped with a notice, blanks and dashes are counted, never 0.
		const totals = r.issues.filter((i) => i.code === 'total_row_skipped');
		expect(totals.map((i) => [i.row, i.value])).toEqual([
			[18, 'Tổng cộng'],
			[19, 'Toàn thị xã']
		]);
		expect(r.issues.find((i) => i.code === 'missing_values')?.vi).toContain('4 ô');
		expect(r.stats.skipped).toBe(6);
		expect(r.observations.some((o) => o.unit === 'Phổ An' && o.period === '2024-H1')).toBe(false);
	});
});

describe('wide by indicator', () => {
	it('takes one column per indicator and drops the total row', async () => {
		const r = await run('wide-indicator.csv');
		expect(r.shape).toBe('wide-indicator');
		expect(values(r)).toEqual({
			'Nguyễn Nghiêm|2022|petitions_received': 19,
			'Nguyễn Nghiêm|2022|petition_cases_received': 19,
			'Nguyễn Nghiêm|2022|land_dispute_cases': 6,
			'Nguyễn Nghiêm|2023|petitions_received': 22,
			'Nguyễn Nghiêm|2023|petition_cases_received': 21,
			'Nguyễn Nghiêm|2023|land_dispute_cases': 8,
			'Phổ An|2023|petitions_received': 15,
			'Phổ An|2023|petition_cases_received': 14
		});
		expect(find(r, { unit: 'Phổ An', indicator: 'petitions_received' })?.note).toBe(
			'chưa có số vụ tranh chấp'
		);
		expect(codes(r)).toContain('total_row_skipped');
		expect(r.stats.errors).toBe(0);
	});

	it('reports an unknown indicator column once, at the header, with suggestions', async () => {
		const { runText } = await import('./import-helpers');
		const r = await runText('Đơn vị,Năm,Tổng số đơn tiếp nhậnn,Dân số\nPhổ An,2023,5,1000\n');
		const bad = r.issues.filter((i) => i.code === 'unknown_indicator');
		expect(bad).toHaveLength(1);
		expect(bad[0]).toMatchObject({ severity: 'error', row: 1, column: 'Tổng số đơn tiếp nhậnn' });
		expect(bad[0].suggestions?.[0]).toBe('petitions_received');
		expect(values(r)).toEqual({ 'Phổ An|2023|population': 1000 });
	});
});

describe('wide by period', () => {
	it('reads an English tab-separated sheet and decides each column’s decimals', async () => {
		const r = await run('wide-period-en.tsv');
		expect(r.shape).toBe('wide-period');
		expect(r.delimiter).toBe('\t');
		expect(values(r)).toEqual({
			'Phổ Minh|2021|petitions_received': 1204,
			'Phổ Minh|2022|petitions_received': 1310.5,
			'Phổ Minh|2023|petitions_received': 980,
			'Phổ Minh|2021|population': 5281,
			'Phổ Minh|2022|population': 5300,
			'Phổ Minh|2023|population': 5402,
			'Phổ Vinh|2021|petitions_received': 12,
			'Phổ Vinh|2022|petitions_received': 14
		});
		// Columns 2021 and 2023 hold only `1,204`-like values: the app asks about them.
		expect(r.questions.map((q) => q.column)).toEqual(['2021', '2023']);
		expect(r.questions[0].examples).toEqual(['1,204', '5,281']);
	});

	it('follows the answers to its questions', async () => {
		const r = await run('wide-period-en.tsv', { columnChoices: { '2021': 'vi' } });
		expect(values(r)['Phổ Minh|2021|petitions_received']).toBe(1.204);
		expect(values(r)['Phổ Minh|2023|population']).toBe(5402);
		expect(r.questions.map((q) => q.column)).toEqual(['2023']);
		const forced = await run('wide-period-en.tsv', { numberLocale: 'vi' });
		expect(forced.questions).toEqual([]);
		expect(values(forced)['Phổ Minh|2021|population']).toBe(5.281);
		expect(values(forced)['Phổ Minh|2022|petitions_received']).toBe(1310.5);
	});
});

describe('one unit’s sheet', () => {
	it('takes the unit from the file name, skips headings, ĐVT and the total row', async () => {
		const r = await run('bao-cao-Pho-An-2023.csv');
		expect(r.shape).toBe('unit-sheet');
		expect(values(r)).toEqual({
			'Phổ An|2022|citizen_receptions_periodic': 4,
			'Phổ An|2023|citizen_receptions_periodic': 3,
			'Phổ An|2022|citizen_receptions_adhoc': 0,
			'Phổ An|2023|citizen_receptions_adhoc': 1,
			'Phổ An|2022|petitions_received': 12,
			'Phổ An|2023|petitions_received': 15,
			'Phổ An|2022|feedback_petitions_received': 8,
			'Phổ An|2023|feedback_petitions_received': 9
		});
		expect(codes(r, 'info')).toEqual(
			expect.arrayContaining(['unit_from_file_name', 'total_row_skipped', 'column_ignored'])
		);
		expect(r.stats.errors).toBe(0);
	});

	it('prefers the unit chosen by the user', async () => {
		const r = await run('bao-cao-Pho-An-2023.csv', { unitHint: 'Phổ Phong' });
		expect(new Set(r.observations.map((o) => o.unit))).toEqual(new Set(['Phổ Phong']));
	});

	it('asks for a unit when neither a choice nor the file name gives one', async () => {
		const r = await run('unit-sheet-no-unit.csv');
		expect(r.kind).toBe('invalid');
		expect(r.shape).toBe('unit-sheet');
		expect(r.observations).toEqual([]);
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0]).toMatchObject({ severity: 'error', row: 0, code: 'unit_required' });
		expect(r.issues[0].vi).toContain('chọn đơn vị');
	});

	it('refuses a chosen unit it does not know', async () => {
		const r = await run('unit-sheet-no-unit.csv', { unitHint: 'Phổ Xyz' });
		expect(r.kind).toBe('invalid');
		expect(r.issues[0]).toMatchObject({ code: 'unknown_unit', row: 0, value: 'Phổ Xyz' });
	});
});

describe('reference lists', () => {
	it('recognises the indicator dictionary by its header', async () => {
		const r = await run('indicators.csv');
		expect(r.kind).toBe('dictionary');
		expect(r.shape).toBe('dictionary');
		expect(r.observations).toEqual([]);
		expect(r.indicators).toHaveLength(dictionary.length);
		const rating = r.indicators?.find((i) => i.code === 'dan_van_rating');
		expect(rating?.categories).toEqual([
			'Hoàn thành xuất sắc nhiệm vụ',
			'Hoàn thành tốt nhiệm vụ',
			'Hoàn thành nhiệm vụ',
			'Không hoàn thành nhiệm vụ'
		]);
		const rate = r.indicators?.find((i) => i.code === 'petition_resolution_rate_reported');
		expect(rate).toMatchObject({ unit: 'percent', kind: 'raw', higher_is_better: true });
		expect(r.indicators?.find((i) => i.code === 'population')?.higher_is_better).toBeNull();
	});

	it('reports every broken dictionary row and keeps the good ones', async () => {
		const r = await run('dictionary-bad.csv');
		expect(r.kind).toBe('dictionary');
		expect(r.indicators?.map((i) => i.code)).toEqual(['good_one', 'rating_x']);
		expect(r.indicators?.[1].categories).toEqual(['Tốt', 'Khá', 'Trung bình']);
		expect(r.issues.map((i) => [i.row, i.code])).toEqual([
			[3, 'bad_code'],
			[4, 'duplicate_code'],
			[5, 'bad_kind'],
			[6, 'missing_formula'],
			[7, 'bad_aggregation'],
			[8, 'bad_boolean'],
			[10, 'missing_code']
		]);
	});

	it('recognises the unit list by its header', async () => {
		const r = await run('units.csv');
		expect(r.kind).toBe('units');
		expect(r.units).toHaveLength(20);
		expect(r.units?.[0]).toMatchObject({
			code: '21439',
			name: 'Nguyễn Nghiêm',
			valid_to: '2025-06-30',
			// An older list's local code is made official on reading (model/registry.ts, migrateUnit).
			successor: '21439@2025-07-01'
		});
		expect(r.units?.[0].aliases).toContain('P. Nguyễn Nghiêm');
	});

	it('reports broken unit rows: reused code with overlapping dates, missing name, bad dates', async () => {
		const r = await run('units-bad.csv');
		expect(r.units?.map((u) => u.name)).toEqual(['Phường Một', 'Phường Một Mới']);
		expect(r.issues.map((i) => [i.row, i.code])).toEqual([
			[3, 'duplicate_unit'],
			[4, 'missing_name'],
			[5, 'bad_date'],
			[6, 'date_order']
		]);
	});
});
