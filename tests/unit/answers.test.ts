/**
 * Kept answers: the version rules (nothing of another data version is ever current; a new version
 * starts a new record with the next number) and the build's answers for a first visit
 * (data/overview-answers.json), which must be exactly what the app's queries give on the bundled data
 * today — run `npm run answers` after changing data/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/lib/db';
import { dataFingerprint } from '../../src/lib/db/fingerprint';
import {
	drawable,
	isCurrent,
	labelFor,
	localVersion,
	serverVersion,
	withAnswers,
	type KeptAnswers
} from '../../src/lib/views/answers-store';
import { overviewKey, type OverviewAnswers } from '../../src/lib/views/overview-answers';
import { BUNDLED_ANSWERS, bundledAnswers, bundledStore } from '../../scripts/make-answers';

const reference = { indicators: [], units: [] };

describe('the version rules of kept answers', () => {
	const a = withAnswers(null, localVersion('aaa'), reference, 'overview|unit', { n: 1 });

	it('numbers local versions 1, 2, … as the data changes, and keeps the number while it does not', () => {
		expect(a.label).toBe(1);
		const same = withAnswers(a, localVersion('aaa'), reference, 'overview|successor', { n: 2 });
		expect(same.label).toBe(1);
		expect(Object.keys(same.pages).sort()).toEqual(['overview|successor', 'overview|unit']);
		const next = withAnswers(same, localVersion('bbb'), reference, 'overview|unit', { n: 3 });
		expect(next.label).toBe(2);
		// A new version forgets every answer of the old one.
		expect(next.pages).toEqual({ 'overview|unit': { n: 3 } });
	});

	it('shows the workspace version on a server', () => {
		expect(labelFor(a, serverVersion(42))).toBe(42);
		expect(withAnswers(a, serverVersion(42), reference, 'k', 1).label).toBe(42);
	});

	it('is current only for the very version DuckDB holds', () => {
		expect(isCurrent(a, localVersion('aaa'))).toBe(true);
		expect(isCurrent(a, localVersion('aab'))).toBe(false);
		expect(isCurrent(null, localVersion('aaa'))).toBe(false);
		const server = withAnswers(null, serverVersion(3), reference, 'k', 1);
		expect(isCurrent(server, serverVersion(4))).toBe(false);
		expect(isCurrent(server, serverVersion(3))).toBe(true);
	});

	it('draws only records of this build’s mode and of this format', () => {
		expect(drawable(a, false)).toBe(true);
		expect(drawable(a, true)).toBe(false);
		expect(drawable(withAnswers(null, serverVersion(1), reference, 'k', 1), true)).toBe(true);
		expect(drawable({ ...a, format: 0 }, false)).toBe(false);
		expect(drawable({ ...a, pages: null }, false)).toBe(false);
		expect(drawable('<script>', false)).toBe(false);
		expect(drawable(null, false)).toBe(false);
	});
});

describe('the build’s answers for a first visit', () => {
	let store: Store;
	let now: KeptAnswers;
	beforeAll(async () => {
		store = await bundledStore();
		now = await bundledAnswers(store);
	});
	afterAll(() => store.engine.close());

	it('are what the app’s queries give on the bundled data today (else: npm run answers)', () => {
		const file = JSON.parse(readFileSync(BUNDLED_ANSWERS, 'utf8'));
		expect(file).toEqual(JSON.parse(JSON.stringify(now)));
		expect(drawable(file, false)).toBe(true);
	});

	it('are of the bundled data’s version: the browser takes them as current once DuckDB agrees', async () => {
		expect(isCurrent(now, localVersion(await dataFingerprint(store)))).toBe(true);
		expect(now.label).toBe(1);
		const overview = now.pages[overviewKey('unit')] as OverviewAnswers;
		expect(overview.grouping).toBe('unit');
		expect(new Set(overview.trend.map((r) => r.unit)).size).toBe(15);
		expect((now.pages[overviewKey('successor')] as OverviewAnswers).grouping).toBe('successor');
	});

	it('change with any figure (the fingerprint moves)', async () => {
		const before = await dataFingerprint(store);
		await store.query(
			`UPDATE observations SET value = value + 1 WHERE rowid = (SELECT min(rowid) FROM observations)`
		);
		expect(await dataFingerprint(store)).not.toBe(before);
	});
});
