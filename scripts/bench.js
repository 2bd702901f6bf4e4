#!/usr/bin/env node
/**
 * `npm run bench`: builds the app and, beside it, the bench page (bench/: the harness, built only here,
 * never part of the app's build), serves both on 127.0.0.1 and drives headless Chromium through the real
 * code paths. Every figure is printed next to a baseline measured in the same run:
 *   1. import of generated canonical CSVs (10k, 100k, 1M rows) through the app's pipeline, against
 *      DuckDB's bare `read_csv` of the same input — time, MB/s, ratio, longest main-thread task;
 *   2. re-query + redraw when the indicator or the units change, on the bundled data and on 1M
 *      synthetic observations (3,000 units × 10 years × 33 indicators) — median and p95; and the first
 *      8 changes after a load as a person makes them (the page's first chart drawn, a moment to read,
 *      then each change new), on fresh page loads with the app's idle warm-up (src/lib/views/warm-up.ts)
 *      and, as the baseline in the same run, without it — median and each change.
 * Imports: the first import of the page load is reported on its own; then each size runs 9 (10k) or
 * 5 times, each import taken back afterwards, and the median is printed with its range. Like is
 * compared with like: the import page given a File (as a staff member picks one) against the bare read
 * of that File, and the same pipeline given bytes in memory against the bare read of those bytes.
 * Options: --no-build (reuse build-bench/), --sizes=10000,100000 (import sizes), --runs=40,
 * --trace (list every DuckDB call of each size's last import with its time), --no-redraw (imports only),
 * --port=4391, --no-server (skip 3.), --startup-only (the start-up section alone: first visit and
 * return, --startup-runs=3 each), --redraw-only (section 2 on the bundled data alone: no start-up, imports
 * or 1M), --after-load-runs=3 (page loads of the first-8-changes measure, each with and without the
 * warm-up), --read-ms=1500 (how long the person reads the first chart before the first change).
 * 3. the server's save (100k, 1M rows) against a bare bulk insert into the same database, SQLite and
 *    PostgreSQL (CHISO_TEST_DATABASE_URL): scripts/bench-server.ts; the commit → follower event time is
 *    printed by the fault tests (tests/server/faults.test.ts, `[faults]` lines).
 * 4. a 100k-row Excel workbook against the same rows as CSV, through the importer the import page's
 *    worker runs: bench/xlsx.ts (--no-xlsx skips it, --xlsx-sizes=… changes the sizes, --xlsx-only runs
 *    it alone, without building anything).
 * 5. server mode in a leader's browser: a 1M-observation workspace loaded into a fresh browser against a
 *    bare fetch + `read_csv` of the same bytes, and commit → redraw on another open page:
 *    scripts/bench-follow.js (--no-follow skips it, --follow-rows=… changes the size).
 * 6. unit matching at country scale: 10,000 names as staff write them, matched within a province and
 *    against the whole country: scripts/bench-units.ts (--no-units skips it).
 * Results are also written to bench/results/latest.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import Papa from 'papaparse';
import { benchStartup } from './bench-startup.js';

// Its own build folders, so that a dev server or test build running at the same time is untouched.
process.env.KIT_OUT_DIR ??= '.svelte-kit-bench';
process.env.BUILD_DIR ??= 'build-bench';
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const SIZES = (args.sizes ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(args.runs ?? 40);
const PORT = Number(args.port ?? 4391);
const REDRAW_CODES = [
	'petition_cases_received',
	'petition_resolution_rate',
	'land_dispute_mediation_success_rate',
	'petitions_received'
];
/** `--startup-only`, `--redraw-only`: the sections run so far are all that runs. */
class StartupOnly extends Error {}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const AFTER_LOAD_RUNS = Number(args['after-load-runs'] ?? 3);
const READ_MS = Number(args['read-ms'] ?? 1500);
/** The first chart of the after-load measure: an indicator none of the changes shows. */
const FIRST_CODE = 'citizen_receptions_periodic';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** 4. Workbook against CSV (bench/xlsx.ts), in Node: the same importer as the page's worker. */
function benchXlsx() {
	console.log('\nExcel workbook against the same rows as CSV (bench/xlsx.ts)');
	spawnSync('npx', ['tsx', 'bench/xlsx.ts', args['xlsx-sizes'] ?? '100000'], { stdio: 'inherit' });
}
if ('xlsx-only' in args) {
	benchXlsx();
	process.exit(0);
}

/** The bench page's own Vite config: it builds bench/index.html into BUILD_DIR and serves BUILD_DIR. */
const BENCH_CONFIG = ['--config', 'bench/vite.config.ts'];

if (!('no-build' in args)) {
	console.log('building…');
	const run = (a, env = process.env) => {
		const b = spawnSync('npx', a, { stdio: 'inherit', env: { ...env, PRECOMPRESS: 'false' } });
		if (b.status !== 0) process.exit(b.status ?? 1);
	};
	// tsconfig.json extends .svelte-kit/tsconfig.json, which the builds read: made once in a fresh clone.
	if (!existsSync('.svelte-kit/tsconfig.json')) {
		const { KIT_OUT_DIR: _k, BUILD_DIR: _b, ...env } = process.env;
		run(['svelte-kit', 'sync'], env);
	}
	// The app first (its adapter empties BUILD_DIR), then the bench page into BUILD_DIR/bench/.
	run(['vite', 'build', '--logLevel', 'error']);
	run(['vite', 'build', ...BENCH_CONFIG, '--logLevel', 'error']);
}

const dictionary = Papa.parse(readFileSync('data/indicators.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
/** The 32 raw numeric indicators (no text, yes/no or rating): 3,125 units × 10 years × 32 = 1,000,000. */
const NUMERIC = dictionary
	.filter((i) => i.kind === 'raw' && !['text', 'yes_no', 'rating'].includes(i.unit))
	.map((i) => i.code);
const UNITS = 3125;
const unitName = (u) => `Đơn vị ${String(u + 1).padStart(4, '0')}`;

/** Canonical long rows, deterministic, consistent with the dictionary's rules (no rejected rows). */
function makeCsv(rows, firstYear = 2015) {
	const lines = ['unit,period,indicator,value,qualifier,note'];
	let n = 0;
	outer: for (let u = 0; u < UNITS; u++)
		for (let y = firstYear; y < firstYear + 10; y++) {
			const v = 1 + ((u * 7 + y * 3) % 40);
			for (const ind of NUMERIC) {
				if (n++ >= rows) break outer;
				const value = ind.endsWith('_pct') || ind.includes('rate') ? 100 : ind.includes('resolved') ? 0 : v;
				lines.push(`${unitName(u)},${y},${ind},${value},,`);
			}
		}
	return Buffer.from(lines.join('\n') + '\n');
}

/** The DuckDB calls of one traced import, with the main-thread tasks and the time spent on the page. */
function printTrace(label, traced) {
	const total = traced.calls.reduce((sum, c) => sum + c.ms, 0);
	console.log(
		`  ${label}: ${traced.calls.length} engine calls, ${total.toFixed(0)} ms in them (last run, ${traced.ms.toFixed(0)} ms); main-thread tasks over 50 ms; [+ms: time on the page since the call before]:`
	);
	const events = [
		...traced.calls.map((c, k) => {
			const before = k === 0 ? c.at : c.at - (traced.calls[k - 1].at + traced.calls[k - 1].ms);
			const gap = k > 0 && before >= 5 ? ` [+${before.toFixed(0)}]` : '';
			return { at: c.at, line: `${c.ms.toFixed(1).padStart(8)} ms  ${c.what}${gap}` };
		}),
		...traced.longTasks.map((t) => ({
			at: t.at,
			line: `${t.ms.toFixed(0).padStart(8)} ms  ── main-thread task ──`
		}))
	].sort((x, y) => x.at - y.at);
	for (const e of events) console.log(`  ${e.line}`);
	const [start, end] = traced.span;
	const inCalls = traced.calls.filter((c) => c.at >= start && c.at < end).reduce((sum, c) => sum + c.ms, 0);
	const first = traced.calls.find((c) => c.at >= start);
	console.log(
		`  on the page: ${(end - start - inCalls).toFixed(0)} ms of the import's ${(end - start).toFixed(0)} (before the first call ${first ? (first.at - start).toFixed(0) : '–'} ms)`
	);
}

const server = spawn(
	'node',
	[
		'node_modules/vite/bin/vite.js',
		'preview',
		...BENCH_CONFIG,
		'--host',
		'127.0.0.1',
		'--port',
		String(PORT),
		'--strictPort'
	],
	{
		stdio: ['ignore', 'pipe', 'inherit']
	}
);
// Stopped however this script ends (a browser that fails to start, too).
process.on('exit', () => server.kill());
await new Promise((resolve) =>
	server.stdout.on('data', (d) => String(d).includes(String(PORT)) && resolve())
);

const browser = await chromium.launch({
	executablePath,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});
const results = {
	machine: `${process.platform} ${process.arch}, node ${process.version}`,
	at: new Date().toISOString(),
	import: [],
	redraw: []
};
try {
	const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
	page.on(
		'console',
		(m) => ['warning', 'error'].includes(m.type()) && console.log(`[page ${m.type()}] ${m.text()}`)
	);
	// The timed files, and one of other years for the first import of the page and the warm-up.
	const files = new Map(SIZES.map((n) => [`${n}.csv`, makeCsv(n)]));
	files.set('other-10000.csv', makeCsv(10_000, 2000));
	await page.route('**/bench-data/*', (route) =>
		route.fulfill({ body: files.get(route.request().url().split('/').pop()), contentType: 'text/csv' })
	);

	// Cold start: time to first chart on the overview, and what it downloads (gzip sizes, level 6).
	const loaded = new Set();
	page.on('response', (r) => loaded.add(new URL(r.url()).pathname));
	const t0 = Date.now();
	await page.goto(`http://127.0.0.1:${PORT}/`);
	await page.locator('[data-testid="chart"][data-state="ready"]').first().waitFor({ timeout: 60_000 });
	results.firstChartMs = Date.now() - t0;
	// Where the wait goes: DuckDB downloaded and started, bundled data loaded, first chart drawn.
	results.startup = await page.evaluate(() => {
		const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
		const nav = performance.getEntriesByType('navigation')[0];
		return {
			domContentLoaded: nav?.domContentLoadedEventEnd,
			engineReady: at('chiso:engine-ready'),
			dataReady: at('chiso:data-ready'),
			now: performance.now()
		};
	});
	const gz = (path) => gzipSync(readFileSync(`${process.env.BUILD_DIR}${path}`)).length;
	const js = [...loaded].filter((p) => p.endsWith('.js') && !p.includes('duckdb-browser'));
	const wasm = [...loaded].filter((p) => p.endsWith('.wasm'));
	results.initialJsGzipKB = js.reduce((s, p) => s + gz(p), 0) / 1024;
	results.wasmGzipMB = wasm.reduce((s, p) => s + gz(p), 0) / 2 ** 20;
	results.duckdbWorkerGzipKB =
		[...loaded].filter((p) => p.includes('duckdb-browser')).reduce((s, p) => s + gz(p), 0) / 1024;
	console.log(`\ntime to first chart (cold, localhost): ${results.firstChartMs} ms`);
	const st = results.startup;
	console.log(
		`  page loaded ${st.domContentLoaded?.toFixed(0)} ms · DuckDB ready ${st.engineReady.toFixed(0)} ms · bundled data loaded ${st.dataReady.toFixed(0)} ms · chart drawn by ${st.now.toFixed(0)} ms (page clock)`
	);
	console.log(
		`initial JS: ${js.length} files, ${results.initialJsGzipKB.toFixed(0)} KB gzip; DuckDB worker ${results.duckdbWorkerGzipKB.toFixed(0)} KB gzip; wasm ${results.wasmGzipMB.toFixed(1)} MB gzip`
	);
	// First visit against return, each in new browser profiles (scripts/bench-startup.js).
	if (!('redraw-only' in args))
		results.startupRuns = await benchStartup(browser, {
			port: PORT,
			runs: Number(args['startup-runs'] ?? 3),
			buildDir: process.env.BUILD_DIR,
			kitOutDir: process.env.KIT_OUT_DIR
		});
	if ('startup-only' in args) throw new StartupOnly();

	await page.goto(`http://127.0.0.1:${PORT}/bench/`);
	await page.locator('[data-ready="true"]').waitFor();
	await page.locator('[data-testid="chart"][data-state="ready"]').waitFor();
	const chart = page.getByTestId('chart');

	// Re-query + redraw on the bundled data: new (planned and run), cold (run again), kept (answer kept).
	const redraw = async (data, units) => {
		if ('no-redraw' in args) return;
		// The first changes after a load run while the browser still compiles DuckDB's hot code paths
		// (WebAssembly tiers up as it runs): one round of every change is reported on its own…
		const warmUp = await chart.evaluate(
			(el, a) => window.chisoBench.redrawTimes(el, a.codes, a.units, a.runs, 'new'),
			{ codes: REDRAW_CODES, units, runs: REDRAW_CODES.length * units.length }
		);
		results.redraw.push({ data, answers: 'first', ...warmUp });
		// …then the engine is warmed up (untimed), and the steady state is measured.
		await chart.evaluate((el, a) => window.chisoBench.redrawTimes(el, a.codes, a.units, a.runs, 'new'), {
			codes: REDRAW_CODES,
			units,
			runs: 3 * RUNS
		});
		for (const mode of ['new', 'cold', 'kept']) {
			const r = await chart.evaluate(
				(el, a) => window.chisoBench.redrawTimes(el, a.codes, a.units, a.runs, a.mode),
				{ codes: REDRAW_CODES, units, runs: RUNS, mode }
			);
			results.redraw.push({ data, answers: mode, ...r });
		}
	};
	await redraw('bundled', [
		['Phổ An', 'Phổ Văn', 'Nguyễn Nghiêm'],
		['Phổ Châu', 'Phổ Thạnh', 'Phổ Minh', 'Phổ Vinh', 'Phổ Hòa', 'Phổ Ninh']
	]);

	// The first 8 changes after a load, as a person makes them: fresh page loads, with the app's warm-up
	// and, alternating with them, without it (the baseline).
	const bundledSets = [
		['Phổ An', 'Phổ Văn', 'Nguyễn Nghiêm'],
		['Phổ Châu', 'Phổ Thạnh', 'Phổ Minh', 'Phổ Vinh', 'Phổ Hòa', 'Phổ Ninh']
	];
	results.afterLoad = [];
	for (let r = 0; r < AFTER_LOAD_RUNS && !('no-redraw' in args); r++)
		for (const warm of r % 2 ? [true, false] : [false, true]) {
			await page.goto(`http://127.0.0.1:${PORT}/bench/`);
			await page.locator('[data-ready="true"]').waitFor();
			const t = await chart.evaluate(
				(el, a) => window.chisoBench.firstChangesAfterLoad(el, a.first, a.codes, a.units, a.opts),
				{
					first: FIRST_CODE,
					codes: REDRAW_CODES,
					units: bundledSets,
					opts: {
						runs: REDRAW_CODES.length * bundledSets.length,
						warm,
						readMs: READ_MS,
						trace: 'trace' in args
					}
				}
			);
			results.afterLoad.push({ data: 'bundled', ...t });
		}
	if ('redraw-only' in args) {
		printRedraw();
		throw new StartupOnly();
	}

	await page.evaluate((n) => window.chisoBench.addSyntheticUnits(n), UNITS);

	const importRun = (url, undo, trace) =>
		page.evaluate(
			(a) =>
				a.trace
					? window.chisoBench.traceImport(a.url, { undo: a.undo })
					: window.chisoBench.importThroughApp(a.url, { undo: a.undo }),
			{ url, undo, trace }
		);
	// Warm-up, untimed: the first read_csv of a session pays for loading DuckDB's CSV reader.
	await page.evaluate((u) => window.chisoBench.bareReadCsv(u), `/bench-data/${SIZES[0]}.csv`);
	// The first import of a page load runs code the page has not run yet (the browser compiles DuckDB's
	// WebAssembly as it goes): reported on its own, then two more imports warm up, untimed. Every import
	// below is taken back afterwards (untimed) so that each one stores new rows.
	const first = await importRun('/bench-data/other-10000.csv', true, false);
	results.firstImport = first;
	console.log(
		`\nfirst import of the page load: 10,000 rows in ${first.ms.toFixed(0)} ms (check+diff ${first.parseMs.toFixed(0)}, commit ${first.commitMs.toFixed(0)}), longest main-thread task ${first.longestTask.toFixed(0)} ms`
	);
	for (let i = 0; i < 2; i++) await importRun('/bench-data/other-10000.csv', true, false);

	console.log(
		'\nimport (canonical long CSV)     rows     MB  │ from a File: app median (min–max) ms  bare  ratio │ from bytes: app median (min–max) ms  bare  ratio │ longest task  runs'
	);
	for (const [s, n] of SIZES.entries()) {
		const url = `/bench-data/${n}.csv`;
		const runs = n <= 10_000 ? 9 : 5;
		const bares = [];
		const baresFromFile = [];
		const apps = [];
		const fromBytes = [];
		const bare = (fromFile) =>
			page.evaluate((a) => window.chisoBench.bareReadCsv(a.url, { fromFile: a.fromFile }), { url, fromFile });
		for (let r = 0; r < runs; r++) {
			bares.push((await bare(false)).ms);
			baresFromFile.push((await bare(true)).ms);
			// The last import of the last size stays: the redraw below runs on it.
			const keep = s === SIZES.length - 1 && r === runs - 1;
			fromBytes.push(
				await page.evaluate(
					(a) =>
						a.trace
							? window.chisoBench.traceImport(a.url, { undo: true, fromBytes: true })
							: window.chisoBench.importBytes(a.url, { undo: true }),
					{ url, trace: 'trace' in args && r === runs - 1 }
				)
			);
			apps.push(await importRun(url, !keep, 'trace' in args && r === runs - 1));
		}
		const bytesMs = fromBytes.map((b) => b.ms);
		const ms = apps.map((a) => a.ms);
		const app = apps.find((a) => a.ms === median(ms));
		const bareMs = median(bares);
		const mb = app.bytes / 1e6;
		const row = {
			rows: n,
			mb,
			runs,
			appMs: app.ms,
			appMinMs: Math.min(...ms),
			appMaxMs: Math.max(...ms),
			parseMs: app.parseMs,
			commitMs: app.commitMs,
			compactMs: median(apps.map((a) => a.compactMs)),
			bareMs,
			bareRunsMs: bares,
			bareFromFileMs: median(baresFromFile),
			bareFromFileRunsMs: baresFromFile,
			ratioFromFile: app.ms / median(baresFromFile),
			fromBytesMs: median(bytesMs),
			fromBytesRunsMs: bytesMs,
			ratioFromBytes: median(bytesMs) / bareMs,
			path: app.path,
			longestTask: Math.max(...apps.map((a) => a.longestTask), ...fromBytes.map((b) => b.longestTask)),
			committed: app.rows
		};
		results.import.push(row);
		for (const [label, traced] of [
			['from the File', apps.at(-1)],
			['from bytes', fromBytes.at(-1)]
		])
			if (traced.calls) printTrace(label, traced);
		const range = (xs) =>
			`${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
		console.log(
			`${''.padEnd(29)}${String(n).padStart(9)}  ${mb.toFixed(1).padStart(5)}  │ ${range(ms).padStart(35)}  ${row.bareFromFileMs.toFixed(0).padStart(5)}  ${`${row.ratioFromFile.toFixed(2)}×`.padStart(5)} │ ${range(bytesMs).padStart(34)}  ${bareMs.toFixed(0).padStart(5)}  ${`${row.ratioFromBytes.toFixed(2)}×`.padStart(5)} │ ${`${row.longestTask.toFixed(0)} ms`.padStart(12)}  ${runs}`
		);
		console.log(
			`${''.padEnd(31)}${app.path} path, ${(mb / (app.ms / 1000)).toFixed(1)} MB/s from the File (check+diff ${app.parseMs.toFixed(0)} ms, commit ${app.commitMs.toFixed(0)} ms; copied into the table and compressed afterwards in ${row.compactMs.toFixed(0)} ms); bare read_csv runs from bytes ${bares.map((b) => b.toFixed(0)).join(', ')} ms, from the File ${baresFromFile.map((b) => b.toFixed(0)).join(', ')} ms`
		);
	}

	await redraw(`${await page.evaluate(() => window.chisoBench.observationCount())} observations`, [
		[unitName(0), unitName(500), unitName(1000)],
		[unitName(1), unitName(777), unitName(1500), unitName(2222), unitName(2600), unitName(3000)]
	]);
	printRedraw();
	function printRedraw() {
		console.log(
			'\nre-query + redraw on change          answers   painted median / p95   finished median / p95   query median'
		);
		for (const r of results.redraw.filter((r) => r.answers !== 'first'))
			console.log(
				`  ${r.data.padEnd(30)} ${r.answers.padEnd(7)} ${r.painted.median.toFixed(1).padStart(8)} / ${r.painted.p95.toFixed(1).padStart(6)} ms ${r.finished.median.toFixed(1).padStart(9)} / ${r.finished.p95.toFixed(1).padStart(6)} ms ${r.query.median.toFixed(1).padStart(9)} ms  (option ${r.option.median.toFixed(1)}, draw ${r.draw.median.toFixed(1)}; ${r.painted.runs} runs)`
			);
		for (const r of results.redraw.filter((r) => r.answers === 'first'))
			console.log(
				`  ${r.data.padEnd(30)} first ${r.painted.runs} changes after load: first ${r.first.toFixed(1)} ms, median ${r.painted.median.toFixed(1)} ms`
			);
		const cold = results.redraw.filter((r) => r.answers === 'cold');
		if (cold.length === 2)
			console.log(
				`  ratio 1M / bundled (cold, painted median): ${(cold[1].painted.median / cold[0].painted.median).toFixed(2)}`
			);
		for (const warm of [false, true]) {
			const loads = results.afterLoad.filter((r) => r.warm === warm);
			if (!loads.length) continue;
			const all = loads.flatMap((r) => r.each);
			console.log(
				`  bundled, first ${loads[0].each.length} changes after load (read ${READ_MS} ms), ${warm ? 'warmed up' : 'no warm-up'}: median ${median(all).toFixed(1)} ms over ${loads.length} loads (per load: ${loads.map((r) => r.painted.median.toFixed(1)).join(', ')}); first change ${median(loads.map((r) => r.first)).toFixed(1)} ms (${loads.map((r) => r.first.toFixed(1)).join(', ')})${warm ? `; warm-up steps done before it ${loads.map((r) => r.warmed).join(', ')}` : ''}`
			);
			for (const r of loads) {
				const parts = r.each.map(
					(x, i) => `${x.toFixed(0)} (${r.eachQuery[i].toFixed(0)}+${r.eachDraw[i].toFixed(0)})`
				);
				console.log(`    each (query+draw): ${parts.join(', ')} ms`);
				for (const c of r.calls ?? []) console.log(`      ${c}`);
			}
		}
	}
} catch (e) {
	if (!(e instanceof StartupOnly)) throw e;
} finally {
	await browser.close();
	server.kill();
}
// 3. The server's save against a bare bulk insert of the same rows, same database, same run (SQLite,
// and PostgreSQL when CHISO_TEST_DATABASE_URL is set): scripts/bench-server.ts. --no-server skips it,
// --server-sizes=100000 changes the sizes.
/** `--redraw-only`, `--startup-only`: sections 3–6 are skipped as well. */
const only = 'redraw-only' in args || 'startup-only' in args;
if (!('no-server' in args) && !('startup-only' in args) && !only) {
	console.log('\nserver save against a bare bulk insert (scripts/bench-server.ts)');
	const pg = process.env.CHISO_TEST_DATABASE_URL ? [`--pg=${process.env.CHISO_TEST_DATABASE_URL}`] : [];
	spawnSync('npx', ['tsx', 'scripts/bench-server.ts', args['server-sizes'] ?? '100000,1000000', ...pg], {
		stdio: 'inherit'
	});
}
if (!('no-xlsx' in args) && !only) benchXlsx();
if (!('no-units' in args) && !only) {
	console.log('\nunit matching of 10,000 names (scripts/bench-units.ts)');
	spawnSync('npx', ['tsx', 'scripts/bench-units.ts'], { stdio: 'inherit' });
}
if (!('no-follow' in args) && !only) {
	console.log('\nserver mode in a leader’s browser (scripts/bench-follow.js)');
	spawnSync('node', ['scripts/bench-follow.js', `--rows=${args['follow-rows'] ?? 1_000_000}`], {
		stdio: 'inherit'
	});
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2));
console.log('\nwritten: bench/results/latest.json');
