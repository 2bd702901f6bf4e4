import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-spec';
import {
	addSlide,
	createDeck,
	currentDeck,
	DECK_FILE_KIND,
	deleteDeck,
	emptyFile,
	moveItem,
	moveSlide,
	moveSlideBy,
	removeSlide,
	renameDeck,
	selectDeck,
	setSlideNote,
	setSlideTitle,
	type DeckFile
} from './deck';
import {
	BROKEN_KEY,
	exportDeckFile,
	loadDeckFile,
	mergeDeckFile,
	parseDeckFile,
	saveDeckFile,
	STORAGE_KEY,
	type DeckStorage
} from './deck-file';

const spec = (indicator = 'petition_resolution_rate', over: Partial<ChartSpec> = {}): ChartSpec => ({
	version: 1,
	kind: 'ranking',
	indicator,
	units: [],
	grouping: 'unit',
	...over
});

const NOW = new Date('2024-12-20T08:00:00Z');

/** A deck "Q4" with slides a, b, c. */
function sample(): DeckFile {
	let file = createDeck(emptyFile(), 'Giao ban quý IV/2024', { id: 'q4', now: NOW }).file;
	for (const id of ['a', 'b', 'c']) file = addSlide(file, 'q4', spec(`code_${id}`), { id }).file;
	return file;
}
const order = (file: DeckFile, deckId = 'q4') =>
	file.decks.find((d) => d.id === deckId)!.slides.map((s) => s.id);

function memoryStorage(initial: Record<string, string> = {}): DeckStorage & { data: Map<string, string> } {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v)
	};
}

describe('decks', () => {
	it('creates decks with unique names and makes the new one current', () => {
		let file = createDeck(emptyFile(), 'Giao ban', { id: 'd1', now: NOW }).file;
		file = createDeck(file, 'Giao ban', { id: 'd2', now: NOW }).file;
		file = createDeck(file, '   ', { id: 'd3', now: NOW }).file;
		expect(file.decks.map((d) => d.name)).toEqual(['Giao ban', 'Giao ban (2)', 'Buổi họp mới']);
		expect(file.current).toBe('d3');
		expect(file.decks[0].created).toBe('2024-12-20T08:00:00.000Z');
	});

	it('renames (ignoring empty names), selects and deletes', () => {
		let file = createDeck(sample(), 'Khác', { id: 'other' }).file;
		expect(renameDeck(file, 'q4', '  ')).toBe(file);
		file = renameDeck(file, 'q4', 'Khác');
		expect(file.decks[0].name).toBe('Khác (2)');
		file = selectDeck(file, 'q4');
		expect(currentDeck(file)!.id).toBe('q4');
		expect(selectDeck(file, 'nope')).toBe(file);
		file = deleteDeck(file, 'q4');
		expect(file.decks.map((d) => d.id)).toEqual(['other']);
		expect(file.current).toBe('other');
		file = deleteDeck(file, 'other');
		expect(file).toEqual({ ...emptyFile(), current: '' });
		expect(currentDeck(file)).toBeUndefined();
	});
});

describe('slides', () => {
	it('pins to the current deck, or a new deck when there is none', () => {
		const first = addSlide(emptyFile(), '', spec(), { id: 's1' });
		expect(first.file.decks).toHaveLength(1);
		expect(first.file.decks[0].name).toBe('Buổi họp mới');
		expect(first.deckId).toBe(first.file.current);
		expect(first.file.decks[0].slides).toEqual([{ id: 's1', spec: spec(), title: '', note: '' }]);
		const second = addSlide(first.file, '', spec('x'), { title: '  Tiêu đề ', note: 'Ghi chú' });
		expect(second.deckId).toBe(first.deckId);
		expect(second.file.decks[0].slides[1]).toMatchObject({ title: 'Tiêu đề', note: 'Ghi chú' });
	});

	it('pins to a chosen deck', () => {
		const file = createDeck(sample(), 'Khác', { id: 'other' }).file;
		const r = addSlide(file, 'q4', spec('d'), { id: 'd' });
		expect(order(r.file)).toEqual(['a', 'b', 'c', 'd']);
		expect(order(r.file, 'other')).toEqual([]);
	});

	it('removes, retitles and annotates one slide only', () => {
		let file = removeSlide(sample(), 'q4', 'b');
		expect(order(file)).toEqual(['a', 'c']);
		file = setSlideTitle(file, 'q4', 'c', 'Số vụ việc tăng');
		file = setSlideNote(file, 'q4', 'c', 'Nói về Phổ An.\nHỏi lý do.');
		const [a, c] = file.decks[0].slides;
		expect(a).toMatchObject({ title: '', note: '' });
		expect(c).toMatchObject({ title: 'Số vụ việc tăng', note: 'Nói về Phổ An.\nHỏi lý do.' });
	});

	it('moves slides up, down and to an index, clamped', () => {
		const file = sample();
		expect(order(moveSlideBy(file, 'q4', 'b', -1))).toEqual(['b', 'a', 'c']);
		expect(order(moveSlideBy(file, 'q4', 'a', -1))).toEqual(['a', 'b', 'c']);
		expect(order(moveSlideBy(file, 'q4', 'b', 1))).toEqual(['a', 'c', 'b']);
		expect(order(moveSlideBy(file, 'q4', 'c', 1))).toEqual(['a', 'b', 'c']);
		expect(order(moveSlide(file, 'q4', 'a', 2))).toEqual(['b', 'c', 'a']);
		expect(order(moveSlide(file, 'q4', 'c', -5))).toEqual(['c', 'a', 'b']);
		expect(order(moveSlide(file, 'q4', 'zz', 0))).toEqual(['a', 'b', 'c']);
		expect(moveItem([1, 2, 3], (x) => x === 3, 0)).toEqual([3, 1, 2]);
	});

	it('never changes the file it is given', () => {
		const file = sample();
		const copy = structuredClone(file);
		moveSlideBy(file, 'q4', 'a', 1);
		setSlideNote(file, 'q4', 'a', 'x');
		removeSlide(file, 'q4', 'a');
		deleteDeck(file, 'q4');
		expect(file).toEqual(copy);
	});
});

describe('parseDeckFile', () => {
	it('reads back what export writes', () => {
		const file = setSlideNote(sample(), 'q4', 'a', 'Ghi chú “có” dấu');
		const r = parseDeckFile(exportDeckFile(file));
		expect(r).toEqual({ ok: true, value: file });
	});

	it('exports one deck on its own', () => {
		const file = createDeck(sample(), 'Khác', { id: 'other' }).file;
		const r = parseDeckFile(exportDeckFile(file, 'q4'));
		expect(r.ok && r.value.decks.map((d) => d.id)).toEqual(['q4']);
		expect(r.ok && r.value.current).toBe('q4');
	});

	it.each([
		['{ "version": 1, "decks": [', 'not valid JSON'],
		['[]', 'not a Chỉ Số deck'],
		['"hello"', 'not a Chỉ Số deck'],
		['{"name":"x"}', 'not a Chỉ Số deck'],
		['{"kind":"chi-so/view","version":1,"decks":[]}', 'not a Chỉ Số deck'],
		['{"kind":"chi-so/deck","decks":[]}', 'no Chỉ Số deck version'],
		['{"kind":"chi-so/deck","version":"1","decks":[]}', 'no Chỉ Số deck version'],
		['{"kind":"chi-so/deck","version":7,"decks":[]}', 'newer Chỉ Số'],
		['{"kind":"chi-so/deck","version":0,"decks":[]}', 'old format 0'],
		['{"kind":"chi-so/deck","version":1}', 'no list of decks'],
		['{"kind":"chi-so/deck","version":1,"decks":[{"slides":[]}]}', 'Deck 1: the deck has no name'],
		['{"kind":"chi-so/deck","version":1,"decks":[{"name":"a"}]}', 'no list of charts'],
		[
			'{"kind":"chi-so/deck","version":1,"decks":[{"name":"a","slides":[{"spec":{"version":1,"kind":"pie","indicator":"x","units":[]}}]}]}',
			'Deck 1, biểu đồ 1 · chart 1: unknown chart kind'
		],
		[
			'{"kind":"chi-so/deck","version":1,"decks":[{"name":"a","slides":[{"note":3,"spec":{"version":1,"kind":"trend","indicator":"x","units":[]}}]}]}',
			'“note” must be text'
		]
	])('refuses %s', (text, en) => {
		const r = parseDeckFile(text);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.en).toContain(en);
			expect(r.vi).not.toBe(r.en);
		}
	});

	it('refuses a file that is far too large before parsing it', () => {
		const r = parseDeckFile(' '.repeat(5_000_001));
		expect(r.ok).toBe(false);
	});

	it('reads a BOM, fills missing ids and makes duplicate ids unique', () => {
		const s = { version: 1, kind: 'trend', indicator: 'x', units: [], grouping: 'unit' };
		const text =
			'\uFEFF' +
			JSON.stringify({
				kind: DECK_FILE_KIND,
				version: 1,
				current: 'nope',
				decks: [
					{ id: 'same', name: 'A', slides: [{ id: 's', spec: s }, { id: 's', spec: s }, { spec: s }] },
					{ id: 'same', name: 'B', slides: [] }
				]
			});
		const r = parseDeckFile(text);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const ids = r.value.decks.map((d) => d.id);
		expect(new Set(ids).size).toBe(2);
		const slideIds = r.value.decks[0].slides.map((x) => x.id);
		expect(new Set(slideIds).size).toBe(3);
		expect(r.value.current).toBe(ids[0]);
		expect(r.value.decks[0].slides[0]).toMatchObject({ title: '', note: '' });
	});

	it('runs migrations from older versions in order', () => {
		// A made-up version 0 that kept the slides of one deck at the top level.
		const migrations = {
			0: (raw: Record<string, unknown>) => ({
				version: 1,
				decks: [{ name: raw.name, slides: raw.slides }]
			})
		};
		const v0 = { kind: DECK_FILE_KIND, version: 0, name: 'Cũ', slides: [{ spec: spec() }] };
		const r = parseDeckFile(JSON.stringify(v0), migrations);
		expect(r.ok && r.value.decks[0].name).toBe('Cũ');
		expect(r.ok && r.value.decks[0].slides[0].spec).toEqual(spec());
	});
});

describe('mergeDeckFile', () => {
	it('adds imported decks with fresh ids and names where they clash, and selects the first', () => {
		const mine = sample();
		const incoming = parseDeckFile(exportDeckFile(sample())) as { ok: true; value: DeckFile };
		const { file, added } = mergeDeckFile(mine, incoming.value);
		expect(file.decks).toHaveLength(2);
		expect(added).toHaveLength(1);
		expect(added[0]).not.toBe('q4');
		expect(file.current).toBe(added[0]);
		expect(file.decks[1].name).toBe('Giao ban quý IV/2024 (2)');
		const slideIds = file.decks.flatMap((d) => d.slides.map((s) => s.id));
		expect(new Set(slideIds).size).toBe(6);
		expect(mine.decks).toHaveLength(1);
	});
});

describe('storage', () => {
	it('starts empty and saves and loads the file', () => {
		const storage = memoryStorage();
		expect(loadDeckFile(storage)).toEqual({ file: emptyFile() });
		expect(saveDeckFile(storage, sample())).toEqual({ ok: true });
		expect(loadDeckFile(storage).file).toEqual(sample());
	});

	it('keeps an unreadable stored value aside and says so', () => {
		const storage = memoryStorage({ [STORAGE_KEY]: '{broken' });
		const r = loadDeckFile(storage);
		expect(r.file).toEqual(emptyFile());
		expect(r.problem?.en).toContain('could not be read');
		expect(storage.data.get(BROKEN_KEY)).toBe('{broken');
	});

	it('reports storage that throws (full or blocked)', () => {
		const throwing: DeckStorage = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(loadDeckFile(throwing).problem?.en).toContain('local storage');
		const saved = saveDeckFile(throwing, sample());
		expect(saved.ok).toBe(false);
	});
});
