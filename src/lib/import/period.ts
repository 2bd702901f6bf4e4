/**
 * Report periods → canonical text: `YYYY`, `YYYY-H1`/`H2`, `YYYY-Q1..Q4`, `YYYY-YYYY` (a multi-year total).
 */
import { normaliseKey } from './normalise';

export const MIN_YEAR = 1990;
export const maxYear = (): number => new Date().getFullYear() + 1;

export type PeriodScan =
	{ ok: true; period: string } | { ok: false; code: 'bad_period' | 'year_out_of_range' };

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };
const DASHES = /[\u2010-\u2015\u2212]/g;

const YEAR = /^(?:nam |year |fy )?(\d{4})(?:\.0+)?$/;
const RANGE =
	/^(?:giai doan |thoi ky |tu nam |tu |nam |cac nam |period |from |years )?(\d{4}) ?(?:-|den|to|toi|through) ?(?:nam )?(\d{4})$/;
const HALF_VI = /^(?:6|sau) thang (dau|cuoi) (?:nam )?(\d{4})$/;
const HALF_VI_SHORT = /^(?:6|sau) thang (?:nam )?(\d{4})$/;
const HALF_VI_WORD = /^nua (dau|cuoi) nam (\d{4})$/;
const HALF_PREFIX = /^h([12]) ?[/\-. ] ?(\d{4})$|^h([12])(\d{4})$/;
const HALF_SUFFIX = /^(\d{4}) ?[-/. ]? ?h([12])$/;
const HALF_EN = /^(first|second|1st|2nd) half (?:of )?(\d{4})$/;
const QUARTER_PREFIX = /^(?:quy|q|quarter) ?([1-4]|iv|i{1,3})(?: ?[/\-.] ?| nam | )(\d{4})$/;
const QUARTER_SUFFIX = /^(\d{4}) ?[-/. ]? ?(?:q|quy )([1-4])$/;

function checkYears(period: string, ...years: string[]): PeriodScan {
	const max = maxYear();
	for (const y of years) {
		const n = Number(y);
		if (n < MIN_YEAR || n > max) return { ok: false, code: 'year_out_of_range' };
	}
	return { ok: true, period };
}

/** Scans one period text; distinguishes "not a period" from "a year out of range". Never throws. */
export function scanPeriod(text: string): PeriodScan {
	if (typeof text !== 'string' || text.length > 200) return { ok: false, code: 'bad_period' };
	const k = normaliseKey(text)
		.replace(DASHES, '-')
		.replace(/[:;,.]+$/, '')
		.trim();
	let m: RegExpExecArray | null;
	if ((m = YEAR.exec(k))) return checkYears(m[1], m[1]);
	if ((m = RANGE.exec(k))) {
		const [a, b] = [m[1], m[2]];
		if (a === b) return checkYears(a, a);
		if (Number(a) > Number(b)) return { ok: false, code: 'bad_period' };
		return checkYears(`${a}-${b}`, a, b);
	}
	if ((m = HALF_VI.exec(k)) || (m = HALF_VI_WORD.exec(k))) {
		return checkYears(`${m[2]}-H${m[1] === 'dau' ? 1 : 2}`, m[2]);
	}
	if ((m = HALF_VI_SHORT.exec(k))) return checkYears(`${m[1]}-H1`, m[1]);
	if ((m = HALF_PREFIX.exec(k))) {
		const h = m[1] ?? m[3];
		const y = m[2] ?? m[4];
		return checkYears(`${y}-H${h}`, y);
	}
	if ((m = HALF_SUFFIX.exec(k))) return checkYears(`${m[1]}-H${m[2]}`, m[1]);
	if ((m = HALF_EN.exec(k)))
		return checkYears(`${m[2]}-H${m[1].startsWith('f') || m[1] === '1st' ? 1 : 2}`, m[2]);
	if ((m = QUARTER_PREFIX.exec(k))) {
		const qn = ROMAN[m[1]] ?? m[1];
		return checkYears(`${m[2]}-Q${qn}`, m[2]);
	}
	if ((m = QUARTER_SUFFIX.exec(k))) return checkYears(`${m[1]}-Q${m[2]}`, m[1]);
	return { ok: false, code: 'bad_period' };
}

/** Canonical period or null (also null for years outside 1990…next year). Never throws. */
export function parsePeriod(text: string): string | null {
	const s = scanPeriod(text);
	return s.ok ? s.period : null;
}

/** First and last ISO day of a canonical period, for unit validity; null if not canonical. */
export function periodInterval(period: string): [string, string] | null {
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})$/.exec(period))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
	if ((m = /^(\d{4})-(\d{4})$/.exec(period))) return [`${m[1]}-01-01`, `${m[2]}-12-31`];
	if ((m = /^(\d{4})-H([12])$/.exec(period))) {
		return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
	}
	if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) {
		const q = Number(m[2]);
		const ends = ['03-31', '06-30', '09-30', '12-31'];
		const start = String(3 * q - 2).padStart(2, '0');
		return [`${m[1]}-${start}-01`, `${m[1]}-${ends[q - 1]}`];
	}
	return null;
}
