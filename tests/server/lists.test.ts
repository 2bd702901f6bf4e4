/**
 * An admin replaces the indicator dictionary and the unit list over HTTP (issue #14): the server reads
 * the file itself, refuses what is not a list or would orphan stored figures (422, nothing changed),
 * refuses everyone but an admin (403), raises the version, and browsers learn which list to load again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createPgDatabase } from './backends';
import { Client, startServer, type RunningServer } from './server';

const ADMIN = 'admin-pass-123';
const DICTIONARY = readFileSync('data/indicators.csv', 'utf8');
const UNITS = readFileSync('data/units.csv', 'utf8');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const withNewIndicator = `${DICTIONARY.trimEnd()}\nyouth_dialogues,Số buổi đối thoại với thanh niên,Youth dialogues,count,raw,,sum,true,participation,,,\n`;

describe.each(BACKENDS)('dictionary and unit list on $name', (backend) => {
	let srv: RunningServer;
	let dropPg: (() => Promise<void>) | null = null;
	const admin = () => new Client(srv.url);
	let adm: Client;
	let staff: Client;

	beforeAll(async () => {
		const env: Record<string, string> = { CHISO_ADMIN_PASSWORD: ADMIN };
		if (backend.name === 'postgres') {
			const db = await createPgDatabase(process.env.CHISO_TEST_DATABASE_URL!);
			env.DATABASE_URL = db.url;
			dropPg = db.drop;
		}
		srv = await startServer(env);
		adm = admin();
		expect((await adm.login('admin', ADMIN)).status).toBe(200);
		expect(
			(await adm.req('POST', '/api/users', { login: 'ha', role: 'staff', password: 'ha-password-1' })).status
		).toBe(201);
		staff = new Client(srv.url);
		expect((await staff.login('ha', 'ha-password-1')).status).toBe(200);
	});
	afterAll(async () => {
		await srv?.stop();
		await dropPg?.();
	});

	const version = async () => (await (await fetch(`${srv.url}/api/health`)).json()).version as number;

	it('an admin adds an indicator: the version moves and the list is served again', async () => {
		const before = await version();
		const res = await adm.req('PUT', '/api/lists', {
			fileName: 'chi-tieu.csv',
			bytes: b64(withNewIndicator)
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ version: before + 1, kind: 'dictionary' });
		const csv = await staff.req('GET', '/api/lists?kind=dictionary');
		expect(csv.headers.get('x-chiso-version')).toBe(String(before + 1));
		expect(await csv.text()).toContain('youth_dialogues,Số buổi đối thoại với thanh niên');
		const changes = await (await staff.req('GET', `/api/workspace?since=${before}`)).json();
		expect(changes.changes.lists).toEqual(['dictionary']);
		const audit = await (await adm.req('GET', '/api/audit')).json();
		expect(JSON.stringify(audit)).toContain('dictionary.replace');
	});

	it('a unit list is read from the file’s own bytes (here Excel’s UTF-8 with BOM, CRLF) by the server', async () => {
		const before = await version();
		const excel = Buffer.from(`\uFEFF${UNITS.trimEnd().replace(/\n/g, '\r\n')}\r\n`, 'utf8');
		const res = await adm.req('PUT', '/api/lists', {
			fileName: 'don-vi.csv',
			bytes: excel.toString('base64')
		});
		expect(res.status).toBe(200);
		expect((await (await staff.req('GET', `/api/workspace?since=${before}`)).json()).changes.lists).toEqual([
			'units'
		]);
	});

	it('refuses with findings, and changes nothing: figures left without their indicator, not a list, a stale version', async () => {
		const before = await version();
		const without = DICTIONARY.split('\n')
			.filter((l) => !l.startsWith('petition_cases_received,'))
			.join('\n');
		const orphan = await adm.req('PUT', '/api/lists', { fileName: 'thieu.csv', bytes: b64(without) });
		expect(orphan.status).toBe(422);
		const body = await orphan.json();
		expect(body.findings[0]).toMatchObject({ code: 'still_used', file: 'thieu.csv' });
		expect(body.findings[0].vi).toContain('petition_cases_received');
		const figures = await adm.req('PUT', '/api/lists', {
			fileName: 'so-lieu.csv',
			bytes: b64('unit,period,indicator,value\nPhổ An,2024,population,1\n')
		});
		expect(figures.status).toBe(422);
		expect((await figures.json()).findings[0].code).toBe('not_a_list');
		const stale = await adm.req('PUT', '/api/lists', {
			fileName: 'chi-tieu.csv',
			bytes: b64(withNewIndicator),
			baseVersion: before - 1
		});
		expect(stale.status).toBe(409);
		const bad = await adm.req('PUT', '/api/lists', { fileName: 'x.csv', bytes: '***' });
		expect(bad.status).toBe(400);
		expect(await version()).toBe(before);
	});

	it('only an admin replaces a list; everyone signed in reads them', async () => {
		const res = await staff.req('PUT', '/api/lists', {
			fileName: 'chi-tieu.csv',
			bytes: b64(withNewIndicator)
		});
		expect(res.status).toBe(403);
		expect((await staff.req('GET', '/api/lists?kind=units')).status).toBe(200);
		expect((await fetch(`${srv.url}/api/lists?kind=units`)).status).toBe(401);
		expect((await staff.req('GET', '/api/lists?kind=users')).status).toBe(400);
	});
});
