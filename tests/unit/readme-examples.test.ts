import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/lib/import';
import { openSampleStore } from './sample-store';

/** The README's four example files, as a new user would copy them. */
function examples(): { title: string; text: string }[] {
	const readme = readFileSync('README.md', 'utf8');
	const block = readme.split('The four accepted shapes:')[1].split('```csv')[1].split('```')[0];
	return block
		.split(/^# /m)
		.filter((part) => part.trim())
		.map((part) => {
			const [title, ...lines] = part.split('\n');
			return { title, text: lines.join('\n').trim() + '\n' };
		});
}

describe('README examples', () => {
	it('has the four shapes, and each imports without errors', async () => {
		const { indicators, store } = await openSampleStore();
		const units = await store.units();
		const list = examples();
		expect(list).toHaveLength(4);
		const shapes = [];
		for (const { title, text } of list) {
			const fileName = title.startsWith('4.') ? 'bao-cao-Pho-An.csv' : 'example.csv';
			const r = await importCsv(new TextEncoder().encode(text), { fileName, dictionary: indicators, units });
			expect(
				r.issues.filter((i) => i.severity === 'error'),
				title
			).toEqual([]);
			expect(r.stats.observations, title).toBeGreaterThan(0);
			shapes.push(r.shape);
		}
		expect(shapes).toEqual(['long', 'wide-indicator', 'wide-period', 'unit-sheet']);
	});
});
