/**
 * The server's database. Kysely is the one query layer, chosen because it is a typed SQL builder (the
 * schema in schema.ts types every query), has dialects for both SQLite and PostgreSQL, has migrations
 * built in, and does no ORM magic: each call is one SQL statement one can read. SQLite (better-sqlite3,
 * one file in the data folder) is the embedded default; PostgreSQL (pg) when DATABASE_URL is set.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { DatabaseKind } from '../config';
import { migrations } from './migrations';
import type { DB } from './schema';

export type { DB } from './schema';

export interface Database {
	db: Kysely<DB>;
	kind: DatabaseKind;
	/** The SQLite file (for backups); null on PostgreSQL. */
	file: string | null;
	/** The open better-sqlite3 handle (online backup); null on PostgreSQL. */
	sqlite: SQLite.Database | null;
	/** The PostgreSQL pool; null on SQLite. */
	pool: pg.Pool | null;
	close(): Promise<void>;
}

export const SQLITE_FILE = 'chiso.sqlite';

// PostgreSQL returns bigint (count(*), sum) as text; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function openSqlite(file: string): SQLite.Database {
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('busy_timeout = 10000');
	sqlite.pragma('foreign_keys = ON');
	return sqlite;
}

export function openDatabase(opts: { dataDir: string; databaseUrl: string | null }): Database {
	if (opts.databaseUrl) {
		const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
		const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
		return {
			db,
			kind: 'postgres',
			file: null,
			sqlite: null,
			pool,
			close: () => db.destroy()
		};
	}
	mkdirSync(opts.dataDir, { recursive: true });
	const file = join(opts.dataDir, SQLITE_FILE);
	const sqlite = openSqlite(file);
	const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, kind: 'sqlite', file, sqlite, pool: null, close: () => db.destroy() };
}

export async function migrate(database: Database): Promise<string[]> {
	const provider: MigrationProvider = { getMigrations: async () => migrations(database.kind) };
	const migrator = new Migrator({ db: database.db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
