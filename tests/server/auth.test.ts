import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createSession,
	createUser,
	ensureAdmin,
	hashPassword,
	recentFailures,
	recordAttempt,
	sha256,
	updateUser,
	validateSession,
	verifyPassword
} from '../../src/lib/server/auth';
import { BACKENDS } from './backends';

const DAY = 24 * 60 * 60 * 1000;

describe('passwords', () => {
	it('hashes with argon2id and verifies', async () => {
		const h = await hashPassword('mật khẩu dài');
		expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(h, 'mật khẩu dài')).toBe(true);
		expect(await verifyPassword(h, 'mật khẩu dai')).toBe(false);
		expect(await verifyPassword('garbage', 'x')).toBe(false);
		expect(await hashPassword('mật khẩu dài')).not.toBe(h); // salted
	});
});

describe.each(BACKENDS)('sessions and limits on $name', (backend) => {
	let ws: Awaited<ReturnType<typeof backend.open>>;
	let userId: number;
	beforeEach(async () => {
		ws = await backend.open();
		userId = (await createUser(ws.db, { login: 'thu', role: 'staff', password: 'thu-password', by: null }))
			.id;
	});
	afterEach(async () => {
		await ws.dispose();
	});

	it('stores only the token hash; expires; slides with use', async () => {
		const t0 = Date.parse('2025-01-01T00:00:00Z');
		const { token } = await createSession(ws.db, userId, 30 * DAY, t0);
		const rows = await ws.db.selectFrom('sessions').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0].token_hash).toBe(sha256(token));
		expect(JSON.stringify(rows)).not.toContain(token);

		expect((await validateSession(ws.db, token, 30 * DAY, t0 + DAY))?.user).toEqual({
			id: userId,
			login: 'thu',
			role: 'staff'
		});
		// Used on day 1: now valid until day 31, so day 30.5 is still fine…
		expect(await validateSession(ws.db, token, 30 * DAY, t0 + 30.5 * DAY)).not.toBeNull();
		// …and after 30 days without use it is gone, row included.
		expect(await validateSession(ws.db, token, 30 * DAY, t0 + 61 * DAY)).toBeNull();
		expect(await ws.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
		expect(await validateSession(ws.db, 'not-a-token', 30 * DAY)).toBeNull();
	});

	it('a disabled user or a new password ends sessions', async () => {
		const a = await createSession(ws.db, userId, DAY);
		await updateUser(ws.db, { login: 'thu', password: 'new-password-1', by: null });
		expect(await validateSession(ws.db, a.token, DAY)).toBeNull();
		const b = await createSession(ws.db, userId, DAY);
		await updateUser(ws.db, { login: 'thu', disabled: true, by: null });
		expect(await validateSession(ws.db, b.token, DAY)).toBeNull();
	});

	it('counts failed logins per login and address within the window', async () => {
		const t0 = Date.now();
		for (let i = 0; i < 3; i++) await recordAttempt(ws.db, 'thu', '10.0.0.1', false, t0 - i * 60_000);
		await recordAttempt(ws.db, 'thu', '10.0.0.1', false, t0 - 20 * 60_000); // outside 15 min
		await recordAttempt(ws.db, 'thu', '10.0.0.2', false, t0);
		expect(await recentFailures(ws.db, 'thu', '10.0.0.1', 15 * 60_000, t0)).toBe(3);
		expect(await recentFailures(ws.db, 'thu', '10.0.0.2', 15 * 60_000, t0)).toBe(1);
		await recordAttempt(ws.db, 'thu', '10.0.0.1', true, t0);
		expect(await recentFailures(ws.db, 'thu', '10.0.0.1', 15 * 60_000, t0)).toBe(0);
	});

	it('creates the first admin once, from the password or as a setup token', async () => {
		expect(await ensureAdmin(ws.db, null)).toHaveProperty('setupToken');
		expect(await ensureAdmin(ws.db, 'admin-password')).toEqual({ created: 'admin' });
		expect(await ensureAdmin(ws.db, 'admin-password')).toBeNull();
	});
});
