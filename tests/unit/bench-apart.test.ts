/**
 * The benchmark harness lives in bench/ and is built only by `npm run bench` (bench/vite.config.ts):
 * nothing under src/ may bring it, or a hook made only for it, back into the app's build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]
	);
const sources = files('src').filter((f) => /\.(ts|js|svelte)$/.test(f));

/** Names only the harness has (its entry points, the page's global, the hooks it once had in src/). */
const HARNESS = [
	'chisoBench',
	'importThroughApp',
	'importBytes',
	'traceImport',
	'bareReadCsv',
	'addSyntheticUnits',
	'redrawTimes',
	'bench_forget'
];
const FORMER_HOOKS = ['commitWithoutSnapshot', 'forgetAnswers'];

describe('the benchmark harness stays out of the app', () => {
	it('has no route under src/routes', () => {
		const routes = files('src/routes').filter((f) => f.split(/[\\/]/).some((part) => /^bench/i.test(part)));
		expect(routes).toEqual([]);
	});

	it('is imported by no file under src/', () => {
		const importers = sources.filter((f) =>
			[...readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].some((m) =>
				/(^|[/$])bench([/.]|$)/.test(m[1])
			)
		);
		expect(importers).toEqual([]);
	});

	it('leaves none of its names, nor hooks made for it, in src/', () => {
		const found = sources.flatMap((f) => {
			const text = readFileSync(f, 'utf8');
			return [...HARNESS, ...FORMER_HOOKS].filter((name) => text.includes(name)).map((n) => `${f}: ${n}`);
		});
		expect(found).toEqual([]);
	});

	it('still has those names in bench/ (so that this list does not go stale)', () => {
		const bench = files('bench')
			.filter((f) => f.endsWith('.ts'))
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		expect(HARNESS.filter((name) => !bench.includes(name))).toEqual([]);
	});

	it('builds with every build-time constant the app declares (src/app.d.ts), as the app does', () => {
		const declared = [...readFileSync('src/app.d.ts', 'utf8').matchAll(/const (__\w+__)\s*:/g)].map(
			(m) => m[1]
		);
		expect(declared.length).toBeGreaterThan(0);
		const benchConfig = readFileSync('bench/vite.config.ts', 'utf8');
		expect(declared.filter((name) => !benchConfig.includes(name))).toEqual([]);
	});
});
