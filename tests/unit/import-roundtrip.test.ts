import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv, toCanonicalCsv } from '../../src/lib/import';
import type { Observation, Qualifier } from '../../src/lib/model/types';
import { dictionary, run, units } from './import-helpers';

/** Indicators no consistency rule looks at, with the value ranges they accept. */
const PLAIN: [code: string, max: number][] = [
	['area_natural_ha', 1e6],
	['population', 1e6],
	['party_members', 1e4],
	['cultural_family_households_pct', 100],
	['citizen_receptions_periodic', 500]
];
const OLD_UNITS = units.filter((u) => u.valid_to === '2025-06-30').map((u) => u.name);

const note = fc
	.array(
		fc.constantFrom('a', 'ệ', 'Đ', ' ', ',', '"', '\n', '=', '+', '-', '@', "'", ';', '\t', 'x', '1', '.'),
		{
			maxLength: 12
		}
	)
	.map((cs) => cs.join('').trim());

const observation = fc.record({
	unit: fc.constantFrom(...OLD_UNITS),
	period: fc.oneof(
		fc.integer({ min: 2020, max: 2024 }).map(String),
		fc
			.tuple(fc.integer({ min: 2020, max: 2024 }), fc.integer({ min: 1, max: 4 }))
			.map(([y, q]) => `${y}-Q${q}`),
		fc
			.tuple(fc.integer({ min: 2020, max: 2024 }), fc.integer({ min: 1, max: 2 }))
			.map(([y, h]) => `${y}-H${h}`),
		fc.constant('2021-2023')
	),
	indicator: fc.constantFrom(...PLAIN),
	value: fc.double({ min: 0, max: 1, noNaN: true }),
	qualifier: fc.constantFrom<Qualifier>('', '>', '~'),
	note
});

describe('canonical CSV round trip', () => {
	it('toCanonicalCsv → importCsv gives identical observations', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(observation, {
					selector: (o) => `${o.unit}|${o.period}|${o.indicator[0]}`,
					minLength: 1,
					maxLength: 40
				}),
				async (draws) => {
					const obs: Observation[] = draws.map((d) => ({
						unit: d.unit,
						period: d.period,
						indicator: d.indicator[0],
						value: d.value * d.indicator[1],
						qualifier: d.qualifier,
						source: 'export.csv',
						note: d.note
					}));
					const bytes = new TextEncoder().encode(toCanonicalCsv(obs));
					const r = await importCsv(bytes, { fileName: 'export.csv', dictionary, units });
					expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
					expect(r.observations).toEqual(obs);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('round-trips a real file, values like 1.234 and hostile notes included', async () => {
		const first = await run('long-canonical.csv');
		const extra: Observation[] = [
			{ ...first.observations[0], period: '2021', value: 1.234, note: '=HYPERLINK("http://x","y")' },
			{ ...first.observations[0], period: '2020', value: 0.000001, note: "'; DROP TABLE observations; --" }
		];
		const all = [...first.observations, ...extra];
		const again = await importCsv(new TextEncoder().encode(toCanonicalCsv(all)), {
			fileName: 'long-canonical.csv',
			dictionary,
			units
		});
		expect(again.observations).toEqual(all);
		expect(again.questions).toEqual([]);
	});
});
