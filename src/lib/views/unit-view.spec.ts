import { describe, expect, it } from 'vitest';
import { rawIndicator } from '$lib/charts/spec-fixtures';
import type { SeriesRow } from '$lib/model/types';
import { completeness, indicatorsWithoutData, keyPanels, keyPanelsChart } from './unit-view';

const ind = (code: string, unit = 'count') => rawIndicator(code, { unit });
const row = (unit: string, period: string, value: number): SeriesRow => ({
	unit,
	period,
	value,
	qualifier: '',
	numerator: null,
	denominator: null,
	units: 1
});

describe('keyPanels', () => {
	const dictionary = new Map(
		[ind('petition_cases_received'), ind('dan_van_rating', 'rating'), ind('feedback_resolution_rate')].map(
			(i) => [i.code, i]
		)
	);
	const series = new Map<string, SeriesRow[]>([
		[
			'petition_cases_received',
			[
				row('A', '2022', 10),
				row('B', '2022', 20),
				row('C', '2022', 30),
				row('A', '2023-H1', 5),
				row('X', '2022', 99)
			]
		],
		['dan_van_rating', [row('A', '2022', 1)]],
		['feedback_resolution_rate', [row('B', '2022', 50)]]
	]);

	it("gives the subject's yearly values and the median of its peers, ratings and empty panels left out", () => {
		const panels = keyPanels(series, dictionary, 'A', ['A', 'B', 'C'], 'Median');
		expect(panels.map((p) => p.indicator.code)).toEqual(['petition_cases_received']);
		expect(panels[0].rows.map((r) => [r.unit, r.period, r.value])).toEqual([
			['A', '2022', 10],
			['Median', '2022', 20]
		]);
	});
});

describe('keyPanelsChart', () => {
	it('draws the subject against the median, with the merge footnote only when merged', () => {
		const panels = [{ indicator: ind('petition_cases_received'), rows: [row('A', '2022', 10)] }];
		const o = { subject: 'A', median: 'Median', colorOf: () => '#123456', title: 'T' };
		const plain = keyPanelsChart(panels, { ...o, merged: false }, 'vi');
		expect(plain.chart.series).toEqual(['A', 'Median']);
		expect(plain.chart.height).toBe('300px');
		expect(plain.source).toMatchObject({ title: 'T', footnote: '' });
		expect(plain.chart.table.rows.map((r) => r[1])).toEqual(['A', 'Median']);
		expect(keyPanelsChart(panels, { ...o, merged: true }, 'vi').source.footnote).not.toBe('');
	});
});

describe('indicatorsWithoutData', () => {
	it('lists the indicators the subject has no value of', () => {
		const series = new Map([
			['a', [row('A', '2022', 1)]],
			['b', [row('B', '2022', 1)]]
		]);
		expect(indicatorsWithoutData([ind('a'), ind('b'), ind('c')], series, 'A').map((i) => i.code)).toEqual([
			'b',
			'c'
		]);
	});
});

describe('completeness', () => {
	const presence = [
		{ unit: 'A', period: '2022', indicator: 'x' },
		{ unit: 'A', period: '2022', indicator: 'y' },
		{ unit: 'B', period: '2022', indicator: 'x' },
		{ unit: 'A', period: '2023', indicator: 'x' },
		{ unit: 'B', period: '2023', indicator: 'x' }
	];
	const name = (c: string) => c.toUpperCase();

	it('counts per year what the unit was expected to give and names what it did not', () => {
		expect(completeness(presence, ['A', 'B'], ['B'], name)).toEqual([
			{ year: '2022', expected: 2, missing: ['Y'] },
			{ year: '2023', expected: 1, missing: [] }
		]);
		expect(completeness(presence, ['A', 'B'], ['A'], name)).toEqual([
			{ year: '2022', expected: 2, missing: [] },
			{ year: '2023', expected: 1, missing: [] }
		]);
	});

	it('names the member unit when several units report', () => {
		expect(completeness(presence, ['A', 'B'], ['A', 'B'], name)[0]).toEqual({
			year: '2022',
			expected: 4,
			missing: ['B: Y']
		});
	});
});
