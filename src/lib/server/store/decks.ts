/** Meeting decks on the server: a user's own decks and the ones shared with the office. */
import type { Database } from '../db';
import { audit, nowIso } from './util';

export interface Deck {
	id: string;
	owner: string;
	ownerId: number;
	shared: boolean;
	title: string;
	body: unknown;
	updatedAt: string;
}

export async function listDecks(database: Database, userId: number): Promise<Deck[]> {
	const rows = await database.db
		.selectFrom('decks as d')
		.innerJoin('users as u', 'u.id', 'd.owner_id')
		.select(['d.id', 'd.owner_id', 'd.shared', 'd.title', 'd.body', 'd.updated_at', 'u.login'])
		.where((eb) => eb.or([eb('d.owner_id', '=', userId), eb('d.shared', '=', 1)]))
		.orderBy('d.updated_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		owner: r.login,
		ownerId: r.owner_id,
		shared: r.shared === 1,
		title: r.title,
		body: JSON.parse(r.body),
		updatedAt: r.updated_at
	}));
}

/** Creates or replaces a deck; only its owner may replace it. */
export async function saveDeck(
	database: Database,
	userId: number,
	deck: { id: string; title: string; shared: boolean; body: unknown }
): Promise<{ ok: true; updatedAt: string } | { ok: false; reason: 'forbidden' }> {
	return database.db.transaction().execute(async (trx) => {
		const prev = await trx
			.selectFrom('decks')
			.select('owner_id')
			.where('id', '=', deck.id)
			.executeTakeFirst();
		if (prev && prev.owner_id !== userId) return { ok: false, reason: 'forbidden' } as const;
		const updatedAt = nowIso();
		const row = {
			title: deck.title,
			shared: deck.shared ? 1 : 0,
			body: JSON.stringify(deck.body),
			updated_at: updatedAt
		};
		if (prev) await trx.updateTable('decks').set(row).where('id', '=', deck.id).execute();
		else
			await trx
				.insertInto('decks')
				.values({ id: deck.id, owner_id: userId, ...row })
				.execute();
		await audit(trx, userId, prev ? 'deck.update' : 'deck.create', {
			id: deck.id,
			title: deck.title,
			shared: deck.shared
		});
		return { ok: true, updatedAt } as const;
	});
}

export async function deleteDeck(
	database: Database,
	userId: number,
	id: string
): Promise<'deleted' | 'not_found' | 'forbidden'> {
	return database.db.transaction().execute(async (trx) => {
		const prev = await trx.selectFrom('decks').select('owner_id').where('id', '=', id).executeTakeFirst();
		if (!prev) return 'not_found';
		if (prev.owner_id !== userId) return 'forbidden';
		await trx.deleteFrom('decks').where('id', '=', id).execute();
		await audit(trx, userId, 'deck.delete', { id });
		return 'deleted';
	});
}
