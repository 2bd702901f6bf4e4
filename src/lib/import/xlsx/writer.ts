/**
 * Writes a workbook Excel opens: each sheet a table, its first row the header (bold, frozen),
 * numbers as numbers, every text an inline string — so a cell starting with `=`, `+`, `-` or `@`
 * stays the text it is and is never taken for a formula. Every text is escaped for XML.
 */
import { zipSync, strToU8 } from 'fflate';
import { columnName } from './address';

export type XlsxCell = string | number | null | undefined;

export interface XlsxSheet {
	name: string;
	rows: XlsxCell[][];
	/** Column widths in characters; guessed from the texts when absent. */
	widths?: number[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Control characters other than tab and line breaks, and U+FFFE/U+FFFF: no XML 1.0 document holds them. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Characters XML 1.0 cannot hold are left out; `_x…_` is protected from Excel's own unescaping. */
export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

/** Excel's rules for a sheet name: 1–31 characters, none of `[]:*?/\`, unique in the workbook. */
export function sheetName(raw: string, taken: Set<string>): string {
	const base =
		raw
			.replace(/[[\]:*?/\\]/g, ' ')
			.trim()
			.slice(0, 31) || 'Sheet';
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++)
		name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
	taken.add(name.toLowerCase());
	return name;
}

function cellXml(value: XlsxCell, ref: string, header: boolean): string {
	const style = header ? ' s="1"' : '';
	if (typeof value === 'number')
		return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : '';
	if (value === null || value === undefined || value === '') return '';
	return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function guessWidths(rows: XlsxCell[][]): number[] {
	const widths: number[] = [];
	for (const row of rows.slice(0, 200)) {
		row.forEach((v, c) => {
			const n = v === null || v === undefined ? 0 : String(v).length;
			widths[c] = Math.min(60, Math.max(widths[c] ?? 8, n + 2));
		});
	}
	return widths;
}

function sheetXml(sheet: XlsxSheet): string {
	const widths = sheet.widths ?? guessWidths(sheet.rows);
	const cols = widths
		.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
		.join('');
	const names = widths.map((_, c) => columnName(c));
	const body: string[] = [];
	sheet.rows.forEach((row, r) => {
		const cells = row.map((v, c) => cellXml(v, `${names[c] ?? columnName(c)}${r + 1}`, r === 0)).join('');
		body.push(`<row r="${r + 1}">${cells}</row>`);
	});
	const pane =
		'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
	return `${XML_HEAD}<worksheet xmlns="${NS}">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${body.join('')}</sheetData></worksheet>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs></styleSheet>`;

/** The workbook's bytes. */
export function writeXlsx(sheets: XlsxSheet[]): Uint8Array {
	const taken = new Set<string>();
	const list = sheets.length > 0 ? sheets : [{ name: 'Sheet', rows: [] }];
	const named = list.map((s) => ({ ...s, name: sheetName(s.name, taken) }));
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${named
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
				)
				.join('')}</Types>`
		),
		'_rels/.rels': strToU8(
			`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
		),
		'xl/workbook.xml': strToU8(
			`${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${named
				.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
				.join('')}</sheets></workbook>`
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${named
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
				)
				.join(
					''
				)}<Relationship Id="rId${named.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
		),
		'xl/styles.xml': strToU8(STYLES)
	};
	named.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
	return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
}
