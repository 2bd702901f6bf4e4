/**
 * Meeting decks: ordered lists of pinned charts, each with its chart spec, an editable title and a
 * speaker note. Everything here is a pure function over a versioned `DeckFile` (the same shape is
 * kept in localStorage and exported as JSON), so the rules are tested as plain TypeScript; storage is
 * passed in. `deck.svelte.ts` is the thin reactive wrapper the pages use.
 */
import { cleanText, parseSpec, type ChartSpec, type Parsed } from './chart-spec';

export const DECK_FILE_VERSION = 1;
/** What a deck file says it is, so that a JSON file of something else is recognised as such. */
export const DECK_FILE_KIND = 'chi-so/deck';
export const STORAGE_KEY = 'chi-so.decks';
/** A stored value that could not be read is kept here instead of being overwritten. */
export const BROKEN_KEY = 'chi-so.decks.unreadable';

export const MAX_DECKS = 200;
export const MAX_SLIDES = 300;
export const MAX_NOTE = 10_000;
export const MAX_NAME = 200;
/** Larger files are refused before parsing (a deck of 300 slides is far below this). */
export const MAX_FILE_BYTES = 5_000_000;

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

export const moveSlideUp = (file: DeckFile, deckId: string, slideId: string) =>
	moveSlideBy(file, deckId, slideId, -1);
export const moveSlideDown = (file: DeckFile, deckId: string, slideId: string) =>
	moveSlideBy(file, deckId, slideId, 1);

export function setSlideTitle(file: DeckFile, deckId: string, slideId: string, title: string): DeckFile {
	return withSlide(file, deckId, slideId, (s) => ({ ...s, title: cleanText(title) }));
}

export function setSlideNote(file: DeckFile, deckId: string, slideId: string, note: string): DeckFile {
	// Notes keep their line breaks and inner spacing; only the ends are trimmed.
	return withSlide(file, deckId, slideId, (s) => ({ ...s, note: cleanText(note, MAX_NOTE) }));
}

// ——— Reading files ———

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from older file versions, each to the next one (`MIGRATIONS[n]` turns version n into
 * n + 1). Version 1 is the first; when version 2 comes, `MIGRATIONS[1]` goes here and old files load.
 */
export const MIGRATIONS: Record<number, Migration> = {};

function fail(vi: string, en: string): { ok: false; vi: string; en: string } {
	return { ok: false, vi, en };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function migrate(
	raw: Record<string, unknown>,
	migrations: Record<number, Migration>
): Parsed<Record<string, unknown>> {
	let value = raw;
	let version = value.version;
	if (typeof version !== 'number' || !Number.isInteger(version))
		return fail(
			'Tệp không có số phiên bản của bộ trình chiếu Chỉ Số.',
			'The file has no Chỉ Số deck version number.'
		);
	if (version > DECK_FILE_VERSION)
		return fail(
			`Tệp được tạo bởi phiên bản Chỉ Số mới hơn (định dạng ${version}); hãy cập nhật ứng dụng rồi nhập lại.`,
			`The file was made by a newer Chỉ Số (format ${version}); update the app and import it again.`
		);
	while (version < DECK_FILE_VERSION) {
		const step = migrations[version];
		if (!step)
			return fail(
				`Định dạng cũ ${version} không còn được hỗ trợ.`,
				`The old format ${version} is no longer supported.`
			);
		value = step(value);
		version = value.version;
		if (typeof version !== 'number')
			return fail('Chuyển đổi tệp cũ thất bại.', 'Migrating the old file failed.');
	}
	return { ok: true, value };
}

function parseSlide(raw: unknown, where: string): Parsed<Slide> {
	if (!isObject(raw)) return fail(`${where}: không phải một đối tượng`, `${where}: not an object`);
	const spec = parseSpec(raw.spec, where);
	if (!spec.ok) return spec;
	for (const key of ['title', 'note'] as const)
		if (raw[key] !== undefined && typeof raw[key] !== 'string')
			return fail(`${where}: “${key}” phải là chữ`, `${where}: “${key}” must be text`);
	return {
		ok: true,
		value: {
			id: typeof raw.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw.id) ? raw.id : newId(),
			spec: spec.value,
			title: cleanText((raw.title as string | undefined) ?? ''),
			note: cleanText((raw.note as string | undefined) ?? '', MAX_NOTE)
		}
	};
}

function parseDeck(raw: unknown, where: string): Parsed<Deck> {
	if (!isObject(raw)) return fail(`${where}: không phải một đối tượng`, `${where}: not an object`);
	if (typeof raw.name !== 'string' || !cleanText(raw.name, MAX_NAME))
		return fail(`${where}: thiếu tên buổi họp`, `${where}: the deck has no name`);
	if (!Array.isArray(raw.slides))
		return fail(`${where}: thiếu danh sách biểu đồ (“slides”)`, `${where}: no list of charts (“slides”)`);
	if (raw.slides.length > MAX_SLIDES)
		return fail(
			`${where}: quá nhiều biểu đồ (tối đa ${MAX_SLIDES})`,
			`${where}: too many charts (at most ${MAX_SLIDES})`
		);
	const slides: Slide[] = [];
	for (const [i, s] of raw.slides.entries()) {
		const slide = parseSlide(s, `${where}, biểu đồ ${i + 1} · chart ${i + 1}`);
		if (!slide.ok) return slide;
		slides.push(slide.value);
	}
	const created =
		typeof raw.created === 'string' && !Number.isNaN(Date.parse(raw.created)) ? raw.created : '';
	return {
		ok: true,
		value: {
			id: typeof raw.id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(raw.id) ? raw.id : newId(),
			name: cleanText(raw.name, MAX_NAME),
			created: created || new Date(0).toISOString(),
			slides
		}
	};
}

/**
 * A deck file from JSON text (or an already parsed value): every field is checked, older versions
 * are migrated, newer ones and anything else are refused with a message in both languages. Slide and
 * deck ids are made unique.
 */
export function parseDeckFile(
	input: string | unknown,
	migrations: Record<number, Migration> = MIGRATIONS
): Parsed<DeckFile> {
	let raw: unknown = input;
	if (typeof input === 'string') {
		if (input.length > MAX_FILE_BYTES)
			return fail('Tệp quá lớn để là một bộ trình chiếu.', 'The file is too large to be a deck.');
		try {
			raw = JSON.parse(input.replace(/^\uFEFF/, ''));
		} catch {
			return fail(
				'Tệp không phải JSON hợp lệ (có thể đã bị cắt hoặc sửa hỏng).',
				'The file is not valid JSON (it may be cut short or damaged).'
			);
		}
	}
	if (!isObject(raw))
		return fail('Tệp không phải bộ trình chiếu của Chỉ Số.', 'The file is not a Chỉ Số deck file.');
	if (raw.kind !== undefined && raw.kind !== DECK_FILE_KIND)
		return fail(
			`Tệp là “${String(raw.kind)}”, không phải bộ trình chiếu của Chỉ Số.`,
			`The file is “${String(raw.kind)}”, not a Chỉ Số deck file.`
		);
	if (raw.kind === undefined && !('decks' in raw))
		return fail('Tệp không phải bộ trình chiếu của Chỉ Số.', 'The file is not a Chỉ Số deck file.');
	const migrated = migrate(raw, migrations);
	if (!migrated.ok) return migrated;
	const value = migrated.value;
	if (!Array.isArray(value.decks))
		return fail('Tệp không có danh sách buổi họp (“decks”).', 'The file has no list of decks (“decks”).');
	if (value.decks.length > MAX_DECKS)
		return fail(`Quá nhiều buổi họp (tối đa ${MAX_DECKS}).`, `Too many decks (at most ${MAX_DECKS}).`);
	const decks: Deck[] = [];
	const deckIds = new Set<string>();
	const slideIds = new Set<string>();
	for (const [i, d] of value.decks.entries()) {
		const deck = parseDeck(d, `Buổi họp ${i + 1} · Deck ${i + 1}`);
		if (!deck.ok) return deck;
		const v = deck.value;
		if (deckIds.has(v.id)) v.id = newId();
		deckIds.add(v.id);
		for (const s of v.slides) {
			if (slideIds.has(s.id)) s.id = newId();
			slideIds.add(s.id);
		}
		decks.push(v);
	}
	const current =
		typeof value.current === 'string' && deckIds.has(value.current) ? value.current : (decks[0]?.id ?? '');
	return { ok: true, value: { version: 1, kind: DECK_FILE_KIND, decks, current } };
}

/**
 * Add the decks of an imported file to `file`: ids that clash get new ones, names that clash get a
 * number. The first imported deck becomes the current one.
 */
export function mergeDeckFile(file: DeckFile, incoming: DeckFile): { file: DeckFile; added: string[] } {
	let next = file;
	const added: string[] = [];
	const usedSlides = new Set(file.decks.flatMap((d) => d.slides.map((s) => s.id)));
	for (const deck of incoming.decks) {
		if (next.decks.length >= MAX_DECKS) break;
		const id = findDeck(next, deck.id) ? newId() : deck.id;
		const slides = deck.slides.map((s) => {
			const sid = usedSlides.has(s.id) ? newId() : s.id;
			usedSlides.add(sid);
			return { ...s, id: sid };
		});
		next = { ...next, decks: [...next.decks, { ...deck, id, name: uniqueName(next, deck.name), slides }] };
		added.push(id);
	}
	return { file: added.length ? { ...next, current: added[0] } : next, added };
}

/** The JSON of one deck (or all of them) as a file to save. */
export function exportDeckFile(file: DeckFile, deckId?: string): string {
	const decks = deckId ? file.decks.filter((d) => d.id === deckId) : file.decks;
	const out: DeckFile = {
		version: 1,
		kind: DECK_FILE_KIND,
		decks,
		current: decks.some((d) => d.id === file.current) ? file.current : (decks[0]?.id ?? '')
	};
	return JSON.stringify(out, null, '\t') + '\n';
}

// ——— Storage ———

/** What localStorage offers (tests pass a Map-backed stand-in). */
export type DeckStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The stored decks; an empty file when there are none. A stored value that cannot be read is copied
 * to `BROKEN_KEY` (so a later fix can recover it) and an empty file is returned with a message.
 */
export function loadDeckFile(storage: DeckStorage): { file: DeckFile; problem?: { vi: string; en: string } } {
	let text: string | null;
	try {
		text = storage.getItem(STORAGE_KEY);
	} catch {
		return {
			file: emptyFile(),
			problem: {
				vi: 'Trình duyệt không cho đọc bộ nhớ cục bộ; các buổi họp sẽ không được lưu.',
				en: 'The browser does not allow local storage; decks will not be saved.'
			}
		};
	}
	if (text === null) return { file: emptyFile() };
	const parsed = parseDeckFile(text);
	if (parsed.ok) return { file: parsed.value };
	try {
		storage.setItem(BROKEN_KEY, text);
	} catch {
		// Nothing more can be done; the message below still tells the person.
	}
	return {
		file: emptyFile(),
		problem: {
			vi: `Không đọc được các buổi họp đã lưu (${parsed.vi}). Bản cũ được giữ lại trong trình duyệt.`,
			en: `The saved decks could not be read (${parsed.en}). The old copy is kept in the browser.`
		}
	};
}

export function saveDeckFile(
	storage: DeckStorage,
	file: DeckFile
): { ok: true } | { ok: false; vi: string; en: string } {
	try {
		storage.setItem(STORAGE_KEY, JSON.stringify(file));
		return { ok: true };
	} catch {
		return fail(
			'Không lưu được buổi họp (bộ nhớ trình duyệt đầy hoặc bị chặn). Hãy xuất tệp JSON để giữ lại.',
			'The deck could not be saved (browser storage is full or blocked). Export it as JSON to keep it.'
		);
	}
}
