/**
 * Request bodies: read with a byte limit (413), parsed as JSON (400), and checked by small hand-written
 * validators (400 naming the field). Hand-written because the bodies are few and small and a schema
 * library would be one more dependency in the server's trust path; each rule is one line below.
 */
import { ApiError, E } from './errors';

export async function readJson(request: Request, limit: number): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) throw E.badType();
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) throw E.tooLarge(limit);
	if (!request.body) throw E.badJson();
	const reader = request.body.getReader();
	const parts: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel().catch(() => undefined);
				throw E.tooLarge(limit);
			}
			parts.push(value);
		}
	} catch (e) {
		if (e instanceof ApiError) throw e;
		// adapter-node's own BODY_SIZE_LIMIT ends the stream with an error carrying status 413.
		if ((e as { status?: number })?.status === 413) throw E.tooLarge(limit);
		throw E.badJson();
	}
	const text = Buffer.concat(parts).toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		throw E.badJson();
	}
}

/** A check of one value at `path`; returns the value typed or throws 400. */
export type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, vi: string, en: string): never => {
	throw E.invalid(path, vi, en);
};

export const str =
	(opts: { max?: number; min?: number; pattern?: RegExp } = {}): Check<string> =>
	(v, path) => {
		if (typeof v !== 'string') return fail(path, 'cần một chuỗi ký tự.', 'must be a string.');
		// PostgreSQL's text cannot hold U+0000 (it would fail as a 500 there and pass on SQLite): refused alike.
		if (v.includes('\u0000'))
			return fail(path, 'chứa ký tự NUL (U+0000).', 'contains a NUL character (U+0000).');
		if (v.length < (opts.min ?? 0)) return fail(path, 'quá ngắn.', 'is too short.');
		if (v.length > (opts.max ?? 10_000)) return fail(path, 'quá dài.', 'is too long.');
		if (opts.pattern && !opts.pattern.test(v)) return fail(path, 'không đúng dạng.', 'has the wrong form.');
		return v;
	};

export const int =
	(opts: { min?: number; max?: number } = {}): Check<number> =>
	(v, path) => {
		if (typeof v !== 'number' || !Number.isInteger(v))
			return fail(path, 'cần một số nguyên.', 'must be an integer.');
		if (v < (opts.min ?? Number.MIN_SAFE_INTEGER) || v > (opts.max ?? Number.MAX_SAFE_INTEGER))
			return fail(path, 'ngoài khoảng cho phép.', 'is out of range.');
		return v;
	};

export const num: Check<number> = (v, path) =>
	typeof v === 'number' && Number.isFinite(v)
		? v
		: fail(path, 'cần một số hữu hạn.', 'must be a finite number.');

export const bool: Check<boolean> = (v, path) =>
	typeof v === 'boolean' ? v : fail(path, 'cần true hoặc false.', 'must be true or false.');

export const oneOf =
	<T extends string>(values: readonly T[]): Check<T> =>
	(v, path) =>
		typeof v === 'string' && (values as readonly string[]).includes(v)
			? (v as T)
			: fail(path, `phải là một trong: ${values.join(', ')}.`, `must be one of: ${values.join(', ')}.`);

export const arr =
	<T>(item: Check<T>, opts: { max?: number; min?: number } = {}): Check<T[]> =>
	(v, path) => {
		if (!Array.isArray(v)) return fail(path, 'cần một danh sách.', 'must be an array.');
		if (v.length < (opts.min ?? 0)) return fail(path, 'quá ít phần tử.', 'has too few items.');
		if (v.length > (opts.max ?? 1_000_000)) return fail(path, 'quá nhiều phần tử.', 'has too many items.');
		return v.map((x, i) => item(x, `${path}[${i}]`));
	};

/** Any JSON value (a deck's body), limited only by the body size. */
export const anyJson: Check<unknown> = (v) => v;

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape, O extends keyof S> = { [K in Exclude<keyof S, O>]: ReturnType<S[K]> } & {
	[K in O]?: ReturnType<S[K]>;
};

/** An object with exactly these fields (`optional` may be absent); unknown fields → 400. */
export const obj =
	<S extends Shape, O extends keyof S = never>(shape: S, optional: readonly O[] = []): Check<Out<S, O>> =>
	(v, path) => {
		if (typeof v !== 'object' || v === null || Array.isArray(v))
			return fail(path, 'cần một đối tượng JSON.', 'must be a JSON object.');
		const rec = v as Record<string, unknown>;
		for (const k of Object.keys(rec)) {
			if (!Object.hasOwn(shape, k)) fail(`${path}.${k}`, 'trường không được biết.', 'is not a known field.');
		}
		const out: Record<string, unknown> = {};
		for (const [k, check] of Object.entries(shape)) {
			if (rec[k] === undefined) {
				if ((optional as readonly string[]).includes(k)) continue;
				fail(`${path}.${k}`, 'thiếu trường bắt buộc.', 'is required.');
			}
			out[k] = check(rec[k], `${path}.${k}`);
		}
		return out as Out<S, O>;
	};

/** Reads and checks a JSON body in one step. */
export async function body<T>(request: Request, limit: number, check: Check<T>): Promise<T> {
	return check(await readJson(request, limit), 'body');
}
