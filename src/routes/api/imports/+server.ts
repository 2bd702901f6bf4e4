import { serverContext } from '$lib/server/context';
import {
	ApiError,
	api,
	arr,
	body,
	CAN,
	int,
	json,
	num,
	obj,
	oneOf,
	requireRole,
	str
} from '$lib/server/http';
import { commitImport, listImports } from '$lib/server/store';
import type { RequestHandler } from './$types';

const Row = obj(
	{
		unit: str({ max: 500 }),
		period: str({ max: 20 }),
		indicator: str({ max: 200 }),
		value: num,
		qualifier: oneOf(['', '>', '~'] as const),
		note: str({ max: 2000 })
	},
	['note']
);
const Commit = obj({
	baseVersion: int({ min: 0 }),
	files: arr(
		obj({
			name: str({ min: 1, max: 300 }),
			hash: str({ pattern: /^[0-9a-f]{64}$/ }),
			rows: arr(Row, { max: 1_000_000 })
		}),
		{ min: 1, max: 50 }
	)
});

export const GET: RequestHandler = api(async (event) => {
	requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	return json({ imports: await listImports(ctx.database) });
});

/** Saves checked files made against `baseVersion`: 200 with the new version, 409 when stale, 422 when a row fails the server's check. */
export const POST: RequestHandler = api(async (event) => {
	const user = requireRole(event, ...CAN.import);
	const ctx = await serverContext();
	const input = await body(event.request, ctx.config.bodyLimit, Commit);
	const files = input.files.map((f) => ({ ...f, rows: f.rows.map((r) => ({ ...r, note: r.note ?? '' })) }));
	const res = await commitImport(ctx.database, { userId: user.id, files, baseVersion: input.baseVersion });
	if (!res.ok && res.reason === 'conflict') {
		throw new ApiError(
			409,
			'stale_version',
			'Dữ liệu đã được người khác thay đổi. Hãy xem lại khác biệt rồi lưu lại.',
			'Someone changed the data meanwhile. Look at the differences again, then save.',
			{ version: res.version }
		);
	}
	if (!res.ok) {
		throw new ApiError(
			422,
			'rows_refused',
			'Máy chủ kiểm tra lại và từ chối một số dòng; không lưu gì.',
			'The server checked the rows again and refused some; nothing was saved.',
			{ version: res.version, findings: res.reason === 'invalid' ? res.findings : [] }
		);
	}
	ctx.changes.local(res.version);
	return json({ version: res.version, imports: res.imports });
});
