/**
 * The command-line scripts against a running server: `npm run user` adds an account the server then
 * accepts; `npm run backup` copies the workspace while the server runs; `npm run restore` brings it back
 * into a fresh data folder, and a server there answers with the same data. Also the setup link.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, startServer, type RunningServer } from './server';

const tsx = (script: string, args: string[], env: Record<string, string>, input = '') =>
	spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', `scripts/${script}.ts`, ...args], {
		env: { ...process.env, DATABASE_URL: '', ...env },
		input,
		encoding: 'utf8'
	});

describe('command line: user, backup, restore (SQLite)', () => {
	const tmp = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
	const servers: RunningServer[] = [];
	afterAll(async () => {
		for (const s of servers) await s.stop();
		rmSync(tmp, { recursive: true, force: true });
	});

	it('adds a user from the command line while the server runs; backup → restore compares equal', async () => {
		const data = join(tmp, 'a');
		const srv = await startServer({ CHISO_ADMIN_PASSWORD: 'admin-pass-123' }, data);
		servers.push(srv);
		const add = tsx('user', ['add', 'thu', '--role', 'staff'], { CHISO_DATA_DIR: data }, 'thu-password-1\n');
		expect(add.status, add.stderr).toBe(0);
		expect(tsx('user', ['add', 'x', '--role', 'boss'], { CHISO_DATA_DIR: data }, 'pw\n').status).toBe(2);
		const staff = new Client(srv.url);
		expect((await staff.login('thu', 'thu-password-1')).status).toBe(200);
		const rows = [
			{
				unit: 'Phổ Phong',
				period: '2022',
				indicator: 'population',
				value: 9999,
				qualifier: '~',
				note: 'ước tính'
			}
		];
		const commit = await staff.req('POST', '/api/imports', {
			baseVersion: 1,
			files: [{ name: 'pp.csv', hash: 'c'.repeat(64), rows }]
		});
		expect(commit.status).toBe(200);
		const passwd = tsx('user', ['passwd', 'thu'], { CHISO_DATA_DIR: data }, 'thu-password-2\n');
		expect(passwd.status, passwd.stderr).toBe(0);
		expect((await staff.req('GET', '/api/me')).status).toBe(401); // sessions ended
		expect((await staff.login('thu', 'thu-password-2')).status).toBe(200);

		const file = join(tmp, 'backup.sqlite');
		const backup = tsx('backup', [file], { CHISO_DATA_DIR: data });
		expect(backup.status, backup.stderr).toBe(0);
		expect(backup.stdout).toMatch(/workspace version 2/);
		expect(tsx('backup', [file], { CHISO_DATA_DIR: data }).status).toBe(1); // exists, no --force

		// The running server's own folder: refused without --force.
		const busy = tsx('restore', [file], { CHISO_DATA_DIR: data });
		expect(busy.status).toBe(1);
		expect(busy.stderr).toMatch(/is running/);
		writeFileSync(join(tmp, 'junk.sqlite'), 'not a database');
		expect(tsx('restore', [join(tmp, 'junk.sqlite')], { CHISO_DATA_DIR: join(tmp, 'x') }).status).toBe(1);

		const fresh = join(tmp, 'b');
		const restore = tsx('restore', [file], { CHISO_DATA_DIR: fresh });
		expect(restore.status, restore.stderr).toBe(0);
		const again = await startServer({}, fresh);
		servers.push(again);
		const c2 = new Client(again.url);
		expect((await c2.login('thu', 'thu-password-2')).status).toBe(200);
		const get = async (c: Client, path: string) => (await c.req('GET', path)).text();
		expect(await get(c2, '/api/workspace?format=csv')).toBe(await get(staff, '/api/workspace?format=csv'));
		expect(await get(c2, '/api/imports')).toBe(await get(staff, '/api/imports'));
		expect(await (await fetch(`${again.url}/api/health`)).json()).toMatchObject({ version: 2 });
	});

	it('prints a one-time setup link when no admin password is given', async () => {
		const srv = await startServer({ CHISO_ADMIN_PASSWORD: '' }, join(tmp, 'c'));
		servers.push(srv);
		const token = /\/login\?setup=([A-Za-z0-9_-]+)/.exec(srv.log())?.[1];
		expect(token).toBeTruthy();
		const c = new Client(srv.url);
		expect((await c.req('POST', '/api/setup', { token: 'wrong', password: 'new-admin-pass' })).status).toBe(
			403
		);
		expect((await c.req('POST', '/api/setup', { token, password: 'short' })).status).toBe(400);
		expect((await c.req('POST', '/api/setup', { token, password: 'new-admin-pass' })).status).toBe(200);
		expect(await (await c.req('GET', '/api/me')).json()).toMatchObject({
			user: { login: 'admin', role: 'admin' }
		});
		expect(
			(await new Client(srv.url).req('POST', '/api/setup', { token, password: 'other-pass-1' })).status
		).toBe(403);
	});
});
