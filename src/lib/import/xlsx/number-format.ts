/**
 * A numeric cell as Excel shows it, in words the importer's number and period rules read the same
 * way whatever a column's decimal convention: percent formats give `95,2%`, a format's decimals are
 * kept as shown, dates give `31/12/2024`. Thousands are never grouped (`1234`, not `1.234`, which
 * could be read two ways); a decimal that could be read as thousands (`1,234`) gets a trailing zero
 * (`1,2340`), the same number whichever way it is read.
 */

export type CellFormat =
	| { kind: 'general' }
	| { kind: 'number'; decimals: number; percent: boolean }
	| { kind: 'date'; time: boolean; yearOnly: boolean }
	| { kind: 'text' };

/** Excel's built-in number formats that matter here (ids 0–49). */
const BUILT_IN: Record<number, CellFormat> = {
	0: { kind: 'general' },
	1: { kind: 'number', decimals: 0, percent: false },
	2: { kind: 'number', decimals: 2, percent: false },
	3: { kind: 'number', decimals: 0, percent: false },
	4: { kind: 'number', decimals: 2, percent: false },
	9: { kind: 'number', decimals: 0, percent: true },
	10: { kind: 'number', decimals: 2, percent: true },
	11: { kind: 'general' },
	12: { kind: 'general' },
	13: { kind: 'general' },
	37: { kind: 'number', decimals: 0, percent: false },
	38: { kind: 'number', decimals: 0, percent: false },
	39: { kind: 'number', decimals: 2, percent: false },
	40: { kind: 'number', decimals: 2, percent: false },
	48: { kind: 'general' },
	49: { kind: 'text' }
};
for (const id of [14, 15, 16, 17, 27, 30, 36, 50, 57])
	BUILT_IN[id] = { kind: 'date', time: false, yearOnly: false };
for (const id of [18, 19, 20, 21, 22, 45, 46, 47])
	BUILT_IN[id] = { kind: 'date', time: true, yearOnly: false };

/** A format code read: its first section, with quoted text, escapes and [colour] blocks taken out. */
export function readFormatCode(code: string): CellFormat {
	const first = code.split(';')[0];
	const bare = first
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[[^\]]*\]/g, '')
		.replace(/_.|\*./g, '');
	if (/^\s*@\s*$/.test(bare)) return { kind: 'text' };
	if (/general/i.test(bare)) return { kind: 'general' };
	if (/[dmyhs]/i.test(bare) && !/[0#?]/.test(bare)) {
		const yearOnly = /^[\sy]+$/i.test(bare);
		return { kind: 'date', time: /[hs]/i.test(bare), yearOnly };
	}
	const dot = bare.indexOf('.');
	const decimals = dot < 0 ? 0 : (/^[0#?]+/.exec(bare.slice(dot + 1))?.[0].length ?? 0);
	return { kind: 'number', decimals, percent: bare.includes('%') };
}

export function formatOf(id: number, custom: ReadonlyMap<number, string>): CellFormat {
	const code = custom.get(id);
	if (code !== undefined) return readFormatCode(code);
	return BUILT_IN[id] ?? { kind: 'general' };
}

const AMBIGUOUS = /^-?[1-9]\d{0,2},\d{3}$/;

/** A finite number in the Vietnamese way (`95,2`), never open to two readings. */
export function numberText(x: number): string {
	if (!Number.isFinite(x)) return '';
	if (Number.isSafeInteger(x)) return String(x);
	const v = Number(x.toPrecision(15));
	if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
	const s = String(v).replace('.', ',');
	return AMBIGUOUS.test(s) ? s + '0' : s;
}

const round = (x: number, decimals: number) => {
	const f = 10 ** Math.min(decimals, 15);
	return Math.round(Number((x * f).toPrecision(15))) / f;
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Excel's day number → `dd/mm/yyyy` (with `hh:mm` when the format shows time). Day 60 of the 1900
 * system is Excel's 29/02/1900, which never was.
 */
export function dateText(
	serial: number,
	date1904: boolean,
	format: { time: boolean; yearOnly: boolean }
): string {
	if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return numberText(serial);
	let days = Math.floor(serial);
	if (!date1904 && days < 60) days += 1;
	const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
	const ms = base + days * 86400000 + Math.round((serial - Math.floor(serial)) * 86400) * 1000;
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	if (format.yearOnly) return String(y);
	const day = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${y}`;
	return format.time ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

/** A numeric cell's text as its format shows it. */
export function showNumber(x: number, format: CellFormat, date1904: boolean): string {
	switch (format.kind) {
		case 'date':
			return dateText(x, date1904, format);
		case 'number':
			return format.percent
				? numberText(round(x * 100, format.decimals)) + '%'
				: numberText(round(x, format.decimals));
		default:
			return numberText(x);
	}
}
