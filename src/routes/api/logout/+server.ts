import { deleteSession, SESSION_COOKIE } from '$lib/server/auth';
import { serverContext } from '$lib/server/context';
import { api, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const ctx = await serverContext();
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) await deleteSession(ctx.database.db, token);
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	return json({ ok: true });
});
