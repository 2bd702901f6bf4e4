import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { createNodeEngine } from '../../src/lib/db/engine-node';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(() => engine.close());

describe('rows read back from DuckDB (Arrow → plain rows, column by column)', () => {
	it('keeps nulls in numeric columns instead of reading them as 0', async () => {
		const rows = await engine.run(
			`SELECT * FROM (VALUES (1, 1.5::DOUBLE, 10::INTEGER), (2, NULL, NULL), (3, -0.25, 7)) t(k, d, i) ORDER BY k`
		);
		expect(rows).toEqual([
			{ k: 1, d: 1.5, i: 10 },
			{ k: 2, d: null, i: null },
			{ k: 3, d: -0.25, i: 7 }
		]);
	});

	it('turns 64-bit integers, lists, booleans and texts into plain values', async () => {
		const [row] = await engine.run(
			`SELECT 9007199254740::BIGINT AS big, [1, 2, 3] AS list, true AS yes, NULL::VARCHAR AS none,
			        'Phổ <b>An</b>' AS name, ['a', NULL] AS texts`
		);
		expect(row).toEqual({
			big: 9007199254740,
			list: [1, 2, 3],
			yes: true,
			none: null,
			name: 'Phổ <b>An</b>',
			texts: ['a', null]
		});
		expect(typeof row.big).toBe('number');
		expect(Array.isArray(row.list)).toBe(true);
	});

	it('reads every row of a result that spans many Arrow batches (in steps), in order', async () => {
		const rows = await engine.run(
			`SELECT range::INTEGER AS n, range * 0.5 AS half, 'u' || range AS unit FROM range(20000)`
		);
		expect(rows).toHaveLength(20000);
		expect(rows[0]).toEqual({ n: 0, half: 0, unit: 'u0' });
		expect(rows[19999]).toEqual({ n: 19999, half: 9999.5, unit: 'u19999' });
		expect(rows.every((r, i) => r.n === i && r.half === i / 2)).toBe(true);
	});
});
