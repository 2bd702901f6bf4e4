/**
 * The bench's start-up section: time to the first chart on `/`, on a first visit (a fresh browser
 * profile: empty HTTP cache, no IndexedDB) and on a return (the same profile, loaded again: the kept
 * copy of the data and the kept answers, the browser's caches). Each is run `runs` times in a new
 * profile and the medians are printed, with DuckDB-ready and data-ready apart (the app's
 * performance marks), the initial JavaScript of `/` (what loads before its first screen, the key
 * figures, is drawn) and the wasm's transfer, and the ratio of each
 * median to the figures of an earlier run (`bench/results/startup-before.json`, when present).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const CHART = '[data-testid="chart"][data-state="ready"]';
/**
 * The budget of the initial JavaScript of `/` (issue #15), KB gzip: the page's own code loaded before
 * its first screen, the key figures, is drawn (DuckDB's bindings and the store load beside the wasm,
 * apart; the chart library loads after that screen, for the charts further down).
 */
const INITIAL_JS_BUDGET_KB = 250;
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** One page load of `/`: ms to the first drawn chart, where it came from, and the app's marks. */
async function loadOnce(page, url) {
	const t0 = Date.now();
	await page.goto(url);
	await page.locator(CHART).first().waitFor({ timeout: 60_000 });
	const firstChartMs = Date.now() - t0;
	const source = await page.locator(CHART).first().getAttribute('data-source');
	// The figures are live once DuckDB has confirmed them (at once when nothing was kept).
	await page.locator(`${CHART}:not([data-source="cached"])`).first().waitFor({ timeout: 60_000 });
	const liveMs = Date.now() - t0;
	const marks = await page.evaluate(() => {
		const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
		const nav = performance.getEntriesByType('navigation')[0];
		// The files asked for before a moment the app marks: its key figures, its first chart drawn.
		const before = (moment) =>
			performance
				.getEntriesByType('resource')
				.filter((e) => e.startTime < moment)
				.map((e) => new URL(e.name).pathname);
		return {
			beforeChart: before(at('chiso:first-chart')),
			beforeFigures: before(at('chiso:key-figures')),
			keyFigures: at('chiso:key-figures'),
			domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
			engineReady: at('chiso:engine-ready'),
			dataReady: at('chiso:data-ready')
		};
	});
	return { firstChartMs, liveMs, source: source ?? 'live', ...marks };
}

/**
 * The files `/` loads on demand for the engine, beside the wasm: what the layout's dynamic imports of
 * DuckDB's bindings and of the store's code load, less what `/` loads by itself anyway — from the
 * build's manifest. (The other parts loaded on demand, such as the tooltip just after the first chart,
 * count as the page's own.)
 */
function engineFiles(kitOutDir) {
	const file = `${kitOutDir}/output/client/.vite/manifest.json`;
	if (!existsSync(file)) return new Set();
	const manifest = JSON.parse(readFileSync(file, 'utf8'));
	const closure = (keys) => {
		const seen = new Set();
		const visit = (k) => {
			if (seen.has(k) || !manifest[k]) return;
			seen.add(k);
			for (const i of manifest[k].imports ?? []) visit(i);
		};
		keys.forEach(visit);
		return seen;
	};
	const files = (keys) => new Set([...keys].map((k) => `/${manifest[k].file}`));
	// What `/` loads by itself: the app's entry, the root layout and the overview's node.
	const own = (k) =>
		/client-optimized\/app\.js$/.test(k) ||
		(/client-optimized\/nodes\/\d+\.js$/.test(k) &&
			/src\/routes\/\+(page\.svelte|layout\.(ts|svelte))"/.test(readFileSync(k, 'utf8')));
	const page = closure(Object.keys(manifest).filter((k) => manifest[k].isEntry && own(k)));
	// DuckDB's bindings (engine-browser.ts) and the data store ($lib/db), which the layout asks for at once.
	const engine = (d) => ['engine-browser', 'db'].includes(manifest[d]?.name);
	const lazy = closure([...page].flatMap((k) => (manifest[k].dynamicImports ?? []).filter(engine)));
	const pageFiles = files(page);
	return new Set([...files(lazy)].filter((f) => !pageFiles.has(f)));
}

/**
 * Runs the start-up section; returns `{ cold, warm, initialJsGzipKB, wasmTransferMB, … }` and prints it.
 * `buildDir` is where the served files are (their gzip sizes are measured from the files).
 */
export async function benchStartup(browser, { port, runs = 3, buildDir, kitOutDir }) {
	const url = `http://127.0.0.1:${port}/`;
	const cold = [];
	const warm = [];
	let loaded = new Map();
	for (let r = 0; r < runs; r++) {
		const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
		const page = await context.newPage();
		const seen = new Map();
		page.on('response', async (res) => {
			const path = new URL(res.url()).pathname;
			seen.set(path, res.headers()['content-encoding'] ?? '');
		});
		cold.push(await loadOnce(page, url));
		if (r === 0) loaded = seen;
		// Let the page keep its copy and its answers (written once the data is live), then come back.
		// (A build without kept answers never says so: a few seconds for its copy, then on.)
		await page
			.waitForFunction(() => document.documentElement.dataset.answersKept === 'true', null, {
				timeout: 30_000
			})
			.catch(() => undefined);
		warm.push(await loadOnce(page, url));
		await context.close();
	}
	const gz = (path) => gzipSync(readFileSync(`${buildDir}${path}`)).length;
	const js = [...loaded.keys()].filter((p) => p.endsWith('.js') && !p.includes('duckdb-browser'));
	const engine = engineFiles(kitOutDir);
	const pageJs = js.filter((p) => !engine.has(p));
	const scripts = (list) => list.filter((p) => p.endsWith('.js') && !p.includes('duckdb-browser'));
	const first = scripts(cold[0].beforeChart);
	const firstPage = first.filter((p) => !engine.has(p));
	const figures = scripts(cold[0].beforeFigures);
	const figuresPage = figures.filter((p) => !engine.has(p));
	const kb = (list) => list.reduce((s, p) => s + gz(p), 0) / 1024;
	const wasm = [...loaded.keys()].filter((p) => p.endsWith('.wasm'));
	const pick = (list, key) => median(list.map((x) => x[key]));
	const summary = (list) => ({
		firstChartMs: pick(list, 'firstChartMs'),
		keyFiguresMs: pick(list, 'keyFigures'),
		liveMs: pick(list, 'liveMs'),
		engineReadyMs: pick(list, 'engineReady'),
		dataReadyMs: pick(list, 'dataReady'),
		domContentLoadedMs: pick(list, 'domContentLoaded'),
		sources: list.map((x) => x.source),
		runsMs: list.map((x) => x.firstChartMs)
	});
	const result = {
		runs,
		cold: summary(cold),
		warm: summary(warm),
		initialJsFiles: js.length,
		initialJsGzipKB: kb(js),
		pageJsFiles: pageJs.length,
		pageJsGzipKB: kb(pageJs),
		// A page that never marked its key figures measured nothing: never "within budget".
		keyFiguresMarked: cold.every((x) => Number.isFinite(x.keyFigures)),
		keyFiguresJsFiles: figures.length,
		keyFiguresJsGzipKB: kb(figures),
		keyFiguresPageJsFiles: figuresPage.length,
		keyFiguresPageJsGzipKB: kb(figuresPage),
		firstChartJsFiles: first.length,
		firstChartJsGzipKB: kb(first),
		firstChartPageJsFiles: firstPage.length,
		firstChartPageJsGzipKB: kb(firstPage),
		wasmGzipMB: wasm.reduce((s, p) => s + gz(p), 0) / 2 ** 20,
		wasmEncoding: wasm.map((p) => loaded.get(p) || 'none').join(',')
	};
	printStartup(result);
	return result;
}

function printStartup(r) {
	const before = existsSync('bench/results/startup-before.json')
		? JSON.parse(readFileSync('bench/results/startup-before.json', 'utf8'))
		: null;
	const ratio = (now, then) => (then ? `  (${(now / then).toFixed(2)}× of before, ${then.toFixed(0)})` : '');
	console.log(`\nstart-up on / (localhost, medians of ${r.runs} runs, each in a new browser profile)`);
	for (const kind of ['cold', 'warm']) {
		const s = r[kind];
		const b = before?.[kind];
		console.log(
			`  ${kind === 'cold' ? 'first visit (cold)' : 'return (warm)     '}: key figures ${s.keyFiguresMs.toFixed(0)} ms (page clock); first chart ${s.firstChartMs} ms${ratio(s.firstChartMs, b?.firstChartMs)}; figures live ${s.liveMs} ms; DuckDB ready ${s.engineReadyMs.toFixed(0)} ms · data ready ${s.dataReadyMs.toFixed(0)} ms · page loaded ${s.domContentLoadedMs.toFixed(0)} ms (page clock); first chart drawn from ${s.sources.join('/')}; runs ${s.runsMs.join(', ')} ms`
		);
	}
	console.log(
		`  JS of the load of /: ${r.initialJsFiles} files, ${r.initialJsGzipKB.toFixed(0)} KB gzip${ratio(r.initialJsGzipKB, before?.initialJsGzipKB)}; of it the page's own (all but DuckDB's bindings and the store, which load beside the wasm): ${r.pageJsFiles} files, ${r.pageJsGzipKB.toFixed(0)} KB gzip${ratio(r.pageJsGzipKB, before?.pageJsGzipKB ?? before?.initialJsGzipKB)}`
	);
	const budget = INITIAL_JS_BUDGET_KB;
	console.log(
		`  initial JS of / (loaded before its first screen, the key figures, is drawn; first visit): ${r.keyFiguresPageJsFiles} files, ${r.keyFiguresPageJsGzipKB.toFixed(0)} KB gzip (budget ${budget}: ${!r.keyFiguresMarked ? 'UNKNOWN, the page never marked its key figures' : r.keyFiguresPageJsGzipKB <= budget ? 'within' : 'OVER'})${ratio(r.keyFiguresPageJsGzipKB, before?.keyFiguresPageJsGzipKB ?? before?.firstChartPageJsGzipKB)}; with DuckDB's bindings and the store beside it: ${r.keyFiguresJsFiles} files, ${r.keyFiguresJsGzipKB.toFixed(0)} KB gzip`
	);
	console.log(
		`  JS loaded before the first chart (the chart library with it): ${r.firstChartPageJsFiles} files, ${r.firstChartPageJsGzipKB.toFixed(0)} KB gzip${ratio(r.firstChartPageJsGzipKB, before?.firstChartPageJsGzipKB)}; with DuckDB's bindings and the store: ${r.firstChartJsFiles} files, ${r.firstChartJsGzipKB.toFixed(0)} KB gzip`
	);
	console.log(
		`  wasm ${r.wasmGzipMB.toFixed(1)} MB gzip, sent with content-encoding: ${r.wasmEncoding} (vite preview; the server sends it brotli)`
	);
}
