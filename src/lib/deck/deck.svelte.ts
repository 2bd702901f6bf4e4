/**
 * The decks of this browser, reactive: a thin wrapper that applies the pure functions of `deck.ts`,
 * saves every change to localStorage, and follows changes made in other tabs (a deck edited in one
 * window while another presents it).
 */
import type { ChartSpec, Parsed } from './chart-spec';
import { sameSpec } from './chart-spec';
import {
	addSlide,
	createDeck,
	currentDeck,
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

type Message = { vi: string; en: string };

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

	constructor(private storage: DeckStorage | null = browserStorage()) {
		this.reload();
		if (typeof window !== 'undefined')
			window.addEventListener('storage', (e) => {
				if (e.key === STORAGE_KEY) this.reload();
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
		this.file = next;
		if (!this.storage) return;
		const saved = saveDeckFile(this.storage, next);
		this.problem = saved.ok ? null : { vi: saved.vi, en: saved.en };
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
