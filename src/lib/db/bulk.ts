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
	matchUnit,
	normaliseKey,
	ORDER_RULES,
	PERCENT_UNITS,
	QUALIFIER_WORDS,
	RATE_RULES,
	scanNumber,
	scanPeriod,
	type ImportOptions,
	type ImportResult,
	type MessageArgs
} from '$lib/import';
import type { Indicator } from '$lib/model/types';
import { rowsToCsv } from './csv';
import type { Engine, Row } from './engine';
import type { Store } from './store';

/** Below this size the JavaScript path is as fast and reports exactly the same. */
export const BULK_MIN_BYTES = 256 * 1024;
const LISTED_PER_CODE = 200;
const PLAIN_NUMBER = `regexp_full_match(value, '-?[0-9]+(\\.[0-9]+)?')`;
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

let runs = 0;

/** Import a large canonical file through DuckDB; null when the file is not eligible. */
export async function bulkImport(
	store: Store,
	bytes: Uint8Array,
	opts: ImportOptions,
	{ minBytes = BULK_MIN_BYTES } = {}
): Promise<BulkImport | null> {
	const header = canonicalHeader(bytes);
	if (!header || bytes.length < minBytes || opts.encoding) return null;
	const t0 = performance.now();
	const id = ++runs;
	const table = `bulk_ok_${id}`;
	const log = new IssueLog(opts.fileName);
	return store.exclusive(async () => {
		const e = store.engine;
		const file = `bulk-${id}.csv`;
		await e.registerFile(file, bytes);
		try {
			const columns = header.map((h) => `'${h}': 'VARCHAR'`).join(', ');
			const unneutralise = (c: string) =>
				`regexp_replace(coalesce(${c}, ''), '^''([=+\\-@\\t\\r])', '\\1') AS ${c}`;
			await e.run(
				`CREATE OR REPLACE TEMP TABLE b_raw AS
				 SELECT (row_number() OVER () + 1)::INTEGER AS row, ${['unit', 'period', 'indicator'].map(unneutralise).join(', ')},
				        trim(coalesce(value, '')) AS value, ${unneutralise('qualifier')}, ${unneutralise('note')},
				        ${header.includes('source') ? `coalesce(source, '')` : `''`} AS source
				 FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
				      allow_quoted_nulls = false, null_padding = true, columns = {${columns}})`
			);
		} catch (error) {
			// A file DuckDB cannot parse: the JavaScript path names the row and the problem.
			console.warn('bulk import: falling back to the JavaScript path:', error);
			return null;
		} finally {
			await e.dropFile(file);
		}
		const problems: Problem[] = [];
		const problem = (p: Problem) => problems.push(p) - 1;
		const dictionary = new Map(opts.dictionary.map((i) => [i.code, i]));

		// 1. Distinct indicators.
		const indicators = (await e.run('SELECT DISTINCT indicator AS raw FROM b_raw')) as { raw: string }[];
		const indRows = indicators.map(({ raw }) => {
			if (raw === '')
				return {
					raw,
					code: '',
					problem: problem({ severity: 'error', code: 'missing_indicator', column: 'indicator' })
				};
			const m = matchIndicator(raw, opts.dictionary, opts.aliases);
			if (!m.indicator)
				return {
					raw,
					code: '',
					problem: problem({
						severity: 'error',
						code: 'unknown_indicator',
						column: 'indicator',
						args: { list: m.suggestions.join(', ') },
						suggestions: m.suggestions
					})
				};
			if (m.indicator.kind === 'derived')
				return {
					raw,
					code: m.indicator.code,
					skip: true,
					problem: problem({
						severity: 'warning',
						code: 'derived_indicator',
						column: 'indicator',
						args: { a: m.indicator.formula || m.indicator.code }
					})
				};
			return { raw, code: m.indicator.code, categorical: isCategorical(m.indicator) };
		});
		await stage(
			e,
			'b_ind',
			['raw', 'code', 'problem', 'skip', 'categorical'],
			indRows,
			`{'raw': 'VARCHAR', 'code': 'VARCHAR', 'problem': 'INTEGER', 'skip': 'BOOLEAN', 'categorical': 'BOOLEAN'}`
		);

		// 2. Distinct (unit, period) pairs: a reused unit name is told apart by the period.
		const pairs = (await e.run('SELECT DISTINCT unit, period FROM b_raw')) as {
			unit: string;
			period: string;
		}[];
		const upRows = pairs.map(({ unit, period }) => {
			let p: string | null = null;
			let periodProblem: number | undefined;
			if (period === '')
				periodProblem = problem({ severity: 'error', code: 'missing_period', column: 'period' });
			else {
				const ps = scanPeriod(period);
				if (ps.ok) p = ps.period;
				else
					periodProblem = problem({
						severity: 'error',
						code: ps.code,
						column: 'period',
						args: { max: String(new Date().getFullYear() + 1) }
					});
			}
			let name = '';
			let unitProblem: number | undefined;
			if (unit === '') unitProblem = problem({ severity: 'error', code: 'missing_unit', column: 'unit' });
			else {
				const m = matchUnit(unit, opts.units, p, opts.aliases);
				if (!m.unit && m.ambiguous)
					unitProblem = problem({
						severity: 'error',
						code: 'ambiguous_unit',
						column: 'unit',
						args: { list: m.suggestions.join(', '), a: p ?? '' },
						suggestions: m.suggestions
					});
				else if (!m.unit)
					unitProblem = problem({
						severity: 'error',
						code: 'unknown_unit',
						column: 'unit',
						args: { list: m.suggestions.join(', ') },
						suggestions: m.suggestions
					});
				else {
					name = m.unit.name;
					if (m.outsideValidity && p)
						unitProblem = problem({
							severity: 'warning',
							code: 'unit_not_valid_for_period',
							column: 'unit',
							args: { a: m.unit.name, b: p, list: `${m.unit.valid_from || '…'} – ${m.unit.valid_to || '…'}` }
						});
				}
			}
			return {
				raw_unit: unit,
				raw_period: period,
				unit: name,
				period: p ?? '',
				period_problem: periodProblem,
				unit_problem: unitProblem
			};
		});
		await stage(
			e,
			'b_up',
			['raw_unit', 'raw_period', 'unit', 'period', 'period_problem', 'unit_problem'],
			upRows,
			`{'raw_unit': 'VARCHAR', 'raw_period': 'VARCHAR', 'unit': 'VARCHAR', 'period': 'VARCHAR', 'period_problem': 'INTEGER', 'unit_problem': 'INTEGER'}`
		);

		// 3. Distinct qualifier texts.
		const quals = (await e.run('SELECT DISTINCT qualifier AS raw FROM b_raw')) as { raw: string }[];
		const qRows = quals.map(({ raw }) => {
			const q = QUALIFIER_WORDS[normaliseKey(raw)];
			return q === undefined
				? {
						raw,
						qualifier: '',
						problem: problem({ severity: 'error', code: 'bad_qualifier', column: 'qualifier' })
					}
				: { raw, qualifier: q };
		});
		await stage(
			e,
			'b_q',
			['raw', 'qualifier', 'problem'],
			qRows,
			`{'raw': 'VARCHAR', 'qualifier': 'VARCHAR', 'problem': 'INTEGER'}`
		);

		// 4. Missing values (blank, dashes, n/a): never 0, and a row without a value is not checked further.
		const texts = (await e.run(`SELECT DISTINCT value FROM b_raw WHERE NOT ${PLAIN_NUMBER}`)) as {
			value: string;
		}[];
		const missingRows = texts
			.filter((t) => scanNumber(t.value).kind === 'missing')
			.map((t) => ({ raw: t.value }));
		await stage(e, 'b_missing', ['raw'], missingRows, `{'raw': 'VARCHAR'}`);

		// 5. Distinct value texts that are not plain numbers, or that belong to a categorical indicator.
		const values = (await e.run(
			`SELECT DISTINCT r.indicator, r.value FROM b_raw r JOIN b_ind i ON i.raw = r.indicator
			 WHERE i.code <> '' AND (NOT ${PLAIN_NUMBER} OR i.categorical) AND r.value NOT IN (SELECT raw FROM b_missing)`
		)) as { indicator: string; value: string }[];
		const codeOf = new Map(indRows.map((r) => [r.raw, r.code]));
		const valRows = values.map(({ indicator, value }) => {
			const ind = dictionary.get(codeOf.get(indicator) ?? '') as Indicator;
			const v = interpretValue(value, scanNumber(value), ind, 'en');
			if (v.kind === 'missing') return { indicator, raw: value };
			if (v.kind === 'text')
				return {
					indicator,
					raw: value,
					problem: problem({
						severity: 'warning',
						code: 'text_indicator_skipped',
						column: 'value',
						args: { a: ind.code }
					}),
					skip: true
				};
			if (v.kind === 'error') {
				const list =
					v.code === 'unknown_category' ? ind.categories.join(', ') : (v.suggestions ?? []).join(', ');
				return {
					indicator,
					raw: value,
					problem: problem({
						severity: 'error',
						code: v.code,
						column: 'value',
						args: { a: ind.name_vi || ind.code, list },
						suggestions: v.suggestions
					})
				};
			}
			return {
				indicator,
				raw: value,
				value: v.value,
				qualifier: v.qualifier,
				problem: v.warning ? problem({ severity: 'warning', code: v.warning, column: 'value' }) : undefined
			};
		});
		await stage(
			e,
			'b_val',
			['indicator', 'raw', 'value', 'qualifier', 'problem', 'skip'],
			valRows,
			`{'indicator': 'VARCHAR', 'raw': 'VARCHAR', 'value': 'DOUBLE', 'qualifier': 'VARCHAR', 'problem': 'INTEGER', 'skip': 'BOOLEAN'}`
		);

		// 6. Every row with what its texts resolved to.
		await e.run(
			`CREATE OR REPLACE TEMP TABLE b_rows AS
			 SELECT r.row, up.unit, up.period, i.code AS indicator, r.value AS raw,
			        CASE WHEN v.raw IS NOT NULL THEN v.value ELSE TRY_CAST(r.value AS DOUBLE) END AS value,
			        CASE WHEN r.qualifier <> '' THEN coalesce(q.qualifier, '') ELSE coalesce(v.qualifier, '') END AS qualifier,
			        r.note, CASE WHEN r.source <> '' THEN r.source ELSE ? END AS source,
			        r.value IN (SELECT raw FROM b_missing) AS missing,
			        coalesce(i.skip, false) OR coalesce(v.skip, false) AS skip,
			        [up.period_problem, i.problem, up.unit_problem, q.problem, v.problem] AS problems
			 FROM b_raw r
			 LEFT JOIN b_up up ON up.raw_unit = r.unit AND up.raw_period = r.period
			 LEFT JOIN b_ind i ON i.raw = r.indicator
			 LEFT JOIN b_q q ON q.raw = r.qualifier
			 LEFT JOIN b_val v ON v.indicator = r.indicator AND v.raw = r.value`,
			[opts.fileName]
		);
		const [{ rows, missing }] = (await e.run(
			`SELECT count(*) AS rows, count(*) FILTER (WHERE missing) AS missing FROM b_rows`
		)) as { rows: number; missing: number }[];

		// Findings of the distinct texts, listed on the rows where they occur.
		const hits = (await e.run(
			`WITH h AS (SELECT row, raw, unnest(problems) AS p FROM b_rows WHERE NOT missing)
			 SELECT p, row, raw, count(*) OVER (PARTITION BY p) AS n FROM h WHERE p IS NOT NULL
			 QUALIFY row_number() OVER (PARTITION BY p ORDER BY row) <= ${LISTED_PER_CODE} ORDER BY row`
		)) as { p: number; row: number; raw: string; n: number }[];
		const rawOf = await rawCells(
			e,
			hits.map((h) => h.row)
		);
		const listedPerProblem = new Map<number, number>();
		for (const h of hits) {
			const pr = problems[h.p];
			const cells = rawOf.get(h.row);
			const value = pr.column === 'value' ? h.raw : (cells?.[pr.column] ?? '');
			log.add(pr.severity, pr.code, { row: h.row, column: pr.column, value }, pr.args, pr.suggestions);
			listedPerProblem.set(h.p, h.n);
		}
		for (const [p, n] of listedPerProblem)
			log.addUnlisted(problems[p].severity, problems[p].code, n - Math.min(n, LISTED_PER_CODE));

		// 7. Row checks on the rows that resolved: ranges, duplicates, order and rate rules.
		const errorIds = problems.flatMap((p, i) => (p.severity === 'error' ? [i] : []));
		await stage(
			e,
			'b_dict',
			['code', 'uom', 'categorical'],
			opts.dictionary.map((i) => ({ code: i.code, uom: i.unit, categorical: isCategorical(i) })),
			`{'code': 'VARCHAR', 'uom': 'VARCHAR', 'categorical': 'BOOLEAN'}`
		);
		const inList = (set: ReadonlySet<string>) => [...set].map((u) => `'${u.replace(/'/g, "''")}'`).join(', ');
		await e.run(
			`CREATE OR REPLACE TEMP TABLE b_valid AS
			 SELECT r.*,
			   CASE WHEN d.categorical THEN NULL
			        WHEN d.uom IN (${inList(COUNT_UNITS)}) AND r.value < 0 THEN 'negative_count'
			        WHEN d.uom IN (${inList(PERCENT_UNITS)}) AND r.value > 100 THEN 'percent_over_100' END AS range_error
			 FROM b_rows r JOIN b_dict d ON d.code = r.indicator
			 WHERE NOT r.missing AND NOT r.skip AND r.value IS NOT NULL AND r.unit <> '' AND r.period <> ''
			   AND NOT list_has_any(r.problems, ?::INTEGER[])`,
			[`[${errorIds.join(',')}]`]
		);
		await listed(
			e,
			log,
			`SELECT row, raw, range_error AS code FROM b_valid WHERE range_error IS NOT NULL`,
			'error',
			() => ({})
		);
		await e.run(
			`CREATE OR REPLACE TEMP TABLE b_dedup AS
			 WITH f AS (SELECT *, row_number() OVER w AS rn, first_value(row) OVER w AS first_row,
			              (first_value(value) OVER w = value AND first_value(qualifier) OVER w = qualifier) AS same_as_first
			            FROM b_valid WHERE range_error IS NULL
			            WINDOW w AS (PARTITION BY unit, period, indicator ORDER BY row))
			 SELECT *, bool_or(NOT same_as_first) OVER (PARTITION BY unit, period, indicator) AS conflict FROM f`
		);
		const dupArgs = (r: Row): MessageArgs => ({
			a: String(r.unit),
			b: String(r.period),
			c: String(r.indicator),
			list: String(r.first_row)
		});
		const sameDropped = await listed(
			e,
			log,
			`SELECT *, 'duplicate_same' AS code FROM b_dedup WHERE rn > 1 AND same_as_first`,
			'warning',
			dupArgs
		);
		await listed(
			e,
			log,
			`SELECT *, 'duplicate_conflict' AS code FROM b_dedup WHERE rn > 1 AND NOT same_as_first`,
			'error',
			dupArgs
		);
		await e.run(`CREATE OR REPLACE TEMP TABLE b_kept AS SELECT * FROM b_dedup WHERE rn = 1 AND NOT conflict`);

		const names = new Map(opts.dictionary.map((i) => [i.code, i]));
		await stage(
			e,
			'b_rules',
			['code', 'lesser', 'greater'],
			ORDER_RULES.map((r) => ({ ...r })),
			`{'code': 'VARCHAR', 'lesser': 'VARCHAR', 'greater': 'VARCHAR'}`
		);
		await e.run(
			`CREATE OR REPLACE TEMP TABLE b_order AS
			 SELECT lo.row, lo.raw, hi.value AS hi_value, hi.row AS hi_row, r.code, r.lesser, r.greater,
			        (lo.qualifier = '~' OR hi.qualifier = '~') AS approximate
			 FROM b_rules r JOIN b_kept lo ON lo.indicator = r.lesser
			 JOIN b_kept hi ON hi.unit = lo.unit AND hi.period = lo.period AND hi.indicator = r.greater
			 WHERE hi.qualifier <> '>' AND lo.value > hi.value`
		);
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
		await listed(e, log, `SELECT * FROM b_order WHERE approximate`, 'warning', orderArgs);
		await listed(e, log, `SELECT * FROM b_order WHERE NOT approximate`, 'error', orderArgs);
		await e.run(`CREATE OR REPLACE TEMP TABLE b_rejected AS SELECT row FROM b_order WHERE NOT approximate`);
		for (const rule of RATE_RULES) {
			const nums = rule.numerator.map((_, i) => `n${i}`);
			const sql = `SELECT rep.row, rep.raw, rep.value AS reported, den.value AS den, ${nums.map((n) => `${n}.value AS ${n}`).join(', ')},
				  100 * (${nums.map((n) => `${n}.value`).join(' + ')}) / den.value AS recomputed, '${rule.code}' AS code
				FROM b_kept rep JOIN b_kept den ON den.unit = rep.unit AND den.period = rep.period AND den.indicator = ?
				${nums.map((n) => `JOIN b_kept ${n} ON ${n}.unit = rep.unit AND ${n}.period = rep.period AND ${n}.indicator = ?`).join(' ')}
				WHERE rep.indicator = ? AND den.value <> 0
				  AND rep.qualifier = '' AND den.qualifier = '' ${nums.map((n) => `AND ${n}.qualifier = ''`).join(' ')}
				  AND NOT EXISTS (SELECT 1 FROM b_rejected x WHERE x.row IN (rep.row, den.row${nums.map((n) => `, ${n}.row`).join('')}))
				  AND abs(rep.value - 100 * (${nums.map((n) => `${n}.value`).join(' + ')}) / den.value) > ${rule.tolerance + EPSILON}`;
			await listed(
				e,
				log,
				sql,
				'warning',
				(r) => ({
					a: fmt(Number(r.recomputed)),
					b: `(${nums.map((n) => fmt(Number(r[n]))).join(' + ')}) / ${fmt(Number(r.den))} × 100`,
					c: fmt(Number(r.reported))
				}),
				[rule.denominator, ...rule.numerator, rule.reported]
			);
		}
		await e.run(
			`CREATE OR REPLACE TEMP TABLE ${table} AS
			 SELECT unit, period, indicator, value, qualifier, source, note FROM b_kept WHERE row NOT IN (SELECT row FROM b_rejected) ORDER BY row`
		);
		const [{ n: observations }] = (await e.run(`SELECT count(*) AS n FROM ${table}`)) as { n: number }[];
		const [{ n: skippedRows }] = (await e.run(`SELECT count(*) AS n FROM b_rows WHERE skip`)) as {
			n: number;
		}[];
		for (const t of [
			'b_raw',
			'b_ind',
			'b_up',
			'b_q',
			'b_missing',
			'b_val',
			'b_rows',
			'b_dict',
			'b_valid',
			'b_dedup',
			'b_kept',
			'b_rules',
			'b_order',
			'b_rejected'
		])
			await e.run(`DROP TABLE IF EXISTS ${t}`);
		if (missing > 0) log.add('info', 'missing_values', { row: 0 }, { n: missing });
		const issues = log.finish();
		const result: ImportResult = {
			kind: 'observations',
			observations: [],
			issues,
			shape: 'long',
			encoding: 'utf-8',
			delimiter: ',',
			questions: [],
			stats: {
				rows,
				observations,
				errors: log.errors,
				warnings: log.warnings,
				skipped: missing + sameDropped + skippedRows,
				ms: Math.round(performance.now() - t0)
			}
		};
		return { result, table };
	});
}

interface Problem {
	severity: 'error' | 'warning';
	code: string;
	column: 'unit' | 'period' | 'indicator' | 'value' | 'qualifier';
	args?: MessageArgs;
	suggestions?: string[];
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

async function stage(
	e: Engine,
	table: string,
	columns: string[],
	rows: Record<string, unknown>[],
	types: string
) {
	const file = `${table}-${runs}.csv`;
	await e.registerFile(file, rowsToCsv(columns, rows));
	try {
		await e.run(
			`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, allow_quoted_nulls = false, columns = ${types})`
		);
	} finally {
		await e.dropFile(file);
	}
}

/** The raw cells of a few rows, to show the value a finding is about. */
async function rawCells(e: Engine, rows: number[]): Promise<Map<number, Record<string, string>>> {
	if (rows.length === 0) return new Map();
	const list = (await e.run(`SELECT * FROM b_raw WHERE list_contains(?::INTEGER[], row)`, [
		`[${[...new Set(rows)].join(',')}]`
	])) as (Record<string, string> & { row: number })[];
	return new Map(list.map((r) => [r.row, r]));
}

/** Lists the first findings of a query through the log and counts the rest; returns how many there were. */
async function listed(
	e: Engine,
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
	const totals = new Map<string, { n: number; listed: number }>();
	for (const r of rows) {
		const code = String(r.code);
		log.add(severity, code, { row: Number(r.row), column: 'value', value: String(r.raw) }, args(r));
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
