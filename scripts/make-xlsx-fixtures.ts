/**
 * Writes the workbook fixtures of tests/fixtures/xlsx/ (run: `npx tsx scripts/make-xlsx-fixtures.ts`).
 * Each workbook is built part by part here, as Excel writes them (shared strings, styles with number
 * formats, merged cells, formulas with their saved values), so a test knows exactly what is inside;
 * the hostile ones are made the way an attacker would make them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';

const OUT = new URL('../tests/fixtures/xlsx/', import.meta.url);
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MTIME = new Date(Date.UTC(2024, 0, 1));

/** A cell: text goes to the shared strings; `{ n, s }` a number with style s; `{ f, v }` a formula. */
type Cell = string | number | { n: number; s: number } | { f: string; v?: number | string } | null;
interface Sheet {
	name: string;
	rows: Cell[][];
	merges?: string[];
	/** 1-based Excel row of rows[0] (title rows above are given as rows, too). */
}
interface Book {
	sheets: Sheet[];
	/** Custom number formats by id (164+), and the cell styles: each style's numFmtId. */
	numFmts?: Record<number, string>;
	styles?: number[];
	externalLink?: boolean;
	extra?: Record<string, string>;
}

const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (c: number): string =>
	(c < 26 ? '' : col(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));

function build(book: Book): Uint8Array {
	const shared: string[] = [];
	const index = new Map<string, number>();
	const sst = (s: string) => {
		if (!index.has(s)) index.set(s, shared.push(s) - 1);
		return index.get(s)!;
	};
	const files: Record<string, Uint8Array> = {};
	book.sheets.forEach((sheet, i) => {
		const rows = sheet.rows
			.map((row, r) => {
				const cells = row
					.map((cell, c) => {
						const ref = `${col(c)}${r + 1}`;
						if (cell === null || cell === '') return '';
						if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${sst(cell)}</v></c>`;
						if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
						if ('n' in cell) return `<c r="${ref}" s="${cell.s}"><v>${cell.n}</v></c>`;
						const t = typeof cell.v === 'string' ? ' t="str"' : '';
						const v = cell.v === undefined ? '' : `<v>${esc(String(cell.v))}</v>`;
						return `<c r="${ref}"${t}><f>${esc(cell.f)}</f>${v}</c>`;
					})
					.join('');
				return cells ? `<row r="${r + 1}">${cells}</row>` : '';
			})
			.join('');
		const merges = sheet.merges?.length
			? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
			: '';
		files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
			`${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${merges}</worksheet>`
		);
	});
	const n = book.sheets.length;
	const fmts = Object.entries(book.numFmts ?? {});
	const xfs = [0, ...(book.styles ?? [])];
	files['xl/styles.xml'] = strToU8(
		`${HEAD}<styleSheet xmlns="${NS}">${fmts.length ? `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('')}</cellXfs></styleSheet>`
	);
	files['xl/sharedStrings.xml'] = strToU8(
		`${HEAD}<sst xmlns="${NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`
	);
	const link = book.externalLink
		? `<Relationship Id="rId${n + 3}" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>`
		: '';
	if (book.externalLink) {
		files['xl/externalLinks/externalLink1.xml'] = strToU8(
			`${HEAD}<externalLink xmlns="${NS}" xmlns:r="${REL}"><externalBook r:id="rId1"/></externalLink>`
		);
		files['xl/externalLinks/_rels/externalLink1.xml.rels'] = strToU8(
			`${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/bao-cao/nguon.xlsx" TargetMode="External"/></Relationships>`
		);
	}
	files['xl/_rels/workbook.xml.rels'] = strToU8(
		`${HEAD}<Relationships xmlns="${PKG}">${book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${link}</Relationships>`
	);
	files['xl/workbook.xml'] = strToU8(
		`${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${book.externalLink ? '<externalReferences><externalReference r:id="rId' + (n + 3) + '"/></externalReferences>' : ''}</workbook>`
	);
	files['_rels/.rels'] = strToU8(
		`${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	);
	files['[Content_Types].xml'] = strToU8(
		`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
	);
	for (const [name, text] of Object.entries(book.extra ?? {})) files[name] = strToU8(text);
	return zipSync(files, { level: 6, mtime: MTIME });
}

const WARDS = ['P. Nguyễn Nghiêm', 'Xã Phổ An', 'Xã Phổ Phong'];
const PETITIONS: Record<string, number[]> = {
	'2022': [20, 12, 9],
	'2023': [22, 15, 11],
	'2024': [25, 14, 8]
};
const MODELS: Record<string, number[]> = { '2022': [3, 2, 1], '2023': [4, 2, 2], '2024': [5, 3, 2] };

/** Three sheets named by year, a title over each table, no period column: the sheet gives it. */
function threeYears(): Uint8Array {
	return build({
		sheets: ['2022', '2023', '2024'].map((year) => ({
			name: year,
			rows: [
				[`BÁO CÁO SỐ LIỆU CÁC PHƯỜNG, XÃ NĂM ${year}`, null, null, null],
				[],
				['STT', 'Đơn vị', 'Tổng số đơn tiếp nhận', "Số mô hình 'Dân vận khéo' triển khai"],
				...WARDS.map((w, i) => [i + 1, w, PETITIONS[year][i], MODELS[year][i]])
			],
			merges: ['A1:D1']
		}))
	});
}

/** Number formats, text numbers, a date, formulas with saved values, a bad cell at a known address. */
function formats(): Uint8Array {
	return build({
		numFmts: { 164: '0.0%', 165: '#,##0', 166: 'dd/mm/yyyy', 167: '0.0' },
		// style 1: 0.0 %, 2: thousands, 3: date, 4: one decimal
		styles: [164, 165, 166, 167],
		sheets: [
			{
				name: 'Số liệu',
				rows: [
					['Đơn vị', 'Năm', 'Chỉ tiêu', 'Giá trị', 'Ghi chú'],
					['P. Nguyễn Nghiêm', 2023, 'Tổng số đơn tiếp nhận', { n: 1234, s: 2 }, null],
					[
						'P. Nguyễn Nghiêm',
						2023,
						'Tỷ lệ hộ gia đình được công nhận danh hiệu Gia đình văn hóa',
						{ n: 0.95238, s: 1 },
						null
					],
					['P. Nguyễn Nghiêm', 2023, 'Dân số', 'khoảng 11.000', null],
					['P. Nguyễn Nghiêm', 2023, 'Số lượt tuyên truyền, phổ biến, giáo dục pháp luật', 'hơn 570', null],
					['Xã Phổ An', 2023, 'Tổng số đơn tiếp nhận', { f: 'SUM(7,8)', v: 15 }, null],
					['Xã Phổ An', 2023, 'Diện tích tự nhiên', { n: 1.234, s: 0 }, { n: 45291, s: 3 }],
					['Xã Phổ An', 2023, 'Số hộ', 'abc', null],
					['Xã Phổ An', 2023, 'Số đảng viên', { f: 'B2*2' }, null],
					['Xã Phổ An', 2023, 'Số chi bộ trực thuộc Đảng bộ', { n: 12.345, s: 4 }, null]
				]
			}
		]
	});
}

/** Title, then a two-row header: `Năm` merged over the year columns; a ward merged down its rows. */
function mergedHeader(): Uint8Array {
	return build({
		sheets: [
			{
				name: 'Phổ An',
				rows: [
					['SỐ LIỆU CÁC XÃ', null, null, null, null],
					[],
					['Đơn vị', 'Chỉ tiêu', 'Năm', null, null],
					[null, null, 2022, 2023, 2024],
					['Xã Phổ An', 'Tổng số đơn tiếp nhận', 12, 15, 14],
					[null, "Số mô hình 'Dân vận khéo' triển khai", 2, 2, 3],
					['Xã Phổ Phong', 'Tổng số đơn tiếp nhận', 9, 11, 8]
				],
				merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3', 'A5:A6']
			},
			{ name: 'Ghi chú', rows: [['Trang này không có bảng số liệu']] }
		]
	});
}

/** One unit's sheet, named by the unit; a second sheet with another layout. */
function unitSheets(): Uint8Array {
	return build({
		sheets: [
			{
				name: 'Phổ Phong',
				rows: [
					['Chỉ tiêu', 'Năm 2023', 'Năm 2024'],
					['Tổng số đơn tiếp nhận', 11, 8]
				]
			},
			{
				name: 'Tổng hợp',
				rows: [
					['Đơn vị', 'Năm', 'Tổng số đơn tiếp nhận'],
					['Xã Phổ An', 2024, 14]
				]
			}
		]
	});
}

/** Sets the declared sizes of one entry (local header and central directory) to `size`. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
	const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const enc = new TextEncoder().encode(name);
	for (let i = 0; i + 46 < zip.length; i++) {
		if (v.getUint32(i, true) !== 0x02014b50 || v.getUint16(i + 28, true) !== enc.length) continue;
		if (!enc.every((b, k) => zip[i + 46 + k] === b)) continue;
		v.setUint32(i + 24, size, true);
		const local = v.getUint32(i + 42, true);
		v.setUint32(local + 22, size, true);
	}
	return zip;
}

const bigSheet = (cells: number) =>
	`${HEAD}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>${' '.repeat(cells)}</sheetData></worksheet>`;

const fixtures: Record<string, () => Uint8Array> = {
	'three-years.xlsx': threeYears,
	'formats.xlsx': formats,
	'merged-header.xlsx': mergedHeader,
	'unit-sheets.xlsx': unitSheets,
	'external-link.xlsx': () =>
		build({
			sheets: [
				{
					name: '2024',
					rows: [
						['Đơn vị', 'Tổng số đơn tiếp nhận'],
						['Xã Phổ An', { f: '[1]Sheet1!A1', v: 14 }]
					]
				}
			],
			externalLink: true
		}),
	// 50 MB of blanks in one sheet: a few kilobytes packed, a ratio far above 100.
	'zip-bomb.xlsx': () =>
		build({
			sheets: [{ name: 'Sheet1', rows: [] }],
			extra: { 'xl/worksheets/sheet1.xml': bigSheet(50 * 1048576) }
		}),
	// The same blanks behind a header that says the sheet is small.
	'lying-size.xlsx': () =>
		lieAboutSize(
			build({
				sheets: [{ name: 'Sheet1', rows: [] }],
				extra: { 'xl/worksheets/sheet1.xml': bigSheet(8 * 1048576) }
			}),
			'xl/worksheets/sheet1.xml',
			900
		),
	// A shared-string table that says it holds five million strings.
	'huge-sst.xlsx': () =>
		build({
			sheets: [{ name: 'Sheet1', rows: [['Đơn vị', 'Năm', 'Tổng số đơn tiếp nhận']] }],
			extra: {
				'xl/sharedStrings.xml': `${HEAD}<sst xmlns="${NS}" count="5000000" uniqueCount="5000000"><si><t>Đơn vị</t></si><si><t>Năm</t></si><si><t>Tổng số đơn tiếp nhận</t></si></sst>`
			}
		}),
	'binary.xlsb': () =>
		zipSync(
			{ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(16) },
			{ mtime: MTIME }
		),
	// The first bytes of an OLE2 compound file, as an .xls (or a password-protected .xlsx) begins.
	'old.xls': () =>
		Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])
};

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries(fixtures)) {
	const bytes = make();
	writeFileSync(new URL(name, OUT), bytes);
	console.log(`${name}\t${bytes.length} bytes`);
}
