/**
 * The read-only SQL console of the data page: a person's statement, checked by `guardSelect`, run as a
 * subquery inside a READ ONLY transaction that is always rolled back; and the examples it offers.
 */
import { guardSelect, type GuardResult } from '$lib/model/sql-guard';
import type { Row } from './engine';
import type { Store } from './store';

export const CONSOLE_ROW_CAP = 1000;

export interface ConsoleColumn {
	name: string;
	type: string;
}

export type ConsoleResult =
	| { ok: true; columns: ConsoleColumn[]; rows: Row[]; truncated: boolean; ms: number }
	| { ok: false; vi: string; en: string };

/** The statement the console runs: the checked query as a subquery, so only a query can parse. */
export function consoleSql(checked: string, cap = CONSOLE_ROW_CAP): string {
	return `SELECT * FROM (\n${checked}\n) AS console_result LIMIT ${Math.max(1, Math.floor(cap)) + 1}`;
}

/**
 * Runs one SELECT/WITH statement read-only: checked by `guardSelect`, wrapped as a subquery, inside a
 * READ ONLY transaction that is always rolled back, alone on the store's queue. Returns at most `cap`
 * rows and says when there were more.
 */
export async function runReadOnly(
	store: Pick<Store, 'exclusive' | 'engine'>,
	text: string,
	cap = CONSOLE_ROW_CAP
): Promise<ConsoleResult> {
	const guard: GuardResult = guardSelect(text);
	if (!guard.ok) return { ok: false, vi: guard.vi, en: guard.en };
	const sql = consoleSql(guard.sql, cap);
	const started = performance.now();
	return store.exclusive(async () => {
		const engine = store.engine;
		await engine.run('BEGIN TRANSACTION READ ONLY');
		try {
			const described = await engine.run(`DESCRIBE ${sql}`);
			const columns = described.map((d) => ({ name: String(d.column_name), type: String(d.column_type) }));
			const rows = await engine.run(sql);
			return {
				ok: true as const,
				columns,
				rows: rows.slice(0, cap),
				truncated: rows.length > cap,
				ms: performance.now() - started
			};
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			return {
				ok: false as const,
				vi: `DuckDB báo lỗi: ${message}`,
				en: `DuckDB error: ${message}`
			};
		} finally {
			await engine.run('ROLLBACK');
		}
	});
}

/** The console's examples (shown as links; one click puts the statement in the text box). */
export const CONSOLE_EXAMPLES: { vi: string; en: string; sql: string }[] = [
	{
		vi: 'Số vụ việc tiếp nhận theo năm',
		en: 'Cases received per year',
		sql: `SELECT period, sum(value) AS cases, count(*) AS units\nFROM observations\nWHERE indicator = 'petition_cases_received'\nGROUP BY period ORDER BY period`
	},
	{
		vi: 'Tỷ lệ xử lý đơn của Nguyễn Nghiêm',
		en: 'Handling rate of Nguyễn Nghiêm',
		sql: `WITH p AS (\n  PIVOT (SELECT period, indicator, value FROM observations WHERE unit = 'Nguyễn Nghiêm')\n  ON indicator USING first(value)\n)\nSELECT period, land_disputes_mediated + feedback_cases_resolved AS handled,\n  petition_cases_received AS received,\n  round(100 * handled / received, 1) AS rate\nFROM p WHERE received IS NOT NULL ORDER BY period`
	},
	{
		vi: 'Số dòng theo nguồn',
		en: 'Rows per source',
		sql: `SELECT source, count(*) AS rows FROM observations GROUP BY source ORDER BY rows DESC`
	}
];
