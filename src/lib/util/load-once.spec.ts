import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from './load-once';

describe('loadOnce', () => {
	it('loads at the first call and shares that load with every later call', async () => {
		const load = vi.fn(async () => 'code');
		const get = loadOnce(load);
		expect(load).not.toHaveBeenCalled();
		const [a, b] = await Promise.all([get(), get()]);
		expect([a, b, await get()]).toEqual(['code', 'code', 'code']);
		expect(load).toHaveBeenCalledTimes(1);
	});

	it('forgets a failed load, so that the next call tries again', async () => {
		const load = vi
			.fn<() => Promise<string>>()
			.mockRejectedValueOnce(new Error('offline'))
			.mockResolvedValue('code');
		const get = loadOnce(load);
		await expect(get()).rejects.toThrow('offline');
		expect(await get()).toBe('code');
		expect(await get()).toBe('code');
		expect(load).toHaveBeenCalledTimes(2);
	});
});
