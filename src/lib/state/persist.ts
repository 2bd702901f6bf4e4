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
