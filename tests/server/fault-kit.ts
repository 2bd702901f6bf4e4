/**
 * Tools for the fault tests (faults.test.ts) and the server bench: a server process one may `kill -9`
 * (its pid is ours), rows the seed's dictionary and unit list accept, an SSE follower, percentiles.
 * Everything talks to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDictionaryCsv, parseUnitsCsv } from '../../src/lib/import';
import type { IncomingRow } from '../../src/lib/server/store';
import { BUILD_DIR, freePort } from './server';

export const ADMIN_PASSWORD = 'admin-pass-123';

export interface KillableServer {
	url: string;
	pid: number;
	log: () => string;
	/** SIGKILL: no handler runs, no transaction is finished. */
	kill9(): Promise<void>;
	stop(): Promise<void>;
}

/** Starts the built server on `dataDir` (kept: the caller owns it) and waits for /api/health. */
export async function startKillable(
	dataDir: string,
	env: Record<string, string> = {}
): Promise<KillableServer> {
	if (!existsSync(resolve(BUILD_DIR, 'handler.js'))) throw new Error(`No server build in ${BUILD_DIR}/`);
	const port = await freePort();
	let out = '';
	const childEnv: NodeJS.ProcessEnv = {
		...process.env,
		BUILD_DIR,
		PORT: String(port),
		HOST: '127.0.0.1',
		CHISO_DATA_DIR: dataDir,
		CHISO_ADMIN_PASSWORD: ADMIN_PASSWORD,
		...env
	};
	for (const k of ['CHISO_STATIC', 'ORIGIN', 'BODY_SIZE_LIMIT']) if (!(k in env)) delete childEnv[k];
	const child: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env: childEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (out += d));
	child.stderr?.on('data', (d) => (out += d));
	const exited = new Promise((r) => child.once('exit', r));
	const url = `http://127.0.0.1:${port}`;
	const t0 = Date.now();
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${out}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) break;
		} catch {
			/* not yet */
		}
		if (Date.now() - t0 > 30_000) {
			child.kill('SIGKILL');
			throw new Error(`server did not start:\n${out}`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	const end = async (signal: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) {
			process.kill(child.pid!, signal);
			await exited;
		}
	};
	return { url, pid: child.pid!, log: () => out, kill9: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

const seed = (name: string) => readFileSync(join('data', name), 'utf8');

/** The cells (unit, period, indicator) rows can fill: seed units × plain count indicators × periods. */
function cells(): [string, string, string][] {
	const units = [...new Set(parseUnitsCsv(seed('units.csv')).units.map((u) => u.name))];
	const codes = parseDictionaryCsv(seed('indicators.csv'))
		.indicators.filter((i) => i.kind === 'raw' && ['count', 'people', 'households'].includes(i.unit))
		.map((i) => i.code)
		// Indicators with relations between them (resolved ≤ received, …) are left out.
		.filter((c) => !/resolved|mediated|cultural|received|cases|total/.test(c));
	const out: [string, string, string][] = [];
	for (let y = 1990; y <= 2025; y++)
		for (const p of [
			String(y),
			...['H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'].map((h) => `${y}-${h}`),
			...[1, 2, 3, 4, 5].map((k) => `${y}-${y + k}`)
		])
			for (const u of units) for (const c of codes) out.push([u, p, c]);
	return out;
}

let allCells: [string, string, string][] | null = null;

/** `n` canonical rows for the cells from `from` on, values `shift + i % 1000`; deterministic. */
export function makeRows(
	n: number,
	opts: { from?: number; shift?: number; note?: string } = {}
): IncomingRow[] {
	allCells ??= cells();
	const from = opts.from ?? 0;
	if (from + n > allCells.length) throw new Error(`only ${allCells.length} cells available`);
	const rows: IncomingRow[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const [unit, period, indicator] = allCells[from + i];
		rows[i] = {
			unit,
			period,
			indicator,
			value: (opts.shift ?? 0) + (i % 1000),
			qualifier: '',
			note: opts.note ?? ''
		};
	}
	return rows;
}

export const hashOf = (n: number): string => n.toString(16).padStart(64, '0');

/** p-th percentile (0–100) of `xs`, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** One page following /api/events: the versions it heard, with the time each arrived. */
export class Follower {
	versions: { version: number; at: number }[] = [];
	errors: string[] = [];
	private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
	private waiters: (() => void)[] = [];
	done: Promise<void> = Promise.resolve();

	static async open(base: string, cookie: string): Promise<Follower> {
		const f = new Follower();
		const res = await fetch(`${base}/api/events`, { headers: { cookie } });
		if (res.status !== 200 || !/^text\/event-stream/.test(res.headers.get('content-type') ?? ''))
			throw new Error(`events answered ${res.status}`);
		f.reader = res.body!.getReader();
		f.done = f.pump();
		return f;
	}

	private async pump(): Promise<void> {
		const dec = new TextDecoder();
		let buf = '';
		try {
			for (;;) {
				const { done, value } = await this.reader!.read();
				if (done) break;
				buf += dec.decode(value, { stream: true });
				let end: number;
				while ((end = buf.indexOf('\n\n')) >= 0) {
					const msg = buf.slice(0, end);
					buf = buf.slice(end + 2);
					const m = /^event: version\ndata: (\d+)$/m.exec(msg.replace(/^retry: \d+\n/, ''));
					if (m) this.versions.push({ version: Number(m[1]), at: performance.now() });
					for (const w of this.waiters.splice(0)) w();
				}
			}
		} catch (e) {
			if (!String(e).includes('abort') && !String(e).includes('cancel')) this.errors.push(String(e));
		}
		for (const w of this.waiters.splice(0)) w();
	}

	/** Resolves with the arrival time of `version` (or rejects after `ms`). */
	async waitFor(version: number, ms = 10_000): Promise<number> {
		const t0 = Date.now();
		for (;;) {
			const hit = this.versions.find((v) => v.version === version);
			if (hit) return hit.at;
			if (Date.now() - t0 > ms)
				throw new Error(`version ${version} not heard; heard ${JSON.stringify(this.versions)}`);
			await new Promise<void>((r) => {
				this.waiters.push(r);
				setTimeout(r, 200);
			});
		}
	}

	async close(): Promise<void> {
		await this.reader?.cancel().catch(() => undefined);
		await this.done;
	}
}
