/**
 * Queries of the leaders' views, besides `seriesQuery`: the observations table with its filters, the
 * sources behind an indicator, which figures each unit reported, rating distributions, and the data
 * session's own reads (one series, whether sample rows are stored, the whole table for export); the SQL
 * console is in `console.ts`. Builders return `{ sql, params }` — every value a person or a file chose is a parameter,
 * never SQL text; runners take anything with `query(sql, params)` (the Store, or a test double).
 */
import { foldSearch } from '$lib/model/search';
import type { Indicator, Observation, Qualifier } from '$lib/model/types';
import type { Param, Row } from './engine';
import { seriesQuery, type Query, type SeriesOptions } from './series';
import type { SeriesRow } from '$lib/model/types';

export interface Queryable {
	query<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
}

class Params {
	readonly list: Param[] = [];
	add(v: Param): string {
		this.list.push(v);
		return `$${this.list.length}`;
	}
	in(values: readonly string[]): string {
		return values.map((v) => this.add(v)).join(', ');
	}
}

const YEAR_ONLY = `regexp_full_match(period, '[0-9]{4}')`;

/** Lower-case, no diacritics, đ → d: the same folding in SQL as `foldSearch` in JS. */
const fold = (expr: string) => `replace(strip_accents(lower(${expr})), 'đ', 'd')`;

// ——— Many series in one query ———

/**
 * The series of several indicators in one statement (one round trip to the database worker instead of
 * one per indicator — a unit profile reads every indicator). Each indicator's `seriesQuery` becomes a
 * branch of a UNION ALL with its parameters renumbered; rows carry their `indicator` code.
 */
export function seriesBatchQuery(
	indicators: readonly Indicator[],
	dictionary: Map<string, Indicator>,
	opts: SeriesOptions = {}
): Query | null {
	const params: Param[] = [];
	const branches: string[] = [];
	for (const indicator of indicators) {
		const q = seriesQuery(indicator, dictionary, opts);
		if (!q) continue;
		const offset = params.length;
		params.push(indicator.code, ...q.params);
		const sql = q.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset + 1}`);
		branches.push(`SELECT $${offset + 1}::VARCHAR AS indicator, s.* FROM (${sql}\n) AS s`);
	}
	if (branches.length === 0) return null;
	return { sql: branches.join('\nUNION ALL\n'), params };
}

export async function seriesBatch(
	db: Queryable,
	indicators: readonly Indicator[],
	dictionary: Map<string, Indicator>,
	opts: SeriesOptions = {}
): Promise<Map<string, SeriesRow[]>> {
	const out = new Map<string, SeriesRow[]>(indicators.map((i) => [i.code, []]));
	const q = seriesBatchQuery(indicators, dictionary, opts);
	if (!q) return out;
	const rows = await db.query<SeriesRow & { indicator: string }>(q.sql, q.params);
	for (const { indicator, ...row } of rows) out.get(indicator)?.push(row);
	for (const list of out.values())
		list.sort((a, b) =>
			a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0
		);
	return out;
}

// ——— Observations table ———

export interface ObservationFilter {
	units?: readonly string[];
	indicators?: readonly string[];
	periods?: readonly string[];
	sources?: readonly string[];
	/** Words to find in the unit, indicator (code or names), source or note; diacritics ignored. */
	text?: string;
}

export interface ObservationRow extends Observation {
	name_vi: string | null;
	name_en: string | null;
}

function whereOf(filter: ObservationFilter, p: Params): string {
	const where: string[] = [];
	if (filter.units?.length) where.push(`o.unit IN (${p.in(filter.units)})`);
	if (filter.indicators?.length) where.push(`o.indicator IN (${p.in(filter.indicators)})`);
	if (filter.periods?.length) where.push(`o.period IN (${p.in(filter.periods)})`);
	if (filter.sources?.length) where.push(`o.source IN (${p.in(filter.sources)})`);
	const words = foldSearch(filter.text ?? '')
		.split(' ')
		.filter(Boolean);
	for (const word of words) {
		const w = p.add(word);
		const fields = [
			'o.unit',
			'o.indicator',
			'o.source',
			'o.note',
			"coalesce(i.name_vi, '')",
			"coalesce(i.name_en, '')"
		];
		where.push(`(${fields.map((f) => `contains(${fold(f)}, ${w})`).join(' OR ')})`);
	}
	return where.length ? where.join(' AND ') : 'TRUE';
}

/** The observations matching `filter` (with the indicator's names), at most `limit` rows. */
export function observationsQuery(filter: ObservationFilter, limit?: number): Query {
	const p = new Params();
	const where = whereOf(filter, p);
	const cap = limit !== undefined ? `LIMIT ${p.add(Math.max(0, Math.floor(limit)))}` : '';
	return {
		sql: `SELECT o.unit, o.period, o.indicator, o.value, o.qualifier, o.source, o.note, i.name_vi, i.name_en
FROM observations o LEFT JOIN indicators i ON i.code = o.indicator
WHERE ${where} ORDER BY o.unit, o.indicator, o.period ${cap}`,
		params: p.list
	};
}

export function observationCountQuery(filter: ObservationFilter): Query {
	const p = new Params();
	const where = whereOf(filter, p);
	return {
		sql: `SELECT count(*)::INTEGER AS n FROM observations o LEFT JOIN indicators i ON i.code = o.indicator WHERE ${where}`,
		params: p.list
	};
}

export async function observations(
	db: Queryable,
	filter: ObservationFilter,
	limit?: number
): Promise<ObservationRow[]> {
	const q = observationsQuery(filter, limit);
	const rows = await db.query<ObservationRow>(q.sql, q.params);
	return rows.map((r) => ({
		...r,
		qualifier: (r.qualifier ?? '') as Qualifier,
		note: r.note ?? '',
		source: r.source ?? ''
	}));
}

export async function observationCount(db: Queryable, filter: ObservationFilter): Promise<number> {
	const q = observationCountQuery(filter);
	const [row] = await db.query<{ n: number }>(q.sql, q.params);
	return Number(row?.n ?? 0);
}

export interface Facets {
	periods: string[];
	sources: { source: string; rows: number }[];
}

/** The values the data table's filters offer. */
export async function observationFacets(db: Queryable): Promise<Facets> {
	const periods = await db.query<{ period: string }>(
		`SELECT DISTINCT period FROM observations ORDER BY period`
	);
	const sources = await db.query<{ source: string; rows: number }>(
		`SELECT source, count(*)::INTEGER AS rows FROM observations GROUP BY source ORDER BY rows DESC, source`
	);
	return { periods: periods.map((r) => r.period), sources };
}

// ——— Where figures come from ———

export interface SourceRow {
	source: string;
	rows: number;
	units: number;
	first: string;
	last: string;
}

export function sourcesQuery(codes: readonly string[]): Query {
	const p = new Params();
	return {
		sql: `SELECT source, count(*)::INTEGER AS rows, count(DISTINCT unit)::INTEGER AS units, min(period) AS first, max(period) AS last
FROM observations WHERE indicator IN (${codes.length ? p.in(codes) : 'NULL'}) GROUP BY source ORDER BY rows DESC, source`,
		params: p.list
	};
}

export function sources(db: Queryable, codes: readonly string[]): Promise<SourceRow[]> {
	const q = sourcesQuery(codes);
	return db.query<SourceRow>(q.sql, q.params);
}

export interface PresenceRow {
	unit: string;
	period: string;
	indicator: string;
}

/** Which (unit, period, indicator) have a figure; yearly periods only unless `all`. */
export function presenceQuery(codes?: readonly string[], periods: 'year' | 'all' = 'year'): Query {
	const p = new Params();
	const where = [periods === 'year' ? YEAR_ONLY : 'TRUE'];
	if (codes) where.push(`indicator IN (${codes.length ? p.in(codes) : 'NULL'})`);
	return {
		sql: `SELECT DISTINCT unit, period, indicator FROM observations WHERE ${where.join(' AND ')} ORDER BY unit, period, indicator`,
		params: p.list
	};
}

export function presence(
	db: Queryable,
	codes?: readonly string[],
	periods: 'year' | 'all' = 'year'
): Promise<PresenceRow[]> {
	const q = presenceQuery(codes, periods);
	return db.query<PresenceRow>(q.sql, q.params);
}

export interface UnitSummaryRow {
	unit: string;
	rows: number;
	indicators: number;
	first: string;
	last: string;
}

/** Per unit name: how many figures, of how many indicators, from which period to which. */
export function unitSummaryQuery(): Query {
	return {
		sql: `SELECT unit, count(*)::INTEGER AS rows, count(DISTINCT indicator)::INTEGER AS indicators, min(period) AS first, max(period) AS last
FROM observations GROUP BY unit ORDER BY unit`,
		params: []
	};
}

export function unitSummary(db: Queryable): Promise<UnitSummaryRow[]> {
	const q = unitSummaryQuery();
	return db.query<UnitSummaryRow>(q.sql, q.params);
}

// ——— Ratings: a distribution, never a mean ———

export interface RatingCountRow {
	group: string;
	period: string;
	value: number;
	units: number;
}

/** How many units got each rating, per group (each unit, its 2025 successor, or the town) and period. */
export function ratingDistributionQuery(
	code: string,
	grouping: 'unit' | 'successor' | 'town',
	townLabel = 'Toàn thị xã'
): Query {
	const p = new Params();
	const c = p.add(code);
	const key =
		grouping === 'town'
			? p.add(townLabel)
			: grouping === 'successor'
				? `coalesce((SELECT s.name FROM units u JOIN units s ON s.code || '@' || strftime(s.valid_from, '%Y-%m-%d') = u.successor WHERE u.name = o.unit AND u.successor <> '' LIMIT 1), o.unit)`
				: 'o.unit';
	return {
		sql: `SELECT ${key} AS "group", o.period, o.value, count(*)::INTEGER AS units
FROM observations o WHERE o.indicator = ${c} AND regexp_full_match(o.period, '[0-9]{4}')
GROUP BY ALL ORDER BY "group", o.period, o.value DESC`,
		params: p.list
	};
}

export function ratingDistribution(
	db: Queryable,
	code: string,
	grouping: 'unit' | 'successor' | 'town',
	townLabel?: string
): Promise<RatingCountRow[]> {
	const q = ratingDistributionQuery(code, grouping, townLabel);
	return db.query<RatingCountRow>(q.sql, q.params);
}

// ——— The data session ———

/** One indicator's values (raw or derived), per unit or summed up over groups; see `seriesQuery`. */
export function series(
	db: Queryable,
	indicator: Indicator,
	dictionary: Map<string, Indicator>,
	opts: SeriesOptions = {}
): Promise<SeriesRow[]> {
	const q = seriesQuery(indicator, dictionary, opts);
	return q ? db.query<SeriesRow>(q.sql, q.params) : Promise.resolve([]);
}

/** Whether any sample (synthetic) row is stored. */
export async function hasSampleRows(db: Queryable): Promise<boolean> {
	const rows = await db.query(`SELECT 1 FROM observations WHERE source = 'sample' LIMIT 1`);
	return rows.length > 0;
}

/** Every stored observation, in the canonical export's order (unit, indicator, period). */
export function allObservations(db: Queryable): Promise<Observation[]> {
	return db.query<Observation>(
		'SELECT unit, period, indicator, value, qualifier, source, note FROM observations ORDER BY unit, indicator, period'
	);
}
