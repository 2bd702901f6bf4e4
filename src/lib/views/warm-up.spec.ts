import { describe, expect, it } from 'vitest';
import { rawIndicator } from '$lib/charts/spec-fixtures';
import { QUIET_MS, runWhenIdle, warmUpTasks, type IdleHost } from './warm-up';

const dictionary = [
	rawIndicator('schedule', { unit: 'text', aggregation: 'none' }),
	rawIndicator('received'),
	rawIndicator('resolved'),
	rawIndicator('population', { aggregation: 'latest' }),
	rawIndicator('cultural_pct', { unit: 'percent', aggregation: 'mean' }),
	rawIndicator('rating', { unit: 'rating', aggregation: 'none' }),
	rawIndicator('resolution_rate', { unit: 'percent', kind: 'derived', formula: 'resolved / received * 100' }),
	rawIndicator('per_household', { unit: 'people', kind: 'derived', formula: 'population / received' })
];

describe('warmUpTasks: what the warm-up queues', () => {
	const tasks = warmUpTasks(dictionary, ['A', 'B', 'C', 'D']);

	it('compresses what the load stored first: later changes read the data compressed', () => {
		expect(tasks[0]).toEqual({ kind: 'compact' });
	});

	it('queues one indicator of each shape, the derived share first, never a text', () => {
		const codes = [...new Set(tasks.flatMap((t) => (t.kind === 'series' ? [t.code] : [])))];
		expect(codes).toEqual(['resolution_rate', 'received', 'population', 'cultural_pct', 'per_household']);
	});

	it("a chart's query first for every shape (a few units over years), then the indicator page's", () => {
		const options = tasks.flatMap((t) => (t.kind === 'series' ? [t.options] : []));
		const few = { units: ['A', 'B', 'C'], periods: 'year' };
		expect(options.slice(0, 5)).toEqual(Array(5).fill(expect.objectContaining(few)));
		const of = (code: string) =>
			tasks.flatMap((t) => (t.kind === 'series' && t.code === code ? [t.options] : []));
		expect(of('received')).toEqual([
			expect.objectContaining(few),
			// Five units or more: DuckDB joins the list instead of filtering on it.
			expect.objectContaining({ units: ['A', 'B', 'C', 'D'], periods: 'year' }),
			expect.not.objectContaining({ units: expect.anything(), grouping: expect.anything() }),
			expect.objectContaining({ periods: 'all', grouping: 'town' })
		]);
	});

	it('never sums over the town what cannot be summed', () => {
		const town = tasks.filter((t) => t.kind === 'series' && t.options.grouping === 'town');
		expect(town.map((t) => t.kind === 'series' && t.code)).not.toContain('schedule');
		expect(town).toHaveLength(5);
	});

	it("draws the likeliest two shapes' charts unseen, twice each, after the queries", () => {
		const draws = tasks.filter((t) => t.kind === 'draw');
		expect(draws.map((t) => t.kind === 'draw' && t.code)).toEqual(
			Array(2).fill(['resolution_rate', 'resolution_rate', 'received', 'received']).flat()
		);
		expect(tasks.findIndex((t) => t.kind === 'draw')).toBeGreaterThan(
			tasks.findLastIndex((t) => t.kind === 'series')
		);
	});

	it('then sources, ratings and, last, the chart parts loaded on first need', () => {
		expect(tasks.slice(-4)).toEqual([
			{ kind: 'sources', codes: ['resolution_rate'] },
			{ kind: 'ratings', code: 'rating', grouping: 'unit' },
			{ kind: 'ratings', code: 'rating', grouping: 'town' },
			{ kind: 'charts' }
		]);
	});

	it('queues no query when there is no data to ask about', () => {
		expect(warmUpTasks([], [])).toEqual([{ kind: 'compact' }, { kind: 'charts' }]);
	});
});

/** A host whose idle moments, timers and acts the test fires by hand. */
function manualHost() {
	const idle: (() => void)[] = [];
	const timers: { fn: () => void; ms: number }[] = [];
	const acts: (() => void)[] = [];
	const host: IdleHost = {
		idle(fn) {
			idle.push(fn);
			return () => idle.splice(idle.indexOf(fn) >>> 0, 1);
		},
		later(fn, ms) {
			const t = { fn, ms };
			timers.push(t);
			return () => timers.splice(timers.indexOf(t) >>> 0, 1);
		},
		onAct(fn) {
			acts.push(fn);
			return () => acts.splice(acts.indexOf(fn) >>> 0, 1);
		}
	};
	const flush = () => new Promise((r) => setTimeout(r, 0));
	return {
		host,
		idle,
		timers,
		acts,
		/** Fire the pending idle moment and let its step end. */
		async idleMoment() {
			idle.shift()?.();
			await flush();
		},
		async timer() {
			timers.shift()?.fn();
			await flush();
		}
	};
}

describe('runWhenIdle: when the warm-up runs and when it stops', () => {
	const counting = (n: number) => {
		const ran: number[] = [];
		return { ran, steps: Array.from({ length: n }, (_, i) => async () => void ran.push(i)) };
	};

	it('runs one step per idle moment, all of them, then stops by itself', async () => {
		const m = manualHost();
		const { ran, steps } = counting(3);
		const w = runWhenIdle(steps, { host: m.host, lastWork: () => -Infinity, current: () => true });
		expect(ran).toEqual([]); // nothing before the browser is idle
		await m.idleMoment();
		expect(ran).toEqual([0]);
		await m.idleMoment();
		await m.idleMoment();
		expect(ran).toEqual([0, 1, 2]);
		expect(await w.done).toBe(3);
		expect(m.acts).toEqual([]); // no longer listening for the person's acts
	});

	it('waits while DuckDB works (a page loading, an import, a newer version) and starts once it is quiet', async () => {
		const m = manualHost();
		const { ran, steps } = counting(1);
		let ended: number | null = null;
		runWhenIdle(steps, { host: m.host, lastWork: () => ended, current: () => true });
		expect(m.idle).toHaveLength(0);
		expect(m.timers[0].ms).toBe(QUIET_MS);
		ended = performance.now() - 120;
		await m.timer();
		expect(m.timers[0].ms).toBeGreaterThan(0);
		expect(m.timers[0].ms).toBeLessThanOrEqual(QUIET_MS - 120);
		// Quiet at last, but busy again by the idle moment: the step waits again.
		ended = performance.now() - QUIET_MS;
		await m.timer();
		ended = null;
		await m.idleMoment();
		expect(ran).toEqual([]);
		ended = performance.now() - QUIET_MS;
		await m.timer();
		await m.idleMoment();
		expect(ran).toEqual([0]);
	});

	it('does not wait for the quiet after its own steps', async () => {
		const m = manualHost();
		const { ran, steps } = counting(2);
		let ended: number | null = -Infinity;
		const own = steps.map((step) => async () => {
			await step();
			ended = performance.now(); // the step's query just ended
		});
		runWhenIdle(own, { host: m.host, lastWork: () => ended, current: () => true });
		await m.idleMoment();
		expect(m.timers).toEqual([]);
		await m.idleMoment();
		expect(ran).toEqual([0, 1]);
	});

	it('stops for good when the person acts, even between steps', async () => {
		const m = manualHost();
		const { ran, steps } = counting(3);
		const w = runWhenIdle(steps, { host: m.host, lastWork: () => -Infinity, current: () => true });
		await m.idleMoment();
		m.acts[0]();
		expect(m.idle).toHaveLength(0);
		expect(m.acts).toEqual([]);
		expect(await w.done).toBe(1);
		expect(ran).toEqual([0]);
	});

	it('an idle moment already granted does nothing once the person has acted', async () => {
		const m = manualHost();
		const { ran, steps } = counting(2);
		runWhenIdle(steps, { host: m.host, lastWork: () => -Infinity, current: () => true });
		const granted = m.idle[0];
		m.acts[0]();
		granted();
		await new Promise((r) => setTimeout(r, 0));
		expect(ran).toEqual([]);
	});

	it('stops when a newer version of the data arrives', async () => {
		const m = manualHost();
		const { ran, steps } = counting(3);
		let version = 1;
		const w = runWhenIdle(steps, { host: m.host, lastWork: () => -Infinity, current: () => version === 1 });
		await m.idleMoment();
		version = 2;
		await m.idleMoment();
		expect(await w.done).toBe(1);
		expect(ran).toEqual([0]);
		expect(m.idle).toHaveLength(0);
	});

	it('stops quietly at the first failing step', async () => {
		const m = manualHost();
		const ran: number[] = [];
		const steps = [
			async () => void ran.push(0),
			async () => {
				throw new Error('no such table');
			},
			async () => void ran.push(2)
		];
		const w = runWhenIdle(steps, { host: m.host, lastWork: () => -Infinity, current: () => true });
		await m.idleMoment();
		await m.idleMoment();
		expect(await w.done).toBe(1);
		expect(m.idle).toHaveLength(0);
		expect(ran).toEqual([0]);
	});

	it('cancel() stops it as an act does', async () => {
		const m = manualHost();
		const { steps } = counting(2);
		const w = runWhenIdle(steps, { host: m.host, lastWork: () => -Infinity, current: () => true });
		w.cancel();
		expect(await w.done).toBe(0);
		expect(m.idle).toHaveLength(0);
		expect(m.acts).toEqual([]);
	});
});
