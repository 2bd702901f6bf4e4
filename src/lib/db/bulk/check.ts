/**
 * The checks of a file read into `raw`, in order: the texts pass, the pairs pass, the staged rows (as
 * read, or as they resolved), duplicates, then the order and rate rules. Returns the importer's report.
 */
import { IssueLog, type ImportOptions, type ImportResult } from '$lib/import';
import type { Engine } from '$lib/db/engine';
import { stagedNames } from '$lib/db/staged';
import { asWritten, type Problem } from './lookups';
import { pairsPass } from './pairs';
import { sourceAndNote } from './read';
import { resolveRows, RESOLVED, type Counts } from './rows';
import { checkRules, duplicates, type Staged } from './row-rules';
import { suspectsSql } from './rule-sql';
import { textsPass } from './texts';

export async function check(
	e: Engine,
	raw: string,
	table: string,
	opts: ImportOptions,
	hasSource: boolean
): Promise<{ result: ImportResult; asRead: boolean }> {
	const log = new IssueLog(opts.fileName);
	const problems: Problem[] = [];
	const problem = (p: Problem) => problems.push(p) - 1;

	// 1. The indicator, qualifier and value texts, with the tallies the report's counts come from.
	const first = await textsPass(e, raw, opts, problem);
	const { indicators, tally, maybeOutOfRange, quotedNotes } = first;

	// 2. The (unit, period) pairs; the rules are screened there when indicators and values read as written.
	const screened = indicators.every(asWritten) && !first.texts.some((l) => l.kind === 'value');
	const { pairs, unitPeriodAsIs, mayRepeat } = await pairsPass(e, raw, opts, problem, {
		indicators,
		screen: screened,
		due: first.due
	});
	const texts = [...first.texts, ...pairs];
	const asRead =
		screened &&
		unitPeriodAsIs &&
		texts.every((l) => l.kind !== 'qualifier' || asWritten(l)) &&
		problems.length === 0 &&
		tally.outOfRange + maybeOutOfRange === 0;

	// 3. The staged rows, and the findings of their texts and ranges.
	let staged: Staged;
	let staging: string;
	let counts: Counts = { ...tally, ranged: 0 };
	if (asRead) {
		// Every row is stored as it was read (but for the rows a row rule takes out below).
		staged = {
			view: table,
			remove: (rows) => `DELETE FROM ${raw} WHERE rowid IN (SELECT row - 2 FROM (${rows}))`
		};
		staging = `CREATE OR REPLACE TEMP VIEW ${table} AS
			SELECT (rowid + 2)::INTEGER AS row, unit, period, indicator, num AS value, qualifier,
			       ${sourceAndNote(hasSource, opts.fileName, raw, quotedNotes)}
			FROM ${raw}`;
	} else {
		const { rows } = stagedNames(table);
		staged = { view: table, remove: (list) => `DELETE FROM ${rows} WHERE row IN (${list})` };
		counts = await resolveRows(e, raw, texts, problems, log, {
			tally,
			maybeOutOfRange,
			unitPeriodAsIs,
			sourceAndNote: sourceAndNote(hasSource, opts.fileName, 'r', quotedNotes)
		});
		staging = `CREATE OR REPLACE TEMP TABLE ${rows} AS
			 SELECT row, unit, period, indicator, value, qualifier, source, note FROM b_rows
			 WHERE ${RESOLVED} AND range_error IS NULL;
			 CREATE OR REPLACE TEMP VIEW ${table} AS SELECT * FROM ${rows}`;
	}

	// 4. The same (unit, period, indicator) twice: keys whose texts repeat, then told apart exactly.
	let sameDropped = 0;
	if (mayRepeat) {
		await e.run(staging);
		sameDropped = await duplicates(e, raw, staged, log);
	}

	// 5. Order and rate rules: the (unit, period)s where one may fail — found in the pairs' pass when the
	// rows are staged as read and no key repeats — and how many rows are staged, in the staging's round
	// trip when no duplicate search comes between.
	const stagedCount = `SELECT count(*) AS n FROM ${table}`;
	const [screen] = (await e.run(
		[
			...(mayRepeat ? [] : [staging]),
			`CREATE OR REPLACE TEMP TABLE b_suspect AS ${asRead && !mayRepeat ? 'SELECT unit, period FROM b_pairs WHERE suspect' : suspectsSql(table)}`,
			`SELECT (SELECT count(*) FROM b_suspect) AS suspected, (${stagedCount}) AS n`
		].join(';\n')
	)) as { suspected: number; n: number }[];
	const names = new Map(opts.dictionary.map((i) => [i.code, i]));
	const rejected = screen.suspected > 0 && (await checkRules(e, raw, staged, log, names));
	const [{ n: observations }] = rejected ? ((await e.run(stagedCount)) as { n: number }[]) : [screen];
	if (counts.missing > 0) log.add('info', 'missing_values', { row: 0 }, { n: counts.missing });
	const issues = log.finish();
	return {
		asRead,
		result: {
			kind: 'observations',
			observations: [],
			issues,
			shape: 'long',
			encoding: 'utf-8',
			delimiter: ',',
			questions: [],
			stats: {
				rows: counts.rows,
				observations,
				errors: log.errors,
				warnings: log.warnings,
				skipped: counts.missing + sameDropped + counts.skipped,
				ms: 0
			}
		}
	};
}
