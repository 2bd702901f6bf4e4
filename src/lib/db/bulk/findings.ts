/**
 * Findings of the bulk path into the importer's IssueLog: the first ones of each code listed with the
 * value as the file wrote it, the rest counted.
 */
import type { IssueLog, MessageArgs } from '$lib/import';
import type { Engine, Row } from '$lib/db/engine';
import type { Problem } from './lookups';
import { plain } from './read';

/** How many findings of one code are listed (the log keeps the same number). */
const LISTED_PER_CODE = 200;

/** The raw cells of a few rows, to show the value a finding is about. */
async function rawCells(
	e: Engine,
	raw: string,
	rows: number[]
): Promise<Map<number, Record<string, string>>> {
	if (rows.length === 0) return new Map();
	const list = (await e.run(
		`SELECT (rowid + 2)::INTEGER AS row, * FROM ${raw} WHERE rowid IN (SELECT unnest(?::BIGINT[]))`,
		[`[${[...new Set(rows)].map((r) => r - 2).join(',')}]`]
	)) as (Record<string, string> & { row: number })[];
	return new Map(list.map((r) => [r.row, r]));
}

/**
 * Findings of distinct texts (the `p1`…`p5` columns of `table`, indices into `problems`), listed on
 * the first rows where they occur and counted on the rest.
 */
export async function listHits(e: Engine, raw: string, table: string, log: IssueLog, problems: Problem[]) {
	const hits = (await e.run(
		`WITH h AS (SELECT row, raw, unnest([p1, p2, p3, p4, p5]) AS p FROM ${table}
		            WHERE NOT missing AND coalesce(p1, p2, p3, p4, p5) IS NOT NULL)
		 SELECT p, row, raw, count(*) OVER (PARTITION BY p) AS n FROM h WHERE p IS NOT NULL
		 QUALIFY row_number() OVER (PARTITION BY p ORDER BY row) <= ${LISTED_PER_CODE} ORDER BY row`
	)) as { p: number; row: number; raw: string; n: number }[];
	const rawOf = await rawCells(
		e,
		raw,
		hits.map((h) => h.row)
	);
	const listedPerProblem = new Map<number, number>();
	for (const h of hits) {
		const pr = problems[h.p];
		const value = plain(pr.column === 'value' ? h.raw : (rawOf.get(h.row)?.[pr.column] ?? '')).trim();
		log.add(pr.severity, pr.code, { row: h.row, column: pr.column, value }, pr.args, pr.suggestions);
		listedPerProblem.set(h.p, h.n);
	}
	for (const [p, n] of listedPerProblem)
		log.addUnlisted(problems[p].severity, problems[p].code, n - Math.min(n, LISTED_PER_CODE));
}

/**
 * Lists the first findings of a query (`row`, `code`, and what `args` reads) through the log and
 * counts the rest; returns how many there were.
 */
export async function listed(
	e: Engine,
	raw: string,
	log: IssueLog,
	sql: string,
	severity: 'error' | 'warning',
	args: (r: Row) => MessageArgs
): Promise<number> {
	const rows = await e.run(
		`SELECT *, count(*) OVER (PARTITION BY code) AS n__ FROM (${sql})
		 QUALIFY row_number() OVER (PARTITION BY code ORDER BY row) <= ${LISTED_PER_CODE} ORDER BY row`
	);
	// The value as the file wrote it (the staged rows keep only what it resolved to).
	const cells = await rawCells(
		e,
		raw,
		rows.map((r) => Number(r.row))
	);
	const totals = new Map<string, { n: number; listed: number }>();
	for (const r of rows) {
		const code = String(r.code);
		const value = plain(cells.get(Number(r.row))?.value ?? '').trim();
		log.add(severity, code, { row: Number(r.row), column: 'value', value }, args(r));
		const t = totals.get(code) ?? { n: Number(r.n__), listed: 0 };
		t.listed++;
		totals.set(code, t);
	}
	let n = 0;
	for (const [code, t] of totals) {
		log.addUnlisted(severity, code, t.n - t.listed);
		n += t.n;
	}
	return n;
}
