/**
 * The house rules of the source tree, checked on every run (DESIGN.md, "Layers"): no import cycle
 * between modules or between the folders of src/lib; only src/lib/db talks to DuckDB or holds SQL;
 * files small enough to read. The import arrows per folder are ESLint's `no-restricted-imports`
 * (eslint.config.js); this test covers what a per-file lint rule cannot see.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const LIB = path.join(ROOT, 'src/lib');
const SOURCE = /\.(ts|svelte)$/;

const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
	.filter((f) => SOURCE.test(f))
	.map((f) => path.join(ROOT, 'src', f));

const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.svelte', '.js', '/index.ts'];

/** The file an import names, for imports inside src ($lib/… and relative); null for packages. */
function resolve(spec: string, from: string): string | null {
	const bare = spec.split('?')[0];
	let base: string;
	if (bare === '$lib' || bare.startsWith('$lib/')) base = path.join(LIB, bare.slice(5));
	else if (bare.startsWith('.')) base = path.resolve(path.dirname(from), bare);
	else return null;
	for (const ext of EXTENSIONS) {
		const file = base + ext;
		if (existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

/** The product's import graph: tests (specs beside the code included) are left out. */
const imports = new Map(
	files
		.filter((file) => !file.endsWith('.spec.ts'))
		.map((file) => {
			const text = readFileSync(file, 'utf8');
			const targets = [...text.matchAll(IMPORT)]
				.map((m) => resolve(m[1], file))
				.filter((t): t is string => t !== null);
			return [file, [...new Set(targets)]] as const;
		})
);

/** One cycle of the graph, as a list of nodes, or null. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (node: string): string[] | null => {
		state.set(node, 'open');
		stack.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
			if (!state.has(next)) {
				const found = visit(next);
				if (found) return found;
			}
		}
		stack.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of graph.keys()) {
		const found = state.has(node) ? null : visit(node);
		if (found) return found;
	}
	return null;
}

const rel = (file: string) => path.relative(ROOT, file);
/** The folder of src/lib a file belongs to (`deck`, `model` …), or `routes`. */
const folderOf = (file: string) =>
	file.startsWith(LIB + path.sep) ? path.relative(LIB, file).split(path.sep)[0] : 'routes';

describe('the source tree', () => {
	it('has no import cycle between modules (type-only imports included)', () => {
		expect(findCycle(imports)?.map(rel) ?? null).toBeNull();
	});

	it('has no import cycle between the folders of src/lib', () => {
		const folders = new Map<string, Set<string>>();
		for (const [file, targets] of imports)
			for (const target of targets) {
				const [a, b] = [folderOf(file), folderOf(target)];
				if (a !== b) folders.set(a, (folders.get(a) ?? new Set()).add(b));
			}
		const graph = new Map([...folders].map(([k, v]) => [k, [...v]]));
		expect(findCycle(graph)).toBeNull();
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		const graph = new Map([
			['a', ['b']],
			['b', ['c']],
			['c', ['a']]
		]);
		expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle(new Map([['a', ['b']]]))).toBeNull();
	});

	it('keeps DuckDB, SQL and queries inside src/lib/db (and the server database inside src/lib/server)', () => {
		// src/lib/server holds the server's own database (SQLite or PostgreSQL through Kysely).
		const own = ['db', 'server'].map((d) => path.join(LIB, d) + path.sep);
		const outside = files.filter((f) => !own.some((dir) => f.startsWith(dir)));
		const offenders = outside.filter((file) => {
			const text = readFileSync(file, 'utf8');
			return (
				/@duckdb\/duckdb-wasm/.test(text) ||
				/\.query\s*[<(]/.test(text) ||
				/\b(SELECT|INSERT INTO|DELETE FROM|CREATE TABLE)\b\s+[\w*"(]/.test(
					// The SQL console's checker and the words that describe it speak of SQL, not run it.
					file.includes('sql-guard') || file.includes('/i18n/') ? '' : text
				)
			);
		});
		expect(offenders.map(rel)).toEqual([]);
	});

	it('keeps files short enough to read: sources ≤ 400 lines, routes ≤ 300', () => {
		const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;
		const long = files
			.filter((f) => !f.includes(`${path.sep}i18n${path.sep}`) && !/\.spec\.ts$/.test(f))
			.filter((f) => lines(f) > (f.includes(`${path.sep}routes${path.sep}`) ? 300 : 400))
			.map((f) => `${rel(f)}: ${lines(f)}`);
		expect(long).toEqual([]);
	});
});
