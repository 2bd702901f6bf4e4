/** The API over real HTTP: the built server as its own process, on SQLite and (when set) PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createPgDatabase } from './backends';
import { Client, startServer, type RunningServer } from './server';

const ADMIN = 'admin-pass-123';
const HASH = 'b'.repeat(64);

async function jsonOf(res: Response) {
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	return res.json();
}

describe.each(BACKENDS)('API on $name', (backend) => {
	let srv: RunningServer;
	let dropPg: (() => Promise<void>) | null = null;
	let admin: Client;
	let staff: Client;
	let leader: Client;

	beforeAll(async () => {
		const env: Record<string, string> = {
			CHISO_ADMIN_PASSWORD: ADMIN,
			CHISO_BODY_LIMIT: '1mb',
			CHISO_LOGIN_LIMIT: '3'
		};
		if (backend.name === 'postgres') {
			const db = await createPgDatabase(process.env.CHISO_TEST_DATABASE_URL!);
			env.DATABASE_URL = db.url;
			dropPg = db.drop;
		}
		srv = await startServer(env);
		admin = new Client(srv.url);
		staff = new Client(srv.url);
		leader = new Client(srv.url);
	});
	afterAll(async () => {
		await srv?.stop();
		await dropPg?.();
	});

	it('answers /api/health without a session', async () => {
		const res = await fetch(`${srv.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true, database: backend.name, version: 1 });
	});

	it('is private by default: pages redirect to /login, APIs answer 401 JSON', async () => {
		const page = await fetch(`${srv.url}/data?x=1`, { redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Fdata%3Fx%3D1');
		for (const path of [
			'/api/workspace',
			'/api/imports',
			'/api/me',
			'/api/users',
			'/api/events',
			'/api/decks'
		]) {
			const res = await fetch(srv.url + path);
			expect(res.status, path).toBe(401);
			expect((await jsonOf(res)).error).toMatchObject({
				code: 'unauthorized',
				vi: expect.any(String),
				en: expect.any(String)
			});
		}
		const login = await fetch(`${srv.url}/login`);
		expect(login.status).toBe(200);
	});

	it('sends the CSP and the other security headers', async () => {
		const page = await fetch(`${srv.url}/login`);
		const csp = page.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
		expect(csp).toContain("connect-src 'self' data: blob:;");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain("'unsafe-eval'");
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('same-origin');
		const api = await fetch(`${srv.url}/api/health`);
		expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
		// A static file (the app's JS) carries them too.
		const html = await page.text();
		const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
		expect(asset).toBeTruthy();
		const js = await fetch(srv.url + asset);
		expect(js.status).toBe(200);
		expect(js.headers.get('x-content-type-options')).toBe('nosniff');
		expect(js.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
		// A page asked again with its ETag: the 304 carries no policy, so the browser keeps the page's own
		// (with its bootstrap's hash) — a hashless one would block the page on a second reload.
		const etag = page.headers.get('etag');
		expect(etag).toBeTruthy();
		const again = await fetch(`${srv.url}/login`, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(again.headers.get('content-security-policy')).toBeNull();
	});

	it('logs in with an HttpOnly SameSite=Lax cookie; a wrong password is 401 JSON', async () => {
		const bad = await admin.login('admin', 'wrong-password');
		expect(bad.status).toBe(401);
		expect((await jsonOf(bad)).error.code).toBe('bad_credentials');
		const ok = await admin.login('admin', ADMIN);
		expect(ok.status).toBe(200);
		const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('chiso_session='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i); // plain http here
		// Behind a proxy only with CHISO_TRUST_PROXY: here X-Forwarded-Proto is ignored.
		const spoof = await new Client(srv.url).req(
			'POST',
			'/api/login',
			{ login: 'admin', password: ADMIN },
			{ 'x-forwarded-proto': 'https' }
		);
		expect(spoof.headers.getSetCookie()[0]).not.toMatch(/Secure/i);
		expect(await (await admin.req('GET', '/api/me')).json()).toMatchObject({
			user: { login: 'admin', role: 'admin' }
		});
	});

	it('limits failed logins per login and address (429)', async () => {
		const c = new Client(srv.url);
		for (let i = 0; i < 3; i++) expect((await c.login('nobody', 'x')).status).toBe(401);
		const res = await c.login('nobody', 'x');
		expect(res.status).toBe(429);
		expect((await jsonOf(res)).error.code).toBe('too_many_attempts');
	});

	it('lets an admin add users; roles are checked on the server (403)', async () => {
		for (const [login, role] of [
			['thu', 'staff'],
			['lanh-dao', 'leader']
		]) {
			const res = await admin.req('POST', '/api/users', { login, role, password: `${login}-password` });
			expect(res.status).toBe(201);
		}
		expect(
			(await admin.req('POST', '/api/users', { login: 'thu', role: 'staff', password: 'another-pass' }))
				.status
		).toBe(409);
		expect((await staff.login('thu', 'thu-password')).status).toBe(200);
		expect((await leader.login('lanh-dao', 'lanh-dao-password')).status).toBe(200);
		expect((await staff.req('GET', '/api/users')).status).toBe(403);
		expect((await leader.req('GET', '/api/audit')).status).toBe(403);
		const refused = await leader.req('POST', '/api/imports', {
			baseVersion: 1,
			files: [{ name: 'x.csv', hash: HASH, rows: [] }]
		});
		expect(refused.status).toBe(403);
		expect((await jsonOf(refused)).error.code).toBe('forbidden');
		expect((await leader.req('POST', '/api/imports/1/undo', {})).status).toBe(403);
		expect((await leader.req('GET', '/api/workspace')).status).toBe(200);
	});

	it('answers bad input with a JSON 4xx and changes nothing', async () => {
		const cases: [string, string, unknown, number, string, Record<string, string>?][] = [
			['POST', '/api/imports', '{"baseVersion": 1, "files": [', 400, 'bad_json'],
			['POST', '/api/imports', { baseVersion: '1', files: [] }, 400, 'invalid_body'],
			['POST', '/api/imports', { baseVersion: 1, files: [], extra: true }, 400, 'invalid_body'],
			[
				'POST',
				'/api/imports',
				{ baseVersion: 1, files: [{ name: 'a', hash: HASH, rows: [{ unit: 1 }] }] },
				400,
				'invalid_body'
			],
			['POST', '/api/imports', 'baseVersion=1', 415, 'bad_content_type', { 'content-type': 'text/plain' }],
			['GET', '/api/no-such-thing', undefined, 404, 'not_found'],
			['DELETE', '/api/workspace', undefined, 405, 'method_not_allowed'],
			['POST', '/api/imports/abc/undo', {}, 404, 'not_found']
		];
		for (const [method, path, body, status, code, headers] of cases) {
			const res = await staff.req(method, path, body, headers);
			expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
			const j = await jsonOf(res);
			expect(j.error.code).toBe(code);
			expect(j.error.vi).toBeTruthy();
			expect(JSON.stringify(j)).not.toMatch(/at .*\.(js|ts):\d+/);
		}
		const big = await staff.req('POST', '/api/imports', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
		expect(big.status).toBe(413);
		expect((await jsonOf(big)).error.code).toBe('body_too_large');
		const cross = await staff.req(
			'POST',
			'/api/imports',
			{ baseVersion: 1, files: [] },
			{ origin: 'https://evil.example' }
		);
		expect(cross.status).toBe(403);
		expect((await (await fetch(`${srv.url}/api/health`)).json()).version).toBe(1);
	});

	it('commits an import (200), refuses a stale one (409), follows with events, undoes', async () => {
		const events = await fetch(`${srv.url}/api/events`, { headers: { cookie: staff.cookie } });
		expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const reader = events.body!.getReader();
		const seen: number[] = [];
		const pump = (async () => {
			const dec = new TextDecoder();
			let buf = '';
			while (seen.length < 3) {
				const { done, value } = await reader.read();
				if (done) break;
				buf += dec.decode(value);
				for (const m of buf.matchAll(/event: version\ndata: (\d+)/g))
					if (!seen.includes(Number(m[1]))) seen.push(Number(m[1]));
			}
		})();

		const rows = [
			{ unit: 'Phổ An', period: '2020', indicator: 'households', value: 1234, qualifier: '', note: '' }
		];
		const ok = await staff.req('POST', '/api/imports', {
			baseVersion: 1,
			files: [{ name: 'pho-an.csv', hash: HASH, rows }]
		});
		expect(ok.status).toBe(200);
		const body = await ok.json();
		expect(body).toMatchObject({ version: 2, imports: [{ file: 'pho-an.csv', inserted: 1 }] });
		const stale = await staff.req('POST', '/api/imports', {
			baseVersion: 1,
			files: [{ name: 'b.csv', hash: HASH, rows }]
		});
		expect(stale.status).toBe(409);
		expect(await jsonOf(stale)).toMatchObject({ error: { code: 'stale_version' }, version: 2 });
		const refused = await staff.req('POST', '/api/imports', {
			baseVersion: 2,
			files: [{ name: 'c.csv', hash: HASH, rows: [{ ...rows[0], unit: '<script>alert(1)</script>' }] }]
		});
		expect(refused.status).toBe(422);
		expect((await refused.json()).findings[0]).toMatchObject({ code: 'unknown_unit', row: 1 });

		const history = await (await leader.req('GET', '/api/imports')).json();
		expect(history.imports[0]).toMatchObject({ file: 'pho-an.csv', user: 'thu', status: 'committed' });
		expect(history.imports[0].at).toMatch(/Z$/);
		const changes = await (await leader.req('GET', '/api/workspace?since=1')).json();
		expect(changes.changes.upserts).toHaveLength(1);
		const csv = await leader.req('GET', '/api/workspace?format=csv');
		expect(csv.headers.get('x-chiso-version')).toBe('2');
		const text = await csv.text();
		// Each figure carries its source: the import and the person (a sample row: `sample`).
		expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
			'unit,period,indicator,value,qualifier,note,source'
		);
		expect(text).toContain(`Phổ An,2020,households,1234,,,"pho-an.csv (#${body.imports[0].id}, thu)"`);
		expect(text).toMatch(/,sample\r\n/);

		const id = body.imports[0].id;
		const preview = await staff.req('POST', `/api/imports/${id}/undo`, { dryRun: true });
		expect(await preview.json()).toMatchObject({ ok: true, dryRun: true, removed: 1 });
		const undo = await staff.req('POST', `/api/imports/${id}/undo`, {});
		expect(await undo.json()).toMatchObject({ ok: true, version: 3, removed: 1 });
		await Promise.race([pump, new Promise((r) => setTimeout(r, 5000))]);
		await reader.cancel();
		expect(seen).toEqual([1, 2, 3]);

		const audit = await (await admin.req('GET', '/api/audit')).json();
		expect(audit.audit.map((a: { action: string }) => a.action).slice(0, 2)).toEqual(['undo', 'import']);
		expect(audit.audit[0].user).toBe('thu');
	});

	it('keeps decks per user and shares them', async () => {
		expect(
			(
				await staff.req('PUT', '/api/decks', {
					id: 'd1',
					title: 'Họp quý',
					shared: true,
					body: { slides: [1] }
				})
			).status
		).toBe(200);
		expect(
			(await staff.req('PUT', '/api/decks', { id: 'd2', title: 'Riêng', shared: false, body: {} })).status
		).toBe(200);
		const seen = await (await leader.req('GET', '/api/decks')).json();
		expect(seen.decks.map((d: { id: string }) => d.id)).toEqual(['d1']);
		expect(
			(await leader.req('PUT', '/api/decks', { id: 'd1', title: 'x', shared: false, body: {} })).status
		).toBe(403);
		expect((await leader.req('DELETE', '/api/decks', { id: 'd1' })).status).toBe(403);
		expect((await staff.req('DELETE', '/api/decks', { id: 'd1' })).status).toBe(200);
	});

	it('disabling a user or logging out ends the session', async () => {
		expect((await admin.req('PATCH', '/api/users', { login: 'lanh-dao', disabled: true })).status).toBe(200);
		expect((await leader.req('GET', '/api/me')).status).toBe(401);
		expect((await admin.req('PATCH', '/api/users', { login: 'admin', role: 'staff' })).status).toBe(400); // last admin
		expect((await staff.req('POST', '/api/logout', {})).status).toBe(200);
		expect((await staff.req('GET', '/api/me')).status).toBe(401);
	});

	// Several app servers share one database only on PostgreSQL (SQLite is one process's file).
	if (backend.name === 'postgres')
		it('two app servers on one PostgreSQL share change events', async () => {
			const other = await startServer({ DATABASE_URL: srv.env.DATABASE_URL });
			try {
				const c = new Client(other.url);
				expect((await c.login('admin', ADMIN)).status).toBe(200);
				const events = await fetch(`${other.url}/api/events`, { headers: { cookie: c.cookie } });
				const reader = events.body!.getReader();
				const dec = new TextDecoder();
				let buf = '';
				const first = await reader.read();
				buf += dec.decode(first.value);
				const base = Number(/data: (\d+)/.exec(buf)![1]);
				const rows = [
					{ unit: 'Phổ An', period: '2019', indicator: 'households', value: 7, qualifier: '', note: '' }
				];
				const res = await admin.req('POST', '/api/imports', {
					baseVersion: base,
					files: [{ name: 'x.csv', hash: HASH, rows }]
				});
				expect(res.status).toBe(200);
				const t0 = Date.now();
				while (!buf.includes(`data: ${base + 1}`) && Date.now() - t0 < 5000) {
					const { value, done } = await reader.read();
					if (done) break;
					buf += dec.decode(value);
				}
				expect(buf).toContain(`data: ${base + 1}`);
				await reader.cancel();
			} finally {
				await other.stop();
			}
		});
});
