import { describe, expect, it } from 'vitest';
import {
	engineFiles,
	isShell,
	precacheBuild,
	precacheStatic,
	stale,
	strategyFor,
	type RequestFacts
} from './plan';

const ORIGIN = 'https://chiso.example';
const STATIC = new Set(['/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png']);
const req = (path: string, over: Partial<RequestFacts> = {}): RequestFacts => ({
	url: new URL(path, ORIGIN),
	method: 'GET',
	mode: 'cors',
	ranged: false,
	...over
});
const of = (path: string, over: Partial<RequestFacts> = {}) => strategyFor(req(path, over), ORIGIN, STATIC);

describe('strategyFor', () => {
	it('never answers the office API from a cache, pages included', () => {
		expect(of('/api/workspace?format=csv')).toBe('network');
		expect(of('/api/events')).toBe('network');
		expect(of('/api')).toBe('network');
		expect(of('/api/health', { mode: 'navigate' })).toBe('network');
		expect(of('/api/imports', { method: 'POST' })).toBe('network');
	});

	it('answers pages with the shell, other origins and writes from the network', () => {
		expect(of('/', { mode: 'navigate' })).toBe('page');
		expect(of('/indicators/petition_resolution_rate?u=1', { mode: 'navigate' })).toBe('page');
		expect(of('/present?deck=q4&s=2', { mode: 'navigate' })).toBe('page');
		// Another origin (here another port of the same machine) is left to the network, never cached.
		expect(strategyFor(req('http://127.0.0.1:9/x.js'), ORIGIN, STATIC)).toBe('network');
		expect(of('/login', { method: 'POST', mode: 'navigate' })).toBe('network');
	});

	it('keeps hashed files and static files, but not parts of a file or unknown paths', () => {
		expect(of('/_app/immutable/assets/duckdb-eh.AbC123.wasm')).toBe('immutable');
		expect(of('/_app/immutable/chunks/app.js')).toBe('immutable');
		expect(of('/_app/immutable/assets/duckdb-eh.AbC123.wasm', { ranged: true })).toBe('network');
		expect(of('/icons/icon-192.png')).toBe('static');
		expect(of('/manifest.webmanifest')).toBe('static');
		expect(of('/_app/version.json')).toBe('network');
		expect(of('/robots.txt')).toBe('network');
	});
});

describe('what is fetched ahead', () => {
	const build = [
		'/_app/immutable/entry/start.js',
		'/_app/immutable/assets/0.css',
		'/_app/immutable/assets/be-vietnam-pro-400.Q1.woff2',
		'/_app/immutable/assets/be-vietnam-pro-400.Q2.woff',
		'/_app/immutable/assets/observations.B1.csv',
		'/_app/immutable/assets/duckdb-eh.X9.wasm',
		'/_app/immutable/assets/duckdb-browser-eh.worker.Q.js'
	];

	it('fetches the app at install but leaves the engine (and old font copies) for their first use', () => {
		expect(precacheBuild(build)).toEqual([
			'/_app/immutable/entry/start.js',
			'/_app/immutable/assets/0.css',
			'/_app/immutable/assets/be-vietnam-pro-400.Q1.woff2',
			'/_app/immutable/assets/observations.B1.csv',
			'/_app/immutable/assets/duckdb-browser-eh.worker.Q.js'
		]);
		expect(engineFiles(build)).toEqual(['/_app/immutable/assets/duckdb-eh.X9.wasm']);
	});

	it('keeps the icons and the manifest of static/, not other files', () => {
		expect(
			precacheStatic(['/favicon.svg', '/manifest.webmanifest', '/icons/icon-512.png', '/robots.txt'])
		).toEqual(['/favicon.svg', '/manifest.webmanifest', '/icons/icon-512.png']);
	});

	it('drops on update only the files the new version does not have', () => {
		expect(stale(['/_app/immutable/a.js', '/_app/immutable/e.wasm'], ['/_app/immutable/e.wasm'])).toEqual([
			'/_app/immutable/a.js'
		]);
	});
});

describe('isShell', () => {
	const res = (status: number, type: string, contentType: string) => ({
		ok: status >= 200 && status < 300,
		status,
		type,
		headers: new Headers({ 'content-type': contentType })
	});
	it('takes a whole HTML page of this origin only', () => {
		expect(isShell(res(200, 'basic', 'text/html; charset=utf-8'))).toBe(true);
		expect(isShell(res(404, 'basic', 'text/html'))).toBe(false);
		expect(isShell(res(206, 'basic', 'text/html'))).toBe(false);
		expect(isShell(res(200, 'opaqueredirect', 'text/html'))).toBe(false);
		expect(isShell(res(200, 'basic', 'application/json'))).toBe(false);
	});
});
