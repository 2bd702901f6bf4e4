/**
 * `npm run restore -- FILE [--force]`: brings a backup back as the workspace database of CHISO_DATA_DIR.
 * Checks the file first (a Chỉ Số database at a migration level this build knows, intact). Refuses
 * while a server runs on that folder unless --force; keeps the replaced database beside it.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config } from '../src/lib/server/config';
import { SQLITE_FILE } from '../src/lib/server/db';
import { runningServer } from '../src/lib/server/pidfile';
import { fail } from './cli-common';
import { describeBackup } from './sqlite-file';

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('--'));
if (!file) fail('usage: npm run restore -- FILE [--force]', 2);

const cfg = config();
if (cfg.databaseUrl) {
	fail(
		"This workspace is on PostgreSQL: restore with PostgreSQL's own tool, e.g.\n" +
			`  pg_restore --clean --if-exists --dbname="$DATABASE_URL" ${JSON.stringify(file)}`,
		2
	);
}
const source = resolve(file);
const info = describeBackup(source);
if (!info.ok) fail(`Not restored: ${source}: ${info.reason}.`);

const pid = runningServer(cfg.dataDir);
if (pid && !force) {
	fail(`A Chỉ Số server (pid ${pid}) is running on ${cfg.dataDir}: stop it first, or add --force.`);
}
mkdirSync(cfg.dataDir, { recursive: true });
const target = join(cfg.dataDir, SQLITE_FILE);
const temp = `${target}.restoring`;
copyFileSync(source, temp);
if (existsSync(target)) {
	const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	renameSync(target, kept);
	console.log(`The replaced database is kept as ${kept}.`);
}
for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
renameSync(temp, target);
console.log(
	`Restored ${source} → ${target}: workspace version ${info.version}, ${info.observations} observations, ` +
		`${info.users} users.${pid ? ' Restart the server now.' : ''}`
);
