import { serverContext } from '$lib/server/context';
import { api, E, json, requireRole, CAN } from '$lib/server/http';
import { changesSince, listsChangedSince, snapshot } from '$lib/server/store';
import type { RequestHandler } from './$types';

/**
 * The workspace for a browser: `?since=N[&max=M]` → the cells changed after version N (null `changes`
 * when N is unknown or more than M cells changed: load the snapshot); `?format=csv` → the canonical CSV with the version in a header;
 * otherwise the snapshot as JSON (version, canonical CSV, and each row's source and import).
 */
export const GET: RequestHandler = api(async (event) => {
	requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	const since = event.url.searchParams.get('since');
	if (since !== null) {
		if (!/^\d{1,15}$/.test(since))
			throw E.invalid('since', 'cần một số phiên bản.', 'must be a version number.');
		const max = event.url.searchParams.get('max');
		if (max !== null && !/^\d{1,9}$/.test(max))
			throw E.invalid('max', 'cần một số nguyên dương.', 'must be a whole number.');
		const changes = await changesSince(ctx.database, Number(since), max === null ? undefined : Number(max));
		// The dictionary or unit list changed too: the browser loads it again (GET /api/lists).
		const lists = changes ? await listsChangedSince(ctx.database, Number(since)) : [];
		return json({ since: Number(since), changes: changes && { ...changes, lists } });
	}
	const snap = await snapshot(ctx.database);
	if (event.url.searchParams.get('format') === 'csv') {
		return new Response(snap.csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'x-chiso-version': String(snap.version),
				'cache-control': 'no-store'
			}
		});
	}
	const { observations, ...rest } = snap;
	return json({ ...rest, sources: observations.map((o) => [o.source, o.importId]) });
});
