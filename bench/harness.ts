/**
 * Measurements driven by `npm run bench` (scripts/bench.js) in headless Chromium, through the app's
 * real code: the import pipeline (bulk path or worker) + diff + commit, DuckDB's bare `read_csv` on the
 * same bytes as the baseline, and re-query + redraw when a leader changes the indicator or the units.
 * Built only for the bench (bench/vite.config.ts): it uses the app's public modules, never the other
 * way round.
 */
import { trendOption, makeColorOf } from '$lib/charts';
import { instanceOf } from '$lib/components/chart-action';
import type { EChartsType } from 'echarts/core';
import { bulkImport } from '$lib/db';
import { loadAliases } from '$lib/import-wizard/aliases';
import { data } from '$lib/views/data.svelte';
import { ImportSession } from '$lib/import-wizard/import-session.svelte';
import { loadSeries } from '$lib/views/loaders';
import { warmUpWhenIdle } from '$lib/views/warm-up';

const now = () => performance.now();

/** Main-thread tasks over 50 ms while `fn` runs (Long Tasks API), and the longest. */
async function withLongTasks<T>(
	fn: () => Promise<T>
): Promise<{ value: T; longestTask: number; longTasks: { at: number; ms: number }[] }> {
	const longTasks: { at: number; ms: number }[] = [];
	const observer = new PerformanceObserver((list) => {
		for (const e of list.getEntries()) longTasks.push({ at: e.startTime, ms: e.duration });
	});
	observer.observe({ type: 'longtask', buffered: false });
	try {
		const value = await fn();
		await new Promise((r) => setTimeout(r, 50));
		return { value, longestTask: Math.max(0, ...longTasks.map((t) => t.ms)), longTasks };
	} finally {
		observer.disconnect();
	}
}

async function fetchBytes(url: string) {
	return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/**
 * A File of `bytes`, as a staff member's file from disk would be: ready to read. The browser copies a
 * new File's bytes to its own process in the background (≈ 0.2 s for 50 MB) and a read waits for that
 * copy — a cost of making the File, not of reading it, so it is waited for here, untimed.
 */
async function fileOf(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<File> {
	const file = new File([bytes], name, { type: 'text/csv' });
	await file.slice(0, 1).arrayBuffer();
	return file;
}

/** Every engine call made while `fn` runs, with its time (for `npm run bench -- --trace`). */
async function traced<T>(
	fn: () => Promise<T>
): Promise<{ value: T; calls: { what: string; at: number; ms: number }[] }> {
	const engine = (await data.open()).engine;
	const calls: { what: string; at: number; ms: number }[] = [];
	const original = { ...engine };
	const wrap =
		<A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) =>
		async (...a: A) => {
			const t0 = now();
			try {
				return await f(...a);
			} finally {
				const what = typeof a[0] === 'string' ? a[0] : '';
				calls.push({ what: `${name} ${what.replace(/\s+/g, ' ').slice(0, 90)}`, at: t0, ms: now() - t0 });
			}
		};
	engine.run = wrap('run', original.run);
	engine.registerFile = wrap('registerFile', original.registerFile);
	engine.dropFile = wrap('dropFile', original.dropFile);
	try {
		return { value: await fn(), calls };
	} finally {
		Object.assign(engine, original);
	}
}

/** The import of `url` with every engine call it makes and their times. */
export async function traceImport(url: string, opts: ImportRunOptions & { fromBytes?: boolean } = {}) {
	const { value, calls } = await traced(() =>
		opts.fromBytes ? importBytes(url, opts) : importThroughApp(url, opts)
	);
	return { ...value, calls };
}

/**
 * `fn` with the data session's `changed()` told not to save the snapshot a reload restores: the commit
 * is timed as the import page runs it, less the writing of the whole database to IndexedDB afterwards.
 */
async function withoutSnapshot<T>(fn: () => Promise<T>): Promise<T> {
	const changed = data.changed;
	data.changed = () => changed.call(data, false);
	try {
		return await fn();
	} finally {
		data.changed = changed;
	}
}

/**
 * Forget every answer the views' loaders keep: they are kept per data version, and a new version
 * forgets them all (as after a commit, without one).
 */
function forgetAnswers() {
	data.version++;
}

interface ImportRunOptions {
	/** Take the import back afterwards (untimed), so that the next run imports new rows again. */
	undo?: boolean;
}

/**
 * A staff member's import of `url`: check + diff, then commit. Untimed afterwards: the copy and compression
 * that follows a commit (timed on its own) and, with `undo`, the undo.
 */
export async function importThroughApp(url: string, { undo = false }: ImportRunOptions = {}) {
	const bytes = await fetchBytes(url);
	const file = await fileOf(bytes, url.split('/').pop() ?? 'bench.csv');
	const session = new ImportSession();
	const { value, longestTask, longTasks } = await withLongTasks(async () => {
		const t0 = now();
		await session.add([file]);
		const parsed = now();
		const pending = session.files[0];
		const committed = pending?.result?.stats.observations ?? 0;
		const path = pending?.table ? 'bulk' : 'worker';
		await withoutSnapshot(() => session.commit());
		const t1 = now();
		return {
			ms: t1 - t0,
			/** Page clock at the start and end of the timed import (the trace's calls are on the same clock). */
			span: [t0, t1],
			parseMs: parsed - t0,
			commitMs: t1 - parsed,
			rows: committed,
			path,
			errors: session.commitError
		};
	});
	const store = await data.open();
	// The commit leaves the copy of a bulk import's rows and the compression to a moment later
	// (Store.compact): timed here, apart.
	const c0 = now();
	await store.compact();
	const compactMs = now() - c0;
	const id = session.lastCommit?.summaries[0]?.id;
	if (undo && id !== undefined) {
		await store.undoImport(id);
		await store.compact();
		await data.changed(false);
	}
	// Let the page settle (views reload after a change) before anything else is timed.
	await new Promise((r) => setTimeout(r, 300));
	await store.exclusive(async () => {});
	return { ...value, compactMs, bytes: bytes.length, longestTask, longTasks };
}

/**
 * The same import from bytes already in memory — as the bare baseline reads them — through the steps the
 * import page takes for a large canonical file: the bulk check, the diff, the commit. Only the File is
 * missing (the browser's reading of it). Untimed afterwards: the copy and compression and, with `undo`,
 * the undo.
 */
export async function importBytes(url: string, { undo = false }: ImportRunOptions = {}) {
	const bytes = await fetchBytes(url);
	const name = url.split('/').pop() ?? 'bench.csv';
	const store = await data.open();
	const options = { fileName: name, dictionary: data.indicators, units: data.units, aliases: loadAliases() };
	await new Promise((r) => setTimeout(r, 0));
	const { value, longestTask, longTasks } = await withLongTasks(async () => {
		const t0 = now();
		const bulk = await bulkImport(store, bytes, options);
		if (!bulk) throw new Error(`${name}: not taken by the bulk path`);
		await store.diff({ table: bulk.table });
		const [summary] = await store.commitImports([{ file: name, table: bulk.table }]);
		const t1 = now();
		return { ms: t1 - t0, span: [t0, t1], id: summary.id, rows: bulk.result.stats.observations };
	});
	await store.compact();
	if (undo) {
		await store.undoImport(value.id);
		await store.compact();
	}
	await data.changed(false);
	await new Promise((r) => setTimeout(r, 300));
	await store.exclusive(async () => {});
	return { ms: value.ms, span: value.span, rows: value.rows, longestTask, longTasks };
}

/**
 * DuckDB's bare `read_csv` (types detected) into a table: from bytes already in memory, or, `fromFile`,
 * from a File as the app receives a staff member's file (DuckDB's worker reads it, as the import does).
 */
export async function bareReadCsv(url: string, { fromFile = false } = {}) {
	const bytes = await fetchBytes(url);
	const source = fromFile ? await fileOf(bytes, 'bare.csv') : bytes;
	const store = await data.open();
	await new Promise((r) => setTimeout(r, 0));
	const t0 = now();
	await store.exclusive(async () => {
		const path = await store.engine.registerFile('bare.csv', source);
		await store.engine.run(
			`CREATE OR REPLACE TEMP TABLE bare AS SELECT * FROM read_csv('${path}', header = true)`
		);
		await store.engine.dropFile(path);
	});
	const ms = now() - t0;
	await store.query('DROP TABLE bare');
	return { ms, bytes: bytes.length };
}

/** Add `n` synthetic units ("Đơn vị 0001" …) to the unit list, so that generated files resolve. */
export async function addSyntheticUnits(n: number) {
	const store = await data.open();
	const synthetic = Array.from({ length: n }, (_, i) => ({
		code: `B${String(i + 1).padStart(5, '0')}`,
		name: `Đơn vị ${String(i + 1).padStart(4, '0')}`,
		kind: 'xã',
		parent: 'Bench',
		valid_from: '',
		valid_to: '',
		successor: '',
		aliases: []
	}));
	await store.replaceUnits([...data.units.filter((u) => u.parent !== 'Bench'), ...synthetic]);
	await data.changed(false);
	return data.units.length;
}

export async function observationCount() {
	const [{ n }] = await (await data.open()).query<{ n: number }>('SELECT count(*) AS n FROM observations');
	return n;
}

interface Timing {
	runs: number;
	median: number;
	p95: number;
	min: number;
	max: number;
}

function summarise(times: number[]): Timing {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { runs: times.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1)! };
}

/** The chart's instance once the chart library has loaded and drawn it (it loads on first need). */
async function drawnInstance(chartEl: HTMLElement): Promise<EChartsType> {
	for (;;) {
		const instance = instanceOf(chartEl);
		if (instance) return instance;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/**
 * Change indicator (and units) `runs` times, as a page does: series through the views' loaders, option,
 * ECharts draw. Timed to the painted canvas (`setOption` draws synchronously) and, separately, to
 * ECharts' `finished` event, which waits for the next animation frame. Modes:
 * - `new`: every kept answer and every kept query plan is forgotten first: DuckDB plans and runs;
 * - `cold`: kept answers are forgotten: DuckDB runs the query again (on a plan kept since the last write);
 * - `kept`: answers kept, as a leader flipping back to an indicator gets them.
 */
export async function redrawTimes(
	chartEl: HTMLElement,
	codes: string[],
	unitSets: string[][],
	runs: number,
	mode: 'new' | 'cold' | 'kept'
) {
	const store = await data.open();
	const painted: number[] = [];
	const finished: number[] = [];
	const query: number[] = [];
	const build: number[] = [];
	const draw: number[] = [];
	const colorOf = makeColorOf(unitSets.flat());
	const instance = await drawnInstance(chartEl);
	for (let i = 0; i < runs; i++) {
		if (mode !== 'kept') forgetAnswers();
		// Any write forgets the kept plans (see statementRunner).
		if (mode === 'new') await store.query('CREATE OR REPLACE TEMP TABLE bench_forget AS SELECT 1');
		// Every pair of indicator and unit set in turn.
		const code = codes[i % codes.length];
		const units = unitSets[Math.floor(i / codes.length) % unitSets.length];
		const indicator = data.dictionary.get(code)!;
		const t0 = now();
		const rows = await loadSeries(code, { units, periods: 'year' });
		const t1 = now();
		// Timed to the drawn chart, not to the end of ECharts' 1 s transition animation.
		const option = {
			...trendOption(rows, { locale: 'vi', indicator, theme: 'screen', colorOf }),
			animation: false
		};
		const t2 = now();
		const done = new Promise<void>((resolve) => instance.on('finished', () => resolve()));
		instance.setOption(option, { notMerge: true });
		const t3 = now();
		await done;
		instance.off('finished');
		query.push(t1 - t0);
		build.push(t2 - t1);
		draw.push(t3 - t2);
		painted.push(t3 - t0);
		finished.push(now() - t0);
	}
	return {
		painted: summarise(painted),
		finished: summarise(finished),
		query: summarise(query),
		option: summarise(build),
		draw: summarise(draw),
		/** The first change measured (after a page load, the engine's code is not yet warm). */
		first: painted[0],
		/** Every change, in order: painted, and of that the query and the draw. */
		each: painted,
		eachQuery: query,
		eachDraw: draw
	};
}

/**
 * The first changes after a load, as a person makes them: the data opens, the page's first chart is
 * drawn (`firstCode`, the first unit set), the app warms the engine up as its layout does (unless
 * `warm` is false), the person reads for `readMs`, then changes the indicator and the units `runs`
 * times (every pair new: no answer kept, nothing forgotten on purpose either). Call on a fresh page.
 */
export async function firstChangesAfterLoad(
	chartEl: HTMLElement,
	firstCode: string,
	codes: string[],
	unitSets: string[][],
	{ runs, warm, readMs, trace = false }: { runs: number; warm: boolean; readMs: number; trace?: boolean }
) {
	await data.open();
	const t0 = now();
	const run = () => afterLoad(chartEl, firstCode, codes, unitSets, { runs, warm, readMs });
	if (!trace) return run();
	// With --trace: every engine call from the load on, on the clock of the load's end.
	const { value, calls } = await traced(run);
	const at = (x: number) => Math.round(x - t0);
	return { ...value, calls: calls.map((c) => `${at(c.at)} +${c.ms.toFixed(0)} ${c.what}`) };
}

async function afterLoad(
	chartEl: HTMLElement,
	firstCode: string,
	codes: string[],
	unitSets: string[][],
	{ runs, warm, readMs }: { runs: number; warm: boolean; readMs: number }
) {
	const instance = await drawnInstance(chartEl);
	const rows = await loadSeries(firstCode, { units: unitSets[0], periods: 'year' });
	const indicator = data.dictionary.get(firstCode)!;
	const colorOf = makeColorOf(unitSets.flat());
	instance.setOption(trendOption(rows, { locale: 'vi', indicator, theme: 'screen', colorOf }), {
		notMerge: true
	});
	const warming = warm ? warmUpWhenIdle() : null;
	await new Promise((r) => setTimeout(r, readMs));
	// Steps the warm-up ran before the first change (it stops by itself once done).
	const warmed = warming ? await Promise.race([warming.done, Promise.resolve(-1)]) : 0;
	warming?.cancel();
	const times = await redrawTimes(chartEl, codes, unitSets, runs, 'kept');
	return { ...times, warm, warmed };
}
