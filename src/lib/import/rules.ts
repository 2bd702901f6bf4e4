/**
 * Consistency rules between indicators, as data. Each rule is checked per (unit, period) on the rows of
 * one file; the message names both rows.
 */

/** Units of measure whose values are counts: never negative. */
export const COUNT_UNITS: ReadonlySet<string> = new Set(['count', 'people', 'households']);

/** Units of measure whose values are labels stored as numbers: ratings (rank) and yes/no (1/0). */
export const CATEGORY_UNITS: ReadonlySet<string> = new Set(['category', 'rating', 'yes_no']);

/** Units of measure holding free text, which the numeric table cannot store: skipped with a notice. */
export const TEXT_UNITS: ReadonlySet<string> = new Set(['text']);

/** Units of measure that are percentages: never above 100. */
export const PERCENT_UNITS: ReadonlySet<string> = new Set(['percent']);

/** `lesser` can never exceed `greater` (successes ≤ mediated ≤ cases …). */
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

/** A rate a ward reports next to the figures it can be recomputed from. */
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
