/**
 * Code loaded on demand, once: `loadOnce(load)` gives a function that runs `load` at its first call
 * and hands every later call the same promise. A load that failed (no network, say) is forgotten, so
 * the next call tries again instead of failing until a reload.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | null = null;
	return () => {
		pending ??= load().catch((error: unknown) => {
			pending = null;
			throw error;
		});
		return pending;
	};
}
