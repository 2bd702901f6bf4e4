/**
 * The app's data session: one DuckDB store for the whole app, filled from the workspace (this browser's
 * own, or the office's server — src/lib/workspace decides), the dictionary and unit list read back from
 * it, and a version number that views watch to re-query after every change. In server mode it follows
 * the workspace: a new version is loaded and drawn with a quiet notice; offline, the kept copy is shown
 * read-only.
 */
import type { SeriesOptions, Store } from '$lib/db';
import { hasSampleRows, series as seriesOf } from '$lib/db/queries';
import type { Indicator, SeriesRow, Unit } from '$lib/model/types';
import { areaKind } from '$lib/model/units';
import { listAside, storageInfo, type AsideCopy, type StorageInfo } from '$lib/state/persist';
import { loadBundled, replaceLocal } from '$lib/workspace/local';
import { Offline, SERVER_MODE, workspace, type ImportEntry, type Me } from '$lib/workspace';
import { dataFingerprint } from '$lib/db/fingerprint';
import { keptOrBundled } from './answers-bundled';
import {
	clearAnswers,
	localVersion,
	readAnswers,
	serverVersion,
	withAnswers,
	writeAnswers,
	type KeptAnswers
} from './answers-store';

/** How long the workspace stays quiet before the browser's copy of a new version is kept. */
const KEEP_AFTER_MS = 2000;

export type DataStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the layout says when another person's change arrived. */
export interface Notice {
	/** When the change was made (ISO, UTC). */
	at: string;
	user: string | null;
	file: string | null;
	undo: boolean;
}

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
	/** True when the data came from a copy kept in this browser rather than the bundled files or the server. */
	restored = $state(false);
	/** The workspace version the store holds (server mode; 0 locally). */
	workspaceVersion = $state(0);
	/** The server cannot be reached: the kept copy is shown and nothing can be saved. */
	offline = $state(false);
	/** The last change made by someone else, until dismissed. */
	notice = $state<Notice | null>(null);
	/** Who is signed in (server mode). */
	me = $state<Me | null>(null);
	/** Copies of the data this browser could not read, kept aside (never overwritten). */
	aside = $state.raw<AsideCopy[]>([]);
	/** Space used and available in this browser, and whether it keeps the data under pressure. */
	storage = $state.raw<StorageInfo | null>(null);
	/**
	 * Answers kept from an earlier visit (or the build's, on a first visit), drawn while DuckDB opens;
	 * null once the data is open — from then on every figure is DuckDB's.
	 */
	kept = $state.raw<KeptAnswers | null>(null);
	/** The record kept answers are added to (read at start, written as pages answer). */
	private record: Promise<KeptAnswers | null> = Promise.resolve(null);
	private versionKey: { at: number; key: Promise<string> } | null = null;
	/** The copy of the data that a return visit opens (local mode keeps the bundled data too). */
	private keeping: Promise<void> = Promise.resolve();
	private keepTimer: ReturnType<typeof setTimeout> | undefined;
	readonly server = SERVER_MODE;
	store: Store | null = null;
	private opening: Promise<Store> | null = null;
	private referenceRead = -1;
	private refreshing: Promise<void> = Promise.resolve();
	/** Versions this page saved itself: no notice for them. */
	private own = new Set<number>();

	dictionary = $derived(new Map(this.indicators.map((i) => [i.code, i])));
	/** What the whole area is (the sample's town, a province's part): names the whole-area figures. */
	area = $derived(areaKind(this.units));
	/** Saving is possible: not offline, and the role may import. */
	canSave = $derived(!this.offline && (!SERVER_MODE || !!this.me?.can.import));

	/** Open DuckDB and load the workspace once; later callers share the same promise. */
	open(): Promise<Store> {
		this.opening ??= this.load();
		return this.opening;
	}

	private async load(): Promise<Store> {
		this.status = 'loading';
		this.record = readAnswers(SERVER_MODE);
		const who = SERVER_MODE ? workspace.me() : Promise.resolve(null);
		void this.drawKept(who);
		try {
			if (SERVER_MODE) void who.then((me) => (this.me = me));
			// Marks for the benchmark's start-up breakdown (performance.getEntriesByType('mark')).
			// Started at the app's first line (src/routes/+layout.ts): this shares that start.
			// The store's code (`$lib/db`) loads beside the engine, not with the first page.
			const [{ startBrowserEngine }, { Store }] = await Promise.all([
				import('$lib/db/engine-browser'),
				import('$lib/db')
			]);
			const engine = await startBrowserEngine();
			performance.mark('chiso:engine-ready');
			const store = await Store.open(engine);
			this.store = store;
			const opened = await workspace.open(store);
			this.restored = opened.restored;
			this.workspaceVersion = opened.version;
			await this.changed(false);
			performance.mark('chiso:data-ready');
			this.status = 'ready';
			this.kept = null;
			void this.readKept();
			if (!SERVER_MODE) {
				// Locally too, the bundled data is kept: a return opens the copy through the bulk path.
				if (!opened.restored) this.keeping = workspace.keep(store, 0).catch(() => undefined);
				// Another tab of this browser saved: load its copy, with the quiet notice.
				workspace.follow((v) => {
					if (v > this.workspaceVersion) void this.refresh(true);
				});
			} else {
				if (!opened.restored) void workspace.keep(store, opened.version);
				// The kept copy opened at once; now ask whether the workspace moved on, and follow it.
				void this.refresh(false);
				workspace.follow(
					(v) => {
						if (v !== this.workspaceVersion) void this.refresh(true);
						else if (this.offline) void this.refresh(false);
					},
					() => (this.offline = true)
				);
			}
			return store;
		} catch (e) {
			this.status = 'error';
			this.error =
				e instanceof Offline
					? 'Không liên lạc được với máy chủ · The server cannot be reached'
					: e instanceof Error
						? e.message
						: String(e);
			throw e;
		}
	}

	/** Kept answers, drawn until DuckDB has opened (never after: then its answers are the figures). */
	private async drawKept(who: Promise<Me | null>) {
		// The office's figures only for someone signed in (a shared computer shows nothing before).
		if (SERVER_MODE && !(await who)) return;
		const kept = await keptOrBundled(this.record, SERVER_MODE);
		if (!kept || this.status === 'ready') return;
		this.indicators = kept.indicators;
		this.units = kept.units;
		this.kept = kept;
	}

	/** The version of the data DuckDB holds now: the workspace's, or locally its fingerprint. */
	dataVersion(): Promise<string> {
		const store = this.store;
		if (!store) return Promise.reject(new Error('The data session is not open yet.'));
		if (this.versionKey?.at !== this.version)
			this.versionKey = {
				at: this.version,
				key: SERVER_MODE
					? Promise.resolve(serverVersion(this.workspaceVersion))
					: dataFingerprint(store).then(localVersion)
			};
		return this.versionKey.key;
	}

	/**
	 * Keep a page's answers, computed by DuckDB on data version `at` (this.version when asked), for the
	 * next visit. Answers of a version that has moved on since are not kept.
	 */
	async keepAnswers(key: string, answers: unknown, at: number) {
		const version = await this.dataVersion();
		if (at !== this.version) return;
		const reference = { indicators: this.indicators, units: this.units };
		this.record = this.record.then(async (kept) => {
			const next = withAnswers(kept, version, reference, key, answers);
			await writeAnswers(next);
			return next;
		});
		await this.record;
		await this.keeping;
		// For the benchmark and the tests: what a return visit draws from is written.
		document.documentElement.dataset.answersKept = 'true';
	}

	/** Sign out: the kept answers do not stay behind on a shared computer, as the kept copy does not. */
	async logout() {
		await clearAnswers();
		await workspace.logout();
	}

	/** Load a newer version of the server's workspace, one load at a time; `announce` shows the notice. */
	refresh(announce = true): Promise<void> {
		this.refreshing = this.refreshing.then(async () => {
			const store = this.store;
			if (!store) return;
			try {
				const version = await workspace.refresh(store, this.workspaceVersion);
				this.offline = false;
				if (version === null) return;
				this.workspaceVersion = version;
				this.restored = false;
				await this.changed(false);
				this.keepSoon(store);
				if (!announce) return;
				const notice = SERVER_MODE
					? await this.noticeOf(version)
					: { at: new Date().toISOString(), user: null, file: null, undo: false };
				// A save of this page's own whose event came before its answer: nothing to announce.
				if (!this.own.has(version)) this.notice = notice;
			} catch (e) {
				if (e instanceof Offline) this.offline = true;
				else console.warn('workspace refresh failed:', e);
			}
		});
		return this.refreshing;
	}

	/**
	 * Keep the copy once the workspace has been quiet for a moment: a copy of a large workspace takes
	 * seconds, and neither the notice nor the next version waits for it. Until then the kept copy is an
	 * older version, which the next visit brings up to date from the server's changes.
	 */
	private keepSoon(store: Store) {
		clearTimeout(this.keepTimer);
		this.keepTimer = setTimeout(() => {
			const version = this.workspaceVersion;
			void workspace.keep(store, version).catch((e) => console.warn('keeping the copy failed:', e));
		}, KEEP_AFTER_MS);
	}

	/** Who made version `version`, from the import history (an import, or the undo of one). */
	private async noticeOf(version: number): Promise<Notice> {
		const history: (ImportEntry & { version?: number; undone_at?: string | null })[] = this.store
			? await workspace.imports(this.store).catch(() => [])
			: [];
		const made = history.find((h) => h.version === version);
		if (made) return { at: made.at, user: made.user ?? null, file: made.file, undo: false };
		const undone = history
			.filter((h) => h.undone_at)
			.sort((a, b) => String(b.undone_at).localeCompare(String(a.undone_at)))[0];
		if (undone)
			return { at: undone.undone_at!, user: undone.undoneBy ?? null, file: undone.file, undo: true };
		return { at: new Date().toISOString(), user: null, file: null, undo: false };
	}

	/** After this page saved version `version` (on the server: load it), without a notice. */
	async saved(version: number) {
		this.own.add(version);
		if (SERVER_MODE) return this.refresh(false);
		this.workspaceVersion = version;
		await this.changed(false);
		void this.readKept();
	}

	/** The copies set aside and the storage line, read again. */
	async readKept() {
		this.aside = await listAside().catch(() => []);
		this.storage = await storageInfo().catch(() => null);
	}

	/** Local mode: empty the store, fill it anew with `fill`, and save that as the next version. */
	async replaceAll(fill: (store: Store) => Promise<void>) {
		const store = await this.open();
		this.indicators = [];
		this.units = [];
		this.referenceRead = -1;
		this.workspaceVersion = await replaceLocal(store, () => fill(store));
		this.restored = false;
		await this.changed(false);
		void this.readKept();
	}

	/** Forget every import and load the bundled sample data again (local mode). */
	resetToSample() {
		return this.replaceAll((store) => loadBundled(store));
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

	/** Call after any change to stored data; `persist` keeps the copy that a reload opens. */
	async changed(persist = true) {
		if (!this.store) return;
		if (this.referenceRead !== this.store.referenceVersion) await this.refreshReference(this.store);
		this.hasSample = await hasSampleRows(this.store);
		this.version++;
		if (persist) await workspace.keep(this.store, this.workspaceVersion);
	}
}

export const data = new DataSession();
