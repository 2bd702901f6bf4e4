/**
 * The server sends DuckDB's wasm brotli-compressed, as `application/wasm`, with a year-long immutable
 * cache, once its copy is written — and nothing but a wasm under /_app/immutable/assets/ this way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmBrotli } from '../../scripts/wasm-brotli.js';

const WASM = new Uint8Array(200_000).map((_, i) => (i * 7) % 13);
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'chiso-wasm-'));
	mkdirSync(join(dir, '_app/immutable/assets'), { recursive: true });
	writeFileSync(join(dir, '_app/immutable/assets/duckdb-eh.AbC123.wasm'), WASM);
	writeFileSync(join(dir, 'secret.wasm'), WASM);
	const wasm = wasmBrotli(dir);
	await wasm.ready;
	server = createServer((req, res) => {
		if (wasm(req, res)) return;
		res.statusCode = 404;
		res.end('app');
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const a = server.address();
	base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide the encoding). */
async function get(path: string, acceptEncoding = 'gzip, deflate, br') {
	const { request } = await import('node:http');
	return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
		const req = request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', fail);
		req.end();
	});
}

describe('the wasm, brotli-compressed', () => {
	it('is sent as application/wasm, br, cached for a year, and decompresses to the file', async () => {
		const r = await get('/_app/immutable/assets/duckdb-eh.AbC123.wasm');
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toBe('application/wasm');
		expect(r.headers['content-encoding']).toBe('br');
		expect(r.headers['cache-control']).toBe('public,max-age=31536000,immutable');
		expect(r.body.length).toBeLessThan(WASM.length / 4);
		expect(new Uint8Array(brotliDecompressSync(r.body))).toEqual(WASM);
	});

	it('is left to the app for a browser that does not take brotli', async () => {
		const r = await get('/_app/immutable/assets/duckdb-eh.AbC123.wasm', 'gzip');
		expect(r.body.toString()).toBe('app');
	});

	it('serves nothing outside the immutable assets', async () => {
		for (const path of [
			'/secret.wasm',
			'/_app/immutable/assets/../../secret.wasm',
			'/_app/immutable/assets/%2e%2e%2fsecret.wasm',
			'/_app/immutable/assets/duckdb-eh.AbC123.wasm.br',
			'/_app/immutable/assets/missing.wasm'
		])
			expect((await get(path)).body.toString(), path).toBe('app');
	});
});
