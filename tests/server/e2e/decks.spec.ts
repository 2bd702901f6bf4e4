/**
 * Decks on the office's server (issue #14): a staff member pins a chart on her computer, finds the deck
 * on another computer, shares it with the office, and the meeting room's laptop — logged in as a leader
 * — opens it by its link and presents it, without being able to change it.
 */
import { expect, request, test } from '@playwright/test';
import { loggedIn } from './session';
import { ADMIN_PASSWORD } from '../../../playwright.server.config';

const STAFF = { login: 'mai', password: 'staff-password-2', role: 'staff' };
const LEADER = { login: 'son', password: 'leader-password-2', role: 'leader' };
const DECK = 'Giao ban tháng 12 <b>';

test('a deck follows its owner to another computer; shared, the meeting room opens it by link, read-only', async ({
	browser,
	baseURL
}) => {
	const admin = await request.newContext({ baseURL });
	expect((await admin.post('/api/login', { data: { login: 'admin', password: ADMIN_PASSWORD } })).ok()).toBe(
		true
	);
	for (const user of [STAFF, LEADER])
		expect([201, 409]).toContain((await admin.post('/api/users', { data: user })).status());

	// Her office computer: pin the overview's first chart into a new deck.
	const office = await loggedIn(browser, baseURL!, STAFF);
	await expect(office.getByTestId('chart').first()).toHaveAttribute('data-state', 'ready');
	await office.getByTestId('pin-button').first().click();
	await office.getByTestId('pin-deck').selectOption({ label: '＋ Buổi họp mới…' });
	await office.getByTestId('pin-new-name').fill(DECK);
	await office.getByTestId('pin-confirm').click();
	await expect
		.poll(async () =>
			(await (await office.request.get('/api/decks')).json()).decks.map((d: { title: string }) => d.title)
		)
		.toEqual([DECK]);

	// Her laptop, a fresh browser: the deck is there.
	const laptop = await loggedIn(browser, baseURL!, STAFF);
	await laptop.getByRole('link', { name: 'Buổi họp' }).click();
	await expect(laptop.getByTestId('deck-name')).toHaveValue(DECK);
	await expect(laptop.getByTestId('deck-slide')).toHaveCount(1);
	// Not shared yet: the meeting room sees nothing of it.
	const room = await loggedIn(browser, baseURL!, LEADER);
	const { decks: before } = await (await room.request.get('/api/decks')).json();
	expect(before).toEqual([]);

	await laptop.getByTestId('deck-share').check();
	await expect
		.poll(async () => (await (await laptop.request.get('/api/decks')).json()).decks[0].shared)
		.toBe(true);
	const id = (await (await laptop.request.get('/api/decks')).json()).decks[0].id as string;

	// The meeting room's laptop opens the link and presents it.
	await room.goto(`/present?deck=${id}`);
	const stage = room.getByTestId('presenter');
	await expect(stage).toHaveAttribute('aria-label', DECK);
	await expect(stage.getByTestId('chart')).toHaveAttribute('data-state', 'ready');
	await room.keyboard.press('Escape');
	// On the deck page it is shown as a colleague's, and cannot be changed or deleted.
	await room.goto('/deck');
	await room.getByRole('button', { name: new RegExp(DECK.replace(/[<>]/g, '.')) }).click();
	await expect(room.getByTestId('deck-read-only')).toContainText('mai');
	await expect(room.getByTestId('deck-delete')).toHaveCount(0);
	await expect(room.getByTestId('slide-title-input')).toHaveAttribute('readonly', '');
	// The server refuses a change from anyone but its owner.
	const forged = await room.request.put('/api/decks', {
		data: { id, title: 'đổi', shared: true, body: {} }
	});
	expect(forged.status()).toBe(403);
	await admin.dispose();
	for (const p of [office, laptop, room]) await p.context().close();
});
