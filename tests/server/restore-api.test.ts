/** POST /api/workspace/restore over real HTTP: admin only, a refused file changes nothing, a good one restores. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createPgDatabase } from './backends';
import { Client, startServer, type RunningServer } from './server';
import { smallWorkspaceFile } from './workspace-file';

const ADMIN = 'admin-pass-123';

describe.each(BACKENDS)('workspace restore API on $name', (backend) => {
	let srv: RunningServer;
	let dropPg: (() => Promise<void>) | null = null;
	let admin: Client;
	let staff: Client;

	const version = async () =>
		((await (await fetch(`${srv.url}/api/health`)).json()) as { version: number }).version;

	beforeAll(async () => {
		const env: Record<string, string> = { CHISO_ADMIN_PASSWORD: ADMIN };
		if (backend.name === 'postgres') {
			const db = await createPgDatabase(process.env.CHISO_TEST_DATABASE_URL!);
			env.DATABASE_URL = db.url;
			dropPg = db.drop;
		}
		srv = await startServer(env);
		admin = new Client(srv.url);
		staff = new Client(srv.url);
		expect((await admin.login('admin', ADMIN)).status).toBe(200);
		const made = await admin.req('POST', '/api/users', {
			login: 'thu',
			role: 'staff',
			password: 'thu-password'
		});
		expect(made.status).toBeLessThan(300);
		expect((await staff.login('thu', 'thu-password')).status).toBe(200);
	});
	afterAll(async () => {
		await srv?.stop();
		await dropPg?.();
	});

	it('refuses anyone but an admin', async () => {
		expect(
			(await new Client(srv.url).req('POST', '/api/workspace/restore', smallWorkspaceFile())).status
		).toBe(401);
		const res = await staff.req('POST', '/api/workspace/restore', smallWorkspaceFile());
		expect(res.status).toBe(403);
		expect(await version()).toBe(1);
	});

	it('refuses a malformed file with a message in both languages, and changes nothing', async () => {
		const bad = smallWorkspaceFile();
		bad.observations.rows[1][3] = Number.NaN; // JSON null: not a number
		for (const body of [{ format: 'chi-so-workspace', version: 1 }, bad, { format: 'khác' }, '[1,2']) {
			const res = await admin.req('POST', '/api/workspace/restore', body);
			expect(res.status).toBeGreaterThanOrEqual(400);
			expect(res.status).toBeLessThan(500);
			const answer = (await res.json()) as { error: { code: string; vi: string; en: string } };
			expect(answer.error.vi.length).toBeGreaterThan(5);
			expect(answer.error.en.length).toBeGreaterThan(5);
		}
		expect(await version()).toBe(1);
	});

	it('restores a good file as the next version, with an audit entry', async () => {
		const res = await admin.req('POST', '/api/workspace/restore', smallWorkspaceFile(), {
			'x-chiso-file-name': encodeURIComponent('dữ liệu toàn bộ 2026-12-04.json')
		});
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ version: 2, observations: 2, imports: 2 });
		expect(await version()).toBe(2);
		const csv = await (await staff.req('GET', '/api/workspace?format=csv')).text();
		expect(csv.trim().split('\r\n')).toHaveLength(3);
		expect(csv).toContain('Phổ Minh,2024,petitions_received,12,>');
		const audit = await (await admin.req('GET', '/api/audit')).text();
		expect(audit).toContain('workspace_restore');
		expect(audit).toContain('dữ liệu toàn bộ 2026-12-04.json');
	});
});
