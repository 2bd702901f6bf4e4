/**
 * Browser engine: duckdb-wasm (EH build, real error messages) in its own Web Worker, both files
 * self-hosted through Vite's `?url` — nothing is fetched from another origin, ever.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { FILES_DIR, safetySettings, type Engine } from './engine';
import { statementRunner } from './statements';

let starting: Promise<Engine> | null = null;

/**
 * The app's one engine, started once: the first caller (the app's first line, src/routes/+layout.ts)
 * sets the worker and the wasm download going, later callers share the same promise.
 */
export function startBrowserEngine(): Promise<Engine> {
	starting ??= createBrowserEngine();
	return starting;
}

export async function createBrowserEngine(): Promise<Engine> {
	const worker = new Worker(workerUrl);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(new URL(wasmUrl, location.href).href);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	for (const s of safetySettings(location.origin)) await conn.query(s);
	const statements = statementRunner(conn);
	return {
		run: statements.run,
		async registerFile(name, data) {
			const path = FILES_DIR + name;
			if (data instanceof Blob)
				await db.registerFileHandle(path, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
			else await db.registerFileBuffer(path, data);
			return path;
		},
		async createFile(name) {
			const path = FILES_DIR + name;
			await db.registerEmptyFileBuffer(path);
			return path;
		},
		async takeFile(path) {
			const bytes = await db.copyFileToBuffer(path);
			await db.dropFile(path);
			return bytes;
		},
		async dropFile(path) {
			await db.dropFile(path);
		},
		async close() {
			await statements.clear();
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	};
}
