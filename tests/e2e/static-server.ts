/**
 * A small web server for the static build (build/, as adapter-static writes it: every unknown path
 * gets index.html), the way an office would put the app on any web server. The update test uses it
 * to publish "a new version" — the same files with a service worker of another version — and to see
 * which files the browser asks for.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.webmanifest': 'application/manifest+json'
};

export interface StaticServer {
	url: string;
	/** Every path asked for, in order. */
	requests: string[];
	/** Publish the same app as another version (its service worker names another version). */
	publishNextVersion(): string;
	close(): Promise<void>;
}

export async function staticServer(dir: string, port: number): Promise<StaticServer> {
	if (!existsSync(join(dir, 'service-worker.js')))
		throw new Error(`No static build with a service worker in ${dir}/`);
	const requests: string[] = [];
	const version = (JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8')) as { version: string })
		.version;
	let worker = readFileSync(join(dir, 'service-worker.js'), 'utf8');
	if (!worker.includes(version)) throw new Error('the service worker does not name its version');

	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		requests.push(path);
		const immutable = path.startsWith('/_app/immutable/');
		res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
		if (path === '/service-worker.js') {
			res.setHeader('content-type', TYPES['.js']);
			res.end(worker);
			return;
		}
		let file = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
		if (!existsSync(file) || !statSync(file).isFile()) {
			if (immutable || extname(path)) {
				res.statusCode = 404;
				res.end('Not found');
				return;
			}
			file = join(dir, 'index.html');
		}
		res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
		res.setHeader('content-length', statSync(file).size);
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => ok());
	});
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		publishNextVersion() {
			const next = String(Number(version) + 1);
			worker = worker.replaceAll(version, next);
			return next;
		},
		close: () => new Promise<void>((ok) => server.close(() => ok()))
	};
}
