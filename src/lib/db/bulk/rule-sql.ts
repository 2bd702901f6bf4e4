/**
 * The bulk path's row rules as SQL, written from the importer's one rule table (import/rules.ts): the
 * same bounds, codes, tolerance and qualifier exemptions the JavaScript path decides with. Nothing
 * here states a rule of its own; it only says how the table reads in SQL.
 */
import {
	DUPLICATE_RULE,
	EPSILON,
	ORDER_QUALIFIERS,
	ORDER_RULES,
	RANGE_RULES,
	RATE_CHECK,
	RATE_RULES,
	RULE_INDICATORS,
	type RangeRule,
	type RateRule
} from '$lib/import';
import { sqlLiteral } from '$lib/db/literal';

/** A number of the rule table as SQL (a DOUBLE, as the values it is compared with). */
const num = (n: number) => `${sqlLiteral(n)}::DOUBLE`;

/** The column of a text's lookup saying whether range rule `k` holds for its indicator. */
export const rangeColumn = (k: number) => `range_${k}`;
export const RANGE_COLUMNS = RANGE_RULES.map((_, k) => rangeColumn(k));

/** Whether `value` is past the rule's bound (as `breaksRange`). */
function breaks(rule: RangeRule, value: string): string {
	const sides = [
		rule.min === undefined ? '' : `${value} < ${num(rule.min)}`,
		rule.max === undefined ? '' : `${value} > ${num(rule.max)}`
	].filter(Boolean);
	return `(${sides.join(' OR ')})`;
}

/** The code of the first range rule `value` breaks, or NULL (as `rangeError`); `applies(k)` is its column. */
export function rangeErrorSql(value: string, applies: (k: number) => string = rangeColumn): string {
	const cases = RANGE_RULES.map(
		(r, k) => `WHEN ${applies(k)} AND ${breaks(r, value)} THEN ${sqlLiteral(r.code)}`
	);
	return `CASE ${cases.join(' ')} END`;
}

/** Per range rule, how many rows of a group have a number past its bound: `range_k` (a screen, any indicator). */
export function rangeCountsSql(value: string): string {
	return RANGE_RULES.map((r, k) => `count(*) FILTER (WHERE ${breaks(r, value)}) AS ${rangeColumn(k)}`).join(
		', '
	);
}

/** Every indicator a rule looks at, as an SQL list. */
export const RULE_INDICATOR_LIST = RULE_INDICATORS.map(sqlLiteral).join(', ');

/** Each rule indicator's value in a (unit, period) group, as `v0`, `v1`… (`value`: the value's expression). */
export function ruleValuesSql(value: string): string {
	return RULE_INDICATORS.map(
		(c, k) => `max(${value}) FILTER (WHERE indicator = ${sqlLiteral(c)}) AS v${k}`
	).join(', ');
}

const gap = (rule: RateRule, reported: string, nums: string[], den: string) =>
	`abs(${reported} - 100 * (${nums.join(' + ')}) / ${den}) > ${num(rule.tolerance + EPSILON)}`;

/**
 * Whether some order or rate rule fails on the values of `ruleValuesSql`, qualifiers ignored: a
 * superset of where the rules fail (a qualifier only ever excuses a figure).
 */
export const RULE_FAILS = (() => {
	const v = (code: string) => `v${RULE_INDICATORS.indexOf(code)}`;
	return [
		...ORDER_RULES.map((r) => `${v(r.lesser)} > ${v(r.greater)}`),
		...RATE_RULES.map(
			(r) => `(${v(r.denominator)} <> 0 AND ${gap(r, v(r.reported), r.numerator.map(v), v(r.denominator))})`
		)
	].join(' OR ');
})();

/**
 * The (unit, period)s of `table` where some rule may fail, in one aggregation instead of a join per
 * rule. Each key is in `table` once (duplicates are gone by then), so each value is that row's.
 */
export function suspectsSql(table: string): string {
	return `SELECT unit, period FROM (
	          SELECT unit, period, ${ruleValuesSql('value')}
	          FROM ${table} WHERE indicator IN (${RULE_INDICATOR_LIST}) GROUP BY unit, period)
	        WHERE ${RULE_FAILS}`;
}

/** Joins the rows of another rule indicator of the same (unit, period) in `rules`. */
const pair = (rules: string, a: string, b: string) =>
	`JOIN ${rules} ${b} ON ${b}.unit = ${a}.unit AND ${b}.period = ${a}.period`;

/**
 * The order findings among the rows `rules` (row, unit, period, indicator, value, qualifier): the
 * lesser figure's row, the greater figure and its row, and whether it is only a warning (as `orderFinding`).
 */
export function orderFindingsSql(rules: string): string {
	const { boundGreater, approximate } = ORDER_QUALIFIERS;
	return ORDER_RULES.map(
		(rule) =>
			`SELECT lo.row, hi.value AS hi_value, hi.row AS hi_row, ${sqlLiteral(rule.code)} AS code,
			   ${sqlLiteral(rule.lesser)} AS lesser, ${sqlLiteral(rule.greater)} AS greater,
			   (lo.qualifier = ${sqlLiteral(approximate)} OR hi.qualifier = ${sqlLiteral(approximate)}) AS approximate
			 FROM ${rules} lo ${pair(rules, 'lo', 'hi')}
			 WHERE lo.indicator = ${sqlLiteral(rule.lesser)} AND hi.indicator = ${sqlLiteral(rule.greater)}
			   AND hi.qualifier <> ${sqlLiteral(boundGreater)} AND lo.value > hi.value`
	).join(' UNION ALL ');
}

/**
 * A rate rule's findings among the rows `rules`: the reported rate's row, the figures (`reported`,
 * `den`, `n0`, `n1`…) and the recomputed rate (as `rateFinding`).
 */
export function rateFindingsSql(rules: string, rule: RateRule): string {
	const nums = rule.numerator.map((_, i) => `n${i}`);
	const sides = ['rep', 'den', ...nums];
	const values = nums.map((n) => `${n}.value`);
	return `SELECT rep.row, rep.value AS reported, den.value AS den, ${nums.map((n) => `${n}.value AS ${n}`).join(', ')},
	          100 * (${values.join(' + ')}) / den.value AS recomputed, ${sqlLiteral(rule.code)} AS code
	        FROM ${rules} rep ${sides
						.slice(1)
						.map((n) => pair(rules, 'rep', n))
						.join(' ')}
	        WHERE rep.indicator = ${sqlLiteral(rule.reported)} AND den.indicator = ${sqlLiteral(rule.denominator)}
	          AND ${rule.numerator.map((code, i) => `n${i}.indicator = ${sqlLiteral(code)}`).join(' AND ')}
	          AND den.value <> 0 AND ${sides.map((n) => `${n}.qualifier = ${sqlLiteral(RATE_CHECK.exact)}`).join(' AND ')}
	          AND ${gap(rule, 'rep.value', values, 'den.value')}`;
}

/**
 * The rows of `view` whose (unit, period, indicator) repeats — found among the keys whose hash
 * repeats — with their position among the key's rows (`rn`), the key's first row, whether the row's
 * figure is the first one's (as `sameFigure`), and whether the key has a conflicting figure.
 */
export function duplicatesSql(view: string): string {
	const same = DUPLICATE_RULE.sameIn.map((f) => `first_value(${f}) OVER w = ${f}`).join(' AND ');
	return `WITH candidates AS (
	   SELECT * FROM ${view} WHERE hash(unit, period, indicator) IN (
	     SELECT h FROM (SELECT hash(unit, period, indicator) AS h FROM ${view}) GROUP BY h HAVING count(*) > 1)),
	 f AS (SELECT row, unit, period, indicator, row_number() OVER w AS rn, first_value(row) OVER w AS first_row,
	         (${same}) AS same_as_first
	       FROM candidates WINDOW w AS (PARTITION BY unit, period, indicator ORDER BY row))
	 SELECT *, bool_or(NOT same_as_first) OVER (PARTITION BY unit, period, indicator) AS conflict FROM f`;
}
