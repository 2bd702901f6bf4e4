import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv, toDictionaryCsv, toUnitsCsv } from '../../src/lib/import';

const bytes = (path: string) => new Uint8Array(readFileSync(path));
const encode = (text: string) => new TextEncoder().encode(text);

describe('dictionary and unit list export', () => {
	it('exports the bundled lists so that they import back identical', async () => {
		const dict = await importCsv(bytes('data/indicators.csv'), {
			fileName: 'indicators.csv',
			dictionary: [],
			units: []
		});
		const units = await importCsv(bytes('data/units.csv'), {
			fileName: 'units.csv',
			dictionary: [],
			units: []
		});
		expect(dict.kind).toBe('dictionary');
		expect(units.kind).toBe('units');
		const dictText = toDictionaryCsv(dict.indicators!);
		const unitsText = toUnitsCsv(units.units!);
		expect(dictText.startsWith('\uFEFFcode,name_vi,name_en')).toBe(true);
		const dict2 = await importCsv(encode(dictText), { fileName: 'x.csv', dictionary: [], units: [] });
		const units2 = await importCsv(encode(unitsText), { fileName: 'y.csv', dictionary: [], units: [] });
		expect(dict2.indicators).toEqual(dict.indicators);
		expect(units2.units).toEqual(units.units);
	});

	it('writes the bundled notes for users in Vietnamese and English, about the report and the wards', async () => {
		const dict = await importCsv(bytes('data/indicators.csv'), {
			fileName: 'indicators.csv',
			dictionary: [],
			units: []
		});
		expect(dict.indicators!.length).toBe(61);
		for (const i of dict.indicators!) {
			expect(i.notes_vi, i.code).not.toBe('');
			expect(i.notes_en, i.code).not.toBe('');
			expect(i.notes_vi, i.code).not.toBe(i.notes_en);
			// Words about how the data was made, not about the report: none is left.
			for (const word of [
				/seed/i,
				/\bstore\b/i,
				/upload/i,
				/dashboard/i,
				/\bflag/i,
				/\bcsv\b/i,
				/\b[a-z]+_[a-z_]+\b/
			])
				expect(`${i.notes_vi} ${i.notes_en}`, i.code).not.toMatch(word);
		}
		const rate = dict.indicators!.find((i) => i.code === 'petition_resolution_rate')!;
		expect(rate.notes_vi).toMatch(/^Tính theo vụ việc, như báo cáo/);
		expect(rate.notes_en).toMatch(/^Computed by case, as the report does/);
	});

	it('still reads a dictionary with one notes column, its note in both languages', async () => {
		const text =
			'code,name_vi,name_en,unit,kind,formula,aggregation,higher_is_better,group,categories,notes\n' +
			'x,Chỉ tiêu X,Indicator X,count,raw,,sum,,g,,Một ghi chú\n';
		const dict = await importCsv(encode(text), { fileName: 'cu.csv', dictionary: [], units: [] });
		expect(dict.kind).toBe('dictionary');
		expect(dict.indicators).toMatchObject([{ code: 'x', notes_vi: 'Một ghi chú', notes_en: 'Một ghi chú' }]);
		const both = text.replace(',notes\n', ',notes_vi,notes_en\n').replace('Một ghi chú', 'Ghi chú,A note');
		const dict2 = await importCsv(encode(both), { fileName: 'moi.csv', dictionary: [], units: [] });
		expect(dict2.indicators).toMatchObject([{ code: 'x', notes_vi: 'Ghi chú', notes_en: 'A note' }]);
	});

	it('neutralises a formula in a name', () => {
		const text = toUnitsCsv([
			{
				code: '1',
				name: '=HYPERLINK("http://x","y")',
				kind: 'xã',
				parent: '',
				valid_from: '',
				valid_to: '',
				successor: '',
				aliases: []
			}
		]);
		expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
	});
});
