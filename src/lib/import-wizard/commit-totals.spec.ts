import { describe, expect, it } from 'vitest';
import { pendingTotals, savedTotals } from './commit-totals';

describe('pendingTotals', () => {
	it('sums values, added and changed over the files', () => {
		expect(
			pendingTotals([
				{ diff: { added: 3, changed: 1 }, result: { stats: { observations: 10 } } },
				{ diff: { added: 2, changed: 0 }, result: { stats: { observations: 5 } } }
			])
		).toEqual({ values: 15, added: 5, changed: 1 });
	});

	it('counts a file not yet compared or read as nothing', () => {
		expect(pendingTotals([{}, { result: { stats: { observations: 4 } } }])).toEqual({
			values: 4,
			added: 0,
			changed: 0
		});
		expect(pendingTotals([])).toEqual({ values: 0, added: 0, changed: 0 });
	});
});

describe('savedTotals', () => {
	it('is nothing before a commit', () => {
		expect(savedTotals(null)).toBeNull();
	});

	it('sums what the files of the last commit added and changed', () => {
		expect(
			savedTotals({
				files: 2,
				summaries: [
					{ added: 7, changed: 2 },
					{ added: 1, changed: 0 }
				]
			})
		).toEqual({ files: 2, added: 8, changed: 2 });
	});
});
