/**
 * What undoing an import would do, counted before it is done (local mode's store): the cells it
 * added go, the values it replaced come back, the cells a later import changed keep that value — and
 * the counts agree with what the undo then does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoPreview, type Store } from '../../src/lib/db';
import type { Observation } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
beforeAll(async () => ({ store } = await openSampleStore()));
afterAll(() => store.engine.close());

const obs = (unit: string, period: string, value: number): Observation => ({
	unit,
	period,
	indicator: 'petition_cases_received',
	value,
	qualifier: '',
	source: '',
	note: ''
});
const value = async (unit: string, period: string) =>
	(
		await store.query<{ value: number }>(
			`SELECT value FROM observations WHERE unit = ? AND period = ? AND indicator = 'petition_cases_received'`,
			[unit, period]
		)
	)[0]?.value;

describe('undo preview', () => {
	it('counts what goes, what comes back and what a later import keeps, then the undo does just that', async () => {
		const before2023 = await value('Phổ An', '2023');
		expect(before2023).toBeTypeOf('number');
		const a = await store.commitImport('a.csv', [
			obs('Phổ An', '2023', 901),
			obs('Phổ An', '2030', 1),
			obs('Phổ Châu', '2030', 2)
		]);
		const b = await store.commitImport('b.csv', [obs('Phổ Châu', '2030', 22)]);

		const preview = await undoPreview(store, a.id);
		expect(preview.restored).toBe(1);
		expect(preview.removed).toBe(1);
		expect(preview.kept).toEqual([
			{
				unit: 'Phổ Châu',
				period: '2030',
				indicator: 'petition_cases_received',
				value: 22,
				qualifier: '',
				importId: b.id
			}
		]);
		// Asking changed nothing.
		expect(await value('Phổ An', '2023')).toBe(901);

		await store.undoImport(a.id);
		expect(await value('Phổ An', '2023')).toBe(before2023);
		expect(await value('Phổ An', '2030')).toBeUndefined();
		expect(await value('Phổ Châu', '2030')).toBe(22);
	});

	it('an import nothing else touched: everything it wrote goes, nothing is kept', async () => {
		const c = await store.commitImport('c.csv', [obs('Phổ Vinh', '2031', 5), obs('Phổ Vinh', '2032', 6)]);
		expect(await undoPreview(store, c.id)).toEqual({ removed: 2, restored: 0, kept: [] });
	});
});
