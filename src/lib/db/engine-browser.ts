/**
 * Browser engine: duckdb-wasm (EH build, real error messages) in its own Web Worker, both files
 * self-hosted through Vite's `?url` — nothing is fetched from another origin, ever.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { safetySettings, toPlainRows, type Engine, type Param } from './engine';
import { StatementCache } from './statements';

export async function createBrowserEngine(): Promise<Engine> {
	const worker = new Worker(workerUrl);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(new URL(wasmUrl, location.href).href);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	for (const s of safetySettings(location.origin)) await conn.query(s);
	const statements = new StatementCache((sql) => conn.prepare(sql));
	return {
		async run(sql: string, params: Param[] = []) {
			if (params.length === 0) return toPlainRows(await conn.query(sql));
			return statements.use(sql, async (stmt) => toPlainRows(await stmt.query(...params)));
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async createFile(name) {
			await db.registerEmptyFileBuffer(name);
			return name;
		},
		async takeFile(path) {
			const bytes = await db.copyFileToBuffer(path);
			await db.dropFile(path);
			return bytes;
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		async close() {
			await statements.clear();
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	};
}
