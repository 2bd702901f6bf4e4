/** The reactive deck session over a stand-in storage: what PinButton and the deck page call. */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/lib/deck/chart-spec';
import { STORAGE_KEY, type DeckStorage } from '../../src/lib/deck/deck-file';
import { DeckSession } from '../../src/lib/deck/deck.svelte';

function memoryStorage(): DeckStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const spec = (year: string): ChartSpec => ({
	version: 1,
	kind: 'ranking',
	indicator: 'petition_resolution_rate',
	units: [],
	year,
	grouping: 'unit'
});

describe('DeckSession', () => {
	it('pins to a new deck when there is none, then to the current one, and saves each change', () => {
		const storage = memoryStorage();
		const decks = new DeckSession(storage);
		expect(decks.current).toBeUndefined();
		const first = decks.pin(spec('2023'));
		expect(decks.current?.name).toBe('Buổi họp mới');
		expect(decks.isPinned(spec('2023'))).toBe(true);
		expect(decks.isPinned(spec('2022'))).toBe(false);
		const second = decks.pin(spec('2022'));
		expect(second.deckId).toBe(first.deckId);
		expect(JSON.parse(storage.data.get(STORAGE_KEY)!).decks[0].slides).toHaveLength(2);
		// A new session (a reload) reads the same decks back.
		expect(new DeckSession(storage).current?.slides.map((s) => s.spec.year)).toEqual(['2023', '2022']);
	});

	it('pins into a new named deck and makes it current', () => {
		const decks = new DeckSession(memoryStorage());
		decks.pin(spec('2023'));
		const where = decks.pin(spec('2024'), '', 'Giao ban quý IV/2024');
		expect(decks.current?.id).toBe(where.deckId);
		expect(decks.current?.name).toBe('Giao ban quý IV/2024');
		expect(decks.file.decks).toHaveLength(2);
	});

	it('edits, moves and removes slides of a deck', () => {
		const decks = new DeckSession(memoryStorage());
		const a = decks.pin(spec('2021'));
		const b = decks.pin(spec('2022'));
		decks.setTitle(a.deckId, a.slideId, 'Năm 2021');
		decks.setNote(a.deckId, a.slideId, 'Ghi chú');
		decks.moveSlideBy(a.deckId, a.slideId, 1);
		expect(decks.current?.slides.map((s) => s.id)).toEqual([b.slideId, a.slideId]);
		expect(decks.current?.slides[1]).toMatchObject({ title: 'Năm 2021', note: 'Ghi chú' });
		decks.removeSlide(a.deckId, b.slideId);
		expect(decks.current?.slides).toHaveLength(1);
		decks.rename(a.deckId, 'Họp tháng 12');
		expect(decks.current?.name).toBe('Họp tháng 12');
		decks.remove(a.deckId);
		expect(decks.file.decks).toHaveLength(0);
	});

	it('imports a good file, refuses a bad one without changing anything', () => {
		const decks = new DeckSession(memoryStorage());
		decks.pin(spec('2023'));
		const exported = decks.exportJson();
		const before = decks.file;
		const bad = decks.importJson('{"kind":"chi-so/deck","version":1,"decks":[{"name":"x"}]}');
		expect(bad.ok).toBe(false);
		expect(decks.file).toBe(before);
		expect(decks.importJson('{"kind":"chi-so/deck","version":1,"decks":[]}').ok).toBe(false);
		const good = decks.importJson(exported);
		expect(good.ok).toBe(true);
		expect(decks.file.decks.map((d) => d.name)).toEqual(['Buổi họp mới', 'Buổi họp mới (2)']);
	});

	it('reports storage that cannot save', () => {
		const full: DeckStorage = {
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		const decks = new DeckSession(full);
		decks.pin(spec('2023'));
		expect(decks.current?.slides).toHaveLength(1); // kept for this session
		expect(decks.problem?.en).toContain('could not be saved');
	});
});
