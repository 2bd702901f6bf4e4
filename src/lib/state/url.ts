/**
 * View state ⇄ URL (after Evidence's filter system): the URL holds only what the person chose. A page
 * describes its state by its defaults; `parse` reads the search params over them and `write` gives
 * back the params that differ from them, so applying a default never writes the URL.
 *
 * The shape of each key follows its default: text, a whole number, a yes/no (`1`/`0`) or a list
 * (repeated key: `?u=Phổ An&u=Phổ Ninh`; an explicit empty list is `?u=`). No SvelteKit here: the page
 * passes URL access in (`UrlAccess`), so this module is plain TypeScript and tested as such.
 */

export type UrlValue = string | number | boolean | readonly string[];
export type UrlShape = Record<string, UrlValue>;

/** Allowed values of text keys (anything else falls back to the default). */
export type UrlRules<T extends UrlShape> = Partial<Record<keyof T, readonly string[]>>;

const TRUE = new Set(['1', 'true', 'yes', 'on', 'co', 'có']);
const FALSE = new Set(['0', 'false', 'no', 'off', 'khong', 'không']);

function parseOne(values: string[], fallback: UrlValue, allowed?: readonly string[]): UrlValue {
	if (Array.isArray(fallback)) {
		const list = values.map((v) => v.normalize('NFC').trim()).filter((v) => v !== '');
		const kept = allowed ? list.filter((v) => allowed.includes(v)) : list;
		return [...new Set(kept)];
	}
	const raw = (values[values.length - 1] ?? '').trim();
	if (typeof fallback === 'number') {
		if (!/^-?\d+$/.test(raw)) return fallback;
		const n = Number(raw);
		return Number.isSafeInteger(n) ? n : fallback;
	}
	if (typeof fallback === 'boolean') {
		const key = raw.toLowerCase();
		return TRUE.has(key) ? true : FALSE.has(key) ? false : fallback;
	}
	const text = raw.normalize('NFC');
	if (allowed && !allowed.includes(text)) return fallback;
	return text;
}

/** The state the URL describes: every key of `defaults`, from the URL where it is there and valid. */
export function parse<T extends UrlShape>(search: URLSearchParams, defaults: T, rules: UrlRules<T> = {}): T {
	const out: Record<string, UrlValue> = {};
	for (const key of Object.keys(defaults)) {
		const fallback = defaults[key];
		out[key] = search.has(key) ? parseOne(search.getAll(key), fallback, rules[key]) : fallback;
	}
	return out as T;
}

function sameValue(a: UrlValue, b: UrlValue): boolean {
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
	return a === b;
}

/** Search params for `state`, in the order of `defaults`' keys, leaving out every key at its default. */
export function write<T extends UrlShape>(state: T, defaults: T): URLSearchParams {
	const params = new URLSearchParams();
	for (const key of Object.keys(defaults)) {
		const value = state[key];
		if (value === undefined || sameValue(value, defaults[key])) continue;
		if (Array.isArray(value)) {
			if (value.length === 0) params.append(key, '');
			for (const v of value) params.append(key, v);
		} else if (typeof value === 'boolean') params.set(key, value ? '1' : '0');
		else params.set(key, String(value));
	}
	return params;
}

/** `pathname?query`, or the bare pathname when there is nothing to say. */
export function href(pathname: string, params: URLSearchParams): string {
	const query = params.toString();
	return query ? `${pathname}?${query}` : pathname;
}

/**
 * How the page reaches its URL. `push` adds a history entry (a deliberate choice: back undoes it);
 * `replace` does not (typing in a search box).
 */
export interface UrlAccess {
	search(): URLSearchParams;
	pathname(): string;
	navigate(to: string, mode: 'push' | 'replace'): void;
}

export interface UrlState<T extends UrlShape> {
	/** The current state (read it inside a reactive context to follow the URL). */
	get(): T;
	/** Change some keys: the URL gets the result, defaults left out. */
	set(patch: Partial<T>, mode?: 'push' | 'replace'): void;
	/** The link to the same page with `patch` applied (for `<a href>`). */
	link(patch: Partial<T>, pathname?: string): string;
}

export function urlState<T extends UrlShape>(
	access: UrlAccess,
	defaults: T,
	rules: UrlRules<T> = {}
): UrlState<T> {
	const get = () => parse(access.search(), defaults, rules);
	const link = (patch: Partial<T>, pathname = access.pathname()) =>
		href(pathname, write({ ...get(), ...patch }, defaults));
	return {
		get,
		link,
		set(patch, mode = 'push') {
			const to = link(patch);
			const now = href(access.pathname(), access.search());
			if (to !== now) access.navigate(to, mode);
		}
	};
}
