import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache';

describe('AnswerCache', () => {
	it('asks once per question and version, and forgets on a new version', async () => {
		const cache = new AnswerCache<number>(8);
		let asked = 0;
		const ask = () => Promise.resolve(++asked);
		expect(await cache.get(1, 'a', ask)).toBe(1);
		expect(await cache.get(1, 'a', ask)).toBe(1);
		expect(await cache.get(1, 'b', ask)).toBe(2);
		expect(await cache.get(2, 'a', ask)).toBe(3);
		expect(asked).toBe(3);
	});

	it('drops the least recently used answer past its capacity', async () => {
		const cache = new AnswerCache<string>(2);
		const asked: string[] = [];
		const ask = (k: string) => () => (asked.push(k), Promise.resolve(k));
		await cache.get(0, 'a', ask('a'));
		await cache.get(0, 'b', ask('b'));
		await cache.get(0, 'a', ask('a')); // a is now the most recent
		await cache.get(0, 'c', ask('c')); // b goes
		await cache.get(0, 'a', ask('a'));
		await cache.get(0, 'b', ask('b'));
		expect(asked).toEqual(['a', 'b', 'c', 'b']);
	});

	it('shares one pending answer and does not keep a failed one', async () => {
		const cache = new AnswerCache<number>(4);
		let asked = 0;
		const slow = () => new Promise<number>((r) => setTimeout(() => r(++asked), 5));
		const [x, y] = await Promise.all([cache.get(0, 'q', slow), cache.get(0, 'q', slow)]);
		expect([x, y, asked]).toEqual([1, 1, 1]);
		await expect(cache.get(0, 'bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
		expect(await cache.get(0, 'bad', () => Promise.resolve(7))).toBe(7);
	});
});
