/**
 * Answers kept in this browser (IndexedDB `chi-so-answers`) so that a page can draw at once on the
 * next visit, before DuckDB has opened. One record holds the answers of one data version: the
 * version they were computed on, the number the page shows (`phiên bản N`), the dictionary and unit
 * list they were drawn with, and each page's answers by key (`overview|`, `overview|successor`).
 *
 * The rules (pure, below): kept answers are only ever drawn as *kept* — the page says so — until
 * DuckDB has opened and the data's own version is known; answers of another version are then
 * dropped, never shown as current, and answers of a new version start a new record.
 */
import type { Indicator, Unit } from '$lib/model/types';

export const ANSWERS_DB = 'chi-so-answers';
export const ANSWERS_FORMAT = 1;

export interface KeptAnswers {
	kind: 'chi-so/answers';
	format: number;
	/** The data version the answers were computed on: `server:N` or `local:<fingerprint>`. */
	version: string;
	/** The number the page shows: the workspace version (server), this browser's count of versions (local). */
	label: number;
	savedAt: string;
	indicators: Indicator[];
	units: Unit[];
	/** A page's answers by key. */
	pages: Record<string, unknown>;
}

/** The data version of a server workspace, or of a local store with that fingerprint. */
export const serverVersion = (n: number) => `server:${n}`;
export const localVersion = (fingerprint: string) => `local:${fingerprint}`;

/** Kept answers fit to draw (as kept) in a build of this mode; anything else is ignored. */
export function drawable(kept: unknown, server: boolean): kept is KeptAnswers {
	if (!kept || typeof kept !== 'object') return false;
	const k = kept as Partial<KeptAnswers>;
	return (
		k.kind === 'chi-so/answers' &&
		k.format === ANSWERS_FORMAT &&
		typeof k.version === 'string' &&
		k.version.startsWith(server ? 'server:' : 'local:') &&
		typeof k.label === 'number' &&
		Array.isArray(k.indicators) &&
		Array.isArray(k.units) &&
		!!k.pages &&
		typeof k.pages === 'object'
	);
}

/** True only when the kept answers are of the data version DuckDB holds now. */
export function isCurrent(kept: KeptAnswers | null | undefined, version: string): boolean {
	return !!kept && kept.version === version;
}

/**
 * The number shown for `version`: the workspace version on a server; locally the kept number when the
 * data did not change, the next number when it did (1 for the first).
 */
export function labelFor(kept: KeptAnswers | null | undefined, version: string): number {
	const server = /^server:(\d+)$/.exec(version);
	if (server) return Number(server[1]);
	if (kept && kept.version === version) return kept.label;
	return (kept?.label ?? 0) + 1;
}

/**
 * The record after a page computed `answers` on `version` (with DuckDB): added to the kept record of
 * the same version, or a new record that forgets every answer of another version.
 */
export function withAnswers(
	kept: KeptAnswers | null | undefined,
	version: string,
	reference: { indicators: readonly Indicator[]; units: readonly Unit[] },
	key: string,
	answers: unknown,
	now = new Date()
): KeptAnswers {
	const same = isCurrent(kept, version);
	return {
		kind: 'chi-so/answers',
		format: ANSWERS_FORMAT,
		version,
		label: labelFor(kept, version),
		savedAt: now.toISOString(),
		indicators: [...reference.indicators],
		units: [...reference.units],
		pages: { ...(same ? kept!.pages : {}), [key]: answers }
	};
}

// IndexedDB: one object store, one record ('latest'). Every failure is quiet — kept answers only
// ever save time, and a browser without storage draws when DuckDB is ready, as before.
const STORE = 'answers';
const KEY = 'latest';

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(ANSWERS_DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await openDb();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = fn(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req.result);
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/** The kept record, if any (and fit for this build's mode). */
export async function readAnswers(server: boolean): Promise<KeptAnswers | null> {
	try {
		const kept = await withStore('readonly', (s) => s.get(KEY));
		return drawable(kept, server) ? kept : null;
	} catch {
		return null;
	}
}

export async function writeAnswers(record: KeptAnswers): Promise<void> {
	try {
		// $state proxies and Svelte's raw arrays are plain data: a structured clone of a JSON copy.
		await withStore('readwrite', (s) => s.put(JSON.parse(JSON.stringify(record)), KEY));
	} catch {
		// quota, private mode: nothing kept, nothing lost
	}
}

export async function clearAnswers(): Promise<void> {
	try {
		await withStore('readwrite', (s) => s.delete(KEY));
	} catch {
		// nothing to clear
	}
}
