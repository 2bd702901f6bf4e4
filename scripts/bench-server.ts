/**
 * `npx tsx scripts/bench-server.ts [ROWS] [--pg=URL]`: the time to save ROWS (default 100,000) through the
 * store's commit (server-side re-check with the app's importer + writes + undo log, one transaction)
 * against a bare batched insert of the same rows into the same kind of database, on SQLite and, with
 * --pg, PostgreSQL. Prints one line per database with the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../src/lib/server/db';
import {
	commitImport,
	loadDictionary,
	loadUnits,
	seedIfEmpty,
	type IncomingRow
} from '../src/lib/server/store';
import { upsertCells } from '../src/lib/server/store/imports';

const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const pgUrl = process.argv.find((a) => a.startsWith('--pg='))?.slice(5);

async function rowsFor(database: Database): Promise<IncomingRow[]> {
	const units = [...new Set((await loadUnits(database.db)).map((u) => u.name))];
	const codes = (await loadDictionary(database.db))
		.filter((i) => i.kind === 'raw' && ['count', 'people', 'households'].includes(i.unit))
		.map((i) => i.code)
		.filter((c) => !/resolved|mediated|cultural|received|cases|total/.test(c));
	const rows: IncomingRow[] = [];
	const periods: string[] = [];
	for (let y = 1990; y <= 2025; y++)
		periods.push(
			String(y),
			`${y}-H1`,
			`${y}-H2`,
			...[1, 2, 3, 4].map((q) => `${y}-Q${q}`),
			`${y}-${y + 1}`,
			`${y}-${y + 2}`
		);
	for (const p of periods)
		for (const u of units)
			for (const c of codes)
				if (rows.length < n)
					rows.push({ unit: u, period: p, indicator: c, value: rows.length, qualifier: '', note: '' });
	if (rows.length < n) throw new Error(`only ${rows.length} distinct cells available`);
	return rows;
}

async function fresh(url: string | null): Promise<{ database: Database; done: () => Promise<void> }> {
	const dataDir = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
	let dbUrl: string | null = null;
	let drop = async () => {};
	if (url) {
		const name = `chiso_bench_${Date.now()}`;
		const c = new pg.Client({ connectionString: url });
		await c.connect();
		await c.query(`create database ${name}`);
		await c.end();
		const u = new URL(url);
		u.pathname = `/${name}`;
		dbUrl = u.toString();
		drop = async () => {
			const d = new pg.Client({ connectionString: url });
			await d.connect();
			await d.query(`drop database ${name} with (force)`);
			await d.end();
		};
	}
	const database = openDatabase({ dataDir, databaseUrl: dbUrl });
	await migrate(database);
	await seedIfEmpty(database);
	return {
		database,
		done: async () => {
			await database.close();
			await drop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

for (const url of [null, ...(pgUrl ? [pgUrl] : [])]) {
	const a = await fresh(url);
	const rows = await rowsFor(a.database);
	let t0 = performance.now();
	const res = await commitImport(a.database, {
		userId: null,
		baseVersion: 1,
		files: [{ name: 'bench.csv', hash: '0'.repeat(64), rows }]
	});
	const commitMs = performance.now() - t0;
	if (!res.ok) throw new Error(JSON.stringify(res).slice(0, 500));
	await a.done();
	const b = await fresh(url);
	t0 = performance.now();
	await b.database.db.transaction().execute((trx) =>
		upsertCells(
			trx,
			rows.map((r) => ({ ...r, source: 'bench', import_id: null })),
			2
		)
	);
	const bareMs = performance.now() - t0;
	await b.done();
	console.log(
		`${a.database.kind}: commit of ${n} rows ${Math.round(commitMs)} ms, bare batched insert ${Math.round(bareMs)} ms, ratio ${(commitMs / bareMs).toFixed(1)}`
	);
}
