import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { detectDelimiter } from './delimiter';
import { parseRows } from './rows';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
	it('reads UTF-8 with and without BOM, and normalises to NFC', () => {
		const nfd = 'Nguyễn'.normalize('NFD');
		const a = decodeBytes(utf8('\ufeff' + nfd));
		const b = decodeBytes(utf8(nfd));
		expect(a).toEqual({ ok: true, text: 'Nguyễn', encoding: 'utf-8', fallback: false });
		expect(b).toEqual(a);
	});

	it('reads UTF-16 with a BOM, and without one when the zero bytes give it away', () => {
		const le = new Uint8Array(Buffer.from('\ufeffĐơn vị\tNăm', 'utf16le'));
		expect(decodeBytes(le)).toMatchObject({ ok: true, text: 'Đơn vị\tNăm', encoding: 'utf-16le' });
		const be = new Uint8Array(Buffer.from('\ufeffĐơn vị', 'utf16le').swap16());
		expect(decodeBytes(be)).toMatchObject({ ok: true, text: 'Đơn vị', encoding: 'utf-16be' });
		const bare = new Uint8Array(Buffer.from('unit,period\nPhổ An,2023\n', 'utf16le'));
		expect(decodeBytes(bare)).toMatchObject({
			ok: true,
			encoding: 'utf-16le',
			text: 'unit,period\nPhổ An,2023\n'
		});
	});

	it('falls back to Windows-1258 when the bytes are not UTF-8, composing tone marks', () => {
		// "Nguyễn": N g u y ê + combining tilde (0xDE) n
		const r = decodeBytes(new Uint8Array([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]));
		expect(r).toEqual({ ok: true, text: 'Nguyễn', encoding: 'windows-1258', fallback: true });
	});

	it('obeys an explicit encoding', () => {
		const r = decodeBytes(utf8('Phổ'), 'windows-1258');
		expect(r).toMatchObject({ ok: true, encoding: 'windows-1258' });
		expect(r.ok && r.text).not.toBe('Phổ');
	});

	it('refuses what is not text', () => {
		expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, code: 'empty_file' });
		expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({
			ok: false,
			code: 'excel_workbook'
		});
		expect(decodeBytes(utf8('%PDF-1.7'))).toEqual({ ok: false, code: 'binary_file' });
		expect(decodeBytes(new Uint8Array([1, 2, 3, 0, 5, 6, 0, 0, 9, 200, 3, 0]))).toEqual({
			ok: false,
			code: 'binary_file'
		});
		expect(decodeBytes(utf8('a\u0001b\u0002c\u0003'))).toEqual({ ok: false, code: 'binary_file' });
		expect(decodeBytes(utf8(' \r\n \r\n'))).toEqual({ ok: false, code: 'empty_file' });
	});
});

describe('detectDelimiter', () => {
	it('finds comma, semicolon and tab, ignoring quoted text and decimal commas', () => {
		expect(detectDelimiter('a,b,c\n1,2,3\n').delimiter).toBe(',');
		expect(detectDelimiter('Đơn vị;Năm;Giá trị\nPhổ An;2023;95,2\nPhổ An;2022;1,5\n').delimiter).toBe(';');
		expect(detectDelimiter('a\tb\tc\n"x,y,z"\t2\t3\n').delimiter).toBe('\t');
		expect(detectDelimiter('TITLE, WITH, COMMAS\n\na;b;c;d\n1;2;3;4\n5;6;7;8\n').delimiter).toBe(';');
		expect(detectDelimiter('one column\n').delimiter).toBe(',');
	});

	it('obeys and removes an Excel sep= line', () => {
		expect(detectDelimiter('sep=;\r\na;b\n')).toEqual({ delimiter: ';', text: 'a;b\n' });
	});
});

describe('parseRows', () => {
	it('keeps blank lines so that row numbers match Excel, and drops the trailing one', () => {
		const r = parseRows('a,b\n\n1,2\n', ',');
		expect(r).toEqual({ ok: true, rows: [['a', 'b'], [''], ['1', '2']], badQuoteRows: [] });
	});

	it('names the row of an unterminated quote', () => {
		expect(parseRows('a,b\n1,2\n3,"x\n4,5\n', ',')).toMatchObject({
			ok: false,
			code: 'unterminated_quote',
			row: 3
		});
	});

	it('keeps line breaks inside quoted cells', () => {
		const r = parseRows('a,b\n"x\ny",2\n', ',');
		expect(r.ok && r.rows[1]).toEqual(['x\ny', '2']);
	});
});
