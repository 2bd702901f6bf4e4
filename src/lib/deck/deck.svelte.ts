/**
 * The decks of this browser, reactive: a thin wrapper that applies the pure functions of `deck.ts`,
 * saves every change to localStorage, and follows changes made in other tabs (a deck edited in one
 * window while another presents it). In server mode the decks also live on the office's server
 * (`deck-sync.ts` says how the two become one): a person's decks follow her to every computer, and a
 * deck shared with the office opens on the meeting room's laptop.
 */
import type { ChartSpec, Parsed } from './chart-spec';
import { sameSpec } from './chart-spec';
import {
	addSlide,
	createDeck,
	currentDeck,
	DEFAULT_DECK_NAME,
	deleteDeck,
	emptyFile,
	findDeck,
	moveDeck,
	moveSlide,
	removeSlide,
	renameDeck,
	selectDeck,
	setSlideNote,
	setSlideTitle,
	slideIndex,
	type Deck,
	type DeckFile
} from './deck';
import {
	exportDeckFile,
	loadDeckFile,
	mergeDeckFile,
	parseDeckFile,
	saveDeckFile,
	STORAGE_KEY,
	type DeckStorage
} from './deck-file';

import { serverDecks, type DeckRemote } from './deck-remote';
import { deckChanges, emptySync, markDeck, mergeRemote, type DeckOwner, type SyncState } from './deck-sync';

type Message = { vi: string; en: string };

/** The server mode's copy of one person's decks: her own keys, so a shared computer never mixes people. */
function personalStorage(storage: DeckStorage, login: string): DeckStorage {
	const key = (k: string) => `${k}@${login}`;
	return { getItem: (k) => storage.getItem(key(k)), setItem: (k, v) => storage.setItem(key(k), v) };
}

const SYNC_KEY = 'chi-so.decks.sync';
const NOT_SAVED: Message = {
	vi: 'Chưa lưu được lên máy chủ; buổi họp vẫn ở trên máy này và sẽ được gửi khi có kết nối.',
	en: 'Not saved on the server yet; the deck stays on this computer and is sent once it can be.'
};

function browserStorage(): DeckStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export class DeckSession {
	/** Replaced as a whole on every change (the functions of deck.ts never mutate). */
	file = $state.raw<DeckFile>(emptyFile());
	/** Why the decks could not be read or saved, if they could not. */
	problem = $state<Message | null>(null);
	current: Deck | undefined = $derived(currentDeck(this.file));
	/** Server mode: who owns each deck (absent: a deck of this browser only). */
	owners = $state.raw<Record<string, DeckOwner>>({});
	private remote: DeckRemote | null = null;
	private me = '';
	private sync: SyncState = emptySync();

	constructor(private storage: DeckStorage | null = browserStorage()) {
		this.reload();
		if (typeof window !== 'undefined')
			window.addEventListener('storage', (e) => {
				if (e.key === STORAGE_KEY || e.key === `${STORAGE_KEY}@${this.me}`) this.reload();
			});
	}

	reload() {
		if (!this.storage) {
			this.file = emptyFile();
			return;
		}
		const { file, problem } = loadDeckFile(this.storage);
		this.file = file;
		this.problem = problem ?? null;
	}

	private commit(next: DeckFile) {
		if (next === this.file) return;
		const before = this.file;
		this.file = next;
		if (this.remote) this.send(before, next);
		if (!this.storage) return;
		const saved = saveDeckFile(this.storage, next);
		this.problem = saved.ok ? null : { vi: saved.vi, en: saved.en };
	}

	/**
	 * Follow the office's server: this person's decks and the ones shared with the office, kept in
	 * her own part of this browser's storage; again whenever the window comes back into view.
	 */
	async connect(remote: DeckRemote): Promise<void> {
		const login = await remote.me();
		if (!login || !this.storage) return;
		this.remote = remote;
		this.me = login;
		this.storage = personalStorage(this.storage, login);
		this.reload();
		this.sync = this.readSync();
		await this.pull();
		if (typeof document !== 'undefined')
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void this.pull();
			});
	}

	/** Take the server's list; send what was made or changed here and not saved yet. */
	async pull(): Promise<void> {
		const list = await this.remote?.list();
		if (!list) return;
		const merged = mergeRemote(this.file, list, this.me, this.sync);
		this.file = merged.file;
		this.owners = merged.owners;
		this.sync = merged.state;
		if (this.storage) saveDeckFile(this.storage, merged.file);
		this.writeSync();
		for (const deck of merged.upload) void this.save(deck);
	}

	/** Whether the signed-in person may change a deck (another's shared deck is only shown). */
	editable(deckId: string): boolean {
		return this.owners[deckId]?.mine ?? true;
	}

	/** Server mode: share one's deck with the office, or take it back. */
	setShared(deckId: string, shared: boolean) {
		const deck = this.deck(deckId);
		if (!deck || !this.editable(deckId)) return;
		this.owners = { ...this.owners, [deckId]: { owner: this.me, mine: true, shared } };
		void this.save(deck);
	}

	private send(before: DeckFile, after: DeckFile) {
		const { saved, removed } = deckChanges(before, after);
		for (const deck of saved) if (this.editable(deck.id)) void this.save(deck);
		for (const id of removed)
			if (this.editable(id))
				void this.remote?.remove(id).then((ok) => (this.problem = ok ? null : NOT_SAVED));
	}

	private async save(deck: Deck) {
		if (!this.remote) return;
		this.mark(deck.id, true);
		const ok = await this.remote.save(deck, this.owners[deck.id]?.shared ?? false);
		if (ok) {
			this.mark(deck.id, false);
			this.owners = {
				...this.owners,
				[deck.id]: this.owners[deck.id] ?? { owner: this.me, mine: true, shared: false }
			};
		}
		this.problem = ok ? null : NOT_SAVED;
	}

	private mark(id: string, dirty: boolean) {
		this.sync = markDeck(this.sync, id, dirty);
		this.writeSync();
	}

	private readSync(): SyncState {
		try {
			const raw = JSON.parse(this.storage?.getItem(SYNC_KEY) ?? 'null') as SyncState | null;
			return Array.isArray(raw?.synced) && Array.isArray(raw?.dirty) ? raw : emptySync();
		} catch {
			return emptySync();
		}
	}

	private writeSync() {
		try {
			this.storage?.setItem(SYNC_KEY, JSON.stringify(this.sync));
		} catch {
			// The decks themselves are kept; the next sync starts from the server's list.
		}
	}

	deck(id: string): Deck | undefined {
		return findDeck(this.file, id);
	}

	create(name: string): string {
		const { file, id } = createDeck(this.file, name);
		this.commit(file);
		return id;
	}

	rename(deckId: string, name: string) {
		this.commit(renameDeck(this.file, deckId, name));
	}

	remove(deckId: string) {
		this.commit(deleteDeck(this.file, deckId));
	}

	select(deckId: string) {
		this.commit(selectDeck(this.file, deckId));
	}

	moveDeck(deckId: string, to: number) {
		this.commit(moveDeck(this.file, deckId, to));
	}

	/** Pin a chart; `deckId` '' pins to the current deck, and `newDeckName` makes a new one for it. */
	pin(spec: ChartSpec, deckId = '', newDeckName?: string): { deckId: string; slideId: string } {
		let file = this.file;
		let target = deckId;
		// Another person's shared deck is only shown: the chart goes to a new deck of one's own.
		if (newDeckName === undefined && !this.editable(deckId || (this.current?.id ?? '')))
			newDeckName = DEFAULT_DECK_NAME;
		if (newDeckName !== undefined) {
			const made = createDeck(file, newDeckName);
			file = made.file;
			target = made.id;
		}
		const added = addSlide(file, target, spec);
		this.commit(selectDeck(added.file, added.deckId));
		return { deckId: added.deckId, slideId: added.slideId };
	}

	/** Whether a deck (the current one by default) already holds this very chart. */
	isPinned(spec: ChartSpec, deckId = ''): boolean {
		const deck = deckId ? this.deck(deckId) : this.current;
		return Boolean(deck?.slides.some((s) => sameSpec(s.spec, spec)));
	}

	removeSlide(deckId: string, slideId: string) {
		this.commit(removeSlide(this.file, deckId, slideId));
	}

	moveSlide(deckId: string, slideId: string, to: number) {
		this.commit(moveSlide(this.file, deckId, slideId, to));
	}

	moveSlideBy(deckId: string, slideId: string, by: number) {
		const index = slideIndex(this.file, deckId, slideId);
		if (index >= 0) this.moveSlide(deckId, slideId, index + by);
	}

	setTitle(deckId: string, slideId: string, title: string) {
		this.commit(setSlideTitle(this.file, deckId, slideId, title));
	}

	setNote(deckId: string, slideId: string, note: string) {
		this.commit(setSlideNote(this.file, deckId, slideId, note));
	}

	/** Add the decks of a JSON file; a bad file changes nothing and says why. */
	importJson(text: string): Parsed<{ added: string[] }> {
		const parsed = parseDeckFile(text);
		if (!parsed.ok) return parsed;
		if (parsed.value.decks.length === 0)
			return { ok: false, vi: 'Tệp không có buổi họp nào.', en: 'The file holds no deck.' };
		const { file, added } = mergeDeckFile(this.file, parsed.value);
		this.commit(file);
		return { ok: true, value: { added } };
	}

	exportJson(deckId?: string): string {
		return exportDeckFile(this.file, deckId);
	}
}

export const decks = new DeckSession();
// Server mode (fixed by the build): the decks follow the office's server.
if (__CHISO_SERVER__ && typeof window !== 'undefined') void decks.connect(serverDecks);
