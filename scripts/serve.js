#!/usr/bin/env node
/**
 * Runs the server build (build/handler.js from adapter-node) on PORT (3000) and HOST (0.0.0.0), with
 * the settings of src/lib/server/config.ts mapped onto adapter-node's: CHISO_BODY_LIMIT →
 * BODY_SIZE_LIMIT, CHISO_TRUST_PROXY=1 → PROTOCOL_HEADER/ADDRESS_HEADER (X-Forwarded-Proto/-For).
 * Every response carries nosniff, Referrer-Policy and the CSP, static files included; the files under
 * /_app/immutable/ are cached for a year (adapter-node) and DuckDB's wasm is sent brotli-compressed
 * (scripts/wasm-brotli.js).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cspHeader } from './csp.js';
import { wasmBrotli } from './wasm-brotli.js';

export async function serve({ dir = process.env.BUILD_DIR ?? 'build' } = {}) {
	const handlerFile = resolve(dir, 'handler.js');
	if (!existsSync(handlerFile)) {
		throw new Error(`No server build in ${dir}/ (handler.js missing). Run \`npm run build\` first.`);
	}
	delete process.env.CHISO_STATIC;
	const limit = process.env.CHISO_BODY_LIMIT ?? '200mb';
	const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(limit);
	if (!m) throw new Error('CHISO_BODY_LIMIT must be bytes, e.g. 200mb');
	const bytes = Math.floor(Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()]);
	// adapter-node's own limit sits just above ours, so that ours answers first with a JSON 413.
	process.env.BODY_SIZE_LIMIT ??= String(bytes + 1024 * 1024);
	// adapter-node takes every request without ORIGIN for https; tell it the truth instead: the
	// socket's protocol, or a trusted proxy's X-Forwarded-Proto (which then also gives the address).
	const trustProxy = process.env.CHISO_TRUST_PROXY === '1' || process.env.CHISO_TRUST_PROXY === 'true';
	if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = 'x-chiso-proto';
	if (trustProxy) {
		process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
		process.env.XFF_DEPTH ??= '1';
	}
	const { handler } = await import(pathToFileURL(handlerFile).href);
	const csp = cspHeader();
	// DuckDB's wasm, brotli-compressed with a year-long cache (the copy is written in the background).
	const wasm = wasmBrotli(resolve(dir, 'client'));
	const server = createServer((req, res) => {
		const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
			.split(',')[0]
			.trim();
		const socketProto = /** @type {import('node:tls').TLSSocket} */ (req.socket).encrypted ? 'https' : 'http';
		req.headers['x-chiso-proto'] =
			trustProxy && (forwarded === 'https' || forwarded === 'http') ? forwarded : socketProto;
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Referrer-Policy', 'same-origin');
		res.setHeader('Content-Security-Policy', csp);
		// A 304 updates the headers the browser keeps for the page: it must not swap a page's policy
		// (SvelteKit's, with the hash of its inline bootstrap) for this general one, which blocks it.
		const writeHead = res.writeHead.bind(res);
		res.writeHead = (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
			if (status === 304) res.removeHeader('Content-Security-Policy');
			return writeHead(status, ...rest);
		};
		if (wasm(req, res)) return;
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	const port = Number(process.env.PORT ?? 3000);
	const host = process.env.HOST ?? '0.0.0.0';
	await new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => ok(undefined));
	});
	console.log(`[chiso] Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
	const stop = () => {
		server.close(() => process.exit(0));
		server.closeAllConnections?.();
		setTimeout(() => process.exit(0), 5000).unref();
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	return server;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	serve().catch((e) => {
		console.error(`[chiso] ${e.message}`);
		process.exit(1);
	});
}
