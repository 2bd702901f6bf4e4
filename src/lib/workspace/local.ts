/**
 * The local workspace: everything in this browser, as the app has always worked (the static build).
 * The store is the record; a copy in IndexedDB brings it back after a reload; the bundled dataset
 * opens the first time. The copy carries a count of saves (its version): one tab writes at a time
 * (a Web Lock around every change and its save), tells the others the version it saved, and a change
 * made on a copy another tab has since replaced is refused as a conflict, as the server refuses one.
 */
import type { Store } from '$lib/db';
import type { Indicator, Unit } from '$lib/model/types';
import { loadCopy, saveCopy, setAside, storedVersion } from '$lib/state/persist';
import { announce, listen, withWriteLock } from '$lib/state/tabs';
import { BUNDLED_FILES } from './bundled';
import type { Bilingual, Workspace } from './workspace';

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

const STALE: Bilingual = {
	vi: 'Trong lúc bạn xem, một thẻ khác của trình duyệt này đã lưu dữ liệu. Khác biệt bên dưới đã được tính lại theo số liệu mới — hãy xem lại rồi bấm Lưu.',
	en: 'Another tab of this browser saved data while you were looking. The differences below were worked out again on the new data — look again, then save.'
};

/** The version the store holds (the copy's count of saves when it was loaded or last saved here). */
let held = 0;
/** The store's own change count at the last save: `keep` has nothing to do when it has not moved. */
let savedAt = -1;
/** The bundled data opened and is not kept yet: kept once, so that a return opens it through the bulk path. */
let bundledUnkept = false;

async function save(store: Store, version: number): Promise<void> {
	await saveCopy(await store.snapshot(), version);
	held = version;
	savedAt = store.version;
	bundledUnkept = false;
	announce(version);
}

/** The stored copy's version; a copy that cannot be read is set aside first, never overwritten. */
async function storedNow(): Promise<number> {
	const stored = await storedVersion();
	if (stored >= 0) return stored;
	await setAside('unreadable when saving');
	return 0;
}

/**
 * Change the store and save it, while this tab alone may write: refused (null) when another tab saved
 * since this one loaded its copy.
 */
function change<T>(
	store: Store,
	base: number,
	fn: () => Promise<T>
): Promise<{ version: number; value: T } | null> {
	return withWriteLock(async () => {
		const stored = await storedNow();
		if (stored > held || base < held) return null;
		const value = await fn();
		await save(store, Math.max(stored, held) + 1);
		return { version: held, value };
	});
}

/** Empty the store and fill it anew (the sample data, a workspace file), saved as the next version. */
export async function replaceLocal(store: Store, fill: () => Promise<void>): Promise<number> {
	return withWriteLock(async () => {
		const stored = Math.max(await storedNow(), held);
		await store.clear();
		await fill();
		await save(store, stored + 1);
		return held;
	});
}

export function localWorkspace(): Workspace {
	return {
		kind: 'local',
		async open(store) {
			const loaded = await loadCopy().catch((e) => {
				console.warn('the kept copy could not be read:', e);
				return undefined;
			});
			if (loaded && 'copy' in loaded) {
				try {
					await store.restore(loaded.copy.snapshot);
					held = loaded.copy.version;
					savedAt = store.version;
					return { version: held, restored: true, offline: false };
				} catch (e) {
					// Kept aside, never overwritten: the person is told and may download it.
					await setAside(`restore: ${e instanceof Error ? e.message : String(e)}`).catch(() => undefined);
				}
			}
			held = 0;
			await loadBundled(store);
			savedAt = store.version;
			bundledUnkept = true;
			return { version: 0, restored: false, offline: false };
		},
		async refresh(store, have) {
			const loaded = await loadCopy().catch(() => undefined);
			if (!loaded || !('copy' in loaded) || loaded.copy.version <= have) return null;
			await store.restore(loaded.copy.snapshot);
			held = loaded.copy.version;
			savedAt = store.version;
			return held;
		},
		async keep(store) {
			if (bundledUnkept && store.version === savedAt) {
				bundledUnkept = false;
				// Version 0, as opened: no save of the person's, so the browser is not asked to keep it.
				await withWriteLock(async () => {
					if ((await storedVersion()) === 0) await saveCopy(await store.snapshot(), 0, { ask: false });
				});
				return;
			}
			if (store.version === savedAt) return;
			await withWriteLock(async () => save(store, Math.max(await storedNow(), held) + 1));
		},
		async commit(store, files, { at, newIndicators, baseVersion }) {
			const done = await change(store, baseVersion, () =>
				store.commitImports(
					files.map((f) => ({ file: f.name, ...f.rows })),
					{ at, newIndicators }
				)
			);
			if (!done) return { ok: false, reason: 'conflict', version: await storedVersion(), message: STALE };
			return { ok: true, version: done.version, summaries: done.value };
		},
		async undo(store, id) {
			const { undoPreview } = await import('$lib/db');
			const done = await change(store, held, async () => {
				const { kept } = await undoPreview(store, id);
				await store.undoImport(id);
				return kept;
			});
			if (!done) return { ok: false, message: STALE };
			return { ok: true, version: done.version, kept: done.value };
		},
		async saveList(store, file, baseVersion) {
			const done = await change(store, baseVersion, async () => {
				if (file.indicators) await store.replaceDictionary(file.indicators);
				if (file.units) await store.replaceUnits(file.units);
			});
			if (!done) return { ok: false, reason: 'conflict', version: await storedVersion(), message: STALE };
			return { ok: true, version: done.version, summaries: [] };
		},
		undoPreview: async (store, id) => ({
			ok: true,
			...(await (await import('$lib/db')).undoPreview(store, id))
		}),
		imports: (store) => store.imports(),
		follow: (onVersion) => listen(onVersion),
		me: async () => null,
		logout: async () => undefined
	};
}
