/** Node engine (tests, scripts): duckdb-wasm's blocking Node build; same SQL as in the browser. */
import { createRequire } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { FILES_DIR, safetySettings, type Engine } from './engine';
import { statementRunner } from './statements';

export async function createNodeEngine(): Promise<Engine> {
	const require = createRequire(import.meta.url);
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const db = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: join(dist, 'duckdb-mvp.wasm'),
				mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
			},
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	// COPY … TO writes to Node's temp folder here (createFile): the one other folder DuckDB may touch.
	for (const s of safetySettings('http://127.0.0.1', [FILES_DIR, join(tmpdir(), '/')])) conn.query(s);
	const statements = statementRunner(conn);
	return {
		run: statements.run,
		async registerFile(name, data) {
			const path = FILES_DIR + name;
			db.registerFileBuffer(path, data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data);
			return path;
		},
		async createFile(name) {
			// Node's runtime writes COPY output to the real file system.
			return join(tmpdir(), `chiso-${process.pid}-${name}`);
		},
		async takeFile(path) {
			const bytes = new Uint8Array(readFileSync(path));
			rmSync(path, { force: true });
			return bytes;
		},
		async dropFile(path) {
			db.dropFile(path);
		},
		async close() {
			await statements.clear();
			conn.close();
		}
	};
}
