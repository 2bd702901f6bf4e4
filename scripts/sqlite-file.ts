/** Checks that a file is a Chỉ Số SQLite database at a migration level this build knows. */
import SQLite from 'better-sqlite3';
import { MIGRATION_NAMES } from '../src/lib/server/db/migrations';

export type BackupInfo =
	| { ok: true; version: number; observations: number; users: number; migration: string }
	| { ok: false; reason: string };

export function describeBackup(file: string): BackupInfo {
	let db: SQLite.Database;
	try {
		db = new SQLite(file, { readonly: true, fileMustExist: true });
	} catch (e) {
		return { ok: false, reason: `cannot open it as SQLite (${(e as Error).message})` };
	}
	try {
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return { ok: false, reason: `integrity check: ${integrity}` };
		const has = db.prepare("select name from sqlite_master where type = 'table' and name = ?");
		if (!has.get('kysely_migration') || !has.get('workspace'))
			return { ok: false, reason: 'not a Chỉ Số database (no kysely_migration/workspace table)' };
		const applied = (
			db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
		).map((r) => r.name);
		const unknown = applied.filter((n) => !MIGRATION_NAMES.includes(n));
		if (unknown.length > 0)
			return {
				ok: false,
				reason: `made by a newer Chỉ Số (migrations ${unknown.join(', ')}); update the app first`
			};
		const w = db.prepare('select version from workspace where id = 1').get() as
			{ version: number } | undefined;
		if (!w) return { ok: false, reason: 'the workspace row is missing' };
		const count = (t: string) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
		return {
			ok: true,
			version: w.version,
			observations: count('observations'),
			users: count('users'),
			migration: applied.at(-1) ?? '(none)'
		};
	} catch (e) {
		return { ok: false, reason: (e as Error).message };
	} finally {
		db.close();
	}
}
