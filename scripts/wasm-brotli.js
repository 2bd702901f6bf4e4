/**
 * DuckDB's wasm (34 MB, 7.4 MB gzip, 6.2 MB brotli) sent brotli-compressed by the server, at its
 * content-hashed URL with a year-long immutable cache, so that a browser downloads it once and keeps
 * its compiled code. A server build made without PRECOMPRESS=true has no `.br` copies (brotli's best
 * level takes over a minute on this file): the server writes one when it starts, in the background at
 * a quick level (≈ 5 s), and sends the plain file until then. Only files named like
 * `/_app/immutable/assets/<name>.wasm` are served here; everything else goes on to the app.
 */
import {
	createReadStream,
	existsSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';

const compress = promisify(brotliCompress);
const ASSETS = '_app/immutable/assets';
const WASM_PATH = /^\/_app\/immutable\/assets\/([A-Za-z0-9_.-]+\.wasm)$/;

/**
 * Writes a `.br` beside every wasm of `clientDir` that has none; resolves when they are written.
 * @param {string} clientDir
 */
export async function writeBrotliCopies(clientDir) {
	const dir = join(clientDir, ASSETS);
	if (!existsSync(dir)) return;
	for (const name of readdirSync(dir).filter((n) => n.endsWith('.wasm'))) {
		const file = join(dir, name);
		if (existsSync(`${file}.br`)) continue;
		const bytes = readFileSync(file);
		const br = await compress(bytes, {
			params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length }
		});
		// Written whole, then renamed: a request never sees half a file.
		writeFileSync(`${file}.br.tmp`, br);
		renameSync(`${file}.br.tmp`, `${file}.br`);
	}
}

/**
 * A request handler for the wasm files of `clientDir`: true when it answered (a GET or HEAD of a
 * wasm, from a browser that takes brotli, once the copy is written), false to let the app answer.
 * @param {string} clientDir
 */
export function wasmBrotli(clientDir) {
	const ready = writeBrotliCopies(clientDir).catch((e) =>
		console.warn(`[chiso] no brotli copy of the wasm: ${e.message}`)
	);
	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 */
	const handle = (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return false;
		const pathname = (req.url ?? '').split('?')[0];
		const m = WASM_PATH.exec(pathname);
		if (!m || m[1].startsWith('.')) return false;
		if (!/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) return false;
		const file = join(clientDir, ASSETS, `${m[1]}.br`);
		if (!existsSync(file)) return false;
		res.statusCode = 200;
		res.setHeader('Content-Type', 'application/wasm');
		res.setHeader('Content-Encoding', 'br');
		res.setHeader('Content-Length', statSync(file).size);
		res.setHeader('Vary', 'Accept-Encoding');
		res.setHeader('Cache-Control', 'public,max-age=31536000,immutable');
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
		return true;
	};
	return Object.assign(handle, { ready });
}
