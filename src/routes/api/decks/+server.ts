import { serverContext } from '$lib/server/context';
import { ApiError, anyJson, api, bool, body, CAN, json, obj, requireRole, str } from '$lib/server/http';
import { deleteDeck, listDecks, saveDeck } from '$lib/server/store';
import type { RequestHandler } from './$types';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const Deck = obj({ id: str({ pattern: ID }), title: str({ max: 300 }), shared: bool, body: anyJson });
const Delete = obj({ id: str({ pattern: ID }) });
const LIMIT = 20 * 1024 * 1024;

/** The signed-in user's decks and the ones shared with the office. */
export const GET: RequestHandler = api(async (event) => {
	const user = requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	return json({ decks: await listDecks(ctx.database, user.id) });
});

export const PUT: RequestHandler = api(async (event) => {
	const user = requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	const deck = await body(event.request, LIMIT, Deck);
	const res = await saveDeck(ctx.database, user.id, deck);
	if (!res.ok)
		throw new ApiError(
			403,
			'not_owner',
			'Chỉ người tạo được sửa bộ trình chiếu này.',
			'Only its owner may change this deck.'
		);
	return json({ id: deck.id, updatedAt: res.updatedAt });
});

export const DELETE: RequestHandler = api(async (event) => {
	const user = requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	const { id } = await body(event.request, 64 * 1024, Delete);
	const res = await deleteDeck(ctx.database, user.id, id);
	if (res === 'not_found')
		throw new ApiError(404, 'no_such_deck', 'Không có bộ trình chiếu này.', 'No such deck.');
	if (res === 'forbidden')
		throw new ApiError(
			403,
			'not_owner',
			'Chỉ người tạo được xoá bộ trình chiếu này.',
			'Only its owner may delete this deck.'
		);
	return json({ ok: true });
});
