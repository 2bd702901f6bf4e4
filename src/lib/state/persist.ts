/**
 * Keeps the store's snapshot in IndexedDB, so committed data survives a reload and a browser restart.
 * (IndexedDB over an OPFS database file: it works in every browser the app supports.) Every copy carries
 * its schema (copy-schema.ts) and is brought up to date when read; one that cannot be read is moved to
 * a key of its own (`aside-<time>`) and never overwritten, so that the person can download it. At the
 * first save the browser is asked to keep the data even under storage pressure.
 */
import type { Snapshot } from '$lib/db';
import { makeCopy, readCopy, type Copy } from './copy-schema';

const DB_NAME = 'chi-so';
const STORE = 'snapshots';
const KEY = 'current';
const KEPT = 'server';
const ASIDE = 'aside-';

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function withStore<T>(
	mode: IDBTransactionMode,
	fn: (s: IDBObjectStore) => IDBRequest<T> | void
): Promise<T> {
	const db = await openDb();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = fn(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req ? req.result : (undefined as T));
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

/** A stored copy: read and migrated, or set aside (its key) because it could not be read. */
export type Loaded = { copy: Copy } | { aside: AsideCopy } | undefined;

/** A copy that could not be read, kept under a key of its own. */
export interface AsideCopy {
	key: string;
	/** When it was set aside (ISO). */
	at: string;
	reason: string;
}

/** Move the value under `key` aside, in one transaction (read, put under a new key, delete). */
async function moveAside(key: string, reason: string): Promise<AsideCopy> {
	const at = new Date().toISOString();
	const aside = `${ASIDE}${at}`;
	await withStore('readwrite', (s) => {
		const req = s.get(key);
		req.onsuccess = () => {
			s.put({ reason, from: key, at, value: req.result }, aside);
			s.delete(key);
		};
	});
	return { key: aside, at, reason };
}

async function load(key: string): Promise<Loaded> {
	const raw: unknown = await withStore('readonly', (s) => s.get(key));
	if (raw === undefined) return undefined;
	const read = readCopy(raw);
	if (read.ok) return { copy: read.copy };
	return { aside: await moveAside(key, read.reason) };
}

/** The local workspace's copy (local mode). */
export const loadCopy = (): Promise<Loaded> => load(KEY);

/** A copy that was read but could not be restored into the store: set it aside too. */
export const setAside = (reason: string, key = KEY): Promise<AsideCopy> => moveAside(key, reason);

/** `ask`: a save of the person's (the bundled sample kept for a quicker return asks nothing). */
export async function saveCopy(snapshot: Snapshot, version: number, { ask = true } = {}): Promise<void> {
	await withStore('readwrite', (s) => s.put(makeCopy(snapshot, version), KEY));
	if (ask) void askToKeep();
}

/** The version of the local copy as stored now (0 without one; -1 when it cannot be read). */
export async function storedVersion(): Promise<number> {
	const raw: unknown = await withStore('readonly', (s) => s.get(KEY));
	if (raw === undefined) return 0;
	const read = readCopy(raw);
	return read.ok ? read.copy.version : -1;
}

export const clearSnapshot = (): Promise<undefined> => withStore('readwrite', (s) => s.delete(KEY));

/** The server's workspace as this browser last loaded it: opened at once on the next visit, and offline. */
export interface KeptWorkspace {
	/** The workspace version on the server. */
	version: number;
	snapshot: Snapshot;
}

/** The server's kept copy; one that cannot be read is set aside (the server still has the record). */
export async function loadKept(): Promise<KeptWorkspace | undefined> {
	const loaded = await load(KEPT);
	return loaded && 'copy' in loaded
		? { version: loaded.copy.version, snapshot: loaded.copy.snapshot }
		: undefined;
}

export async function saveKept(kept: KeptWorkspace): Promise<void> {
	await withStore('readwrite', (s) => s.put(makeCopy(kept.snapshot, kept.version), KEPT));
	void askToKeep();
}

export const clearKept = (): Promise<undefined> => withStore('readwrite', (s) => s.delete(KEPT));

/** Every copy set aside, oldest first. */
export async function listAside(): Promise<AsideCopy[]> {
	const keys = (await withStore('readonly', (s) => s.getAllKeys())) as IDBValidKey[];
	const list: AsideCopy[] = [];
	for (const key of keys) {
		if (typeof key !== 'string' || !key.startsWith(ASIDE)) continue;
		const v: unknown = await withStore('readonly', (s) => s.get(key));
		const o = (v ?? {}) as { reason?: unknown; at?: unknown };
		list.push({
			key,
			at: typeof o.at === 'string' ? o.at : '',
			reason: typeof o.reason === 'string' ? o.reason : ''
		});
	}
	return list.sort((a, b) => a.key.localeCompare(b.key));
}

/** The value of a copy set aside, as it was stored. */
export async function loadAside(key: string): Promise<unknown> {
	const v = (await withStore('readonly', (s) => s.get(key))) as { value?: unknown } | undefined;
	return v?.value;
}

export const dropAside = (key: string): Promise<undefined> =>
	key.startsWith(ASIDE) ? withStore('readwrite', (s) => s.delete(key)) : Promise.resolve(undefined);

/** What the browser answered when asked to keep the data: null until asked (or without the API). */
let keepAnswer: Promise<boolean> | null = null;

/** Ask once (at the first save) that the browser keep this site's data under storage pressure. */
export function askToKeep(): Promise<boolean> {
	keepAnswer ??= (async () => {
		const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
		if (!storage?.persist) return false;
		try {
			return (await storage.persisted()) || (await storage.persist());
		} catch {
			return false;
		}
	})();
	return keepAnswer;
}

export interface StorageInfo {
	/** Bytes used and available to this site; null when the browser does not say. */
	used: number | null;
	quota: number | null;
	/** The browser keeps the data under storage pressure (null: not asked yet / unknown). */
	persistent: boolean | null;
}

export async function storageInfo(): Promise<StorageInfo> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage) return { used: null, quota: null, persistent: null };
	// Once asked, the line waits for the answer (a browser may ask the person first).
	if (keepAnswer) await keepAnswer;
	const estimate = await storage.estimate?.().catch(() => undefined);
	const persistent = storage.persisted ? await storage.persisted().catch(() => null) : null;
	return { used: estimate?.usage ?? null, quota: estimate?.quota ?? null, persistent };
}
