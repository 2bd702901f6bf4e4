/**
 * Sessions: a random 32-byte token in an HttpOnly cookie; the database holds only its sha256, so a
 * copy of the database does not let anyone in. Expiry slides: each use within the lifetime extends it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../db/schema';

export const SESSION_COOKIE = 'chiso_session';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
export const newToken = (): string => randomBytes(32).toString('base64url');

export interface SessionUser {
	id: number;
	login: string;
	role: Role;
}

export async function createSession(db: Kysely<DB>, userId: number, lifetimeMs: number, now = Date.now()) {
	const token = newToken();
	const expires = new Date(now + lifetimeMs);
	await db
		.insertInto('sessions')
		.values({
			token_hash: sha256(token),
			user_id: userId,
			created_at: new Date(now).toISOString(),
			expires_at: expires.toISOString(),
			last_seen_at: new Date(now).toISOString()
		})
		.execute();
	return { token, expires };
}

/** The session's user, or null when unknown, expired or the user is disabled. Extends a live session. */
export async function validateSession(
	db: Kysely<DB>,
	token: string,
	lifetimeMs: number,
	now = Date.now()
): Promise<{ user: SessionUser; expires: Date } | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const hash = sha256(token);
	const row = await db
		.selectFrom('sessions as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select(['u.id', 'u.login', 'u.role', 'u.disabled', 's.expires_at', 's.last_seen_at'])
		.where('s.token_hash', '=', hash)
		.executeTakeFirst();
	if (!row) return null;
	if (row.disabled || Date.parse(row.expires_at) <= now) {
		await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
		return null;
	}
	let expires = new Date(row.expires_at);
	// One write a minute at most per session, not one per request.
	if (now - Date.parse(row.last_seen_at) > 60_000) {
		expires = new Date(now + lifetimeMs);
		await db
			.updateTable('sessions')
			.set({ last_seen_at: new Date(now).toISOString(), expires_at: expires.toISOString() })
			.where('token_hash', '=', hash)
			.execute();
	}
	return { user: { id: row.id, login: row.login, role: row.role }, expires };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: number): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
