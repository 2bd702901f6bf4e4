/**
 * The bulk path for large canonical files (`unit,period,indicator,value,qualifier,note[,source]`, UTF-8,
 * comma — what the app itself exports and what other systems dump): DuckDB's `read_csv` parses the
 * bytes and every per-row check runs as SQL, so a million rows never go one by one through JavaScript.
 *
 * It keeps one set of rules and one report: each DISTINCT unit, period, indicator and value text is
 * resolved by the importer's own functions (matchUnit, scanPeriod, matchIndicator, scanNumber +
 * interpretValue), the row checks use the importer's rule tables (rules.ts), and every finding goes
 * through the importer's IssueLog and messages. Files of any other shape take the JavaScript path.
 */
import {
	CANONICAL_HEADER,
	COUNT_UNITS,
	EPSILON,
	interpretValue,
	isCategorical,
	IssueLog,
	matchIndicator,
	unitMatcher,
	normaliseKey,
	ORDER_RULES,
	prepareUnitIndex,
	PERCENT_UNITS,
	QUALIFIER_WORDS,
	RATE_RULES,
	scanNumber,
	scanPeriod,
	type ImportOptions,
	type ImportResult,
	type UnitMatch,
	type MessageArgs
} from '$lib/import';
import type { Indicator } from '$lib/model/types';
import { rowsToCsv } from './csv';
import { dropSoon, every, nextTask, type Engine, type Row } from './engine';
import { sqlLiteral } from './literal';
import { dropStagedSql, stagedNames } from './staged';
import type { Store } from './store';

/** Below this size the JavaScript path is as fast and reports exactly the same. */
export const BULK_MIN_BYTES = 256 * 1024;
const LISTED_PER_CODE = 200;
const PLAIN_NUMBER = `regexp_full_match(value, '-?[0-9]+(\\.[0-9]+)?')`;
/** A row that resolved cleanly: it is stored unless a row rule (range, duplicate, order) rejects it. */
const RESOLVED = `NOT missing AND NOT skip AND value IS NOT NULL AND unit <> '' AND period <> '' AND NOT err`;
const RANGE_ERROR = `CASE WHEN categorical THEN NULL WHEN is_count AND value < 0 THEN 'negative_count'
	WHEN is_percent AND value > 100 THEN 'percent_over_100' END`;
/** A cell as the person wrote it: exports put `'` before a leading `= + - @`, tab or CR; it goes again. */
const plain = (cell: string) => (cell.startsWith("'") ? cell.replace(/^'([=+\-@\t\r])/, '$1') : cell);
/** Every indicator a row rule looks at. */
const RULE_CODES = [
	...new Set([
		...ORDER_RULES.flatMap((r) => [r.lesser, r.greater]),
		...RATE_RULES.flatMap((r) => [r.reported, r.denominator, ...r.numerator])
	])
];
const RULE_CODE_LIST = RULE_CODES.map(sqlLiteral).join(', ');
/** Resolving distinct texts breaks for the page this often (tens of thousands of them take 0.1 s). */
const BREAK_EVERY_MS = 25;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** The header fields when the file is a canonical long CSV in UTF-8, else null. */
export function canonicalHeader(bytes: Uint8Array): string[] | null {
	if (bytes[0] === 0xff || bytes[0] === 0xfe) return null; // UTF-16
	const head = decoder.decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
	const first = head.split(/\r?\n/, 1)[0] ?? '';
	const fields = first.split(',').map((f) => f.trim());
	const base = CANONICAL_HEADER as readonly string[];
	const ok =
		(fields.length === base.length || (fields.length === base.length + 1 && fields.at(-1) === 'source')) &&
		base.every((h, i) => fields[i] === h);
	return ok ? fields : null;
}

export interface BulkImport {
	result: ImportResult;
	/** Temp table holding the accepted rows, ready for `Store.commitImports({ table })`. */
	table: string;
}

/** One resolved distinct text (or pair of texts) of the file, staged for the row query. */
interface Lookup {
	kind: 'unit_period' | 'indicator' | 'qualifier' | 'value';
	a: string;
	b?: string;
	/** Unit name, indicator code or qualifier the text resolved to. */
	to?: string;
	period?: string;
	value?: number;
	qualifier?: string;
	/** Findings of this text (indices into `problems`). */
	p1?: number;
	p2?: number;
	err?: boolean;
	skip?: boolean;
	missing?: boolean;
	categorical?: boolean;
	is_count?: boolean;
	is_percent?: boolean;
}
const LOOKUP_COLUMNS = [
	'kind',
	'a',
	'b',
	'to',
	'period',
	'value',
	'qualifier',
	'p1',
	'p2',
	'err',
	'skip',
	'missing',
	'categorical',
	'is_count',
	'is_percent'
];
const LOOKUP_TYPES = `{'kind': 'VARCHAR', 'a': 'VARCHAR', 'b': 'VARCHAR', 'to': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE',
	'qualifier': 'VARCHAR', 'p1': 'INTEGER', 'p2': 'INTEGER', 'err': 'BOOLEAN', 'skip': 'BOOLEAN', 'missing': 'BOOLEAN',
	'categorical': 'BOOLEAN', 'is_count': 'BOOLEAN', 'is_percent': 'BOOLEAN'}`;

let runs = 0;

/**
 * The accepted rows: a view (row, unit, period, indicator, value, qualifier, source, note) over the file
 * as read, when every text of it is read as written, or over a table of the rows as they resolved.
 */
interface Staged {
	view: string;
	/** The statement that takes out the staged rows a query lists (by row number). */
	remove(rows: string): string;
}

/**
 * Import a large canonical file through DuckDB; null when the file is not eligible. Bytes are handed
 * over to DuckDB (in the browser they move to its worker: the caller must not use them afterwards).
 *
 * `read_csv` reads the file into text columns; two grouped passes give its distinct texts — of
 * indicators, qualifiers and values in one, of (unit, period) pairs in the other, with whether a pair
 * repeats an indicator and whether a rule may fail there. When every text is read as written (an export
 * of this app, or of a system that uses the same codes and names) the rows are staged as they were read,
 * behind a view; otherwise ONE query joins each row to what its texts resolved to and becomes the staged
 * table. Row rules then work on small sets only, and the rows they reject are taken out of what a commit
 * stores.
 */
export async function bulkImport(
	store: Store,
	source: Blob | Uint8Array,
	opts: ImportOptions,
	{ minBytes = BULK_MIN_BYTES } = {}
): Promise<BulkImport | null> {
	const size = source instanceof Blob ? source.size : source.length;
	if (size < minBytes || opts.encoding) return null;
	const head = source instanceof Blob ? new Uint8Array(await source.slice(0, 512).arrayBuffer()) : source;
	const header = canonicalHeader(head);
	if (!header) return null;
	const t0 = performance.now();
	const table = `bulk_ok_${++runs}`;
	const { raw } = stagedNames(table);
	return store.exclusive(async () => {
		const e = store.engine;
		if (!(await readRaw(e, source, header, raw))) return null;
		let keepRaw = false;
		try {
			const { result, asRead } = await check(e, raw, table, opts, header.includes('source'));
			keepRaw = asRead;
			result.stats.ms = Math.round(performance.now() - t0);
			return { result, table };
		} catch (error) {
			await e.run(dropStagedSql(table));
			throw error;
		} finally {
			// One round trip: DuckDB runs the statements of a text one after the other.
			await e.run(
				[
					'DROP VIEW IF EXISTS b_rows',
					...[
						'b_map',
						'b_pairs',
						'b_dup',
						'b_suspect',
						'b_rule',
						'b_order',
						...RATE_RULES.map((_, k) => rateTable(k)),
						...(keepRaw ? [] : [raw])
					].map((t) => `DROP TABLE IF EXISTS ${t}`)
				].join('; ')
			);
		}
	});
}

/** `read_csv` into `raw`, every column as text; false if DuckDB cannot parse it. */
async function readRaw(
	e: Engine,
	source: Blob | Uint8Array,
	header: string[],
	raw: string
): Promise<boolean> {
	const file = `${raw}.csv`;
	// A file the person chose is read by DuckDB's worker straight from the file; its bytes never cross
	// the page's thread (reading 50 MB there is a 200 ms task). Bytes (tests, scripts) are handed over as
	// they are — copying 50 MB holds the page 0.2–0.4 s — so in the browser the caller's array is emptied.
	await e.registerFile(file, source);
	try {
		const columns = header.map((h) => `'${h}': 'VARCHAR'`).join(', ');
		// Insertion order is kept, so `rowid + 2` is the row number Excel shows (row 1 is the header).
		// Texts stay as written: their distinct values are read by the importer's own functions. No
		// cell is NULL: an empty one, or one missing from a short row, is '' (force_not_null), as read
		// straight from the parser — a coalesce() of every column costs a fifth of the read. A file
		// without a source column gets none here (the file's name is a constant of the staged rows).
		// `num`: the value as DuckDB reads a number, once (the checks, the screen and the commit use it).
		await e.run(
			`CREATE OR REPLACE TEMP TABLE ${raw} AS
			 SELECT *, TRY_CAST(value AS DOUBLE) AS num FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
			      allow_quoted_nulls = false, null_padding = true, force_not_null = [${header.map((h) => `'${h}'`).join(', ')}],
			      columns = {${columns}})`
		);
		return true;
	} catch (error) {
		// A file DuckDB cannot parse: the JavaScript path names the row and the problem.
		console.warn('bulk import: falling back to the JavaScript path:', error);
		return false;
	} finally {
		dropSoon(e, file);
	}
}

/**
 * The row's source (the file's name where the file gives none) and note: a cell neutralised on export
 * (`'=…`) turned back — looked for only when some note starts with `'`.
 */
function sourceAndNote(hasSource: boolean, fileName: string, r: string, quotedNotes: boolean): string {
	const source = hasSource
		? `CASE WHEN ${r}.source <> '' THEN ${r}.source ELSE ${sqlLiteral(fileName)} END`
		: sqlLiteral(fileName);
	const note = quotedNotes
		? `CASE WHEN starts_with(${r}.note, '''') THEN regexp_replace(${r}.note, '^''([=+\\-@\\t\\r])', '\\1') ELSE ${r}.note END`
		: `${r}.note`;
	return `${source} AS source, ${note} AS note`;
}

/** A text that resolved to itself, without a finding. */
const asWritten = (l: Lookup) =>
	l.to === l.a && l.p1 === undefined && l.p2 === undefined && !l.err && !l.skip;

async function check(
	e: Engine,
	raw: string,
	table: string,
	opts: ImportOptions,
	hasSource: boolean
): Promise<{ result: ImportResult; asRead: boolean }> {
	const log = new IssueLog(opts.fileName);
	const problems: Problem[] = [];
	const problem = (p: Problem) => problems.push(p) - 1;
	const lookups: Lookup[] = [];

	// 1. One pass: the indicator, qualifier and value texts (values only where not a plain number), how
	// many rows each has — the report's counts follow from them, mostly without a row-by-row pass — and
	// how many cells may be out of range (a minus, over 100) for the indicator they turn out to be, and
	// how many notes start with `'`.
	const groups = (await e.run(
		`SELECT indicator, qualifier, CASE WHEN ${PLAIN_NUMBER} THEN NULL ELSE value END AS text, count(*) AS n,
		        count(*) FILTER (WHERE starts_with(value, '-')) AS neg, count(*) FILTER (WHERE num > 100) AS over,
		        count(*) FILTER (WHERE starts_with(note, '''')) AS quoted
		 FROM ${raw} GROUP BY ALL`
	)) as {
		indicator: string;
		qualifier: string;
		text: string | null;
		n: number;
		neg: number;
		over: number;
		quoted: number;
	}[];
	const quotedNotes = groups.some((g) => g.quoted > 0);
	const perIndicator = new Map<string, { n: number; plain: number; neg: number; over: number }>();
	const qualifierTexts = new Set<string>();
	const valueTexts = new Map<string, { indicator: string; value: string; n: number }>();
	for (const g of groups) {
		const t = perIndicator.get(g.indicator) ?? { n: 0, plain: 0, neg: 0, over: 0 };
		t.n += g.n;
		t.neg += g.neg;
		t.over += g.over;
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
	let maybeOutOfRange = 0;
	for (const [text, { n, neg, over }] of perIndicator) {
		const l = resolveIndicator(text, opts, problem, codeOf);
		lookups.push(l);
		tally.rows += n;
		if (l.skip) {
			tally.skipped += n;
			skippedIndicator.add(text);
		}
		if (!l.categorical) maybeOutOfRange += (l.is_count ? neg : 0) + (l.is_percent ? over : 0);
	}
	await stage(e, `b_map-i-${raw}.csv`, 'CREATE OR REPLACE TEMP TABLE b_map AS', lookups);
	// A rating or yes/no written as a plain number is read by the importer too.
	const values = [...valueTexts.values()];
	if (lookups.some((l) => l.categorical && perIndicator.get(l.a)!.plain > 0))
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
		if (ind && v.value !== undefined && outOfRange(v.value, ind)) tally.outOfRange += n;
	}

	// 2. Distinct (unit, period) pairs, each with whether an indicator text repeats in it and — when
	// indicators and values are read as written — whether an order or rate rule may fail there. A reused
	// unit name is told apart by the period.
	const screened = lookups.every(asWritten) && !texts.some((l) => l.kind === 'value');
	// The pairs come as one list of units per period: tens of thousands of rows cost more to hand over.
	const periods = (await e.run(
		`CREATE OR REPLACE TEMP TABLE b_pairs AS ${pairsQuery(raw, lookups.length, screened)};
		 SELECT period, list(unit) AS units, bool_or(repeats) AS repeats FROM b_pairs GROUP BY period`
	)) as { period: string; units: string[]; repeats: boolean }[];
	const repeats = periods.some((p) => p.repeats);
	// The unit list's index, the first time it is used, is built with breaks for the page too.
	await prepareUnitIndex(opts.units, async () => {
		if (due()) await nextTask();
	});
	const resolvePair = pairResolver(opts, problem);
	for (const { period, units } of periods)
		for (const unit of units) {
			texts.push(resolvePair(unit, period));
			if (due()) await nextTask();
		}
	const unitPeriodAsIs = texts.every(
		(l) =>
			l.kind !== 'unit_period' ||
			(l.to === l.a && l.period === l.b && l.p1 === undefined && l.p2 === undefined)
	);
	// The same key twice needs the same texts twice, or two texts that resolve alike (pairs read as
	// written are as distinct as the file's pairs).
	const clash = (keys: string[]) => new Set(keys).size < keys.length;
	const mayRepeat =
		repeats ||
		(!unitPeriodAsIs &&
			clash(
				texts
					.filter((l) => l.kind === 'unit_period' && l.to && l.period)
					.map((l) => `${l.to}\u0000${l.period}`)
			)) ||
		clash(lookups.flatMap((l) => (l.kind === 'indicator' && l.to ? [l.to] : [])));
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
			`CREATE OR REPLACE TEMP TABLE b_suspect AS ${asRead && !mayRepeat ? 'SELECT unit, period FROM b_pairs WHERE suspect' : suspects(table)}`,
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

/**
 * Rows whose texts do not all read as written: the view `b_rows` joins every row to what its texts
 * resolved to (a kind of text that resolved to itself everywhere is read as it is, its join left out);
 * the findings of texts and ranges are listed from it. Returns the report's counts.
 */
async function resolveRows(
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
		          coalesce(i.categorical, false) AS categorical, coalesce(i.is_count, false) AS is_count,
		          coalesce(i.is_percent, false) AS is_percent
		   FROM ${raw} r ${joins.join(' ')})
		 SELECT * EXCLUDE (categorical, is_count, is_percent),
		        CASE WHEN ${RESOLVED} THEN ${RANGE_ERROR} END AS range_error
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

/** Rows of the file: all, without a value, skipped (derived or text indicators), with a value out of range. */
interface Tally {
	rows: number;
	missing: number;
	skipped: number;
	outOfRange: number;
}
/** The report's counts: the tally's, or counted row by row when a range finding may be among them. */
type Counts = Omit<Tally, 'outOfRange'> & { ranged: number };

/**
 * One row per (unit, period) text pair: whether an indicator text repeats in it (a bit for each distinct
 * indicator text, or a distinct count past 64 of them) and, with `screen`, whether an order or rate rule
 * may fail there — the indicator texts being the codes and the values plain numbers.
 */
function pairsQuery(raw: string, indicatorTexts: number, screen: boolean): string {
	const distinct =
		indicatorTexts <= 64
			? `bit_count(bit_or(1::UBIGINT << (list_position((SELECT list(a ORDER BY a) FROM b_map WHERE kind = 'indicator'), indicator) - 1)))`
			: 'count(DISTINCT indicator)';
	return `SELECT unit, period, n > d AS repeats, ${screen ? `coalesce(${RULE_FAILS}, false)` : 'false'} AS suspect
	        FROM (SELECT unit, period, count(*) AS n, ${distinct} AS d${screen ? `, ${ruleValues('num')}` : ''}
	              FROM ${raw} GROUP BY unit, period)`;
}

/** Rows whose (unit, period, indicator) came before: listed, and taken out; returns the same-value repeats dropped. */
async function duplicates(e: Engine, raw: string, staged: Staged, log: IssueLog): Promise<number> {
	await e.run(
		`CREATE OR REPLACE TEMP TABLE b_dup AS
		 WITH candidates AS (
		   SELECT * FROM ${staged.view} WHERE hash(unit, period, indicator) IN (
		     SELECT h FROM (SELECT hash(unit, period, indicator) AS h FROM ${staged.view}) GROUP BY h HAVING count(*) > 1)),
		 f AS (SELECT row, unit, period, indicator, row_number() OVER w AS rn, first_value(row) OVER w AS first_row,
		         (first_value(value) OVER w = value AND first_value(qualifier) OVER w = qualifier) AS same_as_first
		       FROM candidates WINDOW w AS (PARTITION BY unit, period, indicator ORDER BY row))
		 SELECT *, bool_or(NOT same_as_first) OVER (PARTITION BY unit, period, indicator) AS conflict FROM f`
	);
	if (!(await hasRows(e, 'b_dup'))) return 0;
	const dupArgs = (r: Row): MessageArgs => ({
		a: String(r.unit),
		b: String(r.period),
		c: String(r.indicator),
		list: String(r.first_row)
	});
	const sameDropped = await listed(
		e,
		raw,
		log,
		`SELECT *, 'duplicate_same' AS code FROM b_dup WHERE rn > 1 AND same_as_first`,
		'warning',
		dupArgs
	);
	await listed(
		e,
		raw,
		log,
		`SELECT *, 'duplicate_conflict' AS code FROM b_dup WHERE rn > 1 AND NOT same_as_first`,
		'error',
		dupArgs
	);
	await e.run(staged.remove(`SELECT row FROM b_dup WHERE rn > 1 OR conflict`));
	return sameDropped;
}

/** A rate rule's findings table (one per rule: their numerators differ). */
const rateTable = (k: number) => `b_rate_${k}`;

/** The order and rate rules on the suspected (unit, period)s (`b_suspect`); true when rows were rejected. */
async function checkRules(
	e: Engine,
	raw: string,
	staged: Staged,
	log: IssueLog,
	names: Map<string, Indicator>
): Promise<boolean> {
	const pair = (a: string, b: string) =>
		`JOIN b_rule ${b} ON ${b}.unit = ${a}.unit AND ${b}.period = ${a}.period`;
	const orderFindings = ORDER_RULES.map(
		(rule) =>
			`SELECT lo.row, hi.value AS hi_value, hi.row AS hi_row, ${sqlLiteral(rule.code)} AS code,
			   ${sqlLiteral(rule.lesser)} AS lesser, ${sqlLiteral(rule.greater)} AS greater,
			   (lo.qualifier = '~' OR hi.qualifier = '~') AS approximate
			 FROM b_rule lo ${pair('lo', 'hi')}
			 WHERE lo.indicator = ${sqlLiteral(rule.lesser)} AND hi.indicator = ${sqlLiteral(rule.greater)}
			   AND hi.qualifier <> '>' AND lo.value > hi.value`
	).join(' UNION ALL ');
	const rateFindings = (rule: (typeof RATE_RULES)[number]) => {
		const nums = rule.numerator.map((_, i) => `n${i}`);
		const sides = ['rep', 'den', ...nums];
		const sum = `(${nums.map((n) => `${n}.value`).join(' + ')})`;
		return `SELECT rep.row, rep.value AS reported, den.value AS den, ${nums.map((n) => `${n}.value AS ${n}`).join(', ')},
		          100 * ${sum} / den.value AS recomputed, ${sqlLiteral(rule.code)} AS code
		        FROM b_rule rep ${sides
							.slice(1)
							.map((n) => pair('rep', n))
							.join(' ')}
		        WHERE rep.indicator = ${sqlLiteral(rule.reported)} AND den.indicator = ${sqlLiteral(rule.denominator)}
		          AND ${rule.numerator.map((code, i) => `n${i}.indicator = ${sqlLiteral(code)}`).join(' AND ')}
		          AND den.value <> 0 AND ${sides.map((n) => `${n}.qualifier = ''`).join(' AND ')}
		          AND abs(rep.value - 100 * ${sum} / den.value) > ${rule.tolerance + EPSILON}`;
	};
	// One round trip: their rows of the rule indicators, the order findings, then the rate findings — a
	// row an order rule rejects takes no part in a rate check — and how many there are of each.
	const [found] = (await e.run(
		[
			`CREATE OR REPLACE TEMP TABLE b_rule AS SELECT row, unit, period, indicator, value, qualifier FROM ${staged.view} r
			 SEMI JOIN b_suspect s ON s.unit = r.unit AND s.period = r.period
			 WHERE indicator IN (${RULE_CODE_LIST})`,
			`CREATE OR REPLACE TEMP TABLE b_order AS ${orderFindings}`,
			`DELETE FROM b_rule WHERE row IN (SELECT row FROM b_order WHERE NOT approximate)`,
			...RATE_RULES.map((rule, k) => `CREATE OR REPLACE TEMP TABLE ${rateTable(k)} AS ${rateFindings(rule)}`),
			`SELECT (SELECT count(*) FROM b_order) AS orders,
			        ${RATE_RULES.map((_, k) => `(SELECT count(*) FROM ${rateTable(k)}) AS rate${k}`).join(', ')}`
		].join(';\n')
	)) as Row[];
	const orderArgs = (r: Row): MessageArgs => {
		const lo = names.get(String(r.lesser));
		const hi = names.get(String(r.greater));
		return {
			a: lo?.name_vi || String(r.lesser),
			aEn: lo?.name_en || String(r.lesser),
			b: hi?.name_vi || String(r.greater),
			bEn: hi?.name_en || String(r.greater),
			list: fmt(Number(r.hi_value)),
			c: String(r.hi_row)
		};
	};
	const rejected = Number(found.orders) > 0;
	if (rejected) {
		await listed(e, raw, log, `SELECT * FROM b_order WHERE approximate`, 'warning', orderArgs);
		await listed(e, raw, log, `SELECT * FROM b_order WHERE NOT approximate`, 'error', orderArgs);
	}
	for (const [k, rule] of RATE_RULES.entries()) {
		if (Number(found[`rate${k}`]) === 0) continue;
		const nums = rule.numerator.map((_, i) => `n${i}`);
		await listed(e, raw, log, `SELECT * FROM ${rateTable(k)}`, 'warning', (r) => ({
			a: fmt(Number(r.recomputed)),
			b: `(${nums.map((n) => fmt(Number(r[n]))).join(' + ')}) / ${fmt(Number(r.den))} × 100`,
			c: fmt(Number(r.reported))
		}));
	}
	if (rejected) await e.run(staged.remove(`SELECT row FROM b_order WHERE NOT approximate`));
	return rejected;
}

/** Each rule indicator's value in a (unit, period), as `v0`, `v1`… (`value`: the value's expression). */
function ruleValues(value: string): string {
	return RULE_CODES.map((c, k) => `max(${value}) FILTER (WHERE indicator = ${sqlLiteral(c)}) AS v${k}`).join(
		', '
	);
}

/** Whether some order or rate rule fails on the values of `ruleValues`, qualifiers ignored. */
const RULE_FAILS = (() => {
	const v = (code: string) => `v${RULE_CODES.indexOf(code)}`;
	return [
		...ORDER_RULES.map((r) => `${v(r.lesser)} > ${v(r.greater)}`),
		...RATE_RULES.map(
			(r) =>
				`(${v(r.denominator)} <> 0 AND abs(${v(r.reported)} - 100 * (${r.numerator.map(v).join(' + ')}) / ${v(r.denominator)}) > ${r.tolerance + EPSILON})`
		)
	].join(' OR ');
})();

/**
 * The (unit, period)s where some rule may fail: one row per (unit, period) with each rule indicator's
 * value, tested against every rule with qualifiers ignored — a superset of where the rules fail (a
 * qualifier only ever excuses a row), found in one aggregation instead of a join per rule. Each key is
 * in the staged rows once (duplicates are gone by then), so each value is that row's.
 */
function suspects(table: string): string {
	return `SELECT unit, period FROM (
	          SELECT unit, period, ${ruleValues('value')}
	          FROM ${table} WHERE indicator IN (${RULE_CODE_LIST}) GROUP BY unit, period)
	        WHERE ${RULE_FAILS}`;
}

async function hasRows(e: Engine, table: string): Promise<boolean> {
	return (await e.run(`SELECT 1 FROM ${table} LIMIT 1`)).length > 0;
}

/** Findings of distinct texts, listed on the first rows where they occur and counted on the rest. */
async function listHits(e: Engine, raw: string, table: string, log: IssueLog, problems: Problem[]) {
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

type AddProblem = (p: Problem) => number;

/** A value the range rules reject: a negative count, a percentage over 100 (ratings are not ranged). */
function outOfRange(value: number, ind: Indicator): boolean {
	if (isCategorical(ind)) return false;
	return (COUNT_UNITS.has(ind.unit) && value < 0) || (PERCENT_UNITS.has(ind.unit) && value > 100);
}

function resolveIndicator(
	raw: string,
	opts: ImportOptions,
	problem: AddProblem,
	resolved: Map<string, Indicator>
): Lookup {
	const base = { kind: 'indicator', a: raw } as const;
	raw = plain(raw);
	if (raw === '')
		return {
			...base,
			err: true,
			p1: problem({ severity: 'error', code: 'missing_indicator', column: 'indicator' })
		};
	const m = matchIndicator(raw, opts.dictionary, opts.aliases);
	if (!m.indicator)
		return {
			...base,
			err: true,
			p1: problem({
				severity: 'error',
				code: 'unknown_indicator',
				column: 'indicator',
				args: { list: m.suggestions.join(', ') },
				suggestions: m.suggestions
			})
		};
	const ind = m.indicator;
	resolved.set(raw, ind);
	if (ind.kind === 'derived')
		return {
			...base,
			to: ind.code,
			skip: true,
			p1: problem({
				severity: 'warning',
				code: 'derived_indicator',
				column: 'indicator',
				args: { a: ind.formula || ind.code }
			})
		};
	return {
		...base,
		to: ind.code,
		categorical: isCategorical(ind),
		is_count: COUNT_UNITS.has(ind.unit),
		is_percent: PERCENT_UNITS.has(ind.unit)
	};
}

type PeriodScan = ReturnType<typeof scanPeriod>;

/** Resolves (unit, period) text pairs; each distinct unit name and period text is read once. */
function pairResolver(opts: ImportOptions, problem: AddProblem) {
	const match = unitMatcher(opts.units, opts.aliases);
	const periods = new Map<string, PeriodScan>();
	const scan = (text: string) => {
		let p = periods.get(text);
		if (!p) periods.set(text, (p = scanPeriod(text)));
		return p;
	};
	return (unit: string, period: string) => resolveUnitPeriod(unit, period, match, scan, problem);
}

function resolveUnitPeriod(
	unit: string,
	period: string,
	matchUnit: (raw: string, period: string | null) => UnitMatch,
	periodOf: (text: string) => PeriodScan,
	problem: AddProblem
): Lookup {
	const out: Lookup = { kind: 'unit_period', a: unit, b: period, to: '', period: '' };
	[unit, period] = [plain(unit), plain(period)];
	let p: string | null = null;
	if (period === '') out.p1 = problem({ severity: 'error', code: 'missing_period', column: 'period' });
	else {
		const ps = periodOf(period);
		if (ps.ok) p = out.period = ps.period;
		else
			out.p1 = problem({
				severity: 'error',
				code: ps.code,
				column: 'period',
				args: { max: String(new Date().getFullYear() + 1) }
			});
	}
	if (unit === '') out.p2 = problem({ severity: 'error', code: 'missing_unit', column: 'unit' });
	else {
		const m = matchUnit(unit, p);
		if (!m.unit && m.ambiguous)
			out.p2 = problem({
				severity: 'error',
				code: 'ambiguous_unit',
				column: 'unit',
				args: { list: m.suggestions.join(', '), a: p ?? '' },
				suggestions: m.suggestions
			});
		else if (!m.unit)
			out.p2 = problem({
				severity: 'error',
				code: 'unknown_unit',
				column: 'unit',
				args: { list: m.suggestions.join(', ') },
				suggestions: m.suggestions
			});
		else {
			out.to = m.unit.name;
			if (m.outsideValidity && p)
				out.p2 = problem({
					severity: 'warning',
					code: 'unit_not_valid_for_period',
					column: 'unit',
					args: { a: m.unit.name, b: p, list: `${m.unit.valid_from || '…'} – ${m.unit.valid_to || '…'}` }
				});
		}
	}
	// A missing period or unit is an error whose row is not stored (the row query sees '' there).
	return out;
}

function resolveQualifier(raw: string, problem: AddProblem): Lookup {
	const q = QUALIFIER_WORDS[normaliseKey(plain(raw))];
	return q === undefined
		? {
				kind: 'qualifier',
				a: raw,
				to: '',
				err: true,
				p1: problem({ severity: 'error', code: 'bad_qualifier', column: 'qualifier' })
			}
		: { kind: 'qualifier', a: raw, to: q };
}

/** A value text that is not a plain number (or belongs to a rating); null when the row is checked no further. */
function resolveValue(
	indicator: string,
	value: string,
	ind: Indicator | undefined,
	problem: AddProblem
): Lookup | null {
	const base = { kind: 'value', a: indicator, b: value } as const;
	value = plain(value).trim();
	const scanned = scanNumber(value);
	// Blank, dashes, n/a: missing, never 0, and a row without a value is not checked further.
	if (scanned.kind === 'missing') return { ...base, missing: true };
	if (!ind) return null;
	const v = interpretValue(value, scanned, ind, 'en');
	if (v.kind === 'missing') return { ...base };
	if (v.kind === 'text')
		return {
			...base,
			skip: true,
			p1: problem({
				severity: 'warning',
				code: 'text_indicator_skipped',
				column: 'value',
				args: { a: ind.code }
			})
		};
	if (v.kind === 'error') {
		const list = v.code === 'unknown_category' ? ind.categories.join(', ') : (v.suggestions ?? []).join(', ');
		return {
			...base,
			err: true,
			p1: problem({
				severity: 'error',
				code: v.code,
				column: 'value',
				args: { a: ind.name_vi || ind.code, list },
				suggestions: v.suggestions
			})
		};
	}
	return {
		...base,
		value: v.value,
		qualifier: v.qualifier,
		p1: v.warning ? problem({ severity: 'warning', code: v.warning, column: 'value' }) : undefined
	};
}

interface Problem {
	severity: 'error' | 'warning';
	code: string;
	column: 'unit' | 'period' | 'indicator' | 'value' | 'qualifier';
	args?: MessageArgs;
	suggestions?: string[];
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Lookups into `b_map` through one bulk `read_csv` (names are hostile text: never put into SQL). */
async function stage(e: Engine, file: string, into: string, rows: Lookup[]) {
	await e.registerFile(file, rowsToCsv(LOOKUP_COLUMNS, rows as unknown as Record<string, unknown>[]));
	try {
		await e.run(
			`${into} SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, columns = ${LOOKUP_TYPES})`
		);
	} finally {
		dropSoon(e, file);
	}
}

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

/** Lists the first findings of a query through the log and counts the rest; returns how many there were. */
async function listed(
	e: Engine,
	raw: string,
	log: IssueLog,
	sql: string,
	severity: 'error' | 'warning',
	args: (r: Row) => MessageArgs,
	params: (string | number)[] = []
): Promise<number> {
	const rows = await e.run(
		`SELECT *, count(*) OVER (PARTITION BY code) AS n__ FROM (${sql})
		 QUALIFY row_number() OVER (PARTITION BY code ORDER BY row) <= ${LISTED_PER_CODE} ORDER BY row`,
		params
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
