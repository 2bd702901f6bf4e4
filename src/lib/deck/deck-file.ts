/**
 * A deck file as text: reading one (its format version checked and older versions migrated, every deck
 * and slide checked), adding an imported file's decks to the stored ones, the JSON to save, and the
 * copy kept in localStorage (storage is passed in, so tests use a stand-in). Pure, like `deck.ts`.
 */
import { cleanText, parseSpec, type Parsed } from './chart-spec';
import {
	DECK_FILE_KIND,
	DECK_FILE_VERSION,
	emptyFile,
	findDeck,
	MAX_DECKS,
	MAX_NAME,
	MAX_NOTE,
	MAX_SLIDES,
	newId,
	uniqueName,
	type Deck,
	type DeckFile,
	type Slide
} from './deck';

export const STORAGE_KEY = 'chi-so.decks';
/** A stored value that could not be read is kept here instead of being overwritten. */
export const BROKEN_KEY = 'chi-so.decks.unreadable';
/** Larger files are refused before parsing (a deck of 300 slides is far below this). */
export const MAX_FILE_BYTES = 5_000_000;

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
