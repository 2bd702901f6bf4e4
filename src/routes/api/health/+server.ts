import { serverContext } from '$lib/server/context';
import { api, json } from '$lib/server/http';
import { workspaceInfo } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** 200 `{ ok, database, version }` without a session: for load balancers and the start script. */
export const GET: RequestHandler = api(async () => {
	const ctx = await serverContext();
	const { version } = await workspaceInfo(ctx.database);
	return json({ ok: true, database: ctx.database.kind, version });
});
