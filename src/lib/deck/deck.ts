/**
 * Meeting decks: ordered lists of pinned charts, each with its chart spec, an editable title and a
 * speaker note. Everything here is a pure function over a versioned `DeckFile` (the same shape is
 * kept in localStorage and exported as JSON), so the rules are tested as plain TypeScript. Reading,
 * merging, exporting and storing the file is in `deck-file.ts`; `deck.svelte.ts` is the thin reactive
 * wrapper the pages use.
 */
import { cleanText, type ChartSpec } from './chart-spec';

export const DECK_FILE_VERSION = 1;
/** What a deck file says it is, so that a JSON file of something else is recognised as such. */
export const DECK_FILE_KIND = 'chi-so/deck';

export const MAX_DECKS = 200;
export const MAX_SLIDES = 300;
export const MAX_NOTE = 10_000;
export const MAX_NAME = 200;

export interface Slide {
	id: string;
	spec: ChartSpec;
	/** The title shown on the slide; '' means the chart's automatic title. */
	title: string;
	/** Speaker note (shown in the deck editor and the PPTX notes, never on the projected slide). */
	note: string;
}

export interface Deck {
	id: string;
	name: string;
	/** ISO time the deck was made. */
	created: string;
	slides: Slide[];
}

export interface DeckFile {
	version: 1;
	kind?: typeof DECK_FILE_KIND;
	decks: Deck[];
	/** Id of the deck that pins go to and that "Present" shows. */
	current: string;
}

export const DEFAULT_DECK_NAME = 'Buổi họp mới';

export function emptyFile(): DeckFile {
	return { version: 1, kind: DECK_FILE_KIND, decks: [], current: '' };
}

/** Random ids (slides keep theirs when moved, so keyed lists and focus follow them). */
export function newId(): string {
	const bytes = new Uint8Array(9);
	globalThis.crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

export function currentDeck(file: DeckFile): Deck | undefined {
	return file.decks.find((d) => d.id === file.current) ?? file.decks[0];
}

export function findDeck(file: DeckFile, deckId: string): Deck | undefined {
	return file.decks.find((d) => d.id === deckId);
}

function withDeck(file: DeckFile, deckId: string, change: (deck: Deck) => Deck): DeckFile {
	if (!findDeck(file, deckId)) return file;
	return { ...file, decks: file.decks.map((d) => (d.id === deckId ? change(d) : d)) };
}

function withSlide(file: DeckFile, deckId: string, slideId: string, change: (s: Slide) => Slide): DeckFile {
	return withDeck(file, deckId, (deck) => ({
		...deck,
		slides: deck.slides.map((s) => (s.id === slideId ? change(s) : s))
	}));
}

/** A name not yet used by another deck: `Buổi họp mới`, `Buổi họp mới (2)`, … */
export function uniqueName(file: DeckFile, wanted: string, exceptId = ''): string {
	const base = cleanText(wanted, MAX_NAME) || DEFAULT_DECK_NAME;
	const taken = new Set(file.decks.filter((d) => d.id !== exceptId).map((d) => d.name));
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
}

// ——— Decks ———

export function createDeck(
	file: DeckFile,
	name: string,
	opts: { id?: string; now?: Date } = {}
): { file: DeckFile; id: string } {
	const id = opts.id ?? newId();
	const deck: Deck = {
		id,
		name: uniqueName(file, name),
		created: (opts.now ?? new Date()).toISOString(),
		slides: []
	};
	return { file: { ...file, decks: [...file.decks, deck], current: id }, id };
}

export function renameDeck(file: DeckFile, deckId: string, name: string): DeckFile {
	const clean = cleanText(name, MAX_NAME);
	if (!clean) return file;
	return withDeck(file, deckId, (d) => ({ ...d, name: uniqueName(file, clean, deckId) }));
}

/** Remove a deck; the current deck moves to its neighbour. */
export function deleteDeck(file: DeckFile, deckId: string): DeckFile {
	const index = file.decks.findIndex((d) => d.id === deckId);
	if (index < 0) return file;
	const decks = file.decks.filter((d) => d.id !== deckId);
	const current =
		file.current === deckId ? (decks[Math.min(index, decks.length - 1)]?.id ?? '') : file.current;
	return { ...file, decks, current };
}

export function selectDeck(file: DeckFile, deckId: string): DeckFile {
	return findDeck(file, deckId) ? { ...file, current: deckId } : file;
}

/** Move a deck in the list of decks (for the order they are listed in). */
export function moveDeck(file: DeckFile, deckId: string, to: number): DeckFile {
	return { ...file, decks: moveItem(file.decks, (d) => d.id === deckId, to) };
}

// ——— Slides ———

/**
 * Pin a chart to a deck (the current one when `deckId` is ''; a new deck is made when there is none).
 * Returns the deck and slide ids.
 */
export function addSlide(
	file: DeckFile,
	deckId: string,
	spec: ChartSpec,
	opts: { id?: string; title?: string; note?: string; now?: Date; newDeckName?: string } = {}
): { file: DeckFile; deckId: string; slideId: string } {
	let next = file;
	let target = deckId ? findDeck(file, deckId)?.id : currentDeck(file)?.id;
	if (!target) {
		const made = createDeck(file, opts.newDeckName ?? DEFAULT_DECK_NAME, { now: opts.now });
		next = made.file;
		target = made.id;
	}
	const slide: Slide = {
		id: opts.id ?? newId(),
		spec,
		title: cleanText(opts.title ?? ''),
		note: cleanText(opts.note ?? '', MAX_NOTE)
	};
	next = withDeck(next, target, (d) =>
		d.slides.length >= MAX_SLIDES ? d : { ...d, slides: [...d.slides, slide] }
	);
	return { file: next, deckId: target, slideId: slide.id };
}

export function removeSlide(file: DeckFile, deckId: string, slideId: string): DeckFile {
	return withDeck(file, deckId, (d) => ({ ...d, slides: d.slides.filter((s) => s.id !== slideId) }));
}

/** `items` with the first match moved to index `to` (clamped); the same array when nothing moves. */
export function moveItem<T>(items: readonly T[], match: (item: T) => boolean, to: number): T[] {
	const from = items.findIndex(match);
	if (from < 0) return [...items];
	const target = Math.max(0, Math.min(items.length - 1, Math.trunc(to)));
	if (target === from) return [...items];
	const out = [...items];
	const [item] = out.splice(from, 1);
	out.splice(target, 0, item);
	return out;
}

export function moveSlide(file: DeckFile, deckId: string, slideId: string, to: number): DeckFile {
	return withDeck(file, deckId, (d) => ({ ...d, slides: moveItem(d.slides, (s) => s.id === slideId, to) }));
}

export function slideIndex(file: DeckFile, deckId: string, slideId: string): number {
	return findDeck(file, deckId)?.slides.findIndex((s) => s.id === slideId) ?? -1;
}

export function moveSlideBy(file: DeckFile, deckId: string, slideId: string, by: number): DeckFile {
	const index = slideIndex(file, deckId, slideId);
	return index < 0 ? file : moveSlide(file, deckId, slideId, index + by);
}

export function setSlideTitle(file: DeckFile, deckId: string, slideId: string, title: string): DeckFile {
	return withSlide(file, deckId, slideId, (s) => ({ ...s, title: cleanText(title) }));
}

export function setSlideNote(file: DeckFile, deckId: string, slideId: string, note: string): DeckFile {
	// Notes keep their line breaks and inner spacing; only the ends are trimmed.
	return withSlide(file, deckId, slideId, (s) => ({ ...s, note: cleanText(note, MAX_NOTE) }));
}
