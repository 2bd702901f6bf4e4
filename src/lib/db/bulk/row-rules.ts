/**
 * The rules between rows, on the staged rows: a key written twice, then the order and rate rules on
 * the (unit, period)s where one may fail. Their SQL is written from the rule table (rule-sql.ts); the
 * rows they reject are taken out of what a commit stores.
 */
import {
	DUPLICATE_RULE,
	duplicateArgs,
	orderArgs,
	RATE_CHECK,
	RATE_RULES,
	rateArgs,
	type IssueLog,
	type MessageArgs
} from '$lib/import';
import type { Indicator } from '$lib/model/types';
import type { Engine, Row } from '$lib/db/engine';
import { listed } from './findings';
import { duplicatesSql, orderFindingsSql, RULE_INDICATOR_LIST, rateFindingsSql } from './rule-sql';

/**
 * The accepted rows: a view (row, unit, period, indicator, value, qualifier, source, note) over the file
 * as read, or over a table of the rows as they resolved.
 */
export interface Staged {
	view: string;
	/** The statement that takes out the staged rows a query lists (by row number). */
	remove(rows: string): string;
}

/** A rate rule's findings table (one per rule: their numerators differ). */
const rateTable = (k: number) => `b_rate_${k}`;
/** The temp tables the rules leave behind, dropped at the end of an import. */
export const RULE_TABLES = [
	'b_dup',
	'b_suspect',
	'b_rule',
	'b_order',
	...RATE_RULES.map((_, k) => rateTable(k))
];

/** Rows whose (unit, period, indicator) came before: listed, and taken out; returns the same-figure repeats dropped. */
export async function duplicates(e: Engine, raw: string, staged: Staged, log: IssueLog): Promise<number> {
	await e.run(`CREATE OR REPLACE TEMP TABLE b_dup AS ${duplicatesSql(staged.view)}`);
	if ((await e.run(`SELECT 1 FROM b_dup LIMIT 1`)).length === 0) return 0;
	const args = (r: Row): MessageArgs =>
		duplicateArgs(String(r.unit), String(r.period), String(r.indicator), Number(r.first_row));
	const { same, conflict } = DUPLICATE_RULE;
	const sameDropped = await listed(
		e,
		raw,
		log,
		`SELECT *, '${same.code}' AS code FROM b_dup WHERE rn > 1 AND same_as_first`,
		same.severity,
		args
	);
	await listed(
		e,
		raw,
		log,
		`SELECT *, '${conflict.code}' AS code FROM b_dup WHERE rn > 1 AND NOT same_as_first`,
		conflict.severity,
		args
	);
	await e.run(staged.remove(`SELECT row FROM b_dup WHERE rn > 1 OR conflict`));
	return sameDropped;
}

/** The order and rate rules on the suspected (unit, period)s (`b_suspect`); true when rows were rejected. */
export async function checkRules(
	e: Engine,
	raw: string,
	staged: Staged,
	log: IssueLog,
	names: Map<string, Indicator>
): Promise<boolean> {
	// One round trip: their rows of the rule indicators, the order findings, then the rate findings — a
	// row an order rule rejects takes no part in a rate check — and how many there are of each.
	const [found] = (await e.run(
		[
			`CREATE OR REPLACE TEMP TABLE b_rule AS SELECT row, unit, period, indicator, value, qualifier FROM ${staged.view} r
			 SEMI JOIN b_suspect s ON s.unit = r.unit AND s.period = r.period
			 WHERE indicator IN (${RULE_INDICATOR_LIST})`,
			`CREATE OR REPLACE TEMP TABLE b_order AS ${orderFindingsSql('b_rule')}`,
			`DELETE FROM b_rule WHERE row IN (SELECT row FROM b_order WHERE NOT approximate)`,
			...RATE_RULES.map(
				(rule, k) => `CREATE OR REPLACE TEMP TABLE ${rateTable(k)} AS ${rateFindingsSql('b_rule', rule)}`
			),
			`SELECT (SELECT count(*) FROM b_order) AS orders,
			        ${RATE_RULES.map((_, k) => `(SELECT count(*) FROM ${rateTable(k)}) AS rate${k}`).join(', ')}`
		].join(';\n')
	)) as Row[];
	const args = (r: Row): MessageArgs =>
		orderArgs(
			{ code: String(r.lesser), indicator: names.get(String(r.lesser)) },
			{
				code: String(r.greater),
				indicator: names.get(String(r.greater)),
				value: Number(r.hi_value),
				row: Number(r.hi_row)
			}
		);
	const rejected = Number(found.orders) > 0;
	if (rejected) {
		await listed(e, raw, log, `SELECT * FROM b_order WHERE approximate`, 'warning', args);
		await listed(e, raw, log, `SELECT * FROM b_order WHERE NOT approximate`, 'error', args);
	}
	for (const [k, rule] of RATE_RULES.entries()) {
		if (Number(found[`rate${k}`]) === 0) continue;
		await listed(e, raw, log, `SELECT * FROM ${rateTable(k)}`, RATE_CHECK.severity, (r) =>
			rateArgs(
				Number(r.recomputed),
				rule.numerator.map((_, i) => Number(r[`n${i}`])),
				Number(r.den),
				Number(r.reported)
			)
		);
	}
	if (rejected) await e.run(staged.remove(`SELECT row FROM b_order WHERE NOT approximate`));
	return rejected;
}
