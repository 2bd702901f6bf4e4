/**
 * The local workspace: everything in this browser, as the app has always worked (the static build).
 * The store is the record; a snapshot in IndexedDB brings it back after a reload; the bundled dataset
 * opens the first time.
 */
import type { Store } from '$lib/db';
import type { Indicator, Unit } from '$lib/model/types';
import { loadSnapshot, saveSnapshot } from '$lib/state/persist';
import { BUNDLED_FILES } from './bundled';
import type { Workspace } from './workspace';

/** The bundled files (or only the dictionary and units), through the same ingestion path as an upload. */
export async function loadBundled(store: Store, only?: readonly string[]): Promise<void> {
	// The store's code loads with the engine, not with the first page.
	const { ingestBytes } = await import('$lib/db');
	let dictionary: Indicator[] = [];
	let units: Unit[] = [];
	for (const file of BUNDLED_FILES) {
		if (only && !only.includes(file.name)) continue;
		const response = await fetch(file.url);
		if (!response.ok) throw new Error(`${file.name}: HTTP ${response.status}`);
		const bytes = new Uint8Array(await response.arrayBuffer());
		const outcome = await ingestBytes(store, bytes, file.name, { dictionary, units });
		if (outcome.result.kind === 'invalid')
			throw new Error(`${file.name}: ${outcome.result.issues[0]?.en ?? 'invalid'}`);
		if (outcome.replaced) {
			dictionary = await store.indicators();
			units = await store.units();
		}
	}
}

export function localWorkspace(): Workspace {
	return {
		kind: 'local',
		async open(store) {
			try {
				const saved = await loadSnapshot();
				if (saved) {
					await store.restore(saved);
					return { version: 0, restored: true, offline: false };
				}
			} catch {
				// an unreadable snapshot is ignored; the bundled data opens instead
			}
			await loadBundled(store);
			return { version: 0, restored: false, offline: false };
		},
		async refresh() {
			return null;
		},
		async keep(store) {
			await saveSnapshot(await store.snapshot());
		},
		async commit(store, files, { at, newIndicators }) {
			const summaries = await store.commitImports(
				files.map((f) => ({ file: f.name, ...f.rows })),
				{ at, newIndicators }
			);
			return { ok: true, version: 0, summaries };
		},
		async undo(store, id) {
			await store.undoImport(id);
			return { ok: true, version: 0, kept: [] };
		},
		imports: (store) => store.imports(),
		follow: () => () => undefined,
		me: async () => null,
		logout: async () => undefined
	};
}
