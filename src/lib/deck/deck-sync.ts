/**
 * Decks on the office's server (server mode), as pure rules: which decks a change wrote or removed,
 * and how the server's list and this browser's copy become one. The server is the record for every
 * deck it holds; a deck edited here that the server has not taken yet (offline, a failed save) wins
 * until it is saved; a deck made here and never saved is sent; a deck the server dropped goes.
 */
import { DECK_FILE_KIND, type Deck, type DeckFile } from './deck';
import { parseDeckFile } from './deck-file';

/** A deck as the server lists it: the signed-in person's own, or one shared with the office. */
export interface RemoteDeck {
	id: string;
	owner: string;
	shared: boolean;
	/** The deck as saved (checked again here: it is someone's upload). */
	body: unknown;
	updatedAt: string;
}

/** Who a deck belongs to, as this browser shows it. */
export interface DeckOwner {
	owner: string;
	shared: boolean;
	/** The signed-in person's own deck: she may change, share and delete it. */
	mine: boolean;
}

/** What this browser remembers of the server between visits. */
export interface SyncState {
	/** Decks the server held at the last sync. */
	synced: string[];
	/** Decks changed here that the server has not taken yet. */
	dirty: string[];
}

export const emptySync = (): SyncState => ({ synced: [], dirty: [] });

/** A deck sent (dirty) or taken by the server (clean, and then one the server holds). */
export function markDeck(state: SyncState, id: string, dirty: boolean): SyncState {
	const others = state.dirty.filter((d) => d !== id);
	if (dirty) return { ...state, dirty: [...others, id] };
	return { synced: state.synced.includes(id) ? state.synced : [...state.synced, id], dirty: others };
}

/** Decks written or removed between two versions of the file (the pure functions replace what they change). */
export function deckChanges(before: DeckFile, after: DeckFile): { saved: Deck[]; removed: string[] } {
	const old = new Map(before.decks.map((d) => [d.id, d]));
	const now = new Set(after.decks.map((d) => d.id));
	return {
		saved: after.decks.filter((d) => old.get(d.id) !== d),
		removed: before.decks.filter((d) => !now.has(d.id)).map((d) => d.id)
	};
}

/** One deck of the server, checked like a deck file; null when it cannot be read. */
export function readRemoteDeck(remote: RemoteDeck): Deck | null {
	const parsed = parseDeckFile({ version: 1, kind: DECK_FILE_KIND, decks: [remote.body], current: '' });
	if (!parsed.ok || parsed.value.decks.length !== 1) return null;
	return { ...parsed.value.decks[0], id: remote.id };
}

/**
 * The server's list and this browser's copy as one file. Returns the file, who owns each deck, the
 * decks to send (made or changed here and not yet saved), and the sync state to keep.
 */
export function mergeRemote(
	file: DeckFile,
	remote: readonly RemoteDeck[],
	me: string,
	state: SyncState
): { file: DeckFile; owners: Record<string, DeckOwner>; upload: Deck[]; state: SyncState } {
	const owners: Record<string, DeckOwner> = {};
	const fromServer = new Map<string, Deck>();
	for (const r of remote) {
		const deck = readRemoteDeck(r);
		if (!deck) continue;
		fromServer.set(r.id, deck);
		owners[r.id] = { owner: r.owner, shared: r.shared, mine: r.owner === me };
	}
	const dirty = new Set(state.dirty);
	const synced = new Set(state.synced);
	const upload: Deck[] = [];
	const decks: Deck[] = [];
	for (const local of file.decks) {
		const server = fromServer.get(local.id);
		const mine = !owners[local.id] || owners[local.id].mine;
		if (server && !(dirty.has(local.id) && mine)) decks.push(server);
		else if (server || !synced.has(local.id)) {
			// Changed here and not saved yet, or made here: this browser's copy goes to the server.
			decks.push(local);
			upload.push(local);
			owners[local.id] ??= { owner: me, shared: false, mine: true };
		}
		// else: the server held it and no longer does — deleted elsewhere.
		fromServer.delete(local.id);
	}
	decks.push(...fromServer.values());
	const ids = new Set(decks.map((d) => d.id));
	return {
		file: { ...file, decks, current: ids.has(file.current) ? file.current : (decks[0]?.id ?? '') },
		owners,
		upload,
		state: { synced: remote.map((r) => r.id), dirty: upload.map((d) => d.id) }
	};
}
