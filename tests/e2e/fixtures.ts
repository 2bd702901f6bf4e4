/**
 * A page that records every request (the page's and its workers') and every console error, so each
 * test can assert that nothing left the page's origin and nothing went wrong.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Watch {
	/** Requests to anywhere but the page's origin (they are also blocked). */
	foreign: string[];
	consoleErrors: string[];
}

export const test = base.extend<{ watch: Watch }>({
	watch: [
		async ({ context, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const watch: Watch = { foreign: [], consoleErrors: [] };
			const isLocal = (url: string) =>
				url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:');
			context.on('request', (req) => {
				if (!isLocal(req.url())) watch.foreign.push(req.url());
			});
			await context.route(
				(url) => !isLocal(url.href),
				(route) => {
					watch.foreign.push(route.request().url());
					return route.abort();
				}
			);
			context.on('page', (p) => attachConsole(p, watch));
			for (const p of context.pages()) attachConsole(p, watch);
			await use(watch);
			expect(watch.foreign, 'requests that left the page origin').toEqual([]);
			expect(watch.consoleErrors, 'console errors').toEqual([]);
		},
		{ auto: true }
	]
});

function attachConsole(page: Page, watch: Watch) {
	page.on('console', (msg) => {
		if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
	});
	page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
	page.on('worker', (worker) => {
		worker.on('console', (msg) => {
			if (msg.type() === 'error') watch.consoleErrors.push(`[worker] ${msg.text()}`);
		});
	});
}

/** Wait until every chart on the page has drawn. */
export async function chartsReady(page: Page, count: number) {
	const charts = page.getByTestId('chart');
	await expect(charts).toHaveCount(count);
	for (let i = 0; i < count; i++) await expect(charts.nth(i)).toHaveAttribute('data-state', 'ready');
}

export { expect };
