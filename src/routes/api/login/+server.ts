import {
	createSession,
	dummyHash,
	recentFailures,
	recordAttempt,
	SESSION_COOKIE,
	verifyPassword
} from '$lib/server/auth';
import { serverContext } from '$lib/server/context';
import { ApiError, api, body, json, obj, str } from '$lib/server/http';
import type { RequestHandler } from './$types';
import { sessionCookie } from '$lib/server/http/cookie';

const Login = obj({ login: str({ min: 1, max: 64 }), password: str({ min: 1, max: 256 }) });

export const POST: RequestHandler = api(async (event) => {
	const ctx = await serverContext();
	const db = ctx.database.db;
	const input = await body(event.request, 64 * 1024, Login);
	const login = input.login.trim().toLowerCase();
	const ip = event.getClientAddress();
	if ((await recentFailures(db, login, ip, ctx.config.loginWindowMs)) >= ctx.config.loginLimit) {
		throw new ApiError(
			429,
			'too_many_attempts',
			'Sai quá nhiều lần. Hãy thử lại sau 15 phút.',
			'Too many failed attempts. Try again in 15 minutes.'
		);
	}
	const user = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
	const ok = user
		? await verifyPassword(user.password_hash, input.password)
		: await verifyPassword(await dummyHash(), input.password);
	if (!user || !ok || user.disabled) {
		await recordAttempt(db, login, ip, false);
		throw new ApiError(
			401,
			'bad_credentials',
			'Sai tên đăng nhập hoặc mật khẩu.',
			'Wrong login or password.'
		);
	}
	await recordAttempt(db, login, ip, true);
	const { token, expires } = await createSession(db, user.id, ctx.config.sessionMs);
	event.cookies.set(SESSION_COOKIE, token, sessionCookie(event, expires));
	return json({ user: { login: user.login, role: user.role } });
});
