/**
 * Decks on the office's server: the pure merge of the server's list with a browser's copy, and the
 * deck session against an in-memory stand-in of `/api/decks` that keeps the server's rules (only the
 * owner writes; others see a deck once it is shared).
 */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/lib/deck/chart-spec';
import { emptyFile, type Deck, type DeckFile } from '../../src/lib/deck/deck';
import type { DeckStorage } from '../../src/lib/deck/deck-file';
import type { DeckRemote } from '../../src/lib/deck/deck-remote';
import { deckChanges, emptySync, mergeRemote, type RemoteDeck } from '../../src/lib/deck/deck-sync';
import { DeckSession } from '../../src/lib/deck/deck.svelte';

const spec = (year: string): ChartSpec => ({
	version: 1,
	kind: 'ranking',
	indicator: 'petition_resolution_rate',
	units: [],
	year,
	grouping: 'unit'
});
const deck = (id: string, name: string, years: string[] = []): Deck => ({
	id,
	name,
	created: '2026-12-01T08:00:00.000Z',
	slides: years.map((y) => ({ id: `${id}-${y}`, spec: spec(y), title: '', note: '' }))
});
const fileOf = (...decks: Deck[]): DeckFile => ({ ...emptyFile(), decks, current: decks[0]?.id ?? '' });
const remote = (d: Deck, owner: string, shared = false): RemoteDeck => ({
	id: d.id,
	owner,
	shared,
	body: d,
	updatedAt: '2026-12-01T09:00:00Z'
});

describe('merging the server’s decks with this browser’s copy', () => {
	it('takes the server’s version, sends decks made here, drops decks the server no longer has', () => {
		const onServer = deck('a', 'Giao ban (máy chủ)', ['2023']);
		const local = fileOf(
			deck('a', 'Giao ban (cũ)'),
			deck('b', 'Mới ở máy này'),
			deck('c', 'Đã xoá nơi khác')
		);
		const merged = mergeRemote(local, [remote(onServer, 'thu')], 'thu', { synced: ['a', 'c'], dirty: [] });
		expect(merged.file.decks.map((d) => d.name)).toEqual(['Giao ban (máy chủ)', 'Mới ở máy này']);
		expect(merged.upload.map((d) => d.id)).toEqual(['b']);
		expect(merged.owners.a).toEqual({ owner: 'thu', shared: false, mine: true });
		expect(merged.state).toEqual({ synced: ['a'], dirty: ['b'] });
	});

	it('keeps one’s own change that the server has not taken yet, but never another person’s', () => {
		const mineEdited = deck('a', 'Sửa khi mất mạng');
		const othersEdited = deck('x', 'Sửa trộm');
		const merged = mergeRemote(
			fileOf(mineEdited, othersEdited),
			[remote(deck('a', 'Bản trên máy chủ'), 'thu'), remote(deck('x', 'Của lan'), 'lan', true)],
			'thu',
			{ synced: ['a', 'x'], dirty: ['a', 'x'] }
		);
		expect(merged.file.decks.map((d) => d.name)).toEqual(['Sửa khi mất mạng', 'Của lan']);
		expect(merged.upload.map((d) => d.id)).toEqual(['a']);
		expect(merged.owners.x).toEqual({ owner: 'lan', shared: true, mine: false });
	});

	it('leaves out a deck from the server that is not a deck (someone’s hostile upload)', () => {
		const bad: RemoteDeck = { ...remote(deck('z', 'z'), 'lan', true), body: { slides: 'DROP TABLE' } };
		const merged = mergeRemote(
			emptyFile(),
			[bad, remote(deck('y', '<img src=x onerror=alert(1)>'), 'lan', true)],
			'thu',
			emptySync()
		);
		expect(merged.file.decks.map((d) => d.id)).toEqual(['y']);
		// The name stays text; the pages print it as text, never as HTML.
		expect(merged.file.decks[0].name).toBe('<img src=x onerror=alert(1)>');
	});

	it('names the decks a change wrote and removed', () => {
		const a = deck('a', 'A');
		const b = deck('b', 'B');
		const before = fileOf(a, b);
		const renamed = { ...a, name: 'A2' };
		expect(deckChanges(before, fileOf(renamed))).toEqual({ saved: [renamed], removed: ['b'] });
		expect(deckChanges(before, { ...before, current: 'b' })).toEqual({ saved: [], removed: [] });
	});
});

/** An in-memory `/api/decks` with the server's rules, and one person signed in per remote. */
function fakeServer() {
	const rows = new Map<string, { owner: string; shared: boolean; body: unknown }>();
	let online = true;
	const as = (login: string): DeckRemote => ({
		me: async () => login,
		list: async () =>
			online
				? [...rows.entries()]
						.filter(([, r]) => r.owner === login || r.shared)
						.map(([id, r]) => ({
							id,
							owner: r.owner,
							shared: r.shared,
							body: structuredClone(r.body),
							updatedAt: ''
						}))
				: null,
		save: async (d, shared) => {
			const prev = rows.get(d.id);
			if (!online || (prev && prev.owner !== login)) return false;
			rows.set(d.id, { owner: login, shared, body: structuredClone(d) });
			return true;
		},
		remove: async (id) => {
			if (!online || rows.get(id)?.owner !== login) return false;
			return rows.delete(id);
		}
	});
	return { rows, as, setOnline: (v: boolean) => (online = v) };
}

function memoryStorage(): DeckStorage {
	const data = new Map<string, string>();
	return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('decks that follow a person to every computer', () => {
	it('a deck made on one computer opens on another; shared, it opens read-only for a colleague', async () => {
		const server = fakeServer();
		const office = new DeckSession(memoryStorage());
		await office.connect(server.as('thu'));
		const { deckId } = office.pin(spec('2023'), '', 'Giao ban tháng 12');
		await settle();
		expect(server.rows.get(deckId)?.owner).toBe('thu');

		const laptop = new DeckSession(memoryStorage());
		await laptop.connect(server.as('thu'));
		expect(laptop.deck(deckId)?.slides).toHaveLength(1);

		const meetingRoom = new DeckSession(memoryStorage());
		await meetingRoom.connect(server.as('lan'));
		expect(meetingRoom.deck(deckId)).toBeUndefined();
		office.setShared(deckId, true);
		await settle();
		await meetingRoom.pull();
		expect(meetingRoom.deck(deckId)?.name).toBe('Giao ban tháng 12');
		expect(meetingRoom.editable(deckId)).toBe(false);
		// Pinning while her deck is current goes to a new deck of one's own.
		meetingRoom.select(deckId);
		const own = meetingRoom.pin(spec('2024'));
		expect(own.deckId).not.toBe(deckId);
		await settle();
		expect(server.rows.get(deckId)?.body).toMatchObject({ slides: [{ spec: { year: '2023' } }] });
	});

	it('an edit made offline stays on this computer and reaches the server at the next sync', async () => {
		const server = fakeServer();
		const storage = memoryStorage();
		const session = new DeckSession(storage);
		await session.connect(server.as('thu'));
		const { deckId } = session.pin(spec('2023'), '', 'Họp');
		await settle();
		server.setOnline(false);
		session.rename(deckId, 'Họp (sửa khi mất mạng)');
		await settle();
		expect(session.problem?.en).toMatch(/Not saved on the server/);
		// A reload while still offline keeps the edit.
		const reloaded = new DeckSession(storage);
		await reloaded.connect(server.as('thu'));
		expect(reloaded.deck(deckId)?.name).toBe('Họp (sửa khi mất mạng)');
		server.setOnline(true);
		await reloaded.pull();
		await settle();
		expect(server.rows.get(deckId)?.body).toMatchObject({ name: 'Họp (sửa khi mất mạng)' });
	});

	it('keeps each person’s copy apart on a shared computer', async () => {
		const server = fakeServer();
		const storage = memoryStorage();
		const thu = new DeckSession(storage);
		await thu.connect(server.as('thu'));
		thu.pin(spec('2023'), '', 'Riêng của Thu');
		await settle();
		const lan = new DeckSession(storage);
		await lan.connect(server.as('lan'));
		expect(lan.file.decks).toEqual([]);
	});
});
