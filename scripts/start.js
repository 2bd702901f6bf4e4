#!/usr/bin/env node
/**
 * `npm start`: builds the server (adapter-node) when build/ is missing, is the static build, or is older
 * than the sources, then runs it (scripts/serve.js) on http://localhost:3000 — PORT, HOST,
 * CHISO_DATA_DIR (./workspace/), DATABASE_URL, CHISO_ADMIN_PASSWORD as the README says.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './serve.js';

const dir = process.env.BUILD_DIR ?? 'build';
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'scripts/csp.js'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let t = s.mtimeMs;
	for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
	return t;
}

const handler = join(dir, 'handler.js');
const built = existsSync(handler) ? statSync(handler).mtimeMs : 0;
if (built === 0 || Math.max(...SOURCES.map(newest)) > built) {
	console.log(built === 0 ? '[chiso] Building the server…' : '[chiso] Sources changed: building again…');
	const env = { ...process.env };
	delete env.CHISO_STATIC;
	const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
await serve({ dir });
