/**
 * The databases the server tests run on: SQLite always; PostgreSQL when CHISO_TEST_DATABASE_URL is set
 * (scripts/test.js starts a throwaway cluster and sets it). Each `open()` gives a fresh, empty database:
 * a new SQLite file in a temp folder, or a new PostgreSQL database created for the test and dropped at
 * `close()`. CHISO_TEST_REQUIRE_PG=1 (set by scripts/test.js) fails instead of running SQLite alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/lib/server/db';
import { seedIfEmpty } from '../../src/lib/server/store';

export interface Backend {
	name: 'sqlite' | 'postgres';
	open(opts?: {
		seed?: boolean;
	}): Promise<Database & { dataDir: string; url: string | null; dispose(): Promise<void> }>;
}

const pgUrl = process.env.CHISO_TEST_DATABASE_URL?.trim() || '';
if (!pgUrl && process.env.CHISO_TEST_REQUIRE_PG === '1') {
	throw new Error(
		'CHISO_TEST_REQUIRE_PG=1 but CHISO_TEST_DATABASE_URL is not set: the PostgreSQL suite cannot run.'
	);
}

let counter = 0;

/** A new empty database on the PostgreSQL server of `admin`; returns its URL. */
export async function createPgDatabase(admin: string): Promise<{ url: string; drop(): Promise<void> }> {
	const name = `chiso_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	await client.query(`create database ${name}`);
	await client.end();
	const u = new URL(admin);
	u.pathname = `/${name}`;
	return {
		url: u.toString(),
		async drop() {
			const c = new pg.Client({ connectionString: admin });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

const sqlite: Backend = {
	name: 'sqlite',
	async open(opts = {}) {
		const dataDir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
		const database = openDatabase({ dataDir, databaseUrl: null });
		await migrate(database);
		if (opts.seed !== false) await seedIfEmpty(database);
		return {
			...database,
			dataDir,
			url: null,
			async dispose() {
				await database.close();
				rmSync(dataDir, { recursive: true, force: true });
			}
		};
	}
};

const postgres: Backend = {
	name: 'postgres',
	async open(opts = {}) {
		const dataDir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
		const created = await createPgDatabase(pgUrl);
		const database = openDatabase({ dataDir, databaseUrl: created.url });
		await migrate(database);
		if (opts.seed !== false) await seedIfEmpty(database);
		return {
			...database,
			dataDir,
			url: created.url,
			async dispose() {
				await database.close();
				await created.drop();
				rmSync(dataDir, { recursive: true, force: true });
			}
		};
	}
};

export const BACKENDS: Backend[] = pgUrl ? [sqlite, postgres] : [sqlite];
