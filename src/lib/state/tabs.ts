/**
 * Several tabs of the local workspace on one browser: one writes at a time (Web Locks), and each tells
 * the others the version it saved (BroadcastChannel), so that they load it. Without these APIs (an old
 * browser), work runs directly and nothing is told.
 */
const LOCK = 'chi-so-write';
const CHANNEL = 'chi-so';

/** Run `fn` while this tab alone may write the local copy. */
export function withWriteLock<T>(fn: () => Promise<T>): Promise<T> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	if (!locks?.request) return fn();
	return locks.request(LOCK, fn) as Promise<T>;
}

let channel: BroadcastChannel | null = null;
const openChannel = () =>
	(channel ??= typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL));

/** Tell the other tabs that the local copy now holds `version`. */
export function announce(version: number): void {
	openChannel()?.postMessage({ version });
}

/** Call `onVersion` with each version another tab announces; returns the way to stop. */
export function listen(onVersion: (version: number) => void): () => void {
	const ch = openChannel();
	if (!ch) return () => undefined;
	const handler = (e: MessageEvent) => {
		const v = (e.data as { version?: unknown } | null)?.version;
		if (typeof v === 'number' && Number.isInteger(v) && v >= 0) onVersion(v);
	};
	ch.addEventListener('message', handler);
	return () => ch.removeEventListener('message', handler);
}
