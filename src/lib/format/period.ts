/** Display of period codes: `YYYY`, `YYYY-H1|H2`, `YYYY-Q1..Q4`, `YYYY-YYYY` (a multi-year total). */
import type { Locale } from './number';

const ROMAN = ['I', 'II', 'III', 'IV'];

export function formatPeriod(period: string, locale: Locale): string {
	const p = period.trim();
	let m = /^(\d{4})$/.exec(p);
	if (m) return m[1];
	m = /^(\d{4})-H([12])$/i.exec(p);
	if (m) {
		const first = m[2] === '1';
		return locale === 'vi' ? `6 tháng ${first ? 'đầu' : 'cuối'} ${m[1]}` : `H${m[2]} ${m[1]}`;
	}
	m = /^(\d{4})-Q([1-4])$/i.exec(p);
	if (m) return locale === 'vi' ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
	m = /^(\d{4})-(\d{4})$/.exec(p);
	if (m) return `${m[1]}–${m[2]}`;
	return p;
}

/** The span a set of periods covers, e.g. `2021–2024`; a single period as itself; '' for none. */
export function formatPeriodSpan(periods: string[], locale: Locale): string {
	const sorted = [...new Set(periods)].sort();
	if (sorted.length === 0) return '';
	if (sorted.length === 1) return formatPeriod(sorted[0], locale);
	const first = formatPeriod(sorted[0], locale);
	const last = formatPeriod(sorted[sorted.length - 1], locale);
	// Years read well as a range; for halves/quarters spell both ends with a spaced dash.
	return /^\d{4}$/.test(first) && /^\d{4}$/.test(last) ? `${first}–${last}` : `${first} – ${last}`;
}
