/**
 * The server's settings, read from the environment each time they are asked for (tests set them per
 * process). One place for every variable the README lists.
 */
import { resolve } from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface ServerConfig {
	/** Folder of the SQLite file and anything else the server keeps. */
	dataDir: string;
	/** postgres://… when set: PostgreSQL instead of the embedded SQLite file. */
	databaseUrl: string | null;
	/** Largest request body in bytes (CHISO_BODY_LIMIT, default 200 MB). */
	bodyLimit: number;
	/** Password of user `admin`, created in a fresh workspace. */
	adminPassword: string | null;
	/** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy (CHISO_TRUST_PROXY=1). */
	trustProxy: boolean;
	/** Sliding session lifetime in milliseconds. */
	sessionMs: number;
	/** Login attempts allowed per login + address within `loginWindowMs`. */
	loginLimit: number;
	loginWindowMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** `200mb`, `512k`, `1048576` → bytes; NaN for anything else. */
export function parseBytes(text: string): number {
	const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(text);
	if (!m) return NaN;
	const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
	return Math.floor(Number(m[1]) * mult);
}

export function config(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const url = env.DATABASE_URL?.trim() ?? '';
	if (url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
		throw new Error(`DATABASE_URL must start with postgres:// (got ${url.split(':')[0]}:…)`);
	}
	const limit = env.CHISO_BODY_LIMIT ? parseBytes(env.CHISO_BODY_LIMIT) : 200 * 1024 * 1024;
	if (!Number.isFinite(limit) || limit <= 0) throw new Error('CHISO_BODY_LIMIT must be bytes, e.g. 200mb');
	return {
		dataDir: resolve(env.CHISO_DATA_DIR || 'workspace'),
		databaseUrl: url === '' ? null : url,
		bodyLimit: limit,
		adminPassword: env.CHISO_ADMIN_PASSWORD || null,
		trustProxy: env.CHISO_TRUST_PROXY === '1' || env.CHISO_TRUST_PROXY === 'true',
		sessionMs: Number(env.CHISO_SESSION_DAYS || 30) * DAY,
		loginLimit: Number(env.CHISO_LOGIN_LIMIT || 10),
		loginWindowMs: 15 * 60 * 1000
	};
}
