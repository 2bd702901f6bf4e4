/**
 * The second pass over the rows: the distinct (unit, period) pairs, each with whether an indicator text
 * repeats in it and — when indicators and values are read as written — whether an order or rate rule
 * may fail there. A reused unit name is told apart by the period.
 */
import { prepareUnitIndex, type ImportOptions } from '$lib/import';
import { nextTask, type Engine } from '$lib/db/engine';
import type { AddProblem, Lookup } from './lookups';
import { pairResolver } from './resolve';
import { RULE_FAILS, ruleValuesSql } from './rule-sql';

export interface PairsPass {
	/** The pairs as they resolved. */
	pairs: Lookup[];
	/** Every pair resolved to itself without a finding. */
	unitPeriodAsIs: boolean;
	/** Whether some (unit, period, indicator) may be in the file twice. */
	mayRepeat: boolean;
}

/**
 * One row per (unit, period) text pair in `b_pairs`: whether an indicator text repeats in it (a bit for
 * each distinct indicator text, or a distinct count past 64 of them) and, with `screen`, whether an
 * order or rate rule may fail there — the indicator texts being the codes and the values plain numbers.
 */
function pairsQuery(raw: string, indicatorTexts: number, screen: boolean): string {
	const distinct =
		indicatorTexts <= 64
			? `bit_count(bit_or(1::UBIGINT << (list_position((SELECT list(a ORDER BY a) FROM b_map WHERE kind = 'indicator'), indicator) - 1)))`
			: 'count(DISTINCT indicator)';
	return `SELECT unit, period, n > d AS repeats, ${screen ? `coalesce(${RULE_FAILS}, false)` : 'false'} AS suspect
	        FROM (SELECT unit, period, count(*) AS n, ${distinct} AS d${screen ? `, ${ruleValuesSql('num')}` : ''}
	              FROM ${raw} GROUP BY unit, period)`;
}

export async function pairsPass(
	e: Engine,
	raw: string,
	opts: ImportOptions,
	problem: AddProblem,
	{ indicators, screen, due }: { indicators: Lookup[]; screen: boolean; due: () => boolean }
): Promise<PairsPass> {
	// The pairs come as one list of units per period: tens of thousands of rows cost more to hand over.
	const periods = (await e.run(
		`CREATE OR REPLACE TEMP TABLE b_pairs AS ${pairsQuery(raw, indicators.length, screen)};
		 SELECT period, list(unit) AS units, bool_or(repeats) AS repeats FROM b_pairs GROUP BY period`
	)) as { period: string; units: string[]; repeats: boolean }[];
	const repeats = periods.some((p) => p.repeats);
	// The unit list's index, the first time it is used, is built yielding to the page too.
	await prepareUnitIndex(opts.units, async () => {
		if (due()) await nextTask();
	});
	const resolvePair = pairResolver(opts, problem);
	const pairs: Lookup[] = [];
	for (const { period, units } of periods)
		for (const unit of units) {
			pairs.push(resolvePair(unit, period));
			if (due()) await nextTask();
		}
	const unitPeriodAsIs = pairs.every(
		(l) => l.to === l.a && l.period === l.b && l.p1 === undefined && l.p2 === undefined
	);
	// The same key twice needs the same texts twice, or two texts that resolve alike (pairs read as
	// written are as distinct as the file's pairs).
	const clash = (keys: string[]) => new Set(keys).size < keys.length;
	const mayRepeat =
		repeats ||
		(!unitPeriodAsIs &&
			clash(pairs.filter((l) => l.to && l.period).map((l) => `${l.to}\u0000${l.period}`))) ||
		clash(indicators.flatMap((l) => (l.to ? [l.to] : [])));
	return { pairs, unitPeriodAsIs, mayRepeat };
}
