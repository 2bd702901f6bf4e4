/**
 * The import wizard's state, with no DOM: files chosen → parsed in a worker (with progress, and a way
 * to cancel) → reviewed (findings, questions, diff against stored data, unknown indicators turned into
 * new ones) → committed together, or dropped.
 */
import { bulkImport, type DiffSummary } from '$lib/db';
import {
	checkDraft,
	newIndicator,
	normaliseKey,
	type DraftProblem,
	type ImportOptions,
	type ImportPhase,
	type ImportResult,
	type IndicatorDraft,
	type NumberLocale,
	type TextEncodingName
} from '$lib/import';
import type { Indicator, Observation } from '$lib/model/types';
import { loadAliases, rememberAlias } from './aliases';
import { data } from '$lib/views/data.svelte';
import { workspace, type Bilingual, type CommitFile, type Finding } from '$lib/workspace';
import { ImportCancelled, runImport, type RunningImport } from './import-client';

export type FileStatus = 'parsing' | 'ready' | 'failed' | 'cancelled';

/** Where a file's reading stands: the worker's phases, then the comparison with stored data. */
export interface FileProgress {
	phase: ImportPhase | 'compare';
	/** 0…1 */
	fraction: number;
	rows: number;
}

export interface PendingFile {
	id: number;
	name: string;
	size: number;
	/** The file as chosen: read by the import worker or by DuckDB's worker, never copied on the page. */
	blob: Blob;
	status: FileStatus;
	/** While parsing in the worker; absent while the bulk path runs (its progress is not known). */
	progress?: FileProgress;
	result?: ImportResult;
	/** Set when the bulk path parsed the file: its accepted rows wait in this DuckDB temp table. */
	table?: string;
	diff?: DiffSummary;
	/** The workspace version the diff was made on (server mode: a save names it). */
	base?: number;
	error?: string;
	encoding?: TextEncodingName;
	unitHint?: string;
	/** A workbook's sheet to read (`*` every sheet); the reader chooses when absent. */
	sheet?: string;
	columnChoices: Record<string, NumberLocale>;
}

/** A new raw indicator made from an unknown name in a file, waiting to be saved with the values. */
export interface AddedIndicator {
	indicator: Indicator;
	/** The file's text it was made from. */
	raw: string;
}

let nextId = 1;

export class ImportSession {
	files = $state<PendingFile[]>([]);
	committing = $state(false);
	lastCommit = $state<{ files: number; summaries: { id?: number; added: number; changed: number }[] } | null>(
		null
	);
	commitError = $state('');
	/** The server's word on the last save that did not land: someone saved meanwhile, or a refusal. */
	refusal = $state<{ conflict: boolean; message: Bilingual; findings: Finding[] } | null>(null);
	/** New raw indicators made in this session; written to the dictionary together with the values. */
	additions = $state<AddedIndicator[]>([]);
	/** The stored dictionary plus this session's additions: what the files are checked against. */
	dictionary = $derived([...data.indicators, ...this.additions.map((a) => a.indicator)]);
	// Bookkeeping only, never rendered: plain Maps on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private running = new Map<number, RunningImport>();
	/** Each parse of a file gets a new token; a result whose token is no longer current is dropped. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private tokens = new Map<number, number>();

	busy = $derived(this.files.some((f) => f.status === 'parsing') || this.committing);
	/** Files that would be stored by a commit. */
	committable = $derived(
		this.files.filter(
			(f) => f.status === 'ready' && f.result && f.result.kind !== 'invalid' && hasContent(f.result)
		)
	);

	/** Check the files; resolves once every one of them is checked (the page does not wait). */
	async add(list: Iterable<File>) {
		this.lastCommit = null;
		const parses: Promise<void>[] = [];
		for (const file of list) {
			const entry: PendingFile = {
				id: nextId++,
				name: file.name,
				size: file.size,
				blob: file,
				status: 'parsing',
				columnChoices: {}
			};
			this.files.push(entry);
			parses.push(this.parse(entry.id));
		}
		await Promise.all(parses);
	}

	/** Parse again with a changed choice: encoding, a column's number format, the unit of a sheet, a workbook's sheet. */
	async rerun(
		id: number,
		patch: Partial<Pick<PendingFile, 'encoding' | 'unitHint' | 'columnChoices' | 'sheet'>>
	) {
		const file = this.find(id);
		if (!file) return;
		Object.assign(file, patch);
		await this.parse(id);
	}

	/** One-click fix: map an unknown name to a known unit or indicator, remember it, re-check every file. */
	async useSuggestion(raw: string, target: string) {
		rememberAlias(raw, target);
		await this.recheck();
	}

	/**
	 * Turn an unknown indicator name into a new raw indicator (checked, with a unique code), then
	 * re-check every file so that its values are taken. Returns the problem when the draft is refused.
	 */
	async addIndicator(raw: string, draft: IndicatorDraft): Promise<DraftProblem | null> {
		const problem = checkDraft(draft, this.dictionary);
		if (problem) return problem;
		const indicator = newIndicator(draft, this.dictionary);
		this.additions.push({ indicator, raw });
		await this.recheck();
		return null;
	}

	/** Stop reading a file: its worker is ended, a late result is ignored, nothing of it is staged. */
	cancel(id: number) {
		this.running.get(id)?.cancel();
		this.running.delete(id);
		this.tokens.set(id, (this.tokens.get(id) ?? 0) + 1);
		const file = this.find(id);
		if (!file || file.status !== 'parsing') return;
		this.dropTable(file);
		file.status = 'cancelled';
		file.progress = undefined;
		file.result = undefined;
		file.diff = undefined;
	}

	remove(id: number) {
		this.cancel(id);
		this.dropTable(this.find(id));
		this.files = this.files.filter((f) => f.id !== id);
		if (this.files.length === 0) this.additions = [];
	}

	clear() {
		for (const f of this.files) {
			this.cancel(f.id);
			this.dropTable(f);
		}
		this.files = [];
		this.additions = [];
	}

	private async recheck() {
		await Promise.all(this.files.filter((f) => f.status === 'ready').map((f) => this.parse(f.id)));
	}

	private dropTable(file: PendingFile | undefined) {
		if (file?.table) void data.store?.dropStaged(file.table);
		if (file) file.table = undefined;
	}

	private find(id: number) {
		return this.files.find((f) => f.id === id);
	}

	/** Remembered aliases, plus raw text → code of this session's new indicators. */
	private aliases(): Record<string, string> {
		const aliases = loadAliases();
		for (const a of this.additions) aliases[normaliseKey(a.raw)] = a.indicator.code;
		return aliases;
	}

	private async parse(id: number) {
		const file = this.find(id);
		if (!file) return;
		this.running.get(id)?.cancel();
		const token = (this.tokens.get(id) ?? 0) + 1;
		this.tokens.set(id, token);
		/** The file, while this parse is still the one that counts. */
		const current = () => (this.tokens.get(id) === token ? this.find(id) : undefined);
		this.dropTable(file);
		file.status = 'parsing';
		file.base = data.workspaceVersion;
		file.error = undefined;
		file.progress = undefined;
		// Plain data (a worker gets a copy; $state proxies cannot be cloned). The unit list is already
		// plain ($state.raw): copying thousands of units here held the page ~0.1 s.
		const options: ImportOptions = {
			fileName: file.name,
			dictionary: $state.snapshot(this.dictionary),
			units: data.units,
			encoding: file.encoding,
			unitHint: file.unitHint,
			sheet: file.sheet,
			columnChoices: $state.snapshot(file.columnChoices),
			aliases: this.aliases()
		};
		// Large canonical files go through DuckDB in bulk; everything else through the worker.
		const store = data.store;
		const bulk = store ? await bulkImport(store, file.blob, options) : null;
		if (store && bulk) {
			const staged = current();
			if (!staged) return void store.dropStaged(bulk.table);
			staged.table = bulk.table;
			staged.result = bulk.result;
			const diff = await store.diff({ table: bulk.table });
			const done = current();
			if (!done) return; // cancelled meanwhile: cancel() dropped the table
			done.diff = diff;
			done.status = 'ready';
			return;
		}
		const run = runImport(file.blob, options, (progress) => {
			const f = current();
			if (f) f.progress = progress;
		});
		this.running.set(id, run);
		try {
			const result = await run.result;
			const read = current();
			if (!read) return;
			read.progress = { phase: 'compare', fraction: 1, rows: result.stats.rows };
			const diff =
				result.kind === 'observations' && result.observations.length && data.store
					? await data.store.diff(forDiff(result.observations))
					: undefined;
			const done = current();
			if (!done) return;
			done.result = result;
			done.diff = diff;
			done.progress = undefined;
			done.status = 'ready';
		} catch (e) {
			const failed = current();
			if (!failed) return;
			failed.status = e instanceof ImportCancelled ? 'cancelled' : 'failed';
			failed.error = e instanceof Error ? e.message : String(e);
			failed.progress = undefined;
		} finally {
			if (this.running.get(id) === run) this.running.delete(id);
		}
	}

	/**
	 * Store every committable file. Observations of all files go in ONE transaction; a dictionary or
	 * unit list replaces the stored one. New indicators are added to the dictionary just before the
	 * observations and taken back if those cannot be stored. On any failure nothing of the
	 * observations is stored.
	 */
	async commit() {
		const store = data.store;
		if (!store || this.committing || !data.canSave) return;
		this.committing = true;
		this.commitError = '';
		this.refusal = null;
		try {
			const files = this.committable;
			// A dictionary or unit list replaces the workspace's (on the server: an admin's, checked again there).
			for (const f of files) {
				if (f.result?.kind !== 'dictionary' && f.result?.kind !== 'units') continue;
				const list = { name: f.name, blob: f.blob, indicators: f.result.indicators, units: f.result.units };
				const answer = await workspace.saveList(store, list, data.workspaceVersion);
				if (!answer.ok) {
					const findings = answer.reason === 'invalid' ? answer.findings : [];
					this.refusal = { conflict: answer.reason === 'conflict', message: answer.message, findings };
					if (answer.reason === 'conflict') await data.refresh(true);
					return;
				}
				await data.saved(answer.version);
				// A new list changes no stored figure: the files' differences still hold on the new version.
				for (const o of files) if (o.result?.kind === 'observations') o.base = answer.version;
			}
			const observationFiles = files.filter((f) => f.result?.kind === 'observations');
			if (observationFiles.length === 0) {
				this.lastCommit = { files: files.length, summaries: [] };
				this.files = this.files.filter((f) => !files.includes(f));
				return;
			}
			const additions = usedAdditions($state.snapshot(this.additions), observationFiles);
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, not state
			const stamp = new Date();
			// The new indicators are stored with the values, in one transaction: both or neither.
			const answer = await workspace.commit(store, observationFiles.map(toCommitFile), {
				baseVersion: Math.min(...observationFiles.map((f) => f.base ?? 0)),
				at: stamp,
				newIndicators: additions.map((a) => a.indicator)
			});
			if (!answer.ok) {
				if (answer.reason === 'conflict') {
					// Someone saved meanwhile: load their version, compare again, let the person look first.
					this.refusal = { conflict: true, message: answer.message, findings: [] };
					await data.refresh(true);
					await this.recheck();
				} else {
					const findings = answer.reason === 'invalid' ? answer.findings : [];
					this.refusal = { conflict: false, message: answer.message, findings };
				}
				return;
			}
			if (workspace.kind === 'server') for (const f of observationFiles) this.dropTable(f);
			for (const f of observationFiles) f.table = undefined;
			// Later files with the same column find the new indicator even if its name was edited.
			for (const a of additions) rememberAlias(a.raw, a.indicator.code);
			const saved = additions.map((a) => a.indicator.code);
			if (saved.length > 0) this.additions = this.additions.filter((a) => !saved.includes(a.indicator.code));
			await data.saved(answer.version);
			this.lastCommit = { files: files.length, summaries: answer.summaries };
			this.files = this.files.filter((f) => !files.includes(f));
		} catch (e) {
			this.commitError = e instanceof Error ? e.message : String(e);
		} finally {
			this.committing = false;
		}
	}
}

function toCommitFile(f: PendingFile): CommitFile {
	return {
		name: f.name,
		blob: f.blob,
		rows: f.table ? { table: f.table } : { observations: f.result!.observations }
	};
}

/**
 * The new indicators that values being saved use (a bulk-path file keeps its rows in DuckDB: it is
 * taken to use them all). One made for a file that was then removed is not written.
 */
function usedAdditions(additions: AddedIndicator[], files: PendingFile[]): AddedIndicator[] {
	if (additions.length === 0) return [];
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
	const used = new Set<string>();
	for (const f of files) {
		if (f.table) return additions;
		for (const o of f.result?.observations ?? []) used.add(o.indicator);
	}
	return additions.filter((a) => used.has(a.indicator.code));
}

/**
 * The diff compares keys, values and qualifiers only: leaving notes and sources out keeps the text
 * staged on the main thread small (a file with long notes would otherwise freeze the page for a moment).
 */
function forDiff(observations: Observation[]): Observation[] {
	return observations.map((o) => ({
		unit: o.unit,
		period: o.period,
		indicator: o.indicator,
		value: o.value,
		qualifier: o.qualifier,
		source: '',
		note: ''
	}));
}

function hasContent(r: ImportResult) {
	return r.stats.observations > 0 || (r.indicators?.length ?? 0) > 0 || (r.units?.length ?? 0) > 0;
}
