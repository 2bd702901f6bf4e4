/** Login attempts per login + address: after `limit` failures within the window, refuse (429). */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function recentFailures(
	db: Kysely<DB>,
	login: string,
	ip: string,
	windowMs: number,
	now = Date.now()
): Promise<number> {
	const since = new Date(now - windowMs).toISOString();
	const row = await db
		.selectFrom('login_attempts')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('login', '=', login)
		.where('ip', '=', ip)
		.where('ok', '=', 0)
		.where('at', '>', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function recordAttempt(
	db: Kysely<DB>,
	login: string,
	ip: string,
	ok: boolean,
	now = Date.now()
) {
	await db
		.insertInto('login_attempts')
		.values({ login, ip, ok: ok ? 1 : 0, at: new Date(now).toISOString() })
		.execute();
	if (ok) {
		// A successful login clears the count for this login + address.
		await db
			.deleteFrom('login_attempts')
			.where('login', '=', login)
			.where('ip', '=', ip)
			.where('ok', '=', 0)
			.execute();
	}
	// Old attempts are of no use: keep the table small.
	await db
		.deleteFrom('login_attempts')
		.where('at', '<', new Date(now - 24 * 60 * 60 * 1000).toISOString())
		.execute();
}
