/**
 * The browser's copy is kept (static mode): persistent storage asked at the first save, an old copy
 * migrated with every figure, an unreadable copy set aside and offered for download, two tabs saving
 * without losing either save, and the workspace file carried to a fresh browser.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const OLD_COPY = JSON.parse(readFileSync('tests/fixtures/keep/copy-schema-1.json', 'utf8')) as {
	version: number;
	tables: Record<string, string>;
};
const OLD_ROWS = OLD_COPY.tables.observations.trim().split('\n').length - 1;

/** Put a value under a key of the app's IndexedDB, in the page (CSV text given as `tables` becomes bytes). */
async function putCopy(page: Page, key: string, value: unknown) {
	await page.evaluate(
		async ({ key, value }) => {
			const enc = new TextEncoder();
			const v = value as { tables?: Record<string, string>; snapshot?: { tables?: Record<string, string> } };
			const bytes = (t: Record<string, string>) =>
				Object.fromEntries(Object.entries(t).map(([k, s]) => [k, enc.encode(s)]));
			if (v.tables) v.tables = bytes(v.tables) as never;
			if (v.snapshot?.tables) v.snapshot.tables = bytes(v.snapshot.tables) as never;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('chi-so', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('snapshots');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('snapshots', 'readwrite');
				tx.objectStore('snapshots').put(v, key);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ key, value }
	);
}

/** Every key of the app's IndexedDB store. */
function keys(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const req = indexedDB.open('chi-so', 1);
				req.onsuccess = () => {
					const all = req.result.transaction('snapshots').objectStore('snapshots').getAllKeys();
					all.onsuccess = () => resolve((all.result as string[]).map(String));
					all.onerror = () => reject(all.error);
				};
				req.onerror = () => reject(req.error);
			})
	);
}

/** One cell of a query in the data page's SQL console. */
async function sqlValue(page: Page, query: string): Promise<string> {
	await page.goto(`/data?sql=${encodeURIComponent(query)}`);
	await expect(page.getByTestId('sql-summary')).toBeVisible();
	const cell = page.getByTestId('sql-result').locator('tbody tr').first().locator('th, td').first();
	return (await cell.innerText()).trim();
}

const valueOf = (page: Page, unit: string, indicator = 'petitions_received', period = '2024') =>
	sqlValue(
		page,
		`SELECT coalesce(max(value), -1)::BIGINT::VARCHAR FROM observations WHERE unit = '${unit}' AND indicator = '${indicator}' AND period = '${period}'`
	);

function csvOf(unit: string, value: number) {
	return Buffer.from(`unit,period,indicator,value\n${unit},2024,petitions_received,${value}\n`);
}

/** Check one small file on the import page; returns once its diff is shown. */
async function check(page: Page, name: string, unit: string, value: number) {
	await page.goto('/import');
	await page
		.getByTestId('file-input')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: csvOf(unit, value) });
	await expect(page.getByTestId('import-diff')).toBeVisible();
}

async function save(page: Page) {
	await page.getByTestId('import-commit').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
}

test('the first save asks the browser to keep the data, and the storage line shows its answer', async ({
	page
}) => {
	await page.addInitScript(() => {
		const w = window as unknown as { persistAsked: number };
		w.persistAsked = 0;
		const persist = navigator.storage.persist.bind(navigator.storage);
		navigator.storage.persist = () => {
			w.persistAsked++;
			return persist();
		};
	});
	await page.goto('/data');
	const line = page.getByTestId('storage-line');
	await expect(line).toContainText('Lưu trữ trên máy này');
	expect(await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked)).toBe(0);

	await check(page, 'bao-cao.csv', 'Phổ An', 111);
	await save(page);
	await page.getByRole('link', { name: 'Dữ liệu' }).first().click();
	await expect(line).toHaveAttribute('data-persistent', /^(yes|no)$/);
	const granted = (await line.getAttribute('data-persistent')) === 'yes';
	await expect(line).toContainText(granted ? 'được giữ lâu dài' : 'trình duyệt có thể xoá khi thiếu chỗ');
	await expect(line).toContainText(/\d+(,\d)? (B|kB|MB) \/ \d+(,\d)? (MB|GB|TB)/);
	const asked = await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked);
	// Asked once, at the first save (a fresh browser has not granted it before).
	expect(asked).toBe(1);
	expect(await page.evaluate(() => navigator.storage.persisted())).toBe(granted);
});

test('a copy kept by an older version opens with every figure (schema 1, snapshot version 1)', async ({
	page
}) => {
	await page.goto('/data');
	await expect(page.getByTestId('row-count')).toContainText(/\d/);
	await putCopy(page, 'current', OLD_COPY);
	await page.reload();
	expect(await sqlValue(page, 'SELECT count(*)::VARCHAR FROM observations')).toBe(String(OLD_ROWS));
	expect(await valueOf(page, 'Phổ An')).toBe('4321');
	// Every figure: the sum of all values is the copy's, to the unit.
	const sum = OLD_COPY.tables.observations
		.trim()
		.split('\n')
		.slice(1)
		.map((line) => Number(line.split(',')[3]))
		.reduce((a, b) => a + b, 0);
	expect(await sqlValue(page, 'SELECT round(sum(value))::BIGINT::VARCHAR FROM observations')).toBe(
		String(Math.round(sum))
	);
	// The dictionary's one note of version 1 serves both languages.
	expect(
		await sqlValue(
			page,
			"SELECT notes_vi = notes_en AND notes_vi <> '' FROM indicators WHERE code = 'population'"
		)
	).toBe('true');
	expect(await sqlValue(page, "SELECT count(*)::VARCHAR FROM imports WHERE file = 'bao-cao-cu.csv'")).toBe(
		'1'
	);
	await expect(page.getByTestId('copy-aside')).toHaveCount(0);
});

test('an unreadable copy is set aside, never overwritten, and can be downloaded', async ({ page }) => {
	await page.goto('/data');
	const sampleRows = await sqlValue(page, 'SELECT count(*)::VARCHAR FROM observations');
	const broken = {
		schema: 2,
		version: 5,
		savedAt: '2026-11-30T03:00:00.000Z',
		snapshot: {
			version: 2,
			tables: Object.fromEntries(
				['indicators', 'units', 'imports', 'observations', 'replaced'].map((t) => [
					t,
					`hỏng,${t}\nsố liệu của cơ quan\n`
				])
			)
		}
	};
	await putCopy(page, 'current', broken);
	// Told on whichever page opens first.
	await page.goto('/');
	const aside = page.getByTestId('copy-aside');
	await expect(aside).toBeVisible();
	await expect(aside).toContainText('không mở được');
	// The sample data opened instead.
	expect(await sqlValue(page, 'SELECT count(*)::VARCHAR FROM observations')).toBe(sampleRows);
	await expect(aside).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('download-aside').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^chi-so-ban-sao-aside-.*\.json$/);
	const kept = JSON.parse(readFileSync(await download.path(), 'utf8'));
	expect(kept.version).toBe(5);
	expect(kept.snapshot.tables.observations).toBe('hỏng,observations\nsố liệu của cơ quan\n');

	// A save after that writes the new copy; the one set aside stays as it was.
	await check(page, 'bao-cao.csv', 'Phổ An', 222);
	await save(page);
	const after = await keys(page);
	expect(after).toContain('current');
	expect(after.filter((k) => k.startsWith('aside-'))).toHaveLength(1);
	await page.reload();
	expect(await valueOf(page, 'Phổ An')).toBe('222');
	await expect(page.getByTestId('copy-aside')).toBeVisible();

	// A copy that turns unreadable while the page is open (another writer) is set aside at the next save.
	await page.goto('/import');
	await expect(page.getByTestId('file-input')).toBeAttached();
	await putCopy(page, 'current', { schema: 99, from: 'a newer app' });
	await page
		.getByTestId('file-input')
		.setInputFiles({ name: 'lan-hai.csv', mimeType: 'text/csv', buffer: csvOf('Phổ An', 333) });
	await expect(page.getByTestId('import-diff')).toBeVisible();
	await save(page);
	expect((await keys(page)).filter((k) => k.startsWith('aside-'))).toHaveLength(2);
	await page.reload();
	expect(await valueOf(page, 'Phổ An')).toBe('333');
	await expect(page.getByTestId('copy-aside')).toHaveCount(2);
});

test('two tabs saving: the second sees the first, a save on a stale copy is shown again, nothing is lost', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	const other = await context.newPage();
	await check(other, 'phu-thanh.csv', 'Phổ Thạnh', 333);
	// The first tab saves while the second still shows its diff on the older copy.
	await check(page, 'pho-an.csv', 'Phổ An', 111);
	await save(page);
	// The second tab follows: it loads the first tab's copy, with a quiet notice.
	await expect(other.getByTestId('data-notice')).toBeVisible();
	await other.getByTestId('import-commit').click();
	await expect(other.getByTestId('save-conflict')).toBeVisible();
	await expect(other.getByTestId('import-diff')).toBeVisible();
	await save(other);
	expect(await valueOf(other, 'Phổ An')).toBe('111');
	expect(await valueOf(other, 'Phổ Thạnh')).toBe('333');
	// The first tab follows the second's save too, and a fresh page opens both.
	expect(await valueOf(page, 'Phổ Thạnh')).toBe('333');
	const fresh = await context.newPage();
	expect(await valueOf(fresh, 'Phổ An')).toBe('111');
	expect(await valueOf(fresh, 'Phổ Thạnh')).toBe('333');
	expect(await sqlValue(fresh, 'SELECT count(*)::VARCHAR FROM imports')).toBe(
		await sqlValue(page, 'SELECT count(*)::VARCHAR FROM imports')
	);
});

test('the workspace file: download, open in a fresh browser, the same data', async ({ page, browser }) => {
	test.setTimeout(240_000);
	await check(page, 'bao-cao-quy.csv', 'Phổ Minh', 444);
	await save(page);
	const rows = await sqlValue(page, 'SELECT count(*)::VARCHAR FROM observations');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('download-workspace').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^chi-so-toan-bo-\d{4}-\d{2}-\d{2}\.json$/);
	const text = readFileSync(await download.path(), 'utf8');
	const file = JSON.parse(text);
	expect(file.format).toBe('chi-so-workspace');
	expect(file.version).toBe(1);
	expect(file.observations.rows).toHaveLength(Number(rows));

	const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'vi-VN' });
	const elsewhere = await fresh.newPage();
	try {
		await elsewhere.goto('/data');
		expect(await valueOf(elsewhere, 'Phổ Minh')).not.toBe('444');
		// A broken file is refused and changes nothing.
		await elsewhere.getByTestId('open-workspace').setInputFiles({
			name: 'hong.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format":"chi-so-workspace","version":1}')
		});
		await expect(elsewhere.getByTestId('workspace-message')).toContainText('Không mở được tệp “hong.json”');
		elsewhere.once('dialog', (d) => d.accept());
		await elsewhere.getByTestId('open-workspace').setInputFiles({
			name: download.suggestedFilename(),
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
		await expect(elsewhere.getByTestId('workspace-message')).toContainText('Đã mở tệp');
		expect(await valueOf(elsewhere, 'Phổ Minh')).toBe('444');
		expect(await sqlValue(elsewhere, 'SELECT count(*)::VARCHAR FROM observations')).toBe(rows);
		// Kept in that browser too, with the import history (the import can still be undone).
		await elsewhere.reload();
		expect(await valueOf(elsewhere, 'Phổ Minh')).toBe('444');
		await elsewhere.goto('/import');
		await expect(elsewhere.getByTestId('import-history')).toContainText('bao-cao-quy.csv');
	} finally {
		await fresh.close();
	}
});
