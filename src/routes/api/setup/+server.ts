import { completeSetup, createSession, SESSION_COOKIE, UserError } from '$lib/server/auth';
import { serverContext } from '$lib/server/context';
import { ApiError, api, body, json, obj, str } from '$lib/server/http';
import { sessionCookie } from '$lib/server/http/cookie';
import type { RequestHandler } from './$types';

const Setup = obj({ token: str({ min: 1, max: 100 }), password: str({ max: 256 }) });

/** The one-time setup link of a fresh workspace: sets the password of `admin` and signs in. */
export const POST: RequestHandler = api(async (event) => {
	const ctx = await serverContext();
	const input = await body(event.request, 64 * 1024, Setup);
	let user;
	try {
		user = await completeSetup(ctx.database.db, input.token, input.password);
	} catch (e) {
		if (e instanceof UserError) throw new ApiError(400, e.code, e.vi, e.en);
		throw e;
	}
	if (!user)
		throw new ApiError(
			403,
			'bad_setup_token',
			'Liên kết cài đặt không đúng hoặc đã dùng.',
			'The setup link is wrong or was used.'
		);
	const { token, expires } = await createSession(ctx.database.db, user.id, ctx.config.sessionMs);
	event.cookies.set(SESSION_COOKIE, token, sessionCookie(event, expires));
	return json({ user: { login: user.login, role: user.role } });
});
