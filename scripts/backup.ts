/**
 * `npm run backup -- FILE [--force]`: one consistent copy of the whole workspace while the server runs
 * (SQLite's online backup API through better-sqlite3), checked after writing. For PostgreSQL the
 * database's own tool does it: the script prints the pg_dump line and exits with status 2.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { config } from '../src/lib/server/config';
import { openSqlite, SQLITE_FILE } from '../src/lib/server/db';
import { describeBackup } from './sqlite-file';
import { fail } from './cli-common';
import { join } from 'node:path';

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('--'));
if (!file) fail('usage: npm run backup -- FILE [--force]', 2);

const cfg = config();
if (cfg.databaseUrl) {
	fail(
		"This workspace is on PostgreSQL: back it up with PostgreSQL's own tool, e.g.\n" +
			`  pg_dump --format=custom --file=${JSON.stringify(file)} "$DATABASE_URL"\n` +
			'and restore with: pg_restore --clean --if-exists --dbname="$DATABASE_URL" FILE',
		2
	);
}
const source = join(cfg.dataDir, SQLITE_FILE);
if (!existsSync(source)) fail(`No workspace database at ${source} (CHISO_DATA_DIR=${cfg.dataDir}).`);
const target = resolve(file);
if (existsSync(target) && !force) fail(`${target} exists; add --force to overwrite it.`);

const db = openSqlite(source);
const t0 = Date.now();
try {
	await db.backup(target);
} finally {
	db.close();
}
const info = describeBackup(target);
if (!info.ok) fail(`The backup failed its check: ${info.reason}`);
console.log(
	`Backed up ${source} → ${target} in ${Date.now() - t0} ms: workspace version ${info.version}, ` +
		`${info.observations} observations, ${info.users} users, migration ${info.migration}.`
);
