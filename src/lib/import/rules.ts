/**
 * The import's row rules, written once: the range a value must keep, what a key written twice means,
 * which figures can never exceed which (order rules), and which reported rates must match the counts
 * they come from (rate rules, with their tolerance) — and which qualifiers excuse a figure.
 *
 * Both import paths are made from this table. The JavaScript path (validate.ts) asks the decisions
 * below (`rangeError`, `sameFigure`, `orderFinding`, `rateFinding`); the bulk path's SQL is written
 * from the same table by `src/lib/db/bulk/rule-sql.ts`. Change a rule here and both paths change.
 */
import type { Indicator } from '$lib/model/types';
import type { MessageArgs } from './messages';

/** Units of measure whose values are counts: never negative. */
export const COUNT_UNITS: ReadonlySet<string> = new Set(['count', 'people', 'households']);

/** Units of measure whose values are labels stored as numbers: ratings (rank) and yes/no (1/0). */
export const CATEGORY_UNITS: ReadonlySet<string> = new Set(['category', 'rating', 'yes_no']);

/** Units of measure holding free text, which the numeric table cannot store: skipped with a notice. */
export const TEXT_UNITS: ReadonlySet<string> = new Set(['text']);

/** Units of measure that are percentages: never above 100. */
export const PERCENT_UNITS: ReadonlySet<string> = new Set(['percent']);

/** A rating or a yes/no: its number is a label, so no range applies to it. */
export function isCategorical(ind: Indicator): boolean {
	return CATEGORY_UNITS.has(ind.unit) || ind.categories.length > 0;
}

/** How bad a rule's finding is: an error keeps the figure out, a warning only tells. */
export type RuleSeverity = 'error' | 'warning';

/** One figure as a rule sees it. */
export interface Figure {
	value: number;
	qualifier: string;
}

// ── Range ─────────────────────────────────────────────────────────────────────────────────────────

/** A bound that the values of some units of measure keep. A value past it is an error, not stored. */
export interface RangeRule {
	code: string;
	units: ReadonlySet<string>;
	/** The value must not be below `min`, nor above `max`. */
	min?: number;
	max?: number;
}

export const RANGE_RULES: readonly RangeRule[] = [
	{ code: 'negative_count', units: COUNT_UNITS, min: 0 },
	{ code: 'percent_over_100', units: PERCENT_UNITS, max: 100 }
];

/** Which range rules (their positions in RANGE_RULES) hold for an indicator; none for a category. */
export function rangeRulesOf(ind: Indicator): number[] {
	if (isCategorical(ind)) return [];
	return RANGE_RULES.flatMap((r, k) => (r.units.has(ind.unit) ? [k] : []));
}

/** Whether a value is past a range rule's bound. */
export function breaksRange(rule: RangeRule, value: number): boolean {
	return (rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max);
}

/** The code of the first range rule a value of `ind` breaks, or null (called on every value: no allocation). */
export function rangeError(value: number, ind: Indicator): string | null {
	if (isCategorical(ind)) return null;
	for (const r of RANGE_RULES) if (r.units.has(ind.unit) && breaksRange(r, value)) return r.code;
	return null;
}

// ── Duplicates ────────────────────────────────────────────────────────────────────────────────────

/**
 * The same (unit, period, indicator) twice. When the later figure equals the first (in every field of
 * `sameIn`) it is dropped with a warning and the first is kept; otherwise it is an error and no figure
 * of that key is stored (which one is right cannot be known). Each later row is compared with the first.
 */
export const DUPLICATE_RULE = {
	sameIn: ['value', 'qualifier'] as const,
	same: { code: 'duplicate_same', severity: 'warning' as RuleSeverity },
	conflict: { code: 'duplicate_conflict', severity: 'error' as RuleSeverity }
};

export function sameFigure(first: Figure, later: Figure): boolean {
	return DUPLICATE_RULE.sameIn.every((f) => first[f] === later[f]);
}

/** The message of a repeated key; `firstRow` is where it was first written. */
export function duplicateArgs(
	unit: string,
	period: string,
	indicator: string,
	firstRow: number
): MessageArgs {
	return { a: unit, b: period, c: indicator, list: String(firstRow) };
}

// ── Order ─────────────────────────────────────────────────────────────────────────────────────────

/** In one (unit, period), `lesser` can never exceed `greater` (successes ≤ mediated ≤ cases …). */
export interface OrderRule {
	code: string;
	lesser: string;
	greater: string;
}

export const ORDER_RULES: readonly OrderRule[] = [
	{
		code: 'mediated_success_exceeds_mediated',
		lesser: 'land_disputes_mediated_success',
		greater: 'land_disputes_mediated'
	},
	{ code: 'mediated_exceeds_cases', lesser: 'land_disputes_mediated', greater: 'land_dispute_cases' },
	{
		code: 'resolved_exceeds_received',
		lesser: 'feedback_cases_resolved',
		greater: 'feedback_cases_received'
	},
	{
		code: 'resolved_exceeds_received',
		lesser: 'feedback_petitions_resolved',
		greater: 'feedback_petitions_received'
	},
	{
		code: 'cultural_exceeds_total',
		lesser: 'residential_groups_cultural',
		greater: 'residential_groups_total'
	}
];

/** How qualifiers change an order rule's finding. */
export const ORDER_QUALIFIERS = {
	/** The greater figure is a lower bound: it can always be larger — no finding. */
	boundGreater: '>',
	/** Either figure is approximate: a warning, and the lesser figure is stored all the same. */
	approximate: '~'
} as const;

/**
 * An order rule on two figures: null when it holds; 'error' when the lesser figure exceeds the greater
 * (the lesser one is not stored); 'warning' when one of them is approximate (it is stored).
 */
export function orderFinding(lesser: Figure, greater: Figure): RuleSeverity | null {
	if (greater.qualifier === ORDER_QUALIFIERS.boundGreater) return null;
	if (!(lesser.value > greater.value)) return null;
	const approximate = [lesser, greater].some((f) => f.qualifier === ORDER_QUALIFIERS.approximate);
	return approximate ? 'warning' : 'error';
}

/** The message of an order finding: both indicators' names, the greater figure and its row. */
export function orderArgs(
	lesser: { code: string; indicator?: Indicator },
	greater: { code: string; indicator?: Indicator; value: number; row: number }
): MessageArgs {
	return {
		a: lesser.indicator?.name_vi || lesser.code,
		aEn: lesser.indicator?.name_en || lesser.code,
		b: greater.indicator?.name_vi || greater.code,
		bEn: greater.indicator?.name_en || greater.code,
		list: fmt(greater.value),
		c: String(greater.row)
	};
}

// ── Rates ─────────────────────────────────────────────────────────────────────────────────────────

/** A rate a ward reports next to the figures it can be recomputed from (100 × Σ numerator / denominator). */
export interface RateRule {
	code: string;
	reported: string;
	numerator: readonly string[];
	denominator: string;
	/** Allowed gap in percentage points (rounding to one decimal). */
	tolerance: number;
}

export const RATE_RULES: readonly RateRule[] = [
	{
		code: 'rate_mismatch',
		reported: 'petition_resolution_rate_reported',
		numerator: ['land_disputes_mediated', 'feedback_cases_resolved'],
		denominator: 'petition_cases_received',
		tolerance: 0.05
	}
];

/** Float slack on top of a tolerance: 95.2 vs 20/21 = 95.238… is a gap of 0.038 and must pass. */
export const EPSILON = 1e-9;

/**
 * How a rate rule is checked: only on exact figures (bounds and estimates cannot be checked), never
 * against a zero denominator, only on figures no order rule rejected; a gap is a warning (the reported
 * rate is stored).
 */
export const RATE_CHECK = { exact: '', severity: 'warning' as RuleSeverity };

/** The rate recomputed from its counts (the same arithmetic, in the same order, as the SQL's). */
export function recomputedRate(numerators: readonly number[], denominator: number): number {
	return (100 * numerators.reduce((s, n) => s + n)) / denominator;
}

/** A rate rule on its figures: the recomputed rate when the reported one is off by more than the tolerance, else null. */
export function rateFinding(
	rule: RateRule,
	reported: Figure,
	numerators: readonly Figure[],
	denominator: Figure
): number | null {
	if (denominator.value === 0) return null;
	if ([reported, denominator, ...numerators].some((f) => f.qualifier !== RATE_CHECK.exact)) return null;
	const recomputed = recomputedRate(
		numerators.map((n) => n.value),
		denominator.value
	);
	return Math.abs(reported.value - recomputed) > rule.tolerance + EPSILON ? recomputed : null;
}

/** The message of a rate finding: the recomputed rate, how, and the reported one. */
export function rateArgs(
	recomputed: number,
	numerators: readonly number[],
	denominator: number,
	reported: number
): MessageArgs {
	return {
		a: fmt(recomputed),
		b: `(${numerators.map(fmt).join(' + ')}) / ${fmt(denominator)} × 100`,
		c: fmt(reported)
	};
}

/** Every indicator an order or rate rule looks at. */
export const RULE_INDICATORS: readonly string[] = [
	...new Set([
		...ORDER_RULES.flatMap((r) => [r.lesser, r.greater]),
		...RATE_RULES.flatMap((r) => [r.reported, r.denominator, ...r.numerator])
	])
];

/** A number in a message: at most three decimals. */
export function fmt(n: number): string {
	return String(Math.round(n * 1000) / 1000);
}
