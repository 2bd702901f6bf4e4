import { serverContext } from '$lib/server/context';
import { api, CAN, E, json, requireRole } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The audit log, newest first: `?before=ID` pages back, `?limit=N` (≤ 1000). */
export const GET: RequestHandler = api(async (event) => {
	requireRole(event, ...CAN.audit);
	const ctx = await serverContext();
	const limitText = event.url.searchParams.get('limit') ?? '200';
	const beforeText = event.url.searchParams.get('before');
	if (!/^\d{1,4}$/.test(limitText) || (beforeText !== null && !/^\d{1,12}$/.test(beforeText)))
		throw E.invalid('query', 'limit/before cần là số.', 'limit/before must be numbers.');
	let q = ctx.database.db
		.selectFrom('audit as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.at', 'a.action', 'a.details', 'u.login as user'])
		.orderBy('a.id', 'desc')
		.limit(Math.min(1000, Number(limitText)));
	if (beforeText !== null) q = q.where('a.id', '<', Number(beforeText));
	const rows = await q.execute();
	return json({ audit: rows.map((r) => ({ ...r, details: JSON.parse(r.details) })) });
});
