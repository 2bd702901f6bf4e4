import { afterEach, describe, expect, it, vi } from 'vitest';
import { every, nextTask } from './engine';

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('yielding to the main thread', () => {
	it('says a long loop is due for a break once the time has passed, and then not again at once', () => {
		vi.useFakeTimers({ toFake: ['performance'] });
		const due = every(25);
		expect(due()).toBe(false);
		vi.advanceTimersByTime(24);
		expect(due()).toBe(false);
		vi.advanceTimersByTime(1);
		expect(due()).toBe(true);
		expect(due()).toBe(false);
		vi.advanceTimersByTime(25);
		expect(due()).toBe(true);
	});

	it("uses the browser's scheduler.yield() where there is one (no 4 ms timeout clamp)", async () => {
		const yieldToPage = vi.fn(() => Promise.resolve());
		vi.stubGlobal('scheduler', { yield: yieldToPage });
		await nextTask();
		expect(yieldToPage).toHaveBeenCalledTimes(1);
	});

	it('falls back to a timeout elsewhere', async () => {
		vi.stubGlobal('scheduler', undefined);
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		let done = false;
		const pending = nextTask().then(() => (done = true));
		await Promise.resolve();
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(0);
		await pending;
		expect(done).toBe(true);
	});
});
