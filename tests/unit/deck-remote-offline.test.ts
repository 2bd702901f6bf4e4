/**
 * Offline on the office's server, a person's decks still open: the deck session asks who is signed in,
 * and without any answer from the server it takes the person who signed in last on this browser.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAST_LOGIN_KEY, serverDecks } from '../../src/lib/deck/deck-remote';

function memoryStorage() {
	const data = new Map<string, string>();
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k)
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('serverDecks.me', () => {
	it('remembers who signed in, and offline answers with her', async () => {
		const storage = memoryStorage();
		vi.stubGlobal('localStorage', storage);
		vi.stubGlobal('fetch', async () => Response.json({ user: { login: 'hung', role: 'leader' } }));
		expect(await serverDecks.me()).toBe('hung');
		expect(storage.getItem(LAST_LOGIN_KEY)).toBe('hung');

		vi.stubGlobal('fetch', async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await serverDecks.me()).toBe('hung');
	});

	it('a server that answers "no session" is believed, and nobody signed in before means nobody offline', async () => {
		const storage = memoryStorage();
		vi.stubGlobal('localStorage', storage);
		vi.stubGlobal('fetch', async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await serverDecks.me()).toBeNull();
		storage.setItem(LAST_LOGIN_KEY, 'hung');
		vi.stubGlobal('fetch', async () => Response.json({ error: {} }, { status: 401 }));
		expect(await serverDecks.me()).toBeNull();
	});

	it('the key is one that logging out clears (chi-so.decks…@)', () => {
		expect(LAST_LOGIN_KEY.startsWith('chi-so.decks') && LAST_LOGIN_KEY.includes('@')).toBe(true);
	});
});
