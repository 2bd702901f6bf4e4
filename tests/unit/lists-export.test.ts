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
