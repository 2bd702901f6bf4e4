/** Workbooks through the importer: sheets, title rows, merged headers, formats, findings with cells. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importXlsx } from '../../src/lib/import/xlsx';
import type { ImportOptions } from '../../src/lib/import';
import { codes, dictionary, units, values } from './import-helpers';

const XLSX = new URL('../fixtures/xlsx/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, XLSX)));
const run = (name: string, options: Partial<ImportOptions> = {}) =>
	importXlsx(bytes(name), { fileName: name, dictionary, units, ...options });

describe('a workbook of three sheets named by year', () => {
	it('reads every sheet when their layouts agree, each sheet giving its period', async () => {
		const r = await run('three-years.xlsx');
		expect(r.kind).toBe('observations');
		expect(r.workbook).toEqual({ sheets: ['2022', '2023', '2024'], chosen: '*', agree: true });
		expect(r.observations).toHaveLength(18);
		const v = values(r);
		expect(v['Phổ An|2022|petitions_received']).toBe(12);
		expect(v['Nguyễn Nghiêm|2024|dan_van_kheo_models']).toBe(5);
		expect(codes(r, 'error')).toEqual([]);
	});

	it('reads one sheet when asked, and names findings by sheet and cell', async () => {
		const r = await run('three-years.xlsx', { sheet: '2023' });
		expect(r.workbook?.chosen).toBe('2023');
		expect(new Set(r.observations.map((o) => o.period))).toEqual(new Set(['2023']));
		const stt = r.issues.find((i) => i.code === 'column_ignored');
		expect(stt?.cell).toBe('Sheet "2023"!A3');
	});

	it('progress moves forward to the end', async () => {
		const seen: number[] = [];
		await importXlsx(
			bytes('three-years.xlsx'),
			{ fileName: 'x.xlsx', dictionary, units },
			{
				onProgress: (p) => seen.push(p.fraction)
			}
		);
		expect(seen.length).toBeGreaterThan(3);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
	});

	it('reports progress within a long sheet, with the rows read so far', async () => {
		const { writeXlsx } = await import('../../src/lib/import/xlsx');
		const rows = [['Đơn vị', 'Năm', 'Chỉ tiêu', 'Giá trị']];
		for (let y = 0; y < 10_000; y++)
			rows.push(['Phổ An', String(1990 + (y % 30)), `chỉ tiêu ${y}`, String(y)]);
		const seen: { phase: string; rows: number }[] = [];
		await importXlsx(
			writeXlsx([{ name: 'S', rows }]),
			{ fileName: 'x.xlsx', dictionary, units },
			{
				onProgress: (p) => seen.push(p)
			}
		);
		expect(seen.filter((p) => p.phase === 'parse' && p.rows === 4096)).toHaveLength(1);
	});
});

describe('cells as Excel shows them', () => {
	it('reads percent, thousands, decimals as shown, text numbers and formulas’ saved values', async () => {
		const r = await run('formats.xlsx');
		const v = values(r);
		expect(v['Nguyễn Nghiêm|2023|petitions_received']).toBe(1234);
		expect(v['Nguyễn Nghiêm|2023|cultural_family_households_pct']).toBe(95.2);
		expect(v['Phổ An|2023|area_natural_ha']).toBe(1.234);
		expect(v['Phổ An|2023|party_cells']).toBe(12.3);
		expect(v['Phổ An|2023|petitions_received']).toBe(15);
		const q = Object.fromEntries(r.observations.map((o) => [o.indicator, o.qualifier]));
		expect([v['Nguyễn Nghiêm|2023|population'], q.population]).toEqual([11000, '~']);
		expect([v['Nguyễn Nghiêm|2023|legal_education_sessions'], q.legal_education_sessions]).toEqual([
			570,
			'>'
		]);
	});

	it('gives each finding the sheet name and Excel’s cell address', async () => {
		const r = await run('formats.xlsx');
		const bad = r.issues.find((i) => i.code === 'not_a_number');
		expect(bad).toMatchObject({ cell: 'Sheet "Số liệu"!D8', row: 8, value: 'abc' });
	});

	it('never evaluates a formula: its saved value is read, one without a value is a finding', async () => {
		const r = await run('formats.xlsx');
		expect(codes(r)).toContain('xlsx_formulas');
		expect(codes(r, 'warning')).toContain('xlsx_formula_no_value');
		expect(r.observations.find((o) => o.indicator === 'party_members')).toBeUndefined();
	});
});

describe('tables as offices lay them out', () => {
	it('skips the title, flattens a header merged over two rows and fills a merged ward down', async () => {
		const r = await run('merged-header.xlsx');
		expect(r.shape).toBe('wide-period');
		expect(r.workbook).toMatchObject({ chosen: 'Phổ An', agree: false });
		const v = values(r);
		expect(v['Phổ An|2024|petitions_received']).toBe(14);
		expect(v['Phổ An|2023|dan_van_kheo_models']).toBe(2);
		expect(v['Phổ Phong|2022|petitions_received']).toBe(9);
		expect(codes(r, 'error')).toEqual([]);
	});

	it('a sheet named by a unit gives the unit of a one-unit sheet; all sheets are refused when layouts differ', async () => {
		const r = await run('unit-sheets.xlsx', { sheet: '*' });
		expect(r.workbook).toMatchObject({ chosen: 'Phổ Phong', agree: false });
		expect(codes(r)).toContain('xlsx_sheets_differ');
		expect(values(r)['Phổ Phong|2024|petitions_received']).toBe(8);
		const other = await run('unit-sheets.xlsx', { sheet: 'Tổng hợp' });
		expect(values(other)).toEqual({ 'Phổ An|2024|petitions_received': 14 });
	});
});

describe('hostile and foreign workbooks', () => {
	const refused = async (name: string, code: string) => {
		const r = await run(name);
		expect(r.kind).toBe('invalid');
		expect(r.observations).toEqual([]);
		expect(codes(r, 'error')).toEqual([code]);
		expect(r.issues[0].vi.length).toBeGreaterThan(20);
	};
	it('refuses a zip bomb before inflating it', () => refused('zip-bomb.xlsx', 'xlsx_zip_bomb'));
	it('stops an entry that inflates beyond the size it declared', () =>
		refused('lying-size.xlsx', 'xlsx_zip_bomb'));
	it('refuses a huge shared-string table', () => refused('huge-sst.xlsx', 'xlsx_sst_too_big'));
	it('says to save an .xls as .xlsx', () => refused('old.xls', 'xlsx_is_xls'));
	it('says to save an .xlsb as .xlsx', () => refused('binary.xlsb', 'xlsx_is_xlsb'));
	it('reads a workbook with external links as saved, with a warning', async () => {
		const r = await run('external-link.xlsx');
		expect(codes(r, 'warning')).toContain('xlsx_external_links');
		expect(values(r)).toEqual({ 'Phổ An|2024|petitions_received': 14 });
	});
	it('turns random bytes that look like a zip into a finding, never a throw', async () => {
		const b = bytes('three-years.xlsx').slice(0, 900);
		const r = await importXlsx(b, { fileName: 'cut.xlsx', dictionary, units });
		expect(r.kind).toBe('invalid');
		expect(codes(r, 'error')).toEqual(['xlsx_not_zip']);
	});
});

describe('sheets named by ward', () => {
	it('reads every ward’s sheet together, each sheet giving its unit; hidden sheets are left out', async () => {
		const { writeXlsx } = await import('../../src/lib/import/xlsx');
		const sheet = (name: string, a: number, b: number) => ({
			name,
			rows: [
				['Chỉ tiêu', 'Năm 2023', 'Năm 2024'],
				['Tổng số đơn tiếp nhận', a, b]
			]
		});
		const bytes = writeXlsx([sheet('Phổ An', 15, 14), sheet('Phổ Phong', 11, 8)]);
		const r = await importXlsx(bytes, { fileName: 'don-vi.xlsx', dictionary, units });
		expect(r.workbook).toEqual({ sheets: ['Phổ An', 'Phổ Phong'], chosen: '*', agree: true });
		expect(values(r)).toEqual({
			'Phổ An|2023|petitions_received': 15,
			'Phổ An|2024|petitions_received': 14,
			'Phổ Phong|2023|petitions_received': 11,
			'Phổ Phong|2024|petitions_received': 8
		});
		const { zipSync, unzipSync, strToU8, strFromU8 } = await import('fflate');
		const parts = unzipSync(bytes);
		const book = strFromU8(parts['xl/workbook.xml']).replace(
			'name="Phổ Phong"',
			'name="Phổ Phong" state="hidden"'
		);
		const hidden = await importXlsx(zipSync({ ...parts, 'xl/workbook.xml': strToU8(book) }), {
			fileName: 'don-vi.xlsx',
			dictionary,
			units
		});
		expect(hidden.workbook?.sheets).toEqual(['Phổ An']);
	});
});
