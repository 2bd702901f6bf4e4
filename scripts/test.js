#!/usr/bin/env node
/**
 * `npm test`: everything, in order — type check and lint, unit tests (Vitest, Node), the production
 * build, then browser tests (Playwright driving Debian's Chromium against the built app). Stops at the
 * first failing stage and ends with one line "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';

const stages = [
	['type check', 'npx', ['svelte-kit', 'sync']],
	[
		'type check',
		'npx',
		['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']
	],
	['lint', 'npx', ['eslint', '.']],
	['format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
	['unit tests', 'npx', ['vitest', 'run']],
	['build', 'npx', ['vite', 'build', '--logLevel', 'warn'], { PRECOMPRESS: 'false' }],
	['browser tests', 'npx', ['playwright', 'test']]
];

let passed = 0;
let failed = 0;
for (const [name, cmd, args, env = {}] of stages) {
	console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
	const run = spawnSync(cmd, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 1 << 28
	});
	const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
	process.stdout.write(out);
	// Vitest: "Tests  12 passed | 1 failed (13)"; Playwright: "  12 passed (30s)" / "  1 failed".
	// eslint-disable-next-line no-control-regex -- strip ANSI colours
	const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
	if (name === 'unit tests' || name === 'browser tests') {
		const line = name === 'unit tests' ? (plain.match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '') : plain;
		passed += Number(line.match(/(\d+) passed/)?.[1] ?? 0);
		failed += Number(line.match(/(\d+) failed/)?.[1] ?? 0);
	}
	if (run.status !== 0) {
		if (failed === 0) failed = 1;
		console.log(`\n✗ ${name} failed (exit ${run.status ?? run.signal})`);
		console.log(`${passed} passed, ${failed} failed`);
		process.exit(1);
	}
}
console.log(`\n${passed} passed, ${failed} failed`);
