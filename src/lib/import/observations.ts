/** Entries → observations: resolves periods, units, indicators and values, each once per distinct text. */
import type { Indicator, Observation, Qualifier, Unit } from '$lib/model/types';
import { decideLocales, tallyColumns } from './column-locale';
import type { Entry } from './entries';
import { matchIndicator, type IndicatorMatch } from './indicators';
import type { IssueLog } from './issues';
import type { MessageArgs } from './messages';
import { normaliseKey } from './normalise';
import { scanNumber, type NumberScan } from './number';
import { maxYear, scanPeriod, type PeriodScan } from './period';
import type { ImportQuestion, NumberLocale } from './types';
import { matchUnit, type UnitMatch } from './units';
import { checkConsistency, checkRange, removeDuplicates, type Accepted } from './validate';
import { interpretValue } from './values';

/** Longest cell the importer reads; longer ones are almost always a broken quote. */
export const MAX_CELL_CHARS = 10_000;

export interface ResolveOptions {
	fileName: string;
	dictionary: Indicator[];
	units: Unit[];
	numberLocale?: NumberLocale;
	columnChoices?: Record<string, NumberLocale>;
	aliases?: Record<string, string>;
}

export interface Resolved {
	observations: Observation[];
	questions: ImportQuestion[];
	/** Cells not imported on purpose: missing values, same-value duplicates, derived indicators. */
	skipped: number;
}

export const QUALIFIER_WORDS: Record<string, Qualifier> = {
	'': '',
	'=': '',
	exact: '',
	'>': '>',
	'>=': '>',
	'≥': '>',
	hon: '>',
	tren: '>',
	'~': '~',
	'≈': '~',
	khoang: '~'
};

/** Memoises a function of one string: units, indicators, periods and values repeat a lot. */
function memo<T>(f: (s: string) => T): (s: string) => T {
	const cache = new Map<string, T>();
	return (s) => {
		let v = cache.get(s);
		if (v === undefined && !cache.has(s)) {
			v = f(s);
			cache.set(s, v);
		}
		return v as T;
	};
}

export function resolveEntries(
	entries: readonly Entry[],
	opts: ResolveOptions,
	log: IssueLog,
	progress?: (done: number, total: number) => void
): Resolved {
	const scan = memo<NumberScan>(scanNumber);
	const period = memo<PeriodScan>(scanPeriod);
	const indicator = memo<IndicatorMatch>((raw) => matchIndicator(raw, opts.dictionary, opts.aliases));
	const unitsByPeriod = new Map<string, (raw: string) => UnitMatch>();
	const unit = (raw: string, p: string | null): UnitMatch => {
		let f = unitsByPeriod.get(p ?? '');
		if (!f) unitsByPeriod.set(p ?? '', (f = memo((r) => matchUnit(r, opts.units, p, opts.aliases))));
		return f(raw);
	};
	const reported = new Set<string>();
	/** Row-level problems (a bad unit in a wide row) are reported once per row and column. */
	const report = (
		severity: 'error' | 'warning',
		code: string,
		where: { row: number; column: string; value: string },
		args: MessageArgs = {},
		suggestions?: string[]
	): void => {
		const k = `${where.row}\u0000${where.column}\u0000${code}`;
		if (reported.has(k)) return;
		reported.add(k);
		log.add(severity, code, where, args, suggestions);
	};

	const tooLong = (e: Entry, raw: string, column: string): boolean => {
		if (raw.length <= MAX_CELL_CHARS) return false;
		report(
			'error',
			'cell_too_long',
			{ row: e.row, column, value: raw },
			{ n: raw.length, max: MAX_CELL_CHARS }
		);
		return true;
	};
	const sized = (e: Entry): boolean =>
		!(
			tooLong(e, e.unitRaw, e.unitCol) ||
			tooLong(e, e.periodRaw, e.periodCol) ||
			tooLong(e, e.indicatorRaw, e.indicatorCol) ||
			tooLong(e, e.valueRaw, e.valueCol) ||
			tooLong(e, e.note, e.noteCol) ||
			tooLong(e, e.qualifierRaw, e.qualifierCol)
		);
	const usable = entries.filter(sized);

	const distinct = new Map<string, Set<string>>();
	for (const e of usable) {
		let set = distinct.get(e.valueCol);
		if (!set) distinct.set(e.valueCol, (set = new Set()));
		set.add(e.valueRaw);
	}
	const tallies = tallyColumns(distinct, scan);
	const { locales, questions } = decideLocales(tallies, opts.numberLocale, opts.columnChoices);

	let missing = 0;
	let skipped = 0;
	const accepted: Accepted[] = [];
	let done = 0;
	for (const e of usable) {
		if (progress && ++done % 1024 === 0) progress(done, usable.length);
		const s = scan(e.valueRaw);
		if (s.kind === 'missing') {
			missing++;
			continue;
		}
		let ok = true;
		// Period
		let p: string | null = null;
		if (e.periodRaw === '') {
			report('error', 'missing_period', { row: e.row, column: e.periodCol, value: '' });
			ok = false;
		} else {
			const ps = period(e.periodRaw);
			if (ps.ok) p = ps.period;
			else {
				report(
					'error',
					ps.code,
					{ row: e.row, column: e.periodCol, value: e.periodRaw },
					{ max: String(maxYear()) }
				);
				ok = false;
			}
		}
		// Indicator
		let ind: Indicator | null = null;
		if (e.indicatorRaw === '') {
			report('error', 'missing_indicator', { row: e.row, column: e.indicatorCol, value: '' });
			ok = false;
		} else {
			const m = indicator(e.indicatorRaw);
			ind = m.indicator;
			if (!ind) {
				report(
					'error',
					'unknown_indicator',
					{ row: e.row, column: e.indicatorCol, value: e.indicatorRaw },
					{ list: m.suggestions.join(', ') },
					m.suggestions
				);
				ok = false;
			} else if (ind.kind === 'derived') {
				report(
					'warning',
					'derived_indicator',
					{ row: e.row, column: e.indicatorCol, value: e.indicatorRaw },
					{ a: ind.formula || ind.code }
				);
				skipped++;
				continue;
			}
		}
		// Unit
		let u: Unit | null = null;
		if (e.unitRaw === '') {
			report('error', 'missing_unit', { row: e.row, column: e.unitCol, value: '' });
			ok = false;
		} else {
			const m = unit(e.unitRaw, p);
			u = m.unit;
			const where = { row: e.row, column: e.unitCol, value: e.unitRaw };
			if (!u && m.ambiguous) {
				report(
					'error',
					'ambiguous_unit',
					where,
					{ list: m.suggestions.join(', '), a: p ?? '' },
					m.suggestions
				);
				ok = false;
			} else if (!u) {
				report('error', 'unknown_unit', where, { list: m.suggestions.join(', ') }, m.suggestions);
				ok = false;
			} else if (m.outsideValidity && p) {
				report('warning', 'unit_not_valid_for_period', where, {
					a: u.name,
					b: p,
					list: `${u.valid_from || '…'} – ${u.valid_to || '…'}`
				});
			}
		}
		// Qualifier column (overrides the text's own qualifier when filled in)
		let columnQualifier: Qualifier | null = null;
		if (e.qualifierRaw !== '') {
			const q = QUALIFIER_WORDS[normaliseKey(e.qualifierRaw)];
			if (q === undefined) {
				report('error', 'bad_qualifier', { row: e.row, column: e.qualifierCol, value: e.qualifierRaw });
				ok = false;
			} else columnQualifier = q;
		}
		if (!ind) continue;
		// Value
		const v = interpretValue(e.valueRaw, s, ind, locales.get(e.valueCol) ?? 'vi');
		const where = { row: e.row, column: e.valueCol, value: e.valueRaw };
		if (v.kind === 'error') {
			const list =
				v.code === 'unknown_category' ? ind.categories.join(', ') : (v.suggestions ?? []).join(', ');
			report('error', v.code, where, { a: ind.name_vi || ind.code, list }, v.suggestions);
			continue;
		}
		if (v.kind === 'missing') {
			missing++;
			continue;
		}
		if (v.kind === 'text') {
			report('warning', 'text_indicator_skipped', where, { a: ind.code });
			skipped++;
			continue;
		}
		if (!ok || !u || !p) continue;
		if (v.warning) report('warning', v.warning, where);
		const a: Accepted = {
			obs: {
				unit: u.name,
				period: p,
				indicator: ind.code,
				value: v.value,
				qualifier: columnQualifier ?? v.qualifier,
				source: e.source || opts.fileName,
				note: e.note
			},
			indicator: ind,
			row: e.row,
			column: e.valueCol,
			raw: e.valueRaw
		};
		if (checkRange(a, log)) accepted.push(a);
	}

	if (missing > 0) log.add('info', 'missing_values', { row: 0 }, { n: missing });
	const { kept, sameDropped } = removeDuplicates(accepted, log);
	const rejected = checkConsistency(kept, log);
	const observations = kept.filter((a) => !rejected.has(a)).map((a) => a.obs);
	return { observations, questions, skipped: skipped + missing + sameDropped };
}
