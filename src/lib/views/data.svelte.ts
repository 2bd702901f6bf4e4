/**
 * The app's data session: one DuckDB store for the whole app, the dictionary and unit list read back
 * from it, and a version number that views watch to re-query after every change.
 */
import { ingestBytes, Store, type SeriesOptions } from '$lib/db';
import { hasSampleRows, series as seriesOf } from '$lib/db/queries';
import type { Indicator, SeriesRow, Unit } from '$lib/model/types';
import { BUNDLED_FILES } from './bundled';
import { clearSnapshot, loadSnapshot, saveSnapshot } from '$lib/state/persist';

export type DataStatus = 'idle' | 'loading' | 'ready' | 'error';

class DataSession {
	status = $state<DataStatus>('idle');
	error = $state('');
	// Replaced whole, never mutated: raw state, so thousands of units are not wrapped in proxies.
	indicators = $state.raw<Indicator[]>([]);
	units = $state.raw<Unit[]>([]);
	/** Moves after every committed change. */
	version = $state(0);
	/** True while any sample (synthetic) row is stored. */
	hasSample = $state(false);
	/** True when the data came from the last session's snapshot rather than the bundled files. */
	restored = $state(false);
	store: Store | null = null;
	private opening: Promise<Store> | null = null;
	private referenceRead = -1;

	dictionary = $derived(new Map(this.indicators.map((i) => [i.code, i])));

	/** Open DuckDB and load the bundled dataset once; later callers share the same promise. */
	open(): Promise<Store> {
		this.opening ??= this.load();
		return this.opening;
	}

	private async load(): Promise<Store> {
		this.status = 'loading';
		try {
			// Marks for the benchmark's start-up breakdown (performance.getEntriesByType('mark')).
			const { createBrowserEngine } = await import('$lib/db/engine-browser');
			const engine = await createBrowserEngine();
			performance.mark('chiso:engine-ready');
			const store = await Store.open(engine);
			this.store = store;
			if (!(await this.restoreSaved(store))) await this.loadBundled(store);
			await this.changed(false);
			performance.mark('chiso:data-ready');
			this.status = 'ready';
			return store;
		} catch (e) {
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
			throw e;
		}
	}

	/** What the person committed before, from the last session; false when there is none. */
	private async restoreSaved(store: Store): Promise<boolean> {
		try {
			const saved = await loadSnapshot();
			if (!saved) return false;
			await store.restore(saved);
			this.restored = true;
			return true;
		} catch {
			return false; // an unreadable snapshot is ignored; the bundled data opens instead
		}
	}

	/** The bundled dataset, through the same ingestion path as an upload. */
	private async loadBundled(store: Store) {
		for (const file of BUNDLED_FILES) {
			const response = await fetch(file.url);
			if (!response.ok) throw new Error(`${file.name}: HTTP ${response.status}`);
			const bytes = new Uint8Array(await response.arrayBuffer());
			const outcome = await ingestBytes(store, bytes, file.name, {
				dictionary: this.indicators,
				units: this.units
			});
			if (outcome.result.kind === 'invalid')
				throw new Error(`${file.name}: ${outcome.result.issues[0]?.en ?? 'invalid'}`);
			if (outcome.replaced) await this.refreshReference(store);
		}
	}

	/** Forget every import and load the bundled sample data again. */
	async resetToSample() {
		const store = await this.open();
		await clearSnapshot();
		await store.clear();
		this.indicators = [];
		this.units = [];
		await this.loadBundled(store);
		this.restored = false;
		await this.changed(false);
	}

	private async refreshReference(store: Store) {
		this.referenceRead = store.referenceVersion;
		this.indicators = await store.indicators();
		this.units = await store.units();
	}

	/** Values of one indicator (raw or derived), per unit or summed up over groups. */
	async series(code: string, options: SeriesOptions = {}): Promise<SeriesRow[]> {
		const indicator = this.dictionary.get(code);
		if (!indicator || !this.store) return [];
		return seriesOf(this.store, indicator, this.dictionary, options);
	}

	/** Call after any change to stored data; `persist` saves the snapshot that a reload restores. */
	async changed(persist = true) {
		if (!this.store) return;
		if (this.referenceRead !== this.store.referenceVersion) await this.refreshReference(this.store);
		this.hasSample = await hasSampleRows(this.store);
		this.version++;
		if (persist) await saveSnapshot(await this.store.snapshot());
	}
}

export const data = new DataSession();
