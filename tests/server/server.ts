/**
 * Starts the built server (scripts/serve.js over the adapter-node build) as a real process on
 * 127.0.0.1 and a free port, with a temp data folder; for the HTTP tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BUILD_DIR = process.env.CHISO_TEST_SERVER_BUILD ?? 'build';

export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const s = createServer();
		s.once('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const a = s.address();
			s.close(() => ok(typeof a === 'object' && a ? a.port : 0));
		});
	});
}

export interface RunningServer {
	url: string;
	env: Record<string, string>;
	dataDir: string;
	log: () => string;
	stop(): Promise<void>;
}

export async function startServer(
	env: Record<string, string> = {},
	dataDir?: string
): Promise<RunningServer> {
	if (!existsSync(resolve(BUILD_DIR, 'handler.js'))) {
		throw new Error(
			`No server build in ${BUILD_DIR}/: run \`npm run build\` (or set CHISO_TEST_SERVER_BUILD) before the server tests.`
		);
	}
	const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'chiso-srv-'));
	const port = await freePort();
	let out = '';
	const childEnv: NodeJS.ProcessEnv = {
		...process.env,
		BUILD_DIR,
		PORT: String(port),
		HOST: '127.0.0.1',
		CHISO_DATA_DIR: dir,
		...env
	};
	for (const k of ['CHISO_STATIC', 'ORIGIN', 'BODY_SIZE_LIMIT']) if (!(k in env)) delete childEnv[k];
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env: childEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (out += d));
	child.stderr?.on('data', (d) => (out += d));
	const url = `http://127.0.0.1:${port}`;
	const t0 = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
		try {
			const r = await fetch(`${url}/api/health`);
			if (r.ok) break;
		} catch {
			/* not yet */
		}
		if (Date.now() - t0 > 30_000) throw new Error(`server did not start:\n${out}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		env,
		dataDir: dir,
		log: () => out,
		async stop() {
			if (child.exitCode === null) {
				const done = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await done;
			}
			if (!dataDir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A tiny cookie-keeping client for one user. */
export class Client {
	cookie = '';
	constructor(readonly base: string) {}

	async req(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {}
	): Promise<Response> {
		const init: RequestInit = { method, redirect: 'manual', headers: { ...headers } };
		if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
		if (body !== undefined) {
			(init.headers as Record<string, string>)['content-type'] ??= 'application/json';
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
		}
		const res = await fetch(this.base + path, init);
		const set = res.headers.getSetCookie();
		for (const c of set) {
			const [pair] = c.split(';');
			if (pair.startsWith('chiso_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
		}
		return res;
	}

	async login(login: string, password: string): Promise<Response> {
		return this.req('POST', '/api/login', { login, password });
	}
}
