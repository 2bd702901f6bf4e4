/**
 * What an import would change: its staged rows against the stored ones — new, changed, unchanged —
 * with a preview of the rows. Changes nothing; the Store runs it inside its queue.
 */
import type { Engine } from './engine';

export interface DiffSummary {
	added: number;
	changed: number;
	unchanged: number;
	/** Changed rows first, then new, then unchanged. */
	rows: DiffRow[];
}

export interface DiffRow {
	unit: string;
	period: string;
	indicator: string;
	status: 'new' | 'changed' | 'unchanged';
	old_value: number | null;
	old_qualifier: string | null;
	value: number;
	qualifier: string;
}

/**
 * New, changed and unchanged rows of the staged rows `from` against what is stored, with the changed
 * rows first among `rows` (at most `limit`), then new ones, then unchanged.
 */
export async function diffRows(e: Engine, from: string, limit: number): Promise<DiffSummary> {
	// Only the rows that meet a stored row are joined out (usually few); new rows are the rest.
	// One round trip: the statements of a text run one after the other, the last one answers.
	const [counts] = (await e.run(
		`CREATE OR REPLACE TEMP TABLE stage_match AS
		 SELECT s.unit, s.period, s.indicator, o.value AS old_value, o.qualifier AS old_qualifier, s.value, s.qualifier,
		        (o.value = s.value AND o.qualifier = s.qualifier) AS same
		 FROM ${from} s JOIN observations o ON o.unit = s.unit AND o.period = s.period AND o.indicator = s.indicator;
		 SELECT (SELECT count(*) FROM ${from}) - count(*) AS added, count(*) FILTER (WHERE NOT same) AS changed,
		        count(*) FILTER (WHERE same) AS unchanged FROM stage_match`
	)) as { added: number; changed: number; unchanged: number }[];
	// Listings of an empty set are not asked for (an import of new rows has nothing to compare).
	const matched = async (status: 'changed' | 'unchanged', n: number) =>
		counts[status] === 0
			? []
			: ((await e.run(
					`SELECT unit, period, indicator, '${status}' AS status, old_value, old_qualifier, value, qualifier
			 FROM stage_match WHERE ${status === 'changed' ? 'NOT' : ''} same ORDER BY unit, indicator, period LIMIT ?`,
					[n]
				)) as unknown as DiffRow[]);
	const rows = await matched('changed', limit);
	if (rows.length < limit && counts.added > 0)
		// In the file's order: no sort of a million rows for a preview.
		rows.push(
			...((await e.run(
				`SELECT s.unit, s.period, s.indicator, 'new' AS status, NULL::DOUBLE AS old_value,
		        NULL::VARCHAR AS old_qualifier, s.value, s.qualifier
		 FROM ${from} s
		 ${counts.changed + counts.unchanged > 0 ? 'ANTI JOIN stage_match m ON m.unit = s.unit AND m.period = s.period AND m.indicator = s.indicator' : ''}
		 LIMIT ?`,
				[limit - rows.length]
			)) as unknown as DiffRow[])
		);
	if (rows.length < limit) rows.push(...(await matched('unchanged', limit - rows.length)));
	await e.run('DROP TABLE stage_match; DROP TABLE IF EXISTS stage_diff');
	return { ...counts, rows };
}
