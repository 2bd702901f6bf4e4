import { describe, expect, it } from 'vitest';
import type { TableRow } from '$lib/components/data-table';
import type { Unit } from '$lib/model/types';
import { filterKey, isFiltered, sortedPage, unitOptions } from './data-view';

const none = { u: [], i: [], p: [], src: '', q: '' };

describe('filter state', () => {
	it('gives the filter as a key that parses back', () => {
		const key = filterKey({ u: ['Phổ An'], i: [], p: ['2023'], src: 'sample', q: 'đất' });
		expect(JSON.parse(key)).toEqual({
			units: ['Phổ An'],
			indicators: [],
			periods: ['2023'],
			sources: ['sample'],
			text: 'đất'
		});
		expect(JSON.parse(filterKey(none)).sources).toEqual([]);
		expect(filterKey({ ...none, q: 'x' })).toBe(filterKey({ ...none, q: 'x' }));
	});

	it('says whether any filter is set', () => {
		expect(isFiltered(none)).toBe(false);
		expect(isFiltered({ ...none, p: ['2023'] })).toBe(true);
		expect(isFiltered({ ...none, src: 'a.csv' })).toBe(true);
		expect(isFiltered({ ...none, q: 'x' })).toBe(true);
	});
});

describe('sortedPage', () => {
	const row = (id: string, text: string, sort?: number): TableRow => ({
		id,
		cells: { value: { text, sort } }
	});
	const rows = [row('a', '3', 3), row('b', '10', 10), { id: 'c', cells: {} }, row('d', '1', 1)];

	it('sorts on the sort value, rows without the cell last', () => {
		expect(sortedPage(rows, 'value', 'asc', 1, 10).shown.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c']);
		expect(sortedPage(rows, 'value', 'desc', 1, 10).shown.map((r) => r.id)).toEqual(['b', 'a', 'd', 'c']);
	});

	it('cuts pages and clamps the page number', () => {
		expect(sortedPage(rows, 'value', 'asc', 2, 3)).toMatchObject({ pages: 2, page: 2 });
		expect(sortedPage(rows, 'value', 'asc', 2, 3).shown.map((r) => r.id)).toEqual(['c']);
		expect(sortedPage(rows, 'value', 'asc', 9, 3).page).toBe(2);
		expect(sortedPage(rows, 'value', 'asc', 0, 3).page).toBe(1);
		expect(sortedPage([row('x', 'b'), row('y', 'a')], 'value', 'asc', 1, 3).shown.map((r) => r.id)).toEqual([
			'y',
			'x'
		]);
		expect(sortedPage([], 'value', 'asc', 1, 3)).toEqual({ shown: [], pages: 1, page: 1 });
	});
});

describe('unitOptions', () => {
	it('adds the units found only in the rows', () => {
		const units = [{ name: 'Phổ An', code: '1' } as Unit];
		const out = unitOptions(units, [{ unit: 'Phổ An' }, { unit: 'Elsewhere' }, { unit: 'Elsewhere' }]);
		expect(out.map((u) => [u.name, u.code])).toEqual([
			['Phổ An', '1'],
			['Elsewhere', 'Elsewhere']
		]);
		expect(units).toHaveLength(1);
	});
});
