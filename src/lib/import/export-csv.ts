/**
 * Observations → the canonical export CSV: UTF-8 with BOM, comma, `.` decimal, RFC 4180 quoting, and
 * cells that a spreadsheet would run as a formula neutralised with a leading `'`.
 */
import type { Observation } from '$lib/model/types';

export const CANONICAL_HEADER = ['unit', 'period', 'indicator', 'value', 'qualifier', 'note'] as const;

/** Also escapes texts that already look neutralised (`'=x`), so that reading back is exact. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Prefixes `'` to a text a spreadsheet would take as a formula (`=HYPERLINK(…)`, `@SUM`, `-1+2`).
 * The importer removes exactly one such `'` (entries.ts cellText).
 */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? "'" + text : text;
}

export function quote(cell: string): string {
	return NEEDS_QUOTES.test(cell) || cell !== cell.trim() ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}

/** Shortest decimal text that reads back as exactly `value`, never in exponent notation. */
export function formatValue(value: number): string {
	const s = String(value);
	const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
	if (!m) return s;
	const [, sign, lead, frac = '', expText] = m;
	const exp = Number(expText);
	const digits = lead + frac;
	if (exp >= 0) {
		const int = digits.padEnd(exp + 1, '0');
		const rest = digits.slice(exp + 1);
		return sign + int + (rest ? '.' + rest : '');
	}
	return sign + '0.' + '0'.repeat(-exp - 1) + digits;
}

export function toCanonicalCsv(
	observations: readonly Observation[],
	{ withSource = false }: { withSource?: boolean } = {}
): string {
	const lines: string[] = [[...CANONICAL_HEADER, ...(withSource ? ['source'] : [])].join(',')];
	for (const o of observations) {
		// The value is a number written by us, so a minus sign there is a sign, not a formula.
		lines.push(
			[
				quote(neutralise(o.unit)),
				quote(neutralise(o.period)),
				quote(neutralise(o.indicator)),
				formatValue(o.value),
				quote(neutralise(o.qualifier)),
				quote(neutralise(o.note)),
				...(withSource ? [quote(neutralise(o.source))] : [])
			].join(',')
		);
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
