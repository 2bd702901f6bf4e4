/**
 * Answers before the engine: the overview draws from answers kept in this browser (or, on a first
 * visit, the build's answers for the bundled data) before DuckDB has opened, says so, and DuckDB's
 * own figures replace them in place. Kept answers of another data version are never shown as current.
 * DuckDB's wasm is held back by the test, so "before DuckDB" is certain, not a race.
 */
import type { Page } from '@playwright/test';
import { chartsReady, expect, test } from './fixtures';

/** Holds every request for DuckDB's wasm until `release()` is called. */
async function holdWasm(page: Page) {
	let release!: () => void;
	const gate = new Promise<void>((r) => (release = r));
	await page.context().route('**/*.wasm', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

const engineReady = (page: Page) =>
	page.evaluate(() => performance.getEntriesByName('chiso:engine-ready').length > 0);

const boxes = (page: Page) =>
	page.getByTestId('chart').evaluateAll((els) =>
		els.map((e) => {
			const r = e.getBoundingClientRect();
			return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
		})
	);

/** The answers this browser keeps (IndexedDB `chi-so-answers`, record `latest`). */
const keptRecord = (page: Page) =>
	page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((ok) => {
			const r = indexedDB.open('chi-so-answers', 1);
			r.onsuccess = () => ok(r.result);
		});
		const got = db.transaction('answers').objectStore('answers').get('latest');
		await new Promise((ok) => (got.onsuccess = ok));
		db.close();
		return got.result as { label: number; version: string; pages: Record<string, { code?: string }> };
	});

/** The page's charts (the overview's two by default) drawn from `source` ('cached' or 'live'). */
async function chartsFrom(page: Page, source: 'cached' | 'live', count = 2) {
	await chartsReady(page, count);
	for (const c of await page.getByTestId('chart').all())
		await expect(c).toHaveAttribute('data-source', source);
}

async function firstVisitKept(page: Page) {
	await page.goto('/');
	await chartsFrom(page, 'live');
	await expect(page.locator('html')).toHaveAttribute('data-answers-kept', 'true');
}

// At a laptop's width and a phone's, where the toolbar's lines wrap: the words must not move the page.
for (const [width, height] of [
	[1366, 768],
	[390, 844]
])
	test(`a return visit draws the overview from kept answers before DuckDB opens, then DuckDB takes over in place (${width} px)`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await firstVisitKept(page);
		const liveSeries = await page.getByTestId('chart').nth(0).getAttribute('data-series');

		const release = await holdWasm(page);
		await page.reload();
		await chartsFrom(page, 'cached');
		expect(await engineReady(page)).toBe(false);
		await expect(page.getByTestId('answers-source')).toHaveText('Đang hiện số liệu đã lưu (phiên bản 1)');
		await expect(page.getByTestId('answers-source')).toHaveAttribute('data-source', 'cached');
		expect(await page.getByTestId('chart').nth(0).getAttribute('data-series')).toBe(liveSeries);
		const before = await boxes(page);

		release();
		await chartsFrom(page, 'live');
		await expect(page.getByTestId('answers-source')).toHaveText('');
		expect(await engineReady(page)).toBe(true);
		// The same components, the option replaced in place: nothing moved.
		expect(await boxes(page)).toEqual(before);
		expect(await page.getByTestId('chart').nth(0).getAttribute('data-series')).toBe(liveSeries);
	});

test('a first visit draws the build’s answers for the bundled data before DuckDB opens', async ({ page }) => {
	const release = await holdWasm(page);
	await page.goto('/');
	await chartsFrom(page, 'cached');
	expect(await engineReady(page)).toBe(false);
	await expect(page.getByTestId('answers-source')).toContainText('phiên bản 1');
	release();
	await chartsFrom(page, 'live');
	await expect(page.getByTestId('answers-source')).toHaveText('');
});

test('kept answers of another data version are shown as kept, then dropped, never as current', async ({
	page
}) => {
	await firstVisitKept(page);
	// The kept record now says it was computed on another version, with a unit that version had.
	await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((ok, fail) => {
			const r = indexedDB.open('chi-so-answers', 1);
			r.onsuccess = () => ok(r.result);
			r.onerror = () => fail(r.error);
		});
		const tx = db.transaction('answers', 'readwrite');
		const store = tx.objectStore('answers');
		const got = store.get('latest');
		await new Promise((ok) => (got.onsuccess = ok));
		const kept = got.result;
		kept.version = 'local:another';
		kept.label = 7;
		const page = kept.pages['overview|unit'];
		page.trend = page.trend.map((r: { unit: string }) => ({ ...r, unit: `${r.unit} (cũ)` }));
		store.put(kept, 'latest');
		await new Promise((ok) => (tx.oncomplete = ok));
		db.close();
	});

	const release = await holdWasm(page);
	await page.reload();
	await chartsFrom(page, 'cached');
	await expect(page.getByTestId('answers-source')).toHaveText('Đang hiện số liệu đã lưu (phiên bản 7)');
	await expect(page.getByTestId('chart').nth(0)).toHaveAttribute('data-series', /\(cũ\)/);

	release();
	await chartsFrom(page, 'live');
	await expect(page.getByTestId('answers-source')).toHaveText('');
	// DuckDB's figures, not the other version's.
	await expect(page.getByTestId('chart').nth(0)).not.toHaveAttribute('data-series', /\(cũ\)/);
	// The record is now of the data's own version, with the next number.
	await expect
		.poll(() => keptRecord(page).then((r) => `${r.label} ${r.version !== 'local:another'}`))
		.toBe('8 true');
});

const seriesOf = (page: Page) =>
	page.getByTestId('chart').evaluateAll((els) => els.map((e) => e.getAttribute('data-series')));

test('a return to the indicator page viewed last draws it from kept answers before DuckDB opens, then DuckDB takes over in place', async ({
	page
}) => {
	// A phone's width, where the toolbar's lines wrap: the words about kept figures must not move the page.
	await page.setViewportSize({ width: 390, height: 844 });
	// Trend, ranking and heat map, with the town's line as the reference (the page's choices in its address).
	const address = '/indicators/petition_resolution_rate?ref=total';
	await page.goto(address);
	await chartsFrom(page, 'live', 3);
	await expect(page.locator('html')).toHaveAttribute('data-answers-kept', 'true');
	const live = await seriesOf(page);
	const table = await page.getByTestId('values-table').innerText();

	const release = await holdWasm(page);
	await page.reload();
	await chartsFrom(page, 'cached', 3);
	expect(await engineReady(page)).toBe(false);
	await expect(page.getByTestId('answers-source')).toHaveText('Đang hiện số liệu đã lưu (phiên bản 1)');
	await expect(page.getByTestId('answers-source')).toHaveAttribute('data-source', 'cached');
	expect(await seriesOf(page)).toEqual(live);
	expect(await page.getByTestId('values-table').innerText()).toBe(table);
	const before = await boxes(page);

	release();
	await chartsFrom(page, 'live', 3);
	await expect(page.getByTestId('answers-source')).toHaveText('');
	await expect(page.getByTestId('answers-source')).toHaveAttribute('data-source', 'live');
	expect(await engineReady(page)).toBe(true);
	// The same charts, their options replaced in place: nothing moved, the same figures.
	expect(await boxes(page)).toEqual(before);
	expect(await seriesOf(page)).toEqual(live);
});

test('only the indicator page viewed last, in the same grouping, is drawn before DuckDB opens', async ({
	page
}) => {
	await page.goto('/indicators/petition_resolution_rate');
	await chartsFrom(page, 'live', 3);
	await expect(page.locator('html')).toHaveAttribute('data-answers-kept', 'true');
	await page.goto('/indicators/petition_cases_received');
	await chartsFrom(page, 'live', 3);
	// The second page's answers replace the first's.
	await expect
		.poll(() => keptRecord(page).then((r) => r.pages.indicator?.code))
		.toBe('petition_cases_received');

	const release = await holdWasm(page);
	for (const other of [
		'/indicators/petition_resolution_rate',
		'/indicators/petition_cases_received?v=2025'
	]) {
		await page.goto(other);
		await expect(page.getByTestId('loading')).toBeVisible();
		await expect(page.getByTestId('chart')).toHaveCount(0);
	}
	await page.goto('/indicators/petition_cases_received?u=Phổ An');
	await chartsFrom(page, 'cached', 3);
	release();
	await chartsFrom(page, 'live', 3);
});
