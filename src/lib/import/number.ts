/**
 * Numbers as Vietnamese offices write them: `95,2` / `95.2`, `1.234` (vi thousands) / `1,234` (en),
 * `95,2%`, `19 đơn`, `hơn 570`, `khoảng 11.000`, blanks and dashes as missing.
 *
 * Scanning a text (once per distinct string) is separated from choosing the decimal convention
 * (once per column), because `1.234` alone cannot tell `1234` from `1.234`.
 */
import type { Qualifier } from '$lib/model/types';
import { normaliseKey } from './normalise';
import type { NumberLocale } from './types';

export type NumberError = 'not_a_number' | 'upper_bound';

export type NumberScan =
	| { kind: 'missing' }
	| { kind: 'error'; code: NumberError }
	| {
			kind: 'number';
			qualifier: Qualifier;
			percent: boolean;
			/** The value read with Vietnamese conventions (`.` groups, `,` decimal) and with English ones. */
			vi: number;
			en: number;
			/** True when the readings differ (`1.234`, `1,234`): only the column can decide. */
			ambiguous: boolean;
			/** Which convention the text proves on its own (`95,2` → vi, `1,234.5` → en), if any. */
			evidence: NumberLocale | null;
	  };

/** Cells meaning "no figure": never 0. Compared after normaliseKey. */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
	'',
	'-',
	'--',
	'—',
	'–',
	'−',
	'n/a',
	'na',
	'#n/a',
	'x',
	'.',
	'..',
	'...',
	'…',
	'?'
]);

/** Leading words or signs that qualify a number; checked after normaliseKey, longest first. */
const PREFIXES: [string, Qualifier | 'upper'][] = (
	[
		['>=', '>'],
		['≥', '>'],
		['>', '>'],
		['hon', '>'],
		['tren', '>'],
		['more than', '>'],
		['over', '>'],
		['at least', '>'],
		['it nhat', '>'],
		['toi thieu', '>'],
		['~', '~'],
		['≈', '~'],
		['khoang', '~'],
		['xap xi', '~'],
		['uoc tinh', '~'],
		['uoc', '~'],
		['gan', '~'],
		['about', '~'],
		['approximately', '~'],
		['approx.', '~'],
		['approx', '~'],
		['around', '~'],
		['circa', '~'],
		['ca.', '~'],
		['<=', 'upper'],
		['≤', 'upper'],
		['<', 'upper'],
		['duoi', 'upper'],
		['it hon', 'upper'],
		['khong qua', 'upper'],
		['toi da', 'upper'],
		['less than', 'upper'],
		['under', 'upper'],
		['at most', 'upper']
	] as [string, Qualifier | 'upper'][]
).sort((a, b) => b[0].length - a[0].length);

/** Trailing words that make the number a lower bound: `570 trở lên`. */
const LOWER_BOUND_SUFFIX = /(?:^|\s)(?:tro len|tro len nua|or more|\+)$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?![\d])/;
const NUMERIC_RUN = /^[\d.,]+/;
/** What may follow a number: a unit word (`đơn`, `vụ`, `người`, `ha`, `km2`) but no other digits. */
const TRAILING_WORDS = /^[a-z][a-z\s.'/()-]*[23²³]?$/;
const EXPONENT = /^e[+-]?\d{1,3}$/;
const LEADING_GROUP = /^[1-9]\d{0,2}$/;
const WORD_CHAR = /[a-z]/;

/** `1.234.567` with sep `.`: first group 1–3 digits, every other group exactly 3. */
function validGroups(text: string, sep: string): boolean {
	const parts = text.split(sep);
	if (!/^\d{1,3}$/.test(parts[0])) return false;
	for (let i = 1; i < parts.length; i++) if (!/^\d{3}$/.test(parts[i])) return false;
	return true;
}

type Core = { vi: number; en: number; ambiguous: boolean; evidence: NumberLocale | null };

/** Reads digits with `.` and `,` in them; null when no convention makes sense of them. */
function readCore(core: string): Core | null {
	if (!/\d/.test(core)) return null;
	const dots = core.split('.').length - 1;
	const commas = core.split(',').length - 1;
	const same = (v: number, evidence: NumberLocale | null): Core => ({
		vi: v,
		en: v,
		ambiguous: false,
		evidence
	});
	if (dots === 0 && commas === 0) return same(Number(core), null);
	if (dots > 0 && commas > 0) {
		// Both present: the last one is the decimal separator, the other groups thousands.
		const dec = core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',';
		const grp = dec === '.' ? ',' : '.';
		const at = core.lastIndexOf(dec);
		const int = core.slice(0, at);
		const frac = core.slice(at + 1);
		if (int.includes(dec) || !/^\d*$/.test(frac) || !validGroups(int, grp)) return null;
		return same(Number(int.split(grp).join('') + '.' + (frac || '0')), dec === ',' ? 'vi' : 'en');
	}
	const sep = dots > 0 ? '.' : ',';
	const count = dots + commas;
	if (count > 1) {
		// `1.234.567` (vi) or `1,234,567` (en): only grouping makes sense.
		if (!validGroups(core, sep)) return null;
		return same(Number(core.split(sep).join('')), sep === '.' ? 'vi' : 'en');
	}
	const [a, b] = core.split(sep);
	const asDecimal = Number((a || '0') + '.' + (b || '0'));
	if (b.length === 3 && LEADING_GROUP.test(a)) {
		// `1.234`: 1234 in Vietnamese, 1.234 in English (and the reverse for `1,234`).
		const asGroup = Number(a + b);
		return {
			vi: sep === '.' ? asGroup : asDecimal,
			en: sep === ',' ? asGroup : asDecimal,
			ambiguous: true,
			evidence: null
		};
	}
	// `95,2`, `0,123`, `95.2`: a decimal separator whatever the convention.
	return same(asDecimal, sep === ',' ? 'vi' : 'en');
}

/** Scans one cell. Pure and total: never throws, whatever the text. */
export function scanNumber(text: string): NumberScan {
	if (typeof text !== 'string') return { kind: 'error', code: 'not_a_number' };
	// No number needs a thousand characters; a huge cell is not worth normalising.
	if (text.length > 1000) return { kind: 'error', code: 'not_a_number' };
	let k = normaliseKey(text).replace(/\u2212/g, '-');
	if (MISSING_TOKENS.has(k)) return { kind: 'missing' };
	let qualifier: Qualifier = '';
	for (const [prefix, q] of PREFIXES) {
		if (!k.startsWith(prefix)) continue;
		// A word prefix must end at a word boundary: `over 5`, not `overall`.
		if (WORD_CHAR.test(prefix[prefix.length - 1]) && WORD_CHAR.test(k[prefix.length] ?? '')) continue;
		if (q === 'upper') return { kind: 'error', code: 'upper_bound' };
		qualifier = q;
		k = k.slice(prefix.length).trim();
		break;
	}
	let negative = false;
	if (k[0] === '-' || k[0] === '+') {
		negative = k[0] === '-';
		k = k.slice(1).trim();
	}
	const spaced = SPACE_GROUPED.exec(k);
	const run = spaced ? spaced[0] : (NUMERIC_RUN.exec(k)?.[0] ?? '');
	if (!run) return { kind: 'error', code: 'not_a_number' };
	let rest = k.slice(run.length).trim();
	let core = readCore(spaced ? run.replace(/ /g, '') : run);
	if (!core) return { kind: 'error', code: 'not_a_number' };
	let percent = false;
	if (rest.startsWith('%')) {
		percent = true;
		rest = rest.slice(1).trim();
	}
	if (rest && EXPONENT.test(rest) && !core.ambiguous) {
		const f = 10 ** Number(rest.slice(1));
		core = { ...core, vi: core.vi * f, en: core.en * f };
		rest = '';
	}
	if (rest && LOWER_BOUND_SUFFIX.test(rest)) {
		if (qualifier === '') qualifier = '>';
		rest = rest.replace(LOWER_BOUND_SUFFIX, '').trim();
	}
	if (rest && !TRAILING_WORDS.test(rest)) return { kind: 'error', code: 'not_a_number' };
	if (!Number.isFinite(core.vi) || !Number.isFinite(core.en)) return { kind: 'error', code: 'not_a_number' };
	const sign = negative ? -1 : 1;
	return {
		kind: 'number',
		qualifier,
		percent,
		vi: sign * core.vi || 0,
		en: sign * core.en || 0,
		ambiguous: core.ambiguous,
		evidence: core.evidence
	};
}

export type ParsedNumber = { value: number; qualifier: Qualifier } | { missing: true } | { error: string };

/**
 * Parses one number. `locale` decides ambiguous texts like `1.234`; without it Vietnamese is assumed
 * (the users are Vietnamese). Never throws.
 */
export function parseNumber(text: string, locale?: NumberLocale): ParsedNumber {
	const s = scanNumber(text);
	if (s.kind === 'missing') return { missing: true };
	if (s.kind === 'error') return { error: s.code };
	return { value: s[locale ?? 'vi'], qualifier: s.qualifier };
}
