/**
 * Values of one indicator, raw or derived, per unit or summed up over a group of units — as SQL
 * with parameters. Pure: builds `{ sql, params }`, runs nothing.
 *
 * A derived indicator is computed from its raw inputs after they are summed over the group, so a rate
 * is Σnumerator / Σdenominator (never the mean of unit rates), and only units that report every input
 * of a period take part (the numerator and denominator then cover the same units).
 */
import {
	expandFormula,
	formulaInputs,
	formulaToSql,
	parseFormula,
	qualifierSql,
	ratioParts
} from '$lib/model/formula';
import type { Indicator, SeriesRow } from '$lib/model/types';
import type { Param } from './engine';

export type Grouping = 'unit' | 'successor' | 'town';

export interface SeriesOptions {
	/** Only these units (canonical names; after grouping, the group names). Empty: all. */
	units?: string[];
	/** 'year': `YYYY` periods only (charts over years); 'all': every period. */
	periods?: 'year' | 'all';
	grouping?: Grouping;
	/** Label of the whole-town group. */
	townLabel?: string;
}

export type { SeriesRow };

export interface Query {
	sql: string;
	params: Param[];
}

/** Stored periods are validated (`YYYY`, `YYYY-H1`, `YYYY-Q2`, `YYYY-YYYY`): a year is the one of length 4. */
const YEAR_ONLY = `length(period) = 4`;
/** How late in its year a period ends: the year itself (its end-of-year figure) ranks first. */
const PERIOD_END = `CASE WHEN length(period) = 4 THEN 9 WHEN period[-2:] IN ('Q4', 'H2') THEN 8
	WHEN period[-2:] = 'Q3' THEN 7 WHEN period[-2:] IN ('Q2', 'H1') THEN 6 ELSE 5 END`;

/** SQL mapping each observation's unit to its group label. */
function groupKey(grouping: Grouping, townLabel: () => string): string {
	if (grouping === 'town') return townLabel();
	if (grouping === 'successor')
		return `coalesce((SELECT s.name FROM units u JOIN units s ON s.code || '@' || strftime(s.valid_from, '%Y-%m-%d') = u.successor WHERE u.name = obs.unit AND u.successor <> '' LIMIT 1), obs.unit)`;
	return 'obs.unit';
}

export function seriesQuery(
	indicator: Indicator,
	dictionary: Map<string, Indicator>,
	opts: SeriesOptions = {}
): Query | null {
	const grouping = opts.grouping ?? 'unit';
	if (grouping !== 'unit' && indicator.aggregation === 'none') return null;
	const params: Param[] = [];
	const p = (v: Param) => {
		params.push(v);
		return `$${params.length}`;
	};
	const periodFilter = opts.periods === 'all' ? 'TRUE' : YEAR_ONLY;
	const unitList = opts.units?.length ? `unit IN (${opts.units.map(p).join(', ')})` : 'TRUE';
	// Per unit, the chosen units are picked before anything is grouped; a group is picked by its label.
	const [rowFilter, unitFilter] = grouping === 'unit' ? [unitList, 'TRUE'] : ['TRUE', unitList];
	const key = groupKey(grouping, () => p(opts.townLabel ?? 'Toàn thị xã'));

	if (indicator.kind === 'raw') {
		const agg =
			indicator.aggregation === 'mean'
				? 'avg(value)'
				: indicator.aggregation === 'median'
					? 'median(value)'
					: 'sum(value)';
		const code = p(indicator.code);
		// A stock (aggregation 'latest') has one value per year: the year's own, else the latest half or
		// quarter the unit reported in that year. Flows are never added up over halves here.
		const base =
			indicator.aggregation === 'latest' && opts.periods !== 'all'
				? `SELECT unit, left(period, 4) AS period, arg_max(value, ${PERIOD_END}) AS value,
				     arg_max(qualifier, ${PERIOD_END}) AS qualifier
				   FROM observations WHERE indicator = ${code} AND regexp_full_match(period, '[0-9]{4}(-H[12]|-Q[1-4])?')
				     AND ${rowFilter} GROUP BY unit, left(period, 4)`
				: `SELECT * FROM observations WHERE indicator = ${code} AND ${periodFilter} AND ${rowFilter}`;
		// Per unit, a key (unit, period, indicator) is stored once: its rows need no grouping.
		const g =
			grouping === 'unit'
				? `SELECT unit, period, value, qualifier, 1 AS units FROM obs`
				: `SELECT ${key} AS unit, period, ${agg} AS value, max(qualifier) AS qualifier, count(*)::INTEGER AS units FROM obs GROUP BY 1, 2`;
		const sql = `
WITH obs AS (${base}),
g AS (${g})
SELECT unit, period, value, qualifier, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, units FROM g
WHERE ${unitFilter} ORDER BY unit, period`;
		return { sql, params };
	}

	const ast = expandFormula(parseFormula(indicator.formula), dictionary);
	const inputs = formulaInputs(ast);
	const codes = inputs.map((c) => p(c));
	const pivot = inputs
		.map(
			(c, i) =>
				`max(value) FILTER (WHERE indicator = ${codes[i]}) AS "v_${c}", max(qualifier) FILTER (WHERE indicator = ${codes[i]}) AS "q_${c}"`
		)
		.join(',\n  ');
	const complete = inputs.map((c) => `"v_${c}" IS NOT NULL`).join(' AND ') || 'TRUE';
	const summed = inputs.map((c) => `sum("v_${c}") AS "v_${c}", max("q_${c}") AS "q_${c}"`).join(', ');
	// Counts behind a share (`4/6 · 66,7 %`): only a percentage of counts has them; a density or an
	// average per household is not shown as a fraction.
	const ratio = indicator.unit === 'percent' ? ratioParts(ast) : null;
	const sql = `
WITH pivoted AS (
  SELECT unit, period,
  ${pivot}
  FROM observations WHERE indicator IN (${codes.join(', ')}) AND ${periodFilter} AND ${rowFilter} GROUP BY unit, period),
obs AS (SELECT * FROM pivoted WHERE ${complete}),
g AS (${grouping === 'unit' ? 'SELECT *, 1 AS units FROM obs' : `SELECT ${key} AS unit, period, ${summed}, count(*)::INTEGER AS units FROM obs GROUP BY 1, 2`}),
r AS (SELECT unit, period, ${formulaToSql(ast)} AS value, ${qualifierSql(ast)} AS qualifier,
  ${ratio ? formulaToSql(ratio.numerator) : 'NULL::DOUBLE'} AS numerator,
  ${ratio ? formulaToSql(ratio.denominator) : 'NULL::DOUBLE'} AS denominator, units FROM g)
SELECT * FROM r WHERE value IS NOT NULL AND isfinite(value) AND ${unitFilter} ORDER BY unit, period`;
	return { sql, params };
}
