/**
 * Each distinct text of the file read by the importer's own functions (matchIndicator, unitMatcher,
 * scanPeriod, scanNumber + interpretValue, the qualifier words), into a lookup with its findings.
 */
import {
	interpretValue,
	isCategorical,
	matchIndicator,
	normaliseKey,
	QUALIFIER_WORDS,
	rangeRulesOf,
	scanNumber,
	scanPeriod,
	unitMatcher,
	type ImportOptions,
	type UnitMatch
} from '$lib/import';
import type { Indicator } from '$lib/model/types';
import type { AddProblem, Lookup } from './lookups';
import { plain } from './read';

/** An indicator text; `resolved` learns the indicator it names. */
export function resolveIndicator(
	raw: string,
	opts: ImportOptions,
	problem: AddProblem,
	resolved: Map<string, Indicator>
): Lookup {
	const base = { kind: 'indicator', a: raw } as const;
	raw = plain(raw);
	if (raw === '')
		return {
			...base,
			err: true,
			p1: problem({ severity: 'error', code: 'missing_indicator', column: 'indicator' })
		};
	const m = matchIndicator(raw, opts.dictionary, opts.aliases);
	if (!m.indicator)
		return {
			...base,
			err: true,
			p1: problem({
				severity: 'error',
				code: 'unknown_indicator',
				column: 'indicator',
				args: { list: m.suggestions.join(', ') },
				suggestions: m.suggestions
			})
		};
	const ind = m.indicator;
	resolved.set(raw, ind);
	if (ind.kind === 'derived')
		return {
			...base,
			to: ind.code,
			skip: true,
			p1: problem({
				severity: 'warning',
				code: 'derived_indicator',
				column: 'indicator',
				args: { a: ind.formula || ind.code }
			})
		};
	return { ...base, to: ind.code, categorical: isCategorical(ind), ranges: rangeRulesOf(ind) };
}

type PeriodScan = ReturnType<typeof scanPeriod>;

/** Resolves (unit, period) text pairs; each distinct unit name and period text is read once. */
export function pairResolver(opts: ImportOptions, problem: AddProblem) {
	const match = unitMatcher(opts.units, opts.aliases);
	const periods = new Map<string, PeriodScan>();
	const scan = (text: string) => {
		let p = periods.get(text);
		if (!p) periods.set(text, (p = scanPeriod(text)));
		return p;
	};
	return (unit: string, period: string) => resolveUnitPeriod(unit, period, match, scan, problem);
}

function resolveUnitPeriod(
	unit: string,
	period: string,
	matchUnit: (raw: string, period: string | null) => UnitMatch,
	periodOf: (text: string) => PeriodScan,
	problem: AddProblem
): Lookup {
	const out: Lookup = { kind: 'unit_period', a: unit, b: period, to: '', period: '' };
	[unit, period] = [plain(unit), plain(period)];
	let p: string | null = null;
	if (period === '') out.p1 = problem({ severity: 'error', code: 'missing_period', column: 'period' });
	else {
		const ps = periodOf(period);
		if (ps.ok) p = out.period = ps.period;
		else
			out.p1 = problem({
				severity: 'error',
				code: ps.code,
				column: 'period',
				args: { max: String(new Date().getFullYear() + 1) }
			});
	}
	if (unit === '') out.p2 = problem({ severity: 'error', code: 'missing_unit', column: 'unit' });
	else {
		const m = matchUnit(unit, p);
		if (!m.unit && m.ambiguous)
			out.p2 = problem({
				severity: 'error',
				code: 'ambiguous_unit',
				column: 'unit',
				args: { list: m.suggestions.join(', '), a: p ?? '' },
				suggestions: m.suggestions
			});
		else if (!m.unit)
			out.p2 = problem({
				severity: 'error',
				code: 'unknown_unit',
				column: 'unit',
				args: { list: m.suggestions.join(', ') },
				suggestions: m.suggestions
			});
		else {
			out.to = m.unit.name;
			if (m.outsideValidity && p)
				out.p2 = problem({
					severity: 'warning',
					code: 'unit_not_valid_for_period',
					column: 'unit',
					args: { a: m.unit.name, b: p, list: `${m.unit.valid_from || '…'} – ${m.unit.valid_to || '…'}` }
				});
		}
	}
	// A missing period or unit is an error whose row is not stored (the row query sees '' there).
	return out;
}

export function resolveQualifier(raw: string, problem: AddProblem): Lookup {
	const q = QUALIFIER_WORDS[normaliseKey(plain(raw))];
	return q === undefined
		? {
				kind: 'qualifier',
				a: raw,
				to: '',
				err: true,
				p1: problem({ severity: 'error', code: 'bad_qualifier', column: 'qualifier' })
			}
		: { kind: 'qualifier', a: raw, to: q };
}

/** A value text that is not a plain number (or belongs to a rating); null when the row is checked no further. */
export function resolveValue(
	indicator: string,
	value: string,
	ind: Indicator | undefined,
	problem: AddProblem
): Lookup | null {
	const base = { kind: 'value', a: indicator, b: value } as const;
	value = plain(value).trim();
	const scanned = scanNumber(value);
	// Blank, dashes, n/a: missing, never 0, and a row without a value is not checked further.
	if (scanned.kind === 'missing') return { ...base, missing: true };
	if (!ind) return null;
	const v = interpretValue(value, scanned, ind, 'en');
	if (v.kind === 'missing') return { ...base };
	if (v.kind === 'text')
		return {
			...base,
			skip: true,
			p1: problem({
				severity: 'warning',
				code: 'text_indicator_skipped',
				column: 'value',
				args: { a: ind.code }
			})
		};
	if (v.kind === 'error') {
		const list = v.code === 'unknown_category' ? ind.categories.join(', ') : (v.suggestions ?? []).join(', ');
		return {
			...base,
			err: true,
			p1: problem({
				severity: 'error',
				code: v.code,
				column: 'value',
				args: { a: ind.name_vi || ind.code, list },
				suggestions: v.suggestions
			})
		};
	}
	return {
		...base,
		value: v.value,
		qualifier: v.qualifier,
		p1: v.warning ? problem({ severity: 'warning', code: v.warning, column: 'value' }) : undefined
	};
}
