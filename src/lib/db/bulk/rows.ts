/**
 * Rows whose texts do not all read as written: the view `b_rows` joins every row to what its texts
 * resolved to, and the findings of texts and ranges are listed from it.
 */
import type { IssueLog } from '$lib/import';
import type { Engine } from '$lib/db/engine';
import { listed, listHits } from './findings';
import { stage, type Lookup, type Problem } from './lookups';
import { RANGE_COLUMNS, rangeErrorSql } from './rule-sql';

/** A row that resolved cleanly: it is stored unless a row rule (range, duplicate, order) rejects it. */
export const RESOLVED = `NOT missing AND NOT skip AND value IS NOT NULL AND unit <> '' AND period <> '' AND NOT err`;

/** Rows of the file: all, without a value, skipped (derived or text indicators), with a value out of range. */
export interface Tally {
	rows: number;
	missing: number;
	skipped: number;
	outOfRange: number;
}
/** The report's counts: the tally's, or counted row by row when a range finding may be among them. */
export type Counts = Omit<Tally, 'outOfRange'> & { ranged: number };

/**
 * Builds `b_rows` (a kind of text that resolved to itself everywhere is read as it is, its join left
 * out), lists the findings of texts and ranges, and returns the report's counts.
 */
export async function resolveRows(
	e: Engine,
	raw: string,
	texts: Lookup[],
	problems: Problem[],
	log: IssueLog,
	{
		tally,
		maybeOutOfRange,
		unitPeriodAsIs,
		sourceAndNote
	}: {
		tally: Tally;
		maybeOutOfRange: number;
		/** Every (unit, period) pair resolved to itself without a finding: no join for them. */
		unitPeriodAsIs: boolean;
		/** The staged rows' `source` and `note` columns from the row `r`. */
		sourceAndNote: string;
	}
): Promise<Counts> {
	const noQualifiers = texts.every((l) => l.kind !== 'qualifier' || l.a === '');
	const valueTexts = texts.some((l) => l.kind === 'value');
	const map = (kind: Lookup['kind']) => `(SELECT * FROM b_map WHERE kind = '${kind}')`;
	const up = unitPeriodAsIs ? null : 'up';
	const q = noQualifiers ? null : 'q';
	const v = valueTexts ? 'v' : null;
	const joined = new Set<Lookup['kind']>([
		...(up ? ['unit_period' as const] : []),
		...(q ? ['qualifier' as const] : []),
		'value'
	]);
	const staged = texts.filter((l) => joined.has(l.kind));
	if (staged.length > 0) await stage(e, `b_map-t-${raw}.csv`, 'INSERT INTO b_map', staged);
	const joins = [
		up ? `LEFT JOIN ${map('unit_period')} up ON up.a = r.unit AND up.b = r.period` : '',
		`LEFT JOIN ${map('indicator')} i ON i.a = r.indicator`,
		q ? `LEFT JOIN ${map('qualifier')} q ON q.a = r.qualifier` : '',
		v ? `LEFT JOIN ${map('value')} v ON v.a = r.indicator AND v.b = r.value` : ''
	].filter(Boolean);
	const flag = (alias: string | null, column: string) =>
		alias ? `coalesce(${alias}.${column}, false)` : 'false';
	const finding = (alias: string | null, column = 'p1') => (alias ? `${alias}.${column}` : 'NULL::INTEGER');
	const valueQualifier = v ? `coalesce(v.qualifier, '')` : `''`;
	// A view: findings are counted and listed from it, and only the rows it accepts are staged. Without
	// a cell that may be out of its indicator's range, the counts are the tally's; otherwise they are
	// counted row by row (a range finding counts only on a row that resolved).
	await e.run(
		`CREATE OR REPLACE TEMP VIEW b_rows AS
		 WITH j AS (
		   SELECT (r.rowid + 2)::INTEGER AS row,
		          ${up ? `coalesce(up."to", '')` : 'r.unit'} AS unit, ${up ? `coalesce(up.period, '')` : 'r.period'} AS period,
		          coalesce(i."to", '') AS indicator,
		          ${v ? 'CASE WHEN v.b IS NOT NULL THEN v.value ELSE r.num END' : 'r.num'} AS value,
		          ${q ? `CASE WHEN r.qualifier <> '' THEN coalesce(q."to", '') ELSE ${valueQualifier} END` : valueQualifier} AS qualifier,
		          ${sourceAndNote},
		          r.value AS raw, ${flag(v, 'missing')} AS missing,
		          coalesce(i.skip, false) OR ${flag(v, 'skip')} AS skip,
		          ${flag(up, 'err')} OR coalesce(i.err, false) OR ${flag(q, 'err')} OR ${flag(v, 'err')} AS err,
		          ${finding(up)} AS p1, ${finding(up, 'p2')} AS p2, i.p1 AS p3, ${finding(q)} AS p4, ${finding(v)} AS p5,
		          ${RANGE_COLUMNS.map((c) => `coalesce(i.${c}, false) AS ${c}`).join(', ')}
		   FROM ${raw} r ${joins.join(' ')})
		 SELECT * EXCLUDE (${RANGE_COLUMNS.join(', ')}),
		        CASE WHEN ${RESOLVED} THEN ${rangeErrorSql('value')} END AS range_error
		 FROM j`
	);
	const counts =
		tally.outOfRange + maybeOutOfRange === 0
			? { ...tally, ranged: 0 }
			: ((
					await e.run(
						`SELECT count(*) AS rows, count(*) FILTER (WHERE missing) AS missing,
						        count(*) FILTER (WHERE skip AND NOT missing) AS skipped,
						        count(*) FILTER (WHERE range_error IS NOT NULL) AS ranged
						 FROM b_rows`
					)
				)[0] as Counts);
	// Findings of the distinct texts, listed on the rows where they occur.
	if (problems.length > 0) await listHits(e, raw, 'b_rows', log, problems);
	// Ranges: negative counts, percentages over 100.
	if (counts.ranged > 0)
		await listed(
			e,
			raw,
			log,
			`SELECT row, range_error AS code FROM b_rows WHERE range_error IS NOT NULL`,
			'error',
			() => ({})
		);
	return counts;
}
