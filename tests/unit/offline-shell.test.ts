/**
 * The service worker keeps one HTML page — the app shell — and opens every page from it offline
 * (src/service-worker.ts). That is only right, and only free of the office's data, while no page is
 * rendered on the server: these checks fail the day a page starts to be.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = path.join(process.cwd(), 'src/routes');
const routeFiles = readdirSync(ROUTES, { recursive: true, encoding: 'utf8' }).map((f) =>
	f.replaceAll('\\', '/')
);

describe('every page is the same shell', () => {
	it('the root layout turns server rendering off for every page', () => {
		const layout = readFileSync(path.join(ROUTES, '+layout.ts'), 'utf8');
		expect(layout).toMatch(/export const ssr = false;/);
		const overrides = routeFiles.filter((f) => /\+(page|layout)\.ts$/.test(f) && f !== '+layout.ts');
		for (const f of overrides) expect(readFileSync(path.join(ROUTES, f), 'utf8')).not.toMatch(/\bssr\b/);
	});

	it('no page loads data on the server (only the API under /api answers with data)', () => {
		expect(routeFiles.filter((f) => /\+(page|layout)\.server\.ts$/.test(f))).toEqual([]);
	});

	it('pages name the app files from the root, so one shell fits every depth', () => {
		expect(readFileSync(path.join(process.cwd(), 'svelte.config.js'), 'utf8')).toMatch(
			/paths:\s*\{\s*relative:\s*false\s*\}/
		);
	});
});
