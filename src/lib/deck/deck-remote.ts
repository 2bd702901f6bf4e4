/**
 * The server's decks API (`/api/decks`), as the deck session uses it. A failure to reach the server is
 * `null` / `false`: the decks stay in this browser and are sent at the next sync.
 */
import type { Deck } from './deck';
import type { RemoteDeck } from './deck-sync';

export interface DeckRemote {
	/** The signed-in person's login, or null without a session. */
	me(): Promise<string | null>;
	list(): Promise<RemoteDeck[] | null>;
	save(deck: Deck, shared: boolean): Promise<boolean>;
	remove(id: string): Promise<boolean>;
}

async function send(method: string, body?: unknown): Promise<Response | null> {
	try {
		return await fetch('/api/decks', {
			method,
			credentials: 'same-origin',
			headers: body === undefined ? undefined : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return null;
	}
}

/**
 * Who signed in last on this browser, so that offline (the server cannot say) her decks still open from
 * her own copy. The key has the `chi-so.decks…@` shape that logging out clears (src/lib/workspace/server.ts).
 */
export const LAST_LOGIN_KEY = 'chi-so.decks.signed-in@';

function lastLogin(write?: string): string | null {
	try {
		if (write !== undefined) localStorage.setItem(LAST_LOGIN_KEY, write);
		return localStorage.getItem(LAST_LOGIN_KEY);
	} catch {
		return null;
	}
}

export const serverDecks: DeckRemote = {
	async me() {
		const res = await fetch('/api/me', { credentials: 'same-origin' }).catch(() => null);
		// No answer at all: offline, the person who signed in here last (until she logs out).
		if (!res) return lastLogin();
		if (!res.ok) return null;
		const body = (await res.json().catch(() => null)) as { user?: { login?: string } } | null;
		const login = body?.user?.login ?? null;
		if (login) lastLogin(login);
		return login;
	},
	async list() {
		const res = await send('GET');
		if (!res?.ok) return null;
		const body = (await res.json().catch(() => null)) as { decks?: RemoteDeck[] } | null;
		return Array.isArray(body?.decks) ? body.decks : null;
	},
	async save(deck, shared) {
		const res = await send('PUT', { id: deck.id, title: deck.name, shared, body: deck });
		return Boolean(res?.ok);
	},
	async remove(id) {
		const res = await send('DELETE', { id });
		return Boolean(res?.ok || res?.status === 404);
	}
};
