/**
 * The running server: its settings, its database (opened, migrated and seeded once) and its change
 * events. SvelteKit's `init` hook calls `serverContext()` at start; handlers reuse it.
 */
import { config, type ServerConfig } from './config';
import { migrate, openDatabase, type Database } from './db';
import { ensureAdmin } from './auth';
import { Changes } from './events';
import { seedIfEmpty } from './store';
import { writePidFile } from './pidfile';
import { mkdirSync } from 'node:fs';

export interface ServerContext {
	config: ServerConfig;
	database: Database;
	changes: Changes;
}

let current: Promise<ServerContext> | null = null;

async function start(): Promise<ServerContext> {
	const cfg = config();
	const database = openDatabase(cfg);
	await migrate(database);
	if (await seedIfEmpty(database))
		console.log('[chiso] New workspace: loaded the bundled data as version 1.');
	const admin = await ensureAdmin(database.db, cfg.adminPassword);
	if (admin && 'setupToken' in admin) {
		const host = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
		console.log(
			`[chiso] No account yet. Open this link once to set the admin password / Mở liên kết này một lần để đặt mật khẩu quản trị:\n` +
				`        ${host}/login?setup=${admin.setupToken}`
		);
	} else if (admin) console.log('[chiso] Created user `admin` with CHISO_ADMIN_PASSWORD.');
	mkdirSync(cfg.dataDir, { recursive: true });
	writePidFile(cfg.dataDir);
	const changes = new Changes();
	if (cfg.databaseUrl) await changes.listen(cfg.databaseUrl);
	console.log(`[chiso] Database: ${database.kind === 'sqlite' ? database.file : 'PostgreSQL'}`);
	return { config: cfg, database, changes };
}

export function serverContext(): Promise<ServerContext> {
	current ??= start().catch((e) => {
		current = null;
		throw e;
	});
	return current;
}

export async function closeServerContext(): Promise<void> {
	if (!current) return;
	const ctx = await current;
	current = null;
	await ctx.changes.close();
	await ctx.database.close();
}
