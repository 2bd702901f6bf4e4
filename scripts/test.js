#!/usr/bin/env node
/**
 * `npm test`: everything, in order — type check and lint, unit tests (Vitest, Node), the server build
 * and its tests (Vitest over HTTP and the store, on SQLite and on a real PostgreSQL; Playwright on the
 * login page), then the static build and its browser tests (Playwright driving Debian's Chromium
 * against the local-mode app). Stops at the first failing stage and ends with one line
 * "N passed, N failed". `--only=server` runs the server stages alone.
 *
 * PostgreSQL: CHISO_TEST_DATABASE_URL when set (a database the tests may create databases on), else a
 * throwaway cluster started here from Debian's postgresql (initdb + pg_ctl, 127.0.0.1, a free port)
 * and stopped at the end. Without either the server stage fails with a clear message.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freePort, startCluster } from './pg-throwaway.js';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const SERVER_BUILD = 'build-server-test';

/** @type {{ stop(): void } | null} */
let cluster = null;
const stopCluster = () => {
	try {
		cluster?.stop();
	} catch (e) {
		console.error(`could not stop the test PostgreSQL: ${e.message}`);
	}
	cluster = null;
};
process.on('exit', stopCluster);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

/** A stage is [name, cmd, args, env?, counts?] or a function (setup) returning env to add. */
const all = [
	['type check', 'npx', ['svelte-kit', 'sync']],
	[
		'type check',
		'npx',
		['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']
	],
	['lint', 'npx', ['eslint', '.']],
	['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
	['unit tests', 'npx', ['vitest', 'run', '--exclude', 'tests/server/**'], {}, 'vitest'],
	[
		'server build',
		'npx',
		['vite', 'build', '--logLevel', 'warn'],
		{ PRECOMPRESS: 'false', BUILD_DIR: SERVER_BUILD, CHISO_STATIC: '' }
	],
	'postgres',
	[
		'server tests',
		'npx',
		['vitest', 'run', 'tests/server'],
		{ CHISO_TEST_REQUIRE_PG: '1', CHISO_TEST_SERVER_BUILD: SERVER_BUILD },
		'vitest'
	],
	[
		'server browser tests',
		'npx',
		['playwright', 'test', '-c', 'playwright.server.config.ts'],
		{ CHISO_TEST_SERVER_BUILD: SERVER_BUILD, CHISO_STATIC: '', E2E_SERVER_PORT: String(await freePort()) },
		'playwright'
	],
	'stop postgres',
	['build', 'npx', ['vite', 'build', '--logLevel', 'warn'], { PRECOMPRESS: 'false', CHISO_STATIC: '1' }],
	['browser tests', 'npx', ['playwright', 'test'], { CHISO_STATIC: '1' }, 'playwright']
];
const SERVER_STAGES = new Set([
	'server build',
	'postgres',
	'server tests',
	'server browser tests',
	'stop postgres'
]);
const stages =
	only === 'server' ? all.filter((s) => SERVER_STAGES.has(typeof s === 'string' ? s : s[0])) : all;

let passed = 0;
let failed = 0;
/** @type {Record<string, string>} */
const shared = {};
const fail = (name, why) => {
	if (failed === 0) failed = 1;
	console.log(`\n✗ ${name} failed (${why})`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(1);
};

for (const stage of stages) {
	if (stage === 'postgres') {
		if (process.env.CHISO_TEST_DATABASE_URL) {
			console.log('\n▶ PostgreSQL: CHISO_TEST_DATABASE_URL');
			shared.CHISO_TEST_DATABASE_URL = process.env.CHISO_TEST_DATABASE_URL;
			continue;
		}
		console.log('\n▶ PostgreSQL: starting a throwaway cluster');
		try {
			cluster = await startCluster();
		} catch (e) {
			fail('PostgreSQL', e.message);
		}
		console.log(`  ${cluster.url}`);
		shared.CHISO_TEST_DATABASE_URL = cluster.url;
		continue;
	}
	if (stage === 'stop postgres') {
		stopCluster();
		rmSync(SERVER_BUILD, { recursive: true, force: true });
		continue;
	}
	const [name, cmd, args, env = {}, counts] = stage;
	console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
	const run = spawnSync(cmd, args, {
		env: { ...process.env, ...shared, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
	process.stdout.write(out);
	// Vitest: "Tests  12 passed | 1 failed (13)"; Playwright: "  12 passed (30s)" / "  1 failed".
	// eslint-disable-next-line no-control-regex -- strip ANSI colours
	const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
	if (counts) {
		const line = counts === 'vitest' ? (plain.match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '') : plain;
		const p = Number(line.match(/(\d+) passed/)?.[1] ?? 0);
		const f = Number(line.match(/(\d+) failed/)?.[1] ?? 0);
		console.log(`  ${name}: ${p} passed, ${f} failed`);
		passed += p;
		failed += f;
	}
	if (run.status !== 0) fail(name, `exit ${run.status ?? run.signal}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
