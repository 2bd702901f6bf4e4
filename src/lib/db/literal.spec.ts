import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './engine';
import { createNodeEngine } from './engine-node';
import { inlineParams, isRead, sqlLiteral } from './literal';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(() => engine.close());

describe('sqlLiteral', () => {
	it('quotes texts with the quote doubled, numbers and the rest as DuckDB reads them', () => {
		expect(sqlLiteral("'; DROP TABLE observations; --")).toBe("'''; DROP TABLE observations; --'");
		expect(sqlLiteral(42)).toBe('42');
		expect(sqlLiteral(0.5)).toBe("'0.5'::DOUBLE");
		expect(sqlLiteral(2 ** 40)).toBe(`'${2 ** 40}'::DOUBLE`);
		expect(sqlLiteral(null)).toBe('NULL');
		expect(sqlLiteral(true)).toBe('TRUE');
		expect(() => sqlLiteral(Number.NaN)).toThrow();
		expect(() => sqlLiteral('a\u0000b')).toThrow(/NUL/);
	});
});

describe('inlineParams', () => {
	it('fills ? in order and $n by number, not inside texts, quoted names or comments', () => {
		const sql = `SELECT '?' AS "a?", $2 AS b, ? AS c -- ? $1\n, /* ? */ $1 AS d`;
		expect(inlineParams(sql, ['x', "it's"])).toBe(
			`SELECT '?' AS "a?", 'it''s' AS b, 'x' AS c -- ? $1\n, /* ? */ 'x' AS d`
		);
		expect(inlineParams(`SELECT 'don''t ?' || ?`, ['y'])).toBe(`SELECT 'don''t ?' || 'y'`);
		expect(() => inlineParams('SELECT ?, ?', ['one'])).toThrow(/parameter 2/);
	});

	it('gives back exactly the values a bound parameter would, for any text (DuckDB round trip)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000')),
				fc.double({ noNaN: true, noDefaultInfinity: true }),
				fc.integer(),
				async (text, double, int) => {
					const [row] = await engine.run(
						inlineParams(`SELECT $1 AS t, $2 AS d, $3 AS i, length($4) AS n`, [text, double, int, text])
					);
					expect(row.t).toBe(text);
					expect(row.d).toBe(double === 0 ? 0 : double);
					expect(row.i).toBe(int);
					expect(row.n).toBe([...text].length);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('keeps a hostile unit name a value: the statement does what it says and nothing else', async () => {
		const hostile = `x' OR '1'='1'); DROP TABLE t; -- $1 ?`;
		await engine.run(
			`CREATE TABLE t AS SELECT * FROM (VALUES ('a'), ('${hostile.replace(/'/g, "''")}')) v(name)`
		);
		const rows = await engine.run(`SELECT name FROM t WHERE name = ?`, [hostile]);
		expect(rows).toEqual([{ name: hostile }]);
		expect(await engine.run(`SELECT count(*) AS n FROM t WHERE name = ?`, ["x' OR '1'='1"])).toEqual([
			{ n: 0 }
		]);
		expect(await engine.run(`SELECT count(*) AS n FROM t`)).toEqual([{ n: 2 }]);
	});
});

describe('isRead', () => {
	it('tells reads from writes', () => {
		expect(isRead('  WITH a AS (SELECT 1) SELECT * FROM a')).toBe(true);
		expect(isRead('select 1')).toBe(true);
		expect(isRead('INSERT INTO t SELECT 1')).toBe(false);
		expect(isRead('CREATE TEMP TABLE x AS SELECT 1')).toBe(false);
	});
});
