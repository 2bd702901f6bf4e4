/** Accounts: create, change role / password / disabled, list; the first admin of a fresh workspace. */
import type { Kysely } from 'kysely';
import type { DB, Role } from '../db/schema';
import { audit, nowIso } from '../store/util';
import { hashPassword, MAX_PASSWORD, MIN_PASSWORD } from './password';
import { deleteUserSessions, newToken, sha256 } from './sessions';

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export class UserError extends Error {
	constructor(
		readonly code: 'bad_login' | 'weak_password' | 'login_taken' | 'no_such_user' | 'last_admin',
		readonly vi: string,
		readonly en: string
	) {
		super(en);
	}
}

export function checkLogin(login: string): void {
	if (!LOGIN_PATTERN.test(login)) {
		throw new UserError(
			'bad_login',
			'Tên đăng nhập gồm 2–64 chữ thường không dấu, số, dấu chấm, gạch nối hoặc gạch dưới.',
			'A login is 2–64 lower-case letters, digits, dots, dashes or underscores.'
		);
	}
}

export function checkPassword(password: string): void {
	if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
		throw new UserError(
			'weak_password',
			`Mật khẩu cần từ ${MIN_PASSWORD} đến ${MAX_PASSWORD} ký tự.`,
			`A password needs ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`
		);
	}
}

export interface UserInfo {
	id: number;
	login: string;
	role: Role;
	disabled: boolean;
	createdAt: string;
}

export async function listUsers(db: Kysely<DB>): Promise<UserInfo[]> {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'login', 'role', 'disabled', 'created_at'])
		.orderBy('login')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		login: r.login,
		role: r.role,
		disabled: r.disabled === 1,
		createdAt: r.created_at
	}));
}

export async function createUser(
	db: Kysely<DB>,
	args: { login: string; role: Role; password: string; by: number | null }
): Promise<UserInfo> {
	checkLogin(args.login);
	checkPassword(args.password);
	const passwordHash = await hashPassword(args.password);
	return db.transaction().execute(async (trx) => {
		const taken = await trx
			.selectFrom('users')
			.select('id')
			.where('login', '=', args.login)
			.executeTakeFirst();
		if (taken) throw new UserError('login_taken', 'Tên đăng nhập đã có.', 'That login is taken.');
		const createdAt = nowIso();
		const { id } = await trx
			.insertInto('users')
			.values({
				login: args.login,
				role: args.role,
				password_hash: passwordHash,
				created_at: createdAt,
				disabled: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, args.by, 'user.create', { login: args.login, role: args.role });
		return { id, login: args.login, role: args.role, disabled: false, createdAt };
	});
}

/** Changes role, disabled flag and/or password. A password change or disabling ends the user's sessions. */
export async function updateUser(
	db: Kysely<DB>,
	args: { login: string; role?: Role; disabled?: boolean; password?: string; by: number | null }
): Promise<UserInfo> {
	if (args.password !== undefined) checkPassword(args.password);
	const passwordHash = args.password !== undefined ? await hashPassword(args.password) : undefined;
	return db.transaction().execute(async (trx) => {
		const user = await trx.selectFrom('users').selectAll().where('login', '=', args.login).executeTakeFirst();
		if (!user) throw new UserError('no_such_user', 'Không có người dùng này.', 'No such user.');
		const demotes = user.role === 'admin' && ((args.role && args.role !== 'admin') || args.disabled === true);
		if (demotes) {
			const admins = await trx
				.selectFrom('users')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('role', '=', 'admin')
				.where('disabled', '=', 0)
				.executeTakeFirstOrThrow();
			if (Number(admins.n) <= 1) {
				throw new UserError(
					'last_admin',
					'Phải còn ít nhất một quản trị viên.',
					'At least one admin must remain.'
				);
			}
		}
		const set: { role?: Role; disabled?: number; password_hash?: string } = {};
		if (args.role) set.role = args.role;
		if (args.disabled !== undefined) set.disabled = args.disabled ? 1 : 0;
		if (passwordHash) set.password_hash = passwordHash;
		if (Object.keys(set).length > 0)
			await trx.updateTable('users').set(set).where('id', '=', user.id).execute();
		if (passwordHash || args.disabled) await deleteUserSessions(trx, user.id);
		await audit(trx, args.by, 'user.update', {
			login: args.login,
			...(args.role ? { role: args.role } : {}),
			...(args.disabled !== undefined ? { disabled: args.disabled } : {}),
			...(passwordHash ? { password: 'changed' } : {})
		});
		const after = { ...user, ...set };
		return {
			id: user.id,
			login: user.login,
			role: after.role,
			disabled: after.disabled === 1,
			createdAt: user.created_at
		};
	});
}

async function hasAdmin(db: Kysely<DB>): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('role', '=', 'admin')
		.limit(1)
		.executeTakeFirst();
	return !!row;
}

/**
 * A workspace without an admin (a fresh one) gets its first: with CHISO_ADMIN_PASSWORD the user `admin` is created; without
 * it a one-time setup token is stored (hashed) and returned, for the log line /login?setup=TOKEN.
 */
export async function ensureAdmin(
	db: Kysely<DB>,
	adminPassword: string | null
): Promise<{ created: 'admin' } | { setupToken: string } | null> {
	if (await hasAdmin(db)) return null;
	const named = await db.selectFrom('users').select('id').where('login', '=', 'admin').executeTakeFirst();
	if (adminPassword && !named) {
		await createUser(db, { login: 'admin', role: 'admin', password: adminPassword, by: null });
		return { created: 'admin' };
	}
	const token = newToken();
	await db
		.updateTable('workspace')
		.set({ setup_token_hash: sha256(token) })
		.where('id', '=', 1)
		.execute();
	return { setupToken: token };
}

/** Uses the setup token once: creates `admin` with the given password. Null when the token is wrong. */
export async function completeSetup(
	db: Kysely<DB>,
	token: string,
	password: string
): Promise<UserInfo | null> {
	checkPassword(password);
	const w = await db
		.selectFrom('workspace')
		.select('setup_token_hash')
		.where('id', '=', 1)
		.executeTakeFirst();
	if (!w?.setup_token_hash || w.setup_token_hash !== sha256(token)) return null;
	if (await hasAdmin(db)) return null;
	const user = await createUser(db, { login: 'admin', role: 'admin', password, by: null });
	await db.updateTable('workspace').set({ setup_token_hash: null }).where('id', '=', 1).execute();
	return user;
}
