/**
 * Warms the engine up while the person reads the first page. The first changes after a load are slow
 * (45–60 ms against 8–9 ms later) because the browser compiles DuckDB's WebAssembly and the charts'
 * code function by function the first time each runs, and optimises the busy ones later. So once the
 * data is loaded, the first page drawn and DuckDB quiet, this runs — one step per idle moment, answers
 * thrown away — first the compression of what the load stored (the store's own, which would otherwise
 * come a moment later and change how every query reads the data), then one query of each shape a change runs (an indicator's series for a few units and for
 * more, per unit over every period, summed over the town; sources; ratings), draws the likeliest charts
 * where no one sees them, and loads the chart parts the indicator page needs.
 *
 * It stops for good as soon as the person acts (a click, a key, a touch), when another version of the
 * data arrives, or at the first error (never shown: nothing depends on it). It never starts while
 * DuckDB is working (a page's queries, an import, a newer version being loaded). */
import { ratingDistribution, series, sources } from '$lib/db/queries';
import type { SeriesOptions, Store } from '$lib/db';
import type { Indicator } from '$lib/model/types';
import { TOWN_GROUP } from '$lib/model/units';
import { data } from './data.svelte';

/** One warm-up step: a query of one shape (for the first indicator of that shape), or the chart parts. */
export type WarmTask =
	/** Compress what the load stored now, not a moment later: the queries after it read as later ones. */
	| { kind: 'compact' }
	| { kind: 'series'; code: string; options: SeriesOptions }
	/** A chart's series, asked again and drawn on a chart no one sees: the drawing code warms up too. */
	| { kind: 'draw'; code: string; options: SeriesOptions }
	| { kind: 'sources'; codes: string[] }
	| { kind: 'ratings'; code: string; grouping: 'unit' | 'town' }
	| { kind: 'charts' };

/** DuckDB must have been quiet this long (ms) before a step runs: the page's own queries come first. */
export const QUIET_MS = 300;

/**
 * What to warm up (pure). Shapes, the likeliest first: a derived share of counts, a raw sum, a raw stock
 * (latest), a raw mean or median, another derived figure — the first indicator of each. For each, in
 * turn: its series for a few units over years (a chart's query), then over every period per unit, then
 * summed over the town (the indicator page's); then sources and ratings, and last the chart parts that
 * load on first need.
 */
export function warmUpTasks(indicators: readonly Indicator[], units: readonly string[]): WarmTask[] {
	const shapes: ((i: Indicator) => boolean)[] = [
		(i) => i.kind !== 'raw' && i.unit === 'percent',
		(i) => i.kind === 'raw' && i.aggregation === 'sum',
		(i) => i.kind === 'raw' && i.aggregation === 'latest',
		(i) => i.kind === 'raw' && (i.aggregation === 'mean' || i.aggregation === 'median'),
		(i) => i.kind !== 'raw' && i.unit !== 'percent'
	];
	const chosen = shapes
		.map((shape) => indicators.find((i) => i.unit !== 'text' && i.unit !== 'rating' && shape(i)))
		.filter((i) => i !== undefined);
	// DuckDB filters on a short list of units (3) but joins a longer one (5 or more): both are warmed.
	const variants: ((i: Indicator) => SeriesOptions | null)[] = [
		() => ({ units: units.slice(0, 3), periods: 'year', townLabel: TOWN_GROUP }),
		() => ({ units: units.slice(0, 8), periods: 'year', townLabel: TOWN_GROUP }),
		() => ({ periods: 'all', townLabel: TOWN_GROUP }),
		(i) => (i.aggregation === 'none' ? null : { periods: 'all', grouping: 'town', townLabel: TOWN_GROUP })
	];
	const tasks: WarmTask[] = [{ kind: 'compact' }];
	for (const variant of variants)
		for (const i of chosen) {
			const options = variant(i);
			if (options) tasks.push({ kind: 'series', code: i.code, options });
		}
	// Charts' first draws are slow too (their code is compiled as it first runs): the likeliest two
	// shapes' charts are drawn, unseen, each twice.
	for (let round = 0; round < 2; round++)
		for (const i of chosen.slice(0, 2))
			for (const variant of variants.slice(0, 2))
				tasks.push({ kind: 'draw', code: i.code, options: variant(i)! });
	if (chosen.length) tasks.push({ kind: 'sources', codes: [chosen[0].code] });
	const rating = indicators.find((i) => i.kind === 'raw' && i.unit === 'rating');
	if (rating)
		tasks.push(
			{ kind: 'ratings', code: rating.code, grouping: 'unit' },
			{ kind: 'ratings', code: rating.code, grouping: 'town' }
		);
	tasks.push({ kind: 'charts' });
	return tasks;
}

/** What the scheduler needs of the browser (a stand-in in tests). */
export interface IdleHost {
	/** Call `fn` at the next idle moment (requestIdleCallback); returns a cancel. */
	idle(fn: () => void): () => void;
	/** Call `fn` after `ms`; returns a cancel. */
	later(fn: () => void, ms: number): () => void;
	/** Call `fn` when the person acts; returns a remove. */
	onAct(fn: () => void): () => void;
}

export interface WarmUp {
	/** Stop now (nothing more runs; a step already sent to DuckDB ends by itself). */
	cancel(): void;
	/** Resolves with the number of steps run, once all ran or the warm-up stopped. */
	done: Promise<number>;
}

/**
 * Runs `steps` one at a time, each at an idle moment once DuckDB has been quiet for `QUIET_MS` of any
 * other work (`lastWork()`: when its last work ended, on `performance.now()`'s clock; null while it
 * works), while `current()` holds (the data version it started on). Stops for good when the person
 * acts, when `current()` turns false, or when a step fails.
 */
export function runWhenIdle(
	steps: readonly (() => Promise<unknown>)[],
	{ host, lastWork, current }: { host: IdleHost; lastWork: () => number | null; current: () => boolean }
): WarmUp {
	let ran = 0;
	let stopped = false;
	let cancelWait = () => {};
	let finish: (n: number) => void = () => {};
	const done = new Promise<number>((resolve) => (finish = resolve));
	const stop = () => {
		if (stopped) return;
		stopped = true;
		cancelWait();
		removeAct();
		finish(ran);
	};
	const removeAct = host.onAct(stop);
	/** When the last step ended: DuckDB's work that ended by then was the warm-up's own. */
	let ownEnd = -Infinity;
	/** How long DuckDB has been quiet of any work but the warm-up's (0 while it works). */
	const othersQuiet = () => {
		const ended = lastWork();
		if (ended === null) return 0;
		return ended <= ownEnd ? Infinity : performance.now() - ended;
	};
	const next = () => {
		if (stopped) return;
		if (!current() || ran === steps.length) return stop();
		const quiet = othersQuiet();
		if (quiet < QUIET_MS) {
			cancelWait = host.later(next, QUIET_MS - quiet);
			return;
		}
		cancelWait = host.idle(() => {
			if (stopped) return;
			// Something started while waiting for the idle moment (or the version moved): ask again.
			if (othersQuiet() < QUIET_MS || !current()) return next();
			Promise.resolve()
				.then(steps[ran])
				.then(
					() => {
						ran++;
						ownEnd = performance.now();
						next();
					},
					() => stop()
				);
		});
	};
	next();
	return { cancel: stop, done };
}

/** The browser's idle moments, timers and the person's acts. */
export const browserHost: IdleHost = {
	idle(fn) {
		if (typeof requestIdleCallback === 'function') {
			const id = requestIdleCallback(fn, { timeout: 2000 });
			return () => cancelIdleCallback(id);
		}
		const id = setTimeout(fn, 50);
		return () => clearTimeout(id);
	},
	later(fn, ms) {
		const id = setTimeout(fn, ms);
		return () => clearTimeout(id);
	},
	onAct(fn) {
		const events = ['pointerdown', 'keydown', 'touchstart', 'popstate'] as const;
		for (const e of events) addEventListener(e, fn, { capture: true, passive: true });
		return () => {
			for (const e of events) removeEventListener(e, fn, { capture: true });
		};
	}
};

/** One step's work on the store; answers are not kept (a change asks DuckDB again, now warm). */
function stepOf(task: WarmTask, store: Store, dictionary: Map<string, Indicator>): () => Promise<unknown> {
	switch (task.kind) {
		case 'series':
			return () => series(store, dictionary.get(task.code)!, dictionary, task.options);
		case 'compact':
			return () => store.compact();
		case 'draw':
			return () => drawUnseen(store, dictionary.get(task.code)!, dictionary, task.options);
		case 'sources':
			return () => sources(store, task.codes);
		case 'ratings':
			return () => ratingDistribution(store, task.code, task.grouping, TOWN_GROUP);
		case 'charts':
			return () => import('$lib/components/echarts').then((m) => m.withEverything());
	}
}

/** Draw one indicator's trend on a chart outside the page, then drop it. */
async function drawUnseen(
	store: Store,
	indicator: Indicator,
	dictionary: Map<string, Indicator>,
	options: SeriesOptions
) {
	const [rows, { echarts }, { trendOption, makeColorOf }] = await Promise.all([
		series(store, indicator, dictionary, options),
		import('$lib/components/echarts'),
		import('$lib/charts')
	]);
	const box = document.createElement('div');
	const chart = echarts.init(box, 'screen', { renderer: 'canvas', width: 900, height: 420 });
	try {
		const colorOf = makeColorOf(options.units ?? []);
		chart.setOption(trendOption(rows, { locale: 'vi', indicator, theme: 'screen', colorOf }));
	} finally {
		chart.dispose();
	}
}

/**
 * Warm the engine up at the browser's idle moments, for the data session's current version (call once
 * the data is open; the layout does, after the first load).
 */
export function warmUpWhenIdle(host: IdleHost = browserHost): WarmUp {
	const store = data.store;
	if (!store) return { cancel() {}, done: Promise.resolve(0) };
	const version = data.version;
	const dictionary = data.dictionary;
	const tasks = warmUpTasks(
		data.indicators,
		data.units.map((u) => u.name)
	);
	const warm = runWhenIdle(
		tasks.map((t) => stepOf(t, store, dictionary)),
		{
			host,
			lastWork: () => (store.busy > 0 ? null : store.lastUsed),
			current: () => data.version === version && data.store === store
		}
	);
	// For the tests: every step ran (`done`), or the warm-up stopped early (`stopped`).
	void warm.done.then((n) => {
		document.documentElement.dataset.warmUp = n === tasks.length ? 'done' : 'stopped';
	});
	return warm;
}
