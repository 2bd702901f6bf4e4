/**
 * The first pass over the rows: the indicator, qualifier and value texts (values only where not a plain
 * number), how many rows each has — the report's counts follow from them, mostly without a row-by-row
 * pass — how many cells may break a range rule, and how many notes start with `'`.
 */
import { rangeError, RANGE_RULES, type ImportOptions } from '$lib/import';
import type { Indicator } from '$lib/model/types';
import { every, nextTask, type Engine } from '$lib/db/engine';
import { stage, type AddProblem, type Lookup } from './lookups';
import { PLAIN_NUMBER } from './read';
import { resolveIndicator, resolveQualifier, resolveValue } from './resolve';
import { rangeColumn, rangeCountsSql } from './rule-sql';
import type { Tally } from './rows';

/** Resolving distinct texts yields to the page's main thread this often (tens of thousands take 0.1 s). */
const BREAK_EVERY_MS = 25;

export interface TextsPass {
	/** The indicator texts as they resolved (staged in `b_map`). */
	indicators: Lookup[];
	/** The qualifier and value texts as they resolved (not staged yet). */
	texts: Lookup[];
	tally: Tally;
	/** Plain-number cells that may break a range rule of their indicator (a superset). */
	maybeOutOfRange: number;
	quotedNotes: boolean;
	/** Yields to the page when a break is due. */
	due: () => boolean;
}

type Group = {
	indicator: string;
	qualifier: string;
	text: string | null;
	n: number;
	quoted: number;
} & Record<string, number>;

export async function textsPass(
	e: Engine,
	raw: string,
	opts: ImportOptions,
	problem: AddProblem
): Promise<TextsPass> {
	const groups = (await e.run(
		`SELECT indicator, qualifier, CASE WHEN ${PLAIN_NUMBER} THEN NULL ELSE value END AS text, count(*) AS n,
		        ${rangeCountsSql('num')}, count(*) FILTER (WHERE starts_with(note, '''')) AS quoted
		 FROM ${raw} GROUP BY ALL`
	)) as Group[];
	const quotedNotes = groups.some((g) => g.quoted > 0);
	const perIndicator = new Map<string, { n: number; plain: number; ranged: number[] }>();
	const qualifierTexts = new Set<string>();
	const valueTexts = new Map<string, { indicator: string; value: string; n: number }>();
	for (const g of groups) {
		const t = perIndicator.get(g.indicator) ?? { n: 0, plain: 0, ranged: RANGE_RULES.map(() => 0) };
		t.n += g.n;
		RANGE_RULES.forEach((_, k) => (t.ranged[k] += Number(g[rangeColumn(k)])));
		if (g.text === null) t.plain += g.n;
		perIndicator.set(g.indicator, t);
		qualifierTexts.add(g.qualifier);
		if (g.text === null) continue;
		const key = `${g.indicator}\u0000${g.text}`;
		const v = valueTexts.get(key) ?? { indicator: g.indicator, value: g.text, n: 0 };
		v.n += g.n;
		valueTexts.set(key, v);
	}
	const tally: Tally = { rows: 0, missing: 0, skipped: 0, outOfRange: 0 };
	const codeOf = new Map<string, Indicator>();
	const skippedIndicator = new Set<string>();
	const indicators: Lookup[] = [];
	let maybeOutOfRange = 0;
	for (const [text, { n, ranged }] of perIndicator) {
		const l = resolveIndicator(text, opts, problem, codeOf);
		indicators.push(l);
		tally.rows += n;
		if (l.skip) {
			tally.skipped += n;
			skippedIndicator.add(text);
		}
		for (const k of l.ranges ?? []) maybeOutOfRange += ranged[k];
	}
	await stage(e, `b_map-i-${raw}.csv`, 'CREATE OR REPLACE TEMP TABLE b_map AS', indicators);
	// A rating or yes/no written as a plain number is read by the importer too.
	const values = [...valueTexts.values()];
	if (indicators.some((l) => l.categorical && perIndicator.get(l.a)!.plain > 0))
		values.push(
			...((await e.run(
				`SELECT indicator, value, count(*) AS n FROM ${raw}
				 WHERE ${PLAIN_NUMBER} AND indicator IN (SELECT a FROM b_map WHERE kind = 'indicator' AND categorical)
				 GROUP BY indicator, value`
			)) as { indicator: string; value: string; n: number }[])
		);
	const texts: Lookup[] = [];
	for (const qualifier of qualifierTexts) texts.push(resolveQualifier(qualifier, problem));
	const due = every(BREAK_EVERY_MS);
	for (const { indicator, value, n } of values) {
		if (due()) await nextTask();
		const ind = codeOf.get(indicator);
		const v = resolveValue(indicator, value, ind, problem);
		if (!v) continue;
		texts.push(v);
		// A row without a value is counted as missing only, whatever its indicator (as in the JavaScript path).
		if (v.missing) tally.missing += n;
		if (v.missing && skippedIndicator.has(indicator)) tally.skipped -= n;
		if (v.skip && !skippedIndicator.has(indicator)) tally.skipped += n;
		if (ind && v.value !== undefined && rangeError(v.value, ind)) tally.outOfRange += n;
	}
	return { indicators, texts, tally, maybeOutOfRange, quotedNotes, due };
}
