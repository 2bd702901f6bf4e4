/** Small helpers shared by the store's modules. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseKind } from '../config';
import type { DB } from '../db/schema';

export type Tx = Transaction<DB> | Kysely<DB>;

/** Now as ISO 8601 UTC with `Z`, e.g. `2025-03-01T07:05:00.000Z`. */
export const nowIso = (): string => new Date().toISOString();

/** Splits a list into pieces that keep a statement under both databases' bound-parameter limits. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

export const cellKey = (unit: string, period: string, indicator: string): string =>
	`${unit}\u0000${period}\u0000${indicator}`;

/**
 * Reads the workspace version inside a transaction and holds the row until commit: `FOR UPDATE` on
 * PostgreSQL (two app servers commit one after the other); SQLite serialises writers itself.
 */
export async function lockVersion(trx: Tx, kind: DatabaseKind): Promise<number> {
	let q = trx.selectFrom('workspace').select('version').where('id', '=', 1);
	if (kind === 'postgres') q = q.forUpdate();
	const row = await q.executeTakeFirstOrThrow();
	return row.version;
}

/** Raises the version by one and, on PostgreSQL, tells every app server when the transaction commits. */
export async function bumpVersion(trx: Tx, kind: DatabaseKind, from: number): Promise<number> {
	const next = from + 1;
	await trx.updateTable('workspace').set({ version: next }).where('id', '=', 1).execute();
	if (kind === 'postgres') await sql`select pg_notify('chiso_changes', ${String(next)})`.execute(trx);
	return next;
}

export async function audit(
	trx: Tx,
	userId: number | null,
	action: string,
	details: Record<string, unknown>
): Promise<void> {
	await trx
		.insertInto('audit')
		.values({ at: nowIso(), user_id: userId, action, details: JSON.stringify(details) })
		.execute();
}
