/**
 * `npx tsx scripts/bench-server.ts [ROWS,ROWS…] [--pg=URL]`: the time to save ROWS (default 100,000) through
 * the store's commit (server-side re-check with the app's importer + writes + undo log, one transaction)
 * against a bare bulk insert of the same rows into the same kind of database in the same run: SQLite, one
 * prepared INSERT run per row in one transaction (better-sqlite3, no Kysely); PostgreSQL, one
 * `INSERT … SELECT FROM unnest($1::text[], …)` per 50,000 rows (the fastest plain-SQL bulk path of
 * node-postgres; COPY needs another package). Also the store's own batched upsert alone, to show where
 * the time goes. The workspace gets a synthetic unit list (bench units beside the bundled ones) so that
 * 1M distinct cells exist. Prints one line per database and size with the ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
import { writeUnits } from '../src/lib/server/store/lists';

const sizes = (process.argv.find((a) => /^\d[\d,]*$/.test(a)) ?? '100000').split(',').map(Number);
const pgUrl = process.argv.find((a) => a.startsWith('--pg='))?.slice(5);

/** 3,200 bench units (valid always) added to the bundled list, so that 1M distinct cells exist. */
const BENCH_UNITS = 3200;
const benchUnit = (i: number) => `Đơn vị thử ${String(i).padStart(4, '0')}`;

export async function addBenchUnits(database: Database): Promise<void> {
	const units = await loadUnits(database.db);
	const extra = Array.from({ length: BENCH_UNITS }, (_, i) => ({
		...units[0],
		name: benchUnit(i),
		code: `B${i}`,
		valid_from: '',
		valid_to: '',
		successor: '',
		aliases: []
	}));
	await database.db.transaction().execute((trx) => writeUnits(trx, [...units, ...extra], 1));
}

export async function rowsFor(database: Database, n: number): Promise<IncomingRow[]> {
	const codes = (await loadDictionary(database.db))
		.filter((i) => i.kind === 'raw' && ['count', 'people', 'households'].includes(i.unit))
		.map((i) => i.code)
		.filter((c) => !/resolved|mediated|cultural|received|cases|total/.test(c));
	const rows: IncomingRow[] = [];
	outer: for (let y = 2000; y <= 2025; y++)
		for (const p of [String(y), `${y}-H1`, `${y}-H2`, ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`)])
			for (let u = 0; u < BENCH_UNITS; u++)
				for (const c of codes) {
					if (rows.length >= n) break outer;
					rows.push({
						unit: benchUnit(u),
						period: p,
						indicator: c,
						value: rows.length % 100_000,
						qualifier: '',
						note: ''
					});
				}
	if (rows.length < n) throw new Error(`only ${rows.length} distinct cells available`);
	return rows;
}

/** The bare bulk insert: plain SQL, no checks, no undo log, one transaction. */
export async function bareInsert(database: Database, rows: IncomingRow[]): Promise<void> {
	if (database.sqlite) {
		const ins = database.sqlite.prepare(
			`insert into observations (unit, period, indicator, value, qualifier, note, source, import_id, version)
			 values (?, ?, ?, ?, ?, ?, 'bench', null, 2)`
		);
		database.sqlite.transaction(() => {
			for (const r of rows) ins.run(r.unit, r.period, r.indicator, r.value, r.qualifier, r.note);
		})();
		return;
	}
	const client = await database.pool!.connect();
	try {
		await client.query('begin');
		for (let i = 0; i < rows.length; i += 50_000) {
			const part = rows.slice(i, i + 50_000);
			await client.query(
				`insert into observations (unit, period, indicator, value, qualifier, note, source, import_id, version)
				 select u, p, ind, v, q, n, 'bench', null, 2
				 from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[]) as t(u, p, ind, v, q, n)`,
				[
					part.map((r) => r.unit),
					part.map((r) => r.period),
					part.map((r) => r.indicator),
					part.map((r) => r.value),
					part.map((r) => r.qualifier),
					part.map((r) => r.note)
				]
			);
		}
		await client.query('commit');
	} finally {
		client.release();
	}
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

const ms = (x: number) => `${Math.round(x)} ms`;

/** Run as a script (scripts/bench-follow.ts imports the helpers above). */
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	for (const url of [null, ...(pgUrl ? [pgUrl] : [])]) {
		for (const n of sizes) {
			const timed = async (what: (d: Database, rows: IncomingRow[]) => Promise<unknown>) => {
				const f = await fresh(url);
				await addBenchUnits(f.database);
				const rows = await rowsFor(f.database, n);
				const t0 = performance.now();
				await what(f.database, rows);
				const t = performance.now() - t0;
				const count = await f.database.db
					.selectFrom('observations')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow();
				await f.done();
				return { t, count: Number(count.n), kind: f.database.kind };
			};
			const bare = await timed(bareInsert);
			const store = await timed(async (d, rows) => {
				const res = await commitImport(d, {
					userId: null,
					baseVersion: 1,
					// The importer takes at most 1M rows a file: 1M goes as two files in one request (one transaction).
					files: Array.from({ length: Math.ceil(rows.length / 500_000) }, (_, i) => ({
						name: `bench-${i}.csv`,
						hash: '0'.repeat(64),
						rows: rows.slice(i * 500_000, (i + 1) * 500_000)
					}))
				});
				if (!res.ok) throw new Error(JSON.stringify(res).slice(0, 500));
			});
			const upsert = await timed((d, rows) =>
				d.db.transaction().execute((trx) =>
					upsertCells(
						trx,
						rows.map((r) => ({ ...r, source: 'bench', import_id: null })),
						2
					)
				)
			);
			if (store.count !== bare.count || upsert.count !== bare.count)
				throw new Error(`row counts differ: ${store.count} / ${bare.count} / ${upsert.count}`);
			console.log(
				`${bare.kind.padEnd(8)} ${String(n).padStart(8)} rows: server save (commitImport) ${ms(store.t)}, ` +
					`bare bulk insert ${ms(bare.t)}, ratio ${(store.t / bare.t).toFixed(1)}; ` +
					`store's batched upsert alone ${ms(upsert.t)} (ratio ${(upsert.t / bare.t).toFixed(1)})`
			);
		}
	}
}
