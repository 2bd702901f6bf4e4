import { api, json, requireUser, CAN } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Who is signed in and what the role may do (the UI hides the rest; the server refuses it). */
export const GET: RequestHandler = api(async (event) => {
	const user = requireUser(event);
	const can = Object.fromEntries(Object.entries(CAN).map(([k, roles]) => [k, roles.includes(user.role)]));
	return json({ user: { login: user.login, role: user.role }, can });
});
