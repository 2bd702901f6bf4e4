import { afterEach, describe, expect, it, vi } from 'vitest';
import { addPerson, detailsText, listPeople } from './admin-api';

const answer = (status: number, body: unknown) =>
	vi.fn(async () => new Response(body === undefined ? '<!doctype html>' : JSON.stringify(body), { status }));

afterEach(() => vi.unstubAllGlobals());

describe('the admin page’s calls', () => {
	it('give the list the server sends', async () => {
		const people = [
			{ id: 1, login: 'admin', role: 'admin', disabled: false, createdAt: '2026-12-04T01:00:00Z' }
		];
		vi.stubGlobal('fetch', answer(200, { users: people }));
		expect(await listPeople()).toEqual({ ok: true, value: people });
	});

	it('pass on the server’s message in both languages, with its status', async () => {
		const error = { code: 'login_taken', vi: 'Tên đăng nhập đã có.', en: 'That login is taken.' };
		const fetch = answer(409, { error });
		vi.stubGlobal('fetch', fetch);
		expect(await addPerson('thu', 'staff', 'a-long-password')).toEqual({
			ok: false,
			status: 409,
			message: { vi: error.vi, en: error.en }
		});
		const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
		expect(JSON.parse(String(init.body))).toEqual({
			login: 'thu',
			role: 'staff',
			password: 'a-long-password'
		});
	});

	it('say there is no server when the address answers with a page, and when it cannot be reached', async () => {
		vi.stubGlobal('fetch', answer(200, undefined));
		const page = await listPeople();
		expect(page.ok === false && page.status).toBe(404);
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(new TypeError('offline')))
		);
		const down = await listPeople();
		expect(down.ok === false && down.message.en).toBe('The server cannot be reached.');
	});
});

describe('detailsText', () => {
	it('writes an entry’s details as one line of text', () => {
		expect(detailsText({ login: 'thu', role: 'staff' })).toBe('login: thu · role: staff');
		expect(detailsText({ files: ['a.csv'], rows: 3 })).toBe('files: ["a.csv"] · rows: 3');
		expect(detailsText(null)).toBe('');
		expect(detailsText('<b>x</b>')).toBe('<b>x</b>');
	});
});
