import { createUser, listUsers, LOGIN_PATTERN, updateUser, UserError } from '$lib/server/auth';
import { serverContext } from '$lib/server/context';
import { ROLES } from '$lib/server/db/schema';
import { ApiError, api, bool, body, CAN, json, obj, oneOf, requireRole, str } from '$lib/server/http';
import type { RequestHandler } from './$types';

const toApi = (e: unknown): never => {
	if (e instanceof UserError)
		throw new ApiError(
			e.code === 'no_such_user' ? 404 : e.code === 'login_taken' ? 409 : 400,
			e.code,
			e.vi,
			e.en
		);
	throw e;
};

const NewUser = obj({
	login: str({ pattern: LOGIN_PATTERN }),
	role: oneOf(ROLES),
	password: str({ max: 256 })
});
const Change = obj(
	{ login: str({ max: 64 }), role: oneOf(ROLES), disabled: bool, password: str({ max: 256 }) },
	['role', 'disabled', 'password']
);

export const GET: RequestHandler = api(async (event) => {
	requireRole(event, ...CAN.users);
	const ctx = await serverContext();
	return json({ users: await listUsers(ctx.database.db) });
});

export const POST: RequestHandler = api(async (event) => {
	const me = requireRole(event, ...CAN.users);
	const ctx = await serverContext();
	const input = await body(event.request, 64 * 1024, NewUser);
	const user = await createUser(ctx.database.db, { ...input, by: me.id }).catch(toApi);
	return json({ user }, 201);
});

export const PATCH: RequestHandler = api(async (event) => {
	const me = requireRole(event, ...CAN.users);
	const ctx = await serverContext();
	const input = await body(event.request, 64 * 1024, Change);
	const user = await updateUser(ctx.database.db, { ...input, by: me.id }).catch(toApi);
	return json({ user });
});
