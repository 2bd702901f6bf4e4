/**
 * Bad input and faults (issue 14): the built server as its own process, on SQLite and PostgreSQL.
 * `kill -9` in the middle of a 100k-row save, two staff saving at once, fifty followers while an import
 * commits, bad requests, hostile text. Each test prints its figures (runs, outcomes, p95) on one line
 * starting with `[faults]`.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_FILE, type Database } from '../../src/lib/server/db';
import type { IncomingRow } from '../../src/lib/server/store';
import { BACKENDS, createPgDatabase } from './backends';
import {
	ADMIN_PASSWORD,
	Follower,
	hashOf,
	makeRows,
	percentile,
	startKillable,
	type KillableServer
} from './fault-kit';
import { Client } from './server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Place {
	dataDir: string;
	env: Record<string, string>;
	dbUrl: string | null;
	/** A short-lived connection of the test's own to look at what the server stored. */
	look<T>(fn: (d: Database) => Promise<T>): Promise<T>;
	dispose(): Promise<void>;
}

const places: Place[] = [];
afterAll(async () => {
	for (const p of places.splice(0)) await p.dispose();
});

async function newPlace(backend: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<Place> {
	const dataDir = mkdtempSync(join(tmpdir(), 'chiso-faults-'));
	let dbUrl: string | null = null;
	let drop = async () => {};
	if (backend === 'postgres') {
		const created = await createPgDatabase(process.env.CHISO_TEST_DATABASE_URL!);
		dbUrl = created.url;
		drop = created.drop;
	}
	const place: Place = {
		dataDir,
		dbUrl,
		env: { ...env, ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) },
		async look(fn) {
			const d = openDatabase({ dataDir, databaseUrl: dbUrl });
			try {
				return await fn(d);
			} finally {
				await d.close();
			}
		},
		async dispose() {
			await drop().catch(() => undefined);
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	places.push(place);
	return place;
}

interface Stored {
	version: number;
	count: number;
	sum: number;
	replaced: number;
	imports: {
		id: number;
		file: string;
		status: string;
		rows: number;
		inserted: number;
		updated: number;
		unchanged: number;
		version: number;
	}[];
}

const stored = (p: Place): Promise<Stored> =>
	p.look(async (d) => {
		const w = await d.db.selectFrom('workspace').select('version').executeTakeFirstOrThrow();
		const o = await d.db
			.selectFrom('observations')
			.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('value').as('sum')])
			.executeTakeFirstOrThrow();
		const r = await d.db
			.selectFrom('replaced')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const imports = await d.db
			.selectFrom('imports')
			.select(['id', 'file', 'status', 'rows', 'inserted', 'updated', 'unchanged', 'version'])
			.orderBy('id')
			.execute();
		return { version: w.version, count: Number(o.count), sum: Number(o.sum), replaced: Number(r.n), imports };
	});

/** Cells of `rows` as stored: how many carry import `id`, and whether each holds the row's value. */
const matches = (p: Place, id: number, rows: IncomingRow[]) =>
	p.look(async (d) => {
		const got = await d.db
			.selectFrom('observations')
			.select(['unit', 'period', 'indicator', 'value'])
			.where('import_id', '=', id)
			.execute();
		const want = new Map(rows.map((r) => [`${r.unit}|${r.period}|${r.indicator}`, r.value]));
		let same = 0;
		for (const g of got) if (want.get(`${g.unit}|${g.period}|${g.indicator}`) === g.value) same++;
		return { withId: got.length, same };
	});

/** Resolves when the database shows the big write transaction under way. */
async function writing(p: Place, server: KillableServer, ms = 60_000): Promise<void> {
	const t0 = Date.now();
	if (!p.dbUrl) {
		// The transaction's pages spill from the page cache into the WAL long before it commits; the
		// test emptied the WAL just before the save, so a WAL over 1 MB is the save writing.
		const wal = join(p.dataDir, `${SQLITE_FILE}-wal`);
		for (;;) {
			let size = 0;
			try {
				size = statSync(wal).size;
			} catch {
				/* not there yet */
			}
			if (size > 1 << 20) return;
			if (Date.now() - t0 > ms) throw new Error(`no write seen:\n${server.log()}`);
			await sleep(10);
		}
	}
	const c = new pg.Client({ connectionString: p.dbUrl });
	await c.connect();
	try {
		for (;;) {
			// backend_xid is assigned at a transaction's first write.
			const r = await c.query(
				`select count(*)::int as n from pg_stat_activity
				 where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null`
			);
			if (r.rows[0].n > 0) return;
			if (Date.now() - t0 > ms) throw new Error(`no write seen:\n${server.log()}`);
			await sleep(10);
		}
	} finally {
		await c.end();
	}
}

const emptyWal = (p: Place) =>
	p.dbUrl ? Promise.resolve() : p.look(async (d) => void d.sqlite!.pragma('wal_checkpoint(TRUNCATE)'));

async function loginAs(url: string, login: string, password: string): Promise<Client> {
	const c = new Client(url);
	const res = await c.login(login, password);
	if (res.status !== 200) throw new Error(`login ${login}: ${res.status}`);
	return c;
}

async function addUser(admin: Client, login: string, role: string): Promise<void> {
	const res = await admin.req('POST', '/api/users', { login, role, password: `${login}-password` });
	if (res.status !== 201) throw new Error(`add ${login}: ${res.status} ${await res.text()}`);
}

const save = (c: Client, baseVersion: number, name: string, hash: string, rows: IncomingRow[]) =>
	c.req('POST', '/api/imports', JSON.stringify({ baseVersion, files: [{ name, hash, rows }] }));

describe.each(BACKENDS)('faults on $name', (backend) => {
	it('kill -9 in the middle of saving 100k rows: after restart the import is wholly there or wholly absent', async () => {
		const N = 100_000;
		const place = await newPlace(backend.name);
		let srv = await startKillable(place.dataDir, place.env);
		// Kill when the database shows the write transaction, then later into it.
		const delays = [0, 600, 1500];
		const outcomes: string[] = [];
		try {
			for (let run = 0; run < delays.length; run++) {
				const admin = await loginAs(srv.url, 'admin', ADMIN_PASSWORD);
				const before = await stored(place);
				await emptyWal(place);
				const rows = makeRows(N, { shift: 1000 * (run + 1) });
				const answer = save(admin, before.version, `kill-${run}.csv`, hashOf(run + 1), rows).then(
					(r) => String(r.status),
					() => 'no answer'
				);
				await writing(place, srv);
				await sleep(delays[run]);
				await srv.kill9();
				const said = await answer;
				srv = await startKillable(place.dataDir, place.env);
				const after = await stored(place);
				const added = after.imports.filter((i) => !before.imports.some((b) => b.id === i.id));
				if (added.length === 0) {
					// Wholly absent: nothing of it anywhere, the version where it was.
					expect(after).toEqual(before);
					expect(said).not.toBe('200');
					outcomes.push(`+${delays[run]}ms: absent (client: ${said})`);
				} else {
					// Wholly there: one import of N rows, every cell, its undo log, the version once raised.
					expect(added).toHaveLength(1);
					const imp = added[0];
					expect(imp).toMatchObject({
						file: `kill-${run}.csv`,
						status: 'committed',
						rows: N,
						version: before.version + 1
					});
					expect(imp.inserted + imp.updated + imp.unchanged).toBe(N);
					expect(after.version).toBe(before.version + 1);
					expect(after.replaced - before.replaced).toBe(imp.inserted + imp.updated);
					expect(after.count - before.count).toBe(imp.inserted);
					const m = await matches(place, imp.id, rows);
					expect(m).toEqual({ withId: imp.inserted + imp.updated, same: imp.inserted + imp.updated });
					outcomes.push(`+${delays[run]}ms: whole (client: ${said})`);
				}
				// The page that sent it finds out which from the import log once the server is back.
				const c = await loginAs(srv.url, 'admin', ADMIN_PASSWORD);
				const log = await (await c.req('GET', '/api/imports')).json();
				expect(log.imports.some((i: { file_hash: string }) => i.file_hash === hashOf(run + 1))).toBe(
					added.length === 1
				);
				expect((await (await fetch(`${srv.url}/api/health`)).json()).version).toBe(after.version);
			}
		} finally {
			await srv.stop();
		}
		console.log(
			`[faults] ${backend.name} kill -9 during a ${N}-row save, ${delays.length} runs: ${outcomes.join('; ')}`
		);
	}, 150_000);

	it('two staff members save different files at once on the same version: no acknowledged row lost', async () => {
		const place = await newPlace(backend.name);
		const srv = await startKillable(place.dataDir, place.env);
		// On PostgreSQL the second staff member goes through a second app server on the same database.
		const other =
			backend.name === 'postgres'
				? await startKillable(mkdtempSync(join(tmpdir(), 'chiso-faults-')), place.env)
				: srv;
		const tally = { both: 0, oneStale: 0 };
		try {
			const admin = await loginAs(srv.url, 'admin', ADMIN_PASSWORD);
			await addUser(admin, 'thu', 'staff');
			await addUser(admin, 'lan', 'staff');
			const thu = await loginAs(srv.url, 'thu', 'thu-password');
			const lan = await loginAs(other.url, 'lan', 'lan-password');
			const acknowledged: { id: number; rows: IncomingRow[] }[] = [];
			const ROUNDS = 4;
			const SIZE = 5000;
			for (let round = 0; round < ROUNDS; round++) {
				const v = (await (await fetch(`${srv.url}/api/health`)).json()).version;
				const files = [
					{
						who: thu,
						rows: makeRows(SIZE, { from: 2 * SIZE * round, shift: 7 }),
						hash: hashOf(100 + 2 * round)
					},
					{
						who: lan,
						rows: makeRows(SIZE, { from: 2 * SIZE * round + SIZE, shift: 9 }),
						hash: hashOf(101 + 2 * round)
					}
				];
				const answers = await Promise.all(
					files.map((f, i) => save(f.who, v, `r${round}-${i}.csv`, f.hash, f.rows))
				);
				const statuses = answers.map((a) => a.status).sort();
				expect([['200', '200'].join(), ['200', '409'].join()]).toContain(statuses.join());
				for (let i = 0; i < 2; i++) {
					const a = answers[i];
					const f = files[i];
					if (a.status === 200) {
						acknowledged.push({ id: (await a.json()).imports[0].id, rows: f.rows });
						continue;
					}
					// Told to look again: nothing of it was written; saved again on the new version, it lands.
					const stale = await a.json();
					expect(stale.error).toMatchObject({
						code: 'stale_version',
						vi: expect.any(String),
						en: expect.any(String)
					});
					const s = await stored(place);
					expect(s.imports.some((x) => x.file === `r${round}-${i}.csv`)).toBe(false);
					const again = await save(f.who, stale.version, `r${round}-${i}.csv`, f.hash, f.rows);
					expect(again.status).toBe(200);
					acknowledged.push({ id: (await again.json()).imports[0].id, rows: f.rows });
				}
				if (statuses.join() === '200,200') tally.both++;
				else tally.oneStale++;
			}
			// The final content is the union of what was acknowledged: every row of every file, as sent.
			for (const a of acknowledged)
				expect(await matches(place, a.id, a.rows)).toEqual({ withId: SIZE, same: SIZE });
			const s = await stored(place);
			expect(s.imports.filter((i) => /^r\d-\d\.csv$/.test(i.file))).toHaveLength(2 * ROUNDS);
			expect(s.version).toBe(1 + 2 * ROUNDS);
		} finally {
			if (other !== srv) await other.stop();
			await srv.stop();
		}
		console.log(
			`[faults] ${backend.name} two staff at once${backend.name === 'postgres' ? ' (two app servers)' : ''}, ` +
				`${tally.both + tally.oneStale} rounds: both landed ${tally.both}, one told 409 then landed ${tally.oneStale}; no row lost`
		);
	}, 120_000);

	it('fifty followers while a 20k-row import commits: no error, all hear it, p95 reported', async () => {
		const place = await newPlace(backend.name);
		const srv = await startKillable(place.dataDir, place.env);
		const PAGES = 50;
		// Big enough that the commit takes a while; 50 pages then each fetch these changes.
		const IMPORT = 20_000;
		const followers: Follower[] = [];
		const times: Record<'health' | 'since' | 'events', number[]> = { health: [], since: [], events: [] };
		const errors: string[] = [];
		let polling = true;
		try {
			const admin = await loginAs(srv.url, 'admin', ADMIN_PASSWORD);
			await addUser(admin, 'lanh-dao', 'leader');
			await addUser(admin, 'thu', 'staff');
			const staff = await loginAs(srv.url, 'thu', 'thu-password');
			// Ten leader sessions (laptops, phones), five pages each.
			const leaders: Client[] = [];
			for (let i = 0; i < 10; i++) leaders.push(await loginAs(srv.url, 'lanh-dao', 'lanh-dao-password'));
			const base = (await (await fetch(`${srv.url}/api/health`)).json()).version;
			for (let i = 0; i < PAGES; i++) {
				const t0 = performance.now();
				followers.push(await Follower.open(srv.url, leaders[i % 10].cookie));
				times.events.push(performance.now() - t0);
			}
			// Each page also polls (as a page does where a proxy blocks events) and catches up on changes.
			const poll = async (c: Client) => {
				let known = base;
				while (polling) {
					let t0 = performance.now();
					const h = await fetch(`${srv.url}/api/health`).catch((e) => e);
					if (!(h instanceof Response) || h.status !== 200) errors.push(`health: ${h.status ?? h}`);
					else {
						const v = (await h.json()).version;
						times.health.push(performance.now() - t0);
						if (v !== known) {
							t0 = performance.now();
							const r = await c.req('GET', `/api/workspace?since=${known}`).catch((e) => e);
							if (!(r instanceof Response) || r.status !== 200) errors.push(`since: ${r.status ?? r}`);
							else {
								await r.arrayBuffer();
								times.since.push(performance.now() - t0);
								known = v;
							}
						}
					}
					await sleep(250 + Math.random() * 250);
				}
			};
			const pollers = Array.from({ length: PAGES }, (_, i) => poll(leaders[i % 10]));
			await sleep(500);
			const rows = makeRows(IMPORT, { shift: 3 });
			const t0 = performance.now();
			const res = await save(staff, base, 'big.csv', hashOf(77), rows);
			const saveMs = performance.now() - t0;
			expect(res.status).toBe(200);
			const { version } = await res.json();
			expect(version).toBe(base + 1);
			const answered = performance.now();
			const heard = await Promise.all(followers.map((f) => f.waitFor(version, 10_000)));
			const lag = heard.map((at) => Math.max(0, at - answered));
			await sleep(1000); // the pollers see the new version and fetch the change
			polling = false;
			await Promise.all(pollers);
			for (const f of followers) expect(f.errors).toEqual([]);
			expect(errors).toEqual([]);
			expect(times.since.length).toBeGreaterThanOrEqual(PAGES);
			const all = [...times.health, ...times.since];
			const f = (x: number) => `${Math.round(x)} ms`;
			console.log(
				`[faults] ${backend.name} ${PAGES} SSE followers + ${PAGES} pollers during a ${IMPORT}-row save (${f(saveMs)}): ` +
					`${all.length} API answers, p95 ${f(percentile(all, 95))} (health p50 ${f(percentile(times.health, 50))} ` +
					`p95 ${f(percentile(times.health, 95))} max ${f(Math.max(...times.health))}; since p95 ${f(percentile(times.since, 95))}; ` +
					`events open p95 ${f(percentile(times.events, 95))}); all ${PAGES} followers heard v${version}, ` +
					`commit answer → event p95 ${f(percentile(lag, 95))} max ${f(Math.max(...lag))}; errors 0`
			);
		} finally {
			polling = false;
			await Promise.all(followers.map((f) => f.close()));
			await srv.stop();
		}
	}, 120_000);

	it('bad requests get a JSON 4xx in Vietnamese and English, the server stays up, nothing changes', async () => {
		const place = await newPlace(backend.name);
		const srv = await startKillable(place.dataDir, { ...place.env, CHISO_BODY_LIMIT: '64k' });
		try {
			const admin = await loginAs(srv.url, 'admin', ADMIN_PASSWORD);
			await addUser(admin, 'lanh-dao', 'leader');
			await addUser(admin, 'thu', 'staff');
			const leader = await loginAs(srv.url, 'lanh-dao', 'lanh-dao-password');
			const staff = await loginAs(srv.url, 'thu', 'thu-password');
			const anon = new Client(srv.url);
			const forged = new Client(srv.url);
			forged.cookie = `chiso_session=${'A'.repeat(43)}`;
			const before = await stored(place);
			const row = {
				unit: 'Phổ An',
				period: '2020',
				indicator: 'households',
				value: 5,
				qualifier: '',
				note: ''
			};
			const good = { baseVersion: before.version, files: [{ name: 'a.csv', hash: hashOf(1), rows: [row] }] };
			const raw = (bytes: BodyInit, headers: Record<string, string> = {}) =>
				fetch(`${srv.url}/api/imports`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', cookie: staff.cookie, ...headers },
					body: bytes,
					duplex: 'half'
				} as RequestInit);
			// Streamed without Content-Length: the limit is counted as the bytes arrive.
			const chunked = () =>
				raw(
					new ReadableStream({
						start(c) {
							for (let i = 0; i < 40; i++)
								c.enqueue(new TextEncoder().encode(i === 0 ? '{"pad":"' : 'x'.repeat(4096)));
							c.close();
						}
					})
				);
			const cases: [string, () => Promise<Response>, number, string][] = [
				['leader importing', () => leader.req('POST', '/api/imports', good), 403, 'forbidden'],
				['leader undoing', () => leader.req('POST', '/api/imports/1/undo', {}), 403, 'forbidden'],
				['no session, import', () => anon.req('POST', '/api/imports', good), 401, 'unauthorized'],
				['forged session', () => forged.req('POST', '/api/imports', good), 401, 'unauthorized'],
				['forged session, workspace', () => forged.req('GET', '/api/workspace'), 401, 'unauthorized'],
				['empty body', () => raw(''), 400, 'bad_json'],
				['JSON null', () => raw('null'), 400, 'invalid_body'],
				['JSON array', () => raw('[1,2]'), 400, 'invalid_body'],
				[
					'__proto__ field',
					() => raw(`{"__proto__":{"admin":true},"baseVersion":1,"files":[]}`),
					400,
					'invalid_body'
				],
				[
					'value 1e400 (Infinity)',
					() => raw(JSON.stringify(good).replace('"value":5', '"value":1e400')),
					400,
					'invalid_body'
				],
				[
					'value as string',
					() => raw(JSON.stringify(good).replace('"value":5', '"value":"5"')),
					400,
					'invalid_body'
				],
				[
					'unknown field in a row',
					() => raw(JSON.stringify(good).replace('"note":""', '"note":"","extra":1')),
					400,
					'invalid_body'
				],
				['nested 20,000 deep', () => raw('['.repeat(20_000) + ']'.repeat(20_000)), 400, 'invalid_body'],
				[
					'invalid UTF-8',
					() => raw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
					400,
					'invalid_body'
				],
				[
					'oversized, declared',
					() => raw(JSON.stringify({ pad: 'x'.repeat(100_000) })),
					413,
					'body_too_large'
				],
				['missing route', () => staff.req('POST', '/api/nothing-here', {}), 404, 'not_found'],
				['missing route, no session', () => anon.req('GET', '/api/nothing-here'), 401, 'unauthorized'],
				['wrong method', () => staff.req('PUT', '/api/imports', good), 405, 'method_not_allowed']
			];
			const seen: string[] = [];
			for (const [what, send, status, code] of cases) {
				const res = await send().catch((e) => {
					throw new Error(`${what}: ${e} ${e.cause ?? ''}`);
				});
				const text = await res.text();
				expect(res.status, `${what}: ${text.slice(0, 200)}`).toBe(status);
				expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
				const j = JSON.parse(text);
				expect(j.error, what).toMatchObject({ code, vi: expect.any(String), en: expect.any(String) });
				expect(j.error.vi.length, what).toBeGreaterThan(0);
				expect(j.error.en.length, what).toBeGreaterThan(0);
				expect(j.error.vi, what).not.toBe(j.error.en);
				expect(text, what).not.toMatch(/at .*\.(js|ts):\d+|node_modules/);
				expect((await fetch(`${srv.url}/api/health`)).status, `up after ${what}`).toBe(200);
				seen.push(`${status}`);
			}
			// Streamed without a length (no browser upload does this): the server stops reading at the limit
			// and answers 413; the client may instead see the connection closed while it is still sending.
			const streamed = await chunked().then(
				async (r) => `${r.status} ${(await r.json()).error.code}`,
				(e) => `closed (${e.cause?.code ?? e})`
			);
			expect(streamed).toMatch(/^413 body_too_large$|^closed/);
			expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
			expect(await stored(place)).toEqual({ ...before, imports: before.imports });
			// And the good request still lands afterwards.
			expect((await staff.req('POST', '/api/imports', good)).status).toBe(200);
			expect(srv.log()).not.toMatch(/failed:/);
			console.log(
				`[faults] ${backend.name} bad input: ${cases.length} requests, all JSON 4xx with vi+en, server up, version unchanged; streamed oversized body: ${streamed}`
			);
		} finally {
			await srv.stop();
		}
	}, 60_000);

	it('hostile unit names and notes travel through the server and back out as data', async () => {
		// A unit list with hostile names, given to a fresh workspace as its seed.
		const seedDir = mkdtempSync(join(tmpdir(), 'chiso-seed-'));
		for (const f of ['indicators.csv', 'observations.csv']) copyFileSync(join('data', f), join(seedDir, f));
		const hostileUnits = [
			'<img src=x onerror=alert(1)>',
			'=HYPERLINK("http://x","y")',
			"'; DROP TABLE observations; --"
		];
		const { readFileSync, writeFileSync } = await import('node:fs');
		const units = readFileSync('data/units.csv', 'utf8').trimEnd();
		const extra = hostileUnits.map((u, i) => `H${i},"${u.replace(/"/g, '""')}",xã,,2020-01-01,,,`).join('\n');
		writeFileSync(join(seedDir, 'units.csv'), `${units}\n${extra}\n`);
		const place = await newPlace(backend.name);
		const srv = await startKillable(place.dataDir, { ...place.env, CHISO_SEED_DIR: seedDir });
		try {
			const admin = await loginAs(srv.url, 'admin', ADMIN_PASSWORD);
			const notes = [
				'=HYPERLINK("http://x","y")',
				'<img src=x onerror=alert(1)>',
				'@SUM(A1:A9)',
				'+1-2',
				"'; DROP TABLE observations; --",
				'tab\there, bell\u0007, escape\u001b[31m end',
				'Ghi chú dài '.repeat(167).slice(0, 1999) + '.'
			];
			const rows: IncomingRow[] = [
				...hostileUnits.map((unit, i) => ({
					unit,
					period: '2023',
					indicator: 'households',
					value: 10 + i,
					qualifier: '' as const,
					note: notes[i]
				})),
				...notes.map((note, i) => ({
					unit: 'Phổ An',
					period: `${2000 + i}`,
					indicator: 'households',
					value: i,
					qualifier: '' as const,
					note
				}))
			];
			// U+0000 is refused alike on both databases (PostgreSQL's text cannot hold it), changing nothing.
			const nul = await save(admin, 1, 'nul.csv', hashOf(4), [
				{ ...rows[0], unit: 'Phổ An', note: 'a\u0000b' }
			]);
			expect(nul.status).toBe(400);
			expect(await nul.json()).toMatchObject({
				error: { code: 'invalid_body' },
				path: 'body.files[0].rows[0].note'
			});
			const name = '<script>alert(1)</script>=cmd|.csv';
			const v = (await (await fetch(`${srv.url}/api/health`)).json()).version;
			const res = await save(admin, v, name, hashOf(5), rows);
			const body = await res.json();
			// The server re-runs the app's importer: whatever it keeps, the browser kept too.
			expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(200);
			const ws = await admin.req('GET', '/api/workspace');
			expect(ws.headers.get('content-type')).toMatch(/^application\/json/);
			expect(ws.headers.get('content-security-policy')).toContain("default-src 'none'");
			const snap = await ws.json();
			const { importCsv, parseDictionaryCsv, parseUnitsCsv } = await import('../../src/lib/import');
			const back = await importCsv(new TextEncoder().encode(snap.csv), {
				fileName: 'snap.csv',
				dictionary: parseDictionaryCsv(readFileSync(join(seedDir, 'indicators.csv'), 'utf8')).indicators,
				units: parseUnitsCsv(readFileSync(join(seedDir, 'units.csv'), 'utf8')).units
			});
			const find = (r: IncomingRow) =>
				back.observations.find(
					(o) => o.unit === r.unit && o.period === r.period && o.indicator === r.indicator
				);
			for (const r of rows) {
				const o = find(r);
				expect(o, `${r.unit} ${r.period}`).toBeTruthy();
				expect(o!.value).toBe(r.value);
				// Tab, bell and escape included: text is data, stored and handed back as it came.
				expect(o!.note).toBe(r.note);
			}
			// Formulas are neutralised in the CSV the server hands out (JSON snapshot and ?format=csv).
			const csv = await (await admin.req('GET', '/api/workspace?format=csv')).text();
			for (const text of [snap.csv as string, csv]) {
				expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
				expect(text).toContain("'@SUM(A1:A9)");
				expect(text).toContain("'+1-2");
				expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
			}
			// The file name and the units come back as JSON strings, never as markup.
			const log = await (await admin.req('GET', '/api/imports')).json();
			expect(log.imports[0].file).toBe(name);
			const audit = await admin.req('GET', '/api/audit');
			expect(audit.headers.get('content-type')).toMatch(/^application\/json/);
			expect(JSON.stringify(await audit.json())).toContain(JSON.stringify(name).slice(1, -1));
			expect(await stored(place).then((s) => s.count)).toBeGreaterThan(0);
			console.log(
				`[faults] ${backend.name} hostile: ${rows.length} rows (3 hostile unit names, ${notes.length} hostile notes incl. control characters and 2,000 characters) back unchanged through /api/workspace; CSV neutralised; NUL refused 400`
			);
		} finally {
			await srv.stop();
			rmSync(seedDir, { recursive: true, force: true });
		}
	}, 60_000);
});
