/**
 * Keeps the store's snapshot in IndexedDB, so committed data survives a reload and a browser restart.
 * (IndexedDB over an OPFS database file: it works in every browser the app supports, and a snapshot
 * that fails to restore is simply ignored instead of leaving a half-open database file.)
 */
import type { Snapshot } from '$lib/db';

const DB_NAME = 'chi-so';
const STORE = 'snapshots';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
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

export const loadSnapshot = (): Promise<Snapshot | undefined> =>
	withStore('readonly', (s) => s.get(KEY) as IDBRequest<Snapshot | undefined>);

export const saveSnapshot = (snapshot: Snapshot): Promise<IDBValidKey> =>
	withStore('readwrite', (s) => s.put(snapshot, KEY));

export const clearSnapshot = (): Promise<undefined> => withStore('readwrite', (s) => s.delete(KEY));

/** The server's workspace as this browser last loaded it: opened at once on the next visit, and offline. */
export interface KeptWorkspace {
	/** The workspace version on the server. */
	version: number;
	snapshot: Snapshot;
}
const KEPT = 'server';

export const loadKept = (): Promise<KeptWorkspace | undefined> =>
	withStore('readonly', (s) => s.get(KEPT) as IDBRequest<KeptWorkspace | undefined>);

export const saveKept = (kept: KeptWorkspace): Promise<IDBValidKey> =>
	withStore('readwrite', (s) => s.put(kept, KEPT));

export const clearKept = (): Promise<undefined> => withStore('readwrite', (s) => s.delete(KEPT));
