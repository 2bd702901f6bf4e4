/**
 * The import wizard's state, with no DOM: files chosen → parsed in a worker → reviewed (findings,
 * questions, diff against stored data) → committed together in one transaction, or dropped.
 */
import { bulkImport, type CommitSummary, type DiffSummary } from '$lib/db';
import type { ImportResult, NumberLocale, TextEncodingName } from '$lib/import';
import { loadAliases, rememberAlias } from './aliases';
import { data } from './data.svelte';
import { ImportCancelled, runImport, type RunningImport } from './import-client';

export type FileStatus = 'parsing' | 'ready' | 'failed' | 'cancelled';

export interface PendingFile {
	id: number;
	name: string;
	size: number;
	bytes: Uint8Array;
	status: FileStatus;
	result?: ImportResult;
	/** Set when the bulk path parsed the file: its accepted rows wait in this DuckDB temp table. */
	table?: string;
	diff?: DiffSummary;
	error?: string;
	encoding?: TextEncodingName;
	unitHint?: string;
	columnChoices: Record<string, NumberLocale>;
}

let nextId = 1;

export class ImportSession {
	files = $state<PendingFile[]>([]);
	committing = $state(false);
	lastCommit = $state<{ files: number; summaries: CommitSummary[] } | null>(null);
	commitError = $state('');
	// Bookkeeping only, never rendered: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private running = new Map<number, RunningImport>();

	busy = $derived(this.files.some((f) => f.status === 'parsing') || this.committing);
	/** Files that would be stored by a commit. */
	committable = $derived(
		this.files.filter(
			(f) => f.status === 'ready' && f.result && f.result.kind !== 'invalid' && hasContent(f.result)
		)
	);

	async add(list: Iterable<File>) {
		this.lastCommit = null;
		for (const file of list) {
			const entry: PendingFile = {
				id: nextId++,
				name: file.name,
				size: file.size,
				bytes: new Uint8Array(await file.arrayBuffer()),
				status: 'parsing',
				columnChoices: {}
			};
			this.files.push(entry);
			void this.parse(entry.id);
		}
	}

	/** Parse again with a changed choice: encoding, a column's number format, the unit of a sheet. */
	async rerun(id: number, patch: Partial<Pick<PendingFile, 'encoding' | 'unitHint' | 'columnChoices'>>) {
		const file = this.find(id);
		if (!file) return;
		Object.assign(file, patch);
		await this.parse(id);
	}

	/** One-click fix: map an unknown name to a known unit or indicator, remember it, re-check every file. */
	async useSuggestion(raw: string, target: string) {
		rememberAlias(raw, target);
		await Promise.all(this.files.filter((f) => f.status === 'ready').map((f) => this.parse(f.id)));
	}

	cancel(id: number) {
		this.running.get(id)?.cancel();
	}

	remove(id: number) {
		this.cancel(id);
		this.dropTable(this.find(id));
		this.files = this.files.filter((f) => f.id !== id);
	}

	clear() {
		for (const f of this.files) {
			this.cancel(f.id);
			this.dropTable(f);
		}
		this.files = [];
	}

	private dropTable(file: PendingFile | undefined) {
		if (file?.table) void data.store?.dropStaged(file.table);
		if (file) file.table = undefined;
	}

	private find(id: number) {
		return this.files.find((f) => f.id === id);
	}

	private async parse(id: number) {
		const file = this.find(id);
		if (!file) return;
		this.running.get(id)?.cancel();
		this.dropTable(file);
		file.status = 'parsing';
		file.error = undefined;
		const options = {
			fileName: file.name,
			dictionary: data.indicators,
			units: data.units,
			encoding: file.encoding,
			unitHint: file.unitHint,
			columnChoices: file.columnChoices,
			aliases: loadAliases()
		};
		// Large canonical files go through DuckDB in bulk; everything else through the worker.
		const bulk = data.store ? await bulkImport(data.store, file.bytes, $state.snapshot(options)) : null;
		if (bulk) {
			const current = this.find(id);
			if (!current) return void data.store?.dropStaged(bulk.table);
			current.table = bulk.table;
			current.result = bulk.result;
			current.diff = await data.store!.diff({ table: bulk.table });
			current.status = 'ready';
			return;
		}
		const run = runImport(file.bytes, options);
		this.running.set(id, run);
		try {
			const result = await run.result;
			const diff =
				result.kind === 'observations' && result.observations.length && data.store
					? await data.store.diff(result.observations)
					: undefined;
			const current = this.find(id);
			if (!current) return;
			current.result = result;
			current.diff = diff;
			current.status = 'ready';
		} catch (e) {
			const current = this.find(id);
			if (!current) return;
			current.status = e instanceof ImportCancelled ? 'cancelled' : 'failed';
			current.error = e instanceof Error ? e.message : String(e);
		} finally {
			if (this.running.get(id) === run) this.running.delete(id);
		}
	}

	/**
	 * Store every committable file. Observations of all files go in ONE transaction; a dictionary or
	 * unit list replaces the stored one. On any failure nothing of the observations is stored.
	 */
	async commit() {
		await this.save(true);
	}

	/** For the benchmark: the same commit, without writing the IndexedDB snapshot afterwards. */
	async commitWithoutSnapshot() {
		await this.save(false);
	}

	private async save(persist: boolean) {
		const store = data.store;
		if (!store || this.committing) return;
		this.committing = true;
		this.commitError = '';
		try {
			const files = this.committable;
			for (const f of files) {
				if (f.result?.kind === 'dictionary' && f.result.indicators)
					await store.replaceDictionary(f.result.indicators);
				if (f.result?.kind === 'units' && f.result.units) await store.replaceUnits(f.result.units);
			}
			const observationFiles = files.filter((f) => f.result?.kind === 'observations');
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
			const stamp = new Date();
			const summaries = await store.commitImports(
				observationFiles.map((f) =>
					f.table ? { file: f.name, table: f.table } : { file: f.name, observations: f.result!.observations }
				),
				stamp
			);
			for (const f of observationFiles) f.table = undefined;
			await data.changed(persist);
			this.lastCommit = { files: files.length, summaries };
			this.files = this.files.filter((f) => !files.includes(f));
		} catch (e) {
			this.commitError = e instanceof Error ? e.message : String(e);
		} finally {
			this.committing = false;
		}
	}
}

function hasContent(r: ImportResult) {
	return r.stats.observations > 0 || (r.indicators?.length ?? 0) > 0 || (r.units?.length ?? 0) > 0;
}
