#!/usr/bin/env node
/**
 * 5. Server mode, as a leader's browser sees it (`npm run bench` runs it after 1–4; alone:
 *    `node scripts/bench-follow.js [--rows=1000000] [--no-build]`, with the bench page built by bench.js):
 *    - a fresh browser loading a workspace of ROWS observations from the server (the lists, the
 *      canonical CSV download and the bulk load into DuckDB), against a bare fetch + `read_csv` of the
 *      same bytes in a fresh bench page (ratio);
 *    - the time from a commit on the server (an import saved through the API) to the redraw of a
 *      leader's open page (the notice and the overview drawn again), median of several commits.
 * The server runs the server build (built here into build-bench-server/) on a fresh SQLite folder
 * seeded by scripts/bench-seed.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const ROWS = Number(args.rows ?? 1_000_000);
const COMMITS = Number(args.commits ?? 5);
const PORT = Number(args.port ?? 4392);
const BENCH_PORT = Number(args['bench-port'] ?? 4393);
const BUILD = 'build-bench-server';
const PASSWORD = 'bench-admin-password';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;

function run(cmd, argv, env) {
	const r = spawnSync(cmd, argv, { stdio: 'inherit', env });
	if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')}: exit ${r.status}`);
}

if (!('no-build' in args) || !existsSync(`${BUILD}/handler.js`)) {
	const { CHISO_STATIC: _s, ...env } = process.env;
	run('npx', ['vite', 'build', '--logLevel', 'error'], {
		...env,
		KIT_OUT_DIR: '.svelte-kit-bench-server',
		BUILD_DIR: BUILD,
		PRECOMPRESS: 'false'
	});
}
const dataDir = mkdtempSync(join(tmpdir(), 'chiso-bench-follow-'));
console.log(`seeding ${ROWS.toLocaleString('en')} observations…`);
run('npx', ['tsx', 'scripts/bench-seed.ts', dataDir, String(ROWS)], process.env);

const { CHISO_STATIC: _s, ...serverEnv } = process.env;
const server = spawn(process.execPath, ['scripts/serve.js'], {
	env: {
		...serverEnv,
		BUILD_DIR: BUILD,
		PORT: String(PORT),
		HOST: '127.0.0.1',
		CHISO_DATA_DIR: dataDir,
		CHISO_ADMIN_PASSWORD: PASSWORD
	},
	stdio: ['ignore', 'pipe', 'inherit']
});
process.on('exit', () => server.kill());
await new Promise((ok) => server.stdout.on('data', (d) => String(d).includes('Listening') && ok()));
const base = `http://127.0.0.1:${PORT}`;

// The bench page (built by scripts/bench.js into build-bench/): the bare baseline runs there.
if (!existsSync('build-bench/bench/index.html')) throw new Error('no bench page: run `npm run bench` first');
const preview = spawn(
	process.execPath,
	[
		'node_modules/vite/bin/vite.js',
		'preview',
		'--config',
		'bench/vite.config.ts',
		'--host',
		'127.0.0.1',
		'--port',
		String(BENCH_PORT),
		'--strictPort'
	],
	{
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, KIT_OUT_DIR: '.svelte-kit-bench', BUILD_DIR: 'build-bench' }
	}
);
process.on('exit', () => preview.kill());
await new Promise((ok) => preview.stdout.on('data', (d) => String(d).includes(String(BENCH_PORT)) && ok()));

const browser = await chromium.launch({
	executablePath,
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
});
try {
	// A fresh browser of a leader: nothing kept, the workspace downloaded and loaded.
	const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 } });
	const login = await context.request.post('/api/login', { data: { login: 'admin', password: PASSWORD } });
	if (!login.ok()) throw new Error(`login: ${login.status()}`);
	const page = await context.newPage();
	await page.goto('/');
	await page.getByTestId('chart').first().waitFor({ state: 'attached' });
	await page.waitForFunction(
		() => document.querySelector('[data-testid="chart"]')?.getAttribute('data-state') === 'ready',
		null,
		{ timeout: 600_000 }
	);
	const marks = await page.evaluate(() =>
		Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
	);
	const csv = await context.request.get('/api/workspace?format=csv');
	const bytes = (await csv.body()).length;
	const load = marks['chiso:data-ready'] - marks['chiso:engine-ready'];

	// The bare baseline: the same bytes fetched and read by DuckDB's read_csv in a fresh bench page.
	const bare = await browser.newPage();
	const body = await csv.body();
	await bare.route('**/bench-data/workspace.csv', (route) =>
		route.fulfill({ body, contentType: 'text/csv; charset=utf-8' })
	);
	await bare.goto(`http://127.0.0.1:${BENCH_PORT}/bench/`);
	await bare.waitForFunction(() => Boolean(window.chisoBench));
	const baseline = await bare.evaluate(async () => {
		const t0 = performance.now();
		await (await fetch('/bench-data/workspace.csv')).arrayBuffer();
		const fetched = performance.now() - t0;
		const read = await window.chisoBench.bareReadCsv('/bench-data/workspace.csv');
		return { fetched, read: read.ms };
	});
	await bare.close();
	const bareTotal = baseline.fetched + baseline.read;
	console.log(
		`workspace of ${ROWS.toLocaleString('en')} observations (${(bytes / 1e6).toFixed(1)} MB CSV) into a fresh browser: ` +
			`DuckDB ready ${ms(marks['chiso:engine-ready'])}, loaded ${ms(load)} later (data ready ${ms(marks['chiso:data-ready'])}); ` +
			`bare fetch + read_csv ${ms(bareTotal)} (fetch ${ms(baseline.fetched)}, read ${ms(baseline.read)}); ratio ${(load / bareTotal).toFixed(2)}`
	);

	// Commit → redraw: the leader's page stays open; each commit changes one figure of the overview's year.
	await page.evaluate(() => {
		window.__seen = [];
		new MutationObserver(() => {
			const text = document.querySelector('[data-testid="data-notice"]')?.textContent ?? '';
			const m = /bench-follow-(\d+)\.csv/.exec(text);
			if (m && !window.__seen.some((s) => s.n === Number(m[1])))
				window.__seen.push({ n: Number(m[1]), at: Date.now() });
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const admin = await browser.newContext({ baseURL: base });
	await admin.request.post('/api/login', { data: { login: 'admin', password: PASSWORD } });
	const times = [];
	for (let n = 1; n <= COMMITS; n++) {
		const { version } = await (await admin.request.get('/api/health')).json();
		const res = await admin.request.post('/api/imports', {
			data: {
				baseVersion: version,
				files: [
					{
						name: `bench-follow-${n}.csv`,
						hash: String(n).padStart(64, '0'),
						rows: [
							{
								unit: 'Phổ An',
								period: '2024',
								indicator: 'petition_cases_received',
								value: 900 + n,
								qualifier: ''
							}
						]
					}
				]
			}
		});
		const committed = Date.now();
		if (!res.ok()) throw new Error(`commit ${n}: ${res.status()} ${await res.text()}`);
		await page.waitForFunction((k) => window.__seen.some((s) => s.n === k), n, { timeout: 60_000 });
		await page.waitForFunction(
			() => document.querySelector('[data-testid="chart"]')?.getAttribute('data-state') === 'ready'
		);
		const seen = await page.evaluate((k) => window.__seen.find((s) => s.n === k).at, n);
		times.push(seen - committed);
	}
	console.log(
		`commit → redraw on another page (the notice shown, ${ROWS.toLocaleString('en')} observations): ` +
			`median ${ms(median(times))} over ${COMMITS} commits (${times.map((t) => Math.round(t)).join(', ')} ms)`
	);
	await admin.close();
	await context.close();
} finally {
	await browser.close();
	server.kill();
	preview.kill();
	rmSync(dataDir, { recursive: true, force: true });
}
