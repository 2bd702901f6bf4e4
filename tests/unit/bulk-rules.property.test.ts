/**
 * Property: for any canonical file, the JavaScript path and the bulk SQL path find the same things on
 * the same rows with the same messages, count the same, and store the same rows. The files are made
 * to break the rules of import/rules.ts: order rules (with bounds and approximate figures), reported
 * rates just inside and just beyond their tolerance (and with qualifiers, and a zero denominator),
 * negative counts and percentages over 100, keys written twice (same figure and conflicting), and unit
 * names written another way (which takes the bulk path's join instead of the rows as read).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulkImport, type Store } from '../../src/lib/db';
import {
	importCsv,
	ORDER_RULES,
	RATE_RULES,
	recomputedRate,
	type ImportIssue,
	type ImportOptions
} from '../../src/lib/import';
import type { Observation } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
let opts: Omit<ImportOptions, 'fileName'>;

beforeAll(async () => {
	const s = await openSampleStore();
	store = s.store;
	opts = { dictionary: s.indicators, units: await store.units() };
});

const UNITS = ['Phổ An', 'Phổ Văn', 'Nguyễn Nghiêm'];
/** How a unit may be written instead (resolved by the importer, not read as written). */
const OTHER_SPELLING: Record<string, string> = { 'Phổ An': 'P. Phổ An', 'Phổ Văn': 'Phường Phổ Văn' };
const PERIODS = ['2022', '2023'];
const ORDER_CODES = [...new Set(ORDER_RULES.flatMap((r) => [r.lesser, r.greater]))];
const RATE = RATE_RULES[0];
/** Indicators with a range rule: a count and a percentage. */
const RANGED = ['households', 'cultural_family_households_pct'];

interface Line {
	unit: string;
	period: string;
	indicator: string;
	value: string;
	qualifier: string;
}

/** Mostly exact figures, sometimes a lower bound or an approximate one. */
const qualifier = fc.constantFrom('', '', '', '', '>', '~');
/** Small counts: an order rule between two of them fails about half the time. */
const count = fc.integer({ min: 0, max: 12 });
/** A number as both paths read it: integers and one or two decimals ('.' decimal, never three). */
const written = (n: number) => String(Math.round(n * 100) / 100);

/** One (unit, period): some rule indicators, and a reported rate near (or off) its recomputed value. */
const group = fc.record({
	unit: fc.constantFrom(...UNITS),
	period: fc.constantFrom(...PERIODS),
	counts: fc.dictionary(fc.constantFrom(...ORDER_CODES, ...RATE.numerator, RATE.denominator), count),
	qualifiers: fc.dictionary(fc.constantFrom(...ORDER_CODES, RATE.denominator, RATE.reported), qualifier),
	/** The reported rate's gap to the recomputed one, in hundredths of a point (tolerance: 5). */
	gap: fc.oneof(fc.integer({ min: -8, max: 8 }), fc.integer({ min: -3000, max: 3000 })),
	/** With a reported rate: its denominator and numerators, where `counts` has none. */
	rate: fc.option(fc.tuple(fc.integer({ min: 0, max: 30 }), count, count), { nil: undefined })
});

/** Rows that break a range rule, or keep it at the bound. */
const ranged = fc.record({
	unit: fc.constantFrom(...UNITS),
	period: fc.constantFrom(...PERIODS),
	indicator: fc.constantFrom(...RANGED),
	value: fc.constantFrom('-3', '0', '-0.5', '100', '100.01', '101', '55.5', '2450'),
	qualifier
});

const file = fc.record({
	groups: fc.array(group, { minLength: 1, maxLength: 8 }),
	ranged: fc.array(ranged, { maxLength: 4 }),
	/** Rows written again: the same figure, another value, or another qualifier. */
	repeats: fc.array(fc.record({ at: fc.nat(), how: fc.constantFrom('same', 'value', 'qualifier') }), {
		maxLength: 3
	}),
	otherSpelling: fc.boolean()
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function lines(f: File) {
	// One row that breaks nothing: a file is never only its header.
	const out: Line[] = [
		{ unit: 'Phổ Minh', period: '2023', indicator: 'petitions_received', value: '5', qualifier: '' }
	];
	for (const g of f.groups) {
		const q = (code: string) => g.qualifiers[code] ?? '';
		for (const [indicator, v] of Object.entries(g.counts))
			out.push({ unit: g.unit, period: g.period, indicator, value: String(v), qualifier: q(indicator) });
		if (g.rate) {
			const [d, ...n] = g.rate;
			const missing = [RATE.denominator, ...RATE.numerator].filter((c) => g.counts[c] === undefined);
			const den = g.counts[RATE.denominator] ?? d;
			const nums = RATE.numerator.map((c, i) => g.counts[c] ?? n[i]);
			for (const c of missing)
				out.push({
					unit: g.unit,
					period: g.period,
					indicator: c,
					value: String(c === RATE.denominator ? den : nums[RATE.numerator.indexOf(c)]),
					qualifier: q(c)
				});
			const recomputed = den === 0 ? 50 : recomputedRate(nums, den);
			out.push({
				unit: g.unit,
				period: g.period,
				indicator: RATE.reported,
				value: written(Math.max(0, recomputed + g.gap / 100)),
				qualifier: q(RATE.reported)
			});
		}
	}
	out.push(...f.ranged);
	for (const r of f.repeats) {
		if (out.length === 0) break;
		const l = out[r.at % out.length];
		out.push({
			...l,
			value: r.how === 'value' ? String(Number(l.value) + 1) : l.value,
			qualifier: r.how === 'qualifier' ? (l.qualifier === '' ? '~' : '') : l.qualifier
		});
	}
	const unit = (u: string) => (f.otherSpelling ? (OTHER_SPELLING[u] ?? u) : u);
	return [
		'unit,period,indicator,value,qualifier,note',
		...out.map((l) => [unit(l.unit), l.period, l.indicator, l.value, l.qualifier, ''].join(','))
	].join('\n');
}

const findings = (issues: ImportIssue[]) =>
	issues
		.filter((i) => i.row > 0)
		.map(({ row, code, severity, column, value, vi, en }) => ({ row, code, severity, column, value, vi, en }))
		.sort((a, b) => a.row - b.row || a.code.localeCompare(b.code) || a.vi.localeCompare(b.vi));
const byKey = (rows: Observation[]) =>
	Object.fromEntries(rows.map((o) => [`${o.unit}|${o.period}|${o.indicator}`, [o.value, o.qualifier]]));

describe('the rule table gives the same findings on both import paths', () => {
	it('for generated files with rule-breaking rows', { timeout: 120_000 }, async () => {
		const seen = new Set<string>();
		await fc.assert(
			fc.asyncProperty(file, async (f) => {
				const text = lines(f);
				const bytes = new TextEncoder().encode(text);
				const js = await importCsv(bytes, { ...opts, fileName: 'generated.csv' });
				const bulk = await bulkImport(store, bytes, { ...opts, fileName: 'generated.csv' }, { minBytes: 0 });
				expect(bulk).not.toBeNull();
				try {
					expect(findings(bulk!.result.issues)).toEqual(findings(js.issues));
					const { rows, observations, errors, warnings, skipped } = js.stats;
					expect(bulk!.result.stats).toMatchObject({ rows, observations, errors, warnings, skipped });
					const staged = await store.query<Observation>(
						`SELECT unit, period, indicator, value, qualifier FROM ${bulk!.table}`
					);
					expect(byKey(staged)).toEqual(byKey(js.observations));
					for (const i of js.issues) seen.add(`${i.code} ${i.severity}`);
				} finally {
					await store.dropStaged(bulk!.table);
				}
			}),
			{ numRuns: 60 }
		);
		// The generator does break every kind of rule (over 60 files, each of these is all but certain).
		for (const finding of [
			'negative_count error',
			'percent_over_100 error',
			'duplicate_same warning',
			'duplicate_conflict error',
			'mediated_success_exceeds_mediated error',
			'mediated_success_exceeds_mediated warning',
			'rate_mismatch warning'
		])
			expect(seen, finding).toContain(finding);
	});
});
