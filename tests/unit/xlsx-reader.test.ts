/** The workbook reader's parts: limits, XML text, number formats, and the writer read back. */
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { openWorkbook, writeXlsx, XLSX_LIMITS, XlsxError } from '../../src/lib/import/xlsx';
import { dateText, numberText, readFormatCode, showNumber } from '../../src/lib/import/xlsx/number-format';
import { decodeText } from '../../src/lib/import/xlsx/xml';
import { escapeXml } from '../../src/lib/import/xlsx/writer';
import { scanNumber } from '../../src/lib/import';

describe('numbers as Excel shows them', () => {
	it('never writes a number open to two readings', () => {
		for (const x of [1.234, 12.345, 95.2, 1234, 0.123, -1.5, 1234.5678, 100.001]) {
			const s = scanNumber(numberText(x));
			expect(s.kind === 'number' && !s.ambiguous && s.vi === x && s.en === x, numberText(x)).toBe(true);
		}
		expect(numberText(1.234)).toBe('1,2340');
		expect(numberText(0.1 + 0.2)).toBe('0,3');
	});
	it('reads format codes: percent, decimals, dates, text', () => {
		expect(readFormatCode('0.0%')).toEqual({ kind: 'number', decimals: 1, percent: true });
		expect(readFormatCode('#,##0.00;[Red]-#,##0.00')).toEqual({
			kind: 'number',
			decimals: 2,
			percent: false
		});
		expect(readFormatCode('dd/mm/yyyy')).toMatchObject({ kind: 'date', time: false });
		expect(readFormatCode('yyyy')).toMatchObject({ kind: 'date', yearOnly: true });
		expect(readFormatCode('"Năm "0')).toEqual({ kind: 'number', decimals: 0, percent: false });
		expect(readFormatCode('@')).toEqual({ kind: 'text' });
	});
	it('shows dates in both date systems and rounds to the shown decimals', () => {
		expect(dateText(45291, false, { time: false, yearOnly: false })).toBe('31/12/2023');
		expect(dateText(43829, true, { time: false, yearOnly: false })).toBe('31/12/2023');
		expect(dateText(1, false, { time: false, yearOnly: false })).toBe('01/01/1900');
		expect(showNumber(0.95238, { kind: 'number', decimals: 1, percent: true }, false)).toBe('95,2%');
		expect(showNumber(2.5, { kind: 'number', decimals: 0, percent: false }, false)).toBe('3');
	});
});

describe('XML text', () => {
	it('decodes entities and Excel’s own escapes, and drops what no character is', () => {
		expect(decodeText('a &lt;b&gt; &amp; &#273;&#x1EA1; _x000D_')).toBe('a <b> & đạ \r');
		expect(decodeText('&#0;&#xD800;x')).toBe('x');
	});
});

const part = (xml: string) => strToU8(`<?xml version="1.0"?>${xml}`);
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = (extra = '') =>
	part(
		`<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${extra}</Relationships>`
	);
function book(sheet: string, sst?: string): Uint8Array {
	return zipSync({
		'xl/workbook.xml': part(
			`<workbook ${NS} xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
		),
		'xl/_rels/workbook.xml.rels': RELS(),
		'xl/worksheets/sheet1.xml': part(`<worksheet ${NS}><sheetData>${sheet}</sheetData></worksheet>`),
		...(sst ? { 'xl/sharedStrings.xml': part(sst) } : {})
	});
}
const failure = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof XlsxError ? e.code : String(e);
	}
	return 'none';
};

describe('limits', () => {
	it('counts shared strings as they are read, whatever the table declares', () => {
		const sst = `<sst ${NS} uniqueCount="1">${'<si><t>a</t></si>'.repeat(50)}</sst>`;
		const b = book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst);
		const wb = openWorkbook(b, { ...XLSX_LIMITS, maxSharedStrings: 10 });
		expect(failure(() => wb.read(wb.sheets[0]))).toBe('xlsx_sst_too_big');
		expect(openWorkbook(b).read(openWorkbook(b).sheets[0]).rows).toEqual([['a']]);
	});
	it('refuses too many entries, too many bytes, a far cell', () => {
		const b = book('<row r="1"><c r="A1"><v>1</v></c></row>');
		expect(failure(() => openWorkbook(b, { ...XLSX_LIMITS, maxEntries: 2 }))).toBe('xlsx_zip_bomb');
		expect(failure(() => openWorkbook(b, { ...XLSX_LIMITS, maxTotalBytes: 100 }))).toBe('xlsx_zip_bomb');
		const far = openWorkbook(book('<row r="1"><c r="ZZZ1"><v>1</v></c></row>'));
		expect(failure(() => far.read(far.sheets[0]))).toBe('xlsx_sheet_too_big');
	});
	it('reads no DOCTYPE or entity declarations: nothing is expanded', () => {
		const sst = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><sst ${NS}><si><t>&b;</t></si></sst>`;
		const wb = openWorkbook(book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst));
		expect(wb.read(wb.sheets[0]).rows).toEqual([['&b;']]);
	});
});

describe('the writer', () => {
	it('writes numbers as numbers and every text as text, read back as written', () => {
		const hostile = [
			'=HYPERLINK("http://x","y")',
			'+1',
			'-2',
			'@SUM(A1)',
			'<b>&amp;</b>',
			'a_x0041_b',
			'Phổ An'
		];
		const b = writeXlsx([
			{ name: 'Dữ liệu', rows: [['Đơn vị', 'Giá trị'], ...hostile.map((h, i) => [h, i + 0.5])] },
			{ name: 'a/b:c?', rows: [['x']] }
		]);
		const wb = openWorkbook(b);
		expect(wb.sheets.map((s) => s.name)).toEqual(['Dữ liệu', 'a b c']);
		const grid = wb.read(wb.sheets[0]);
		expect(grid.formulas).toBe(0);
		expect(grid.rows.slice(1).map((r) => r[0])).toEqual(hostile);
		expect(grid.rows[1][1]).toBe('0,5');
	});
	it('escapes XML and drops characters XML cannot hold', () => {
		expect(escapeXml('a<b>&"\u0001\uD800')).toBe('a&lt;b&gt;&amp;&quot;');
	});
});

describe('merged areas', () => {
	it('fill only the rows the table has, however many areas overlap and however far they reach', async () => {
		const { prepareSheet } = await import('../../src/lib/import/xlsx/table');
		const merges = Array.from({ length: 5000 }, () => ({ r1: 1, c1: 0, r2: 999_999, c2: 0 }));
		const grid = {
			rows: [
				['Đơn vị', 'Năm', 'Tổng số đơn tiếp nhận'],
				['Phổ An', '2024', '3'],
				['', '2023', '4']
			],
			merges,
			formulas: 0,
			formulasWithoutValue: 0
		};
		const t0 = performance.now();
		const sheet = prepareSheet('S', grid, { dictionary: [], units: [] });
		expect(performance.now() - t0).toBeLessThan(2000);
		expect(sheet.rows).toHaveLength(3);
		expect(sheet.rows[2][0]).toBe('Phổ An');
	});
});
