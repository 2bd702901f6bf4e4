import { serverContext } from '$lib/server/context';
import { ApiError, api, bool, body, CAN, E, int, json, obj, requireRole } from '$lib/server/http';
import { undoImport } from '$lib/server/store';
import type { RequestHandler } from './$types';

const Undo = obj({ dryRun: bool, baseVersion: int({ min: 0 }) }, ['dryRun', 'baseVersion']);

/** Undoes an import; `dryRun: true` answers what it would do (cells a later import changed stay). */
export const POST: RequestHandler = api(async (event) => {
	const user = requireRole(event, ...CAN.import);
	const ctx = await serverContext();
	if (!/^\d{1,12}$/.test(event.params.id)) throw E.notFound();
	const input = await body(event.request, 64 * 1024, Undo);
	const res = await undoImport(ctx.database, { id: Number(event.params.id), userId: user.id, ...input });
	if (!res.ok) {
		if (res.reason === 'not_found')
			throw new ApiError(404, 'no_such_import', 'Không có lần nhập này.', 'No such import.');
		if (res.reason === 'already_undone')
			throw new ApiError(
				409,
				'already_undone',
				'Lần nhập này đã được hoàn tác.',
				'This import was already undone.',
				{ version: res.version }
			);
		throw new ApiError(
			409,
			'stale_version',
			'Dữ liệu đã thay đổi. Hãy xem lại.',
			'The data changed meanwhile. Look again.',
			{ version: res.version }
		);
	}
	if (!res.dryRun) ctx.changes.local(res.version);
	return json(res);
});
