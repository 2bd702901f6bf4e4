import { toDictionaryCsv, toUnitsCsv } from '$lib/import';
import { serverContext } from '$lib/server/context';
import { ApiError, api, body, CAN, E, int, json, obj, requireRole, str } from '$lib/server/http';
import { loadDictionary, loadUnits, replaceList } from '$lib/server/store';
import type { RequestHandler } from './$types';

const LIMIT = 10 * 1024 * 1024;
/** The file's own bytes (base64): the server decodes them itself, whatever the encoding. */
const Upload = obj(
	{
		fileName: str({ min: 1, max: 300 }),
		bytes: str({ max: Math.ceil(LIMIT / 3) * 4, pattern: /^[A-Za-z0-9+/]*={0,2}$/ }),
		baseVersion: int({ min: 0 })
	},
	['baseVersion']
);

/** `?kind=dictionary|units`: the list as its CSV file, with the workspace version it belongs to. */
export const GET: RequestHandler = api(async (event) => {
	requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	const kind = event.url.searchParams.get('kind');
	if (kind !== 'dictionary' && kind !== 'units')
		throw E.invalid('kind', 'phải là “dictionary” hoặc “units”.', 'must be “dictionary” or “units”.');
	const { csv, version } = await ctx.database.db.transaction().execute(async (trx) => {
		const info = await trx
			.selectFrom('workspace')
			.select('version')
			.where('id', '=', 1)
			.executeTakeFirstOrThrow();
		const text =
			kind === 'dictionary' ? toDictionaryCsv(await loadDictionary(trx)) : toUnitsCsv(await loadUnits(trx));
		return { csv: text, version: info.version };
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'x-chiso-version': String(version),
			'cache-control': 'no-store'
		}
	});
});

/** An admin replaces the dictionary or the unit list with a file; the server reads and checks it itself. */
export const PUT: RequestHandler = api(async (event) => {
	const user = requireRole(event, ...CAN.users);
	const ctx = await serverContext();
	const input = await body(event.request, Math.ceil(LIMIT / 3) * 4 + 64 * 1024, Upload);
	const res = await replaceList(ctx.database, {
		userId: user.id,
		fileName: input.fileName,
		bytes: new Uint8Array(Buffer.from(input.bytes, 'base64')),
		baseVersion: input.baseVersion
	});
	if (!res.ok && res.reason === 'conflict')
		throw new ApiError(
			409,
			'stale_version',
			'Dữ liệu đã được người khác thay đổi. Hãy xem lại rồi tải lên lại.',
			'Someone changed the data meanwhile. Look again, then upload.',
			{ version: res.version }
		);
	if (!res.ok)
		throw new ApiError(
			422,
			'list_refused',
			'Máy chủ kiểm tra lại tệp và không nhận; không thay đổi gì.',
			'The server checked the file again and refused it; nothing was changed.',
			{ version: res.version, findings: res.findings }
		);
	ctx.changes.local(res.version);
	return json({ version: res.version, kind: res.kind, count: res.count });
});
