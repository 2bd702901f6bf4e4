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

	async clear() {
		for (const sql of [...this.statements.keys()]) await this.forget(sql);
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
