import { toPlainRows, type ArrowTable, type Param, type Row } from './engine';
import { inlineParams, isRead } from './literal';

/**
 * Prepared statements kept by their SQL text. Planning a view's query costs DuckDB far more than running
 * it on a ward's figures (≈ 12 of 15 ms); a leader flipping indicators sends the same texts again with
 * other parameters, so they are planned once. The least recently used statements are closed first; a
 * statement that fails is closed and forgotten (the next call prepares it anew).
 */
export interface Closable {
	close(): unknown;
}

export class StatementCache<S extends Closable> {
	private statements = new Map<string, Promise<S>>();

	constructor(
		private readonly prepare: (sql: string) => Promise<S> | S,
		private readonly capacity = 64
	) {}

	async use<R>(sql: string, run: (statement: S) => Promise<R> | R): Promise<R> {
		let statement = this.statements.get(sql);
		if (statement)
			this.statements.delete(sql); // most recently used goes last
		else statement = Promise.resolve().then(() => this.prepare(sql));
		this.statements.set(sql, statement);
		this.evict();
		try {
			return await run(await statement);
		} catch (error) {
			if (this.statements.get(sql) === statement) this.forget(sql);
			throw error;
		}
	}

	has(sql: string): boolean {
		return this.statements.has(sql);
	}

	async clear() {
		for (const sql of [...this.statements.keys()]) await this.forget(sql);
	}

	/** Forget every statement now (a later `use` prepares anew); they are closed in the background. */
	invalidate() {
		const stale = [...this.statements.values()];
		this.statements.clear();
		for (const statement of stale) void statement.then((s) => s.close()).catch(() => undefined);
	}

	private evict() {
		while (this.statements.size > this.capacity) void this.forget(this.statements.keys().next().value!);
	}

	private async forget(sql: string) {
		const statement = this.statements.get(sql);
		this.statements.delete(sql);
		try {
			await (await statement)?.close();
		} catch {
			// a statement that never prepared has nothing to close
		}
	}
}

/** What the runner needs of a duckdb-wasm connection (async in the browser, blocking in Node). */
export interface Connection<S extends PreparedStatement> {
	query(sql: string): ArrowTable | Promise<ArrowTable>;
	prepare(sql: string): S | Promise<S>;
}
export interface PreparedStatement extends Closable {
	query(...params: Param[]): ArrowTable | Promise<ArrowTable>;
}

/**
 * Runs statements on one connection. Reads (SELECT, WITH) have their values inlined as literals and,
 * from their second run on, their prepared plans kept by text: DuckDB re-plans a statement with
 * parameters on every execution, so only a text with its values can skip planning. A read seen once is
 * just run (one round trip, nothing to close later): an import's one-off queries keep no plans. A plan
 * also builds on what the tables held when it was made (a plan made on an empty table reads later rows
 * wrongly), so every write forgets the kept plans: they live as long as the data they were planned on.
 * Writes bind their values as parameters.
 */
export function statementRunner<S extends PreparedStatement>(conn: Connection<S>) {
	const reads = new StatementCache((sql) => conn.prepare(sql), 128);
	const seenOnce = new Map<string, true>();
	/** True the first time a text runs (of the last 512 texts). */
	const firstRun = (text: string) => {
		if (seenOnce.delete(text) || reads.has(text)) return false;
		seenOnce.set(text, true);
		if (seenOnce.size > 512) seenOnce.delete(seenOnce.keys().next().value!);
		return true;
	};
	return {
		async run(sql: string, params: Param[] = []): Promise<Row[]> {
			if (isRead(sql)) {
				const text = params.length ? inlineParams(sql, params) : sql;
				if (firstRun(text)) return toPlainRows(await conn.query(text));
				try {
					return await reads.use(text, async (stmt) => toPlainRows(await stmt.query()));
				} catch (error) {
					// PIVOT and the like expand to several statements: those cannot be prepared, only run.
					if (!String(error).includes('multiple statements')) throw error;
					return toPlainRows(await conn.query(text));
				}
			}
			reads.invalidate();
			if (params.length === 0) return toPlainRows(await conn.query(sql));
			const stmt = await conn.prepare(sql);
			try {
				return await toPlainRows(await stmt.query(...params));
			} finally {
				// Not waited for: the connection runs its messages in order, the next statement comes after.
				void Promise.resolve(stmt.close()).catch(() => undefined);
			}
		},
		clear: () => reads.clear()
	};
}
