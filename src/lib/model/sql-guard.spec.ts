import { describe, expect, it } from 'vitest';
import { guardSelect } from './sql-guard';

const ok = (sql: string) => {
	const r = guardSelect(sql);
	if (!r.ok) throw new Error(`refused: ${r.en}`);
	return r.sql;
};
const reason = (sql: string) => {
	const r = guardSelect(sql);
	return r.ok ? 'ok' : r.reason;
};

describe('guardSelect', () => {
	it('accepts one SELECT or WITH statement, any case, with a trailing semicolon removed', () => {
		expect(ok('SELECT 1')).toBe('SELECT 1');
		expect(ok('  select * from observations;  ')).toBe('select * from observations');
		expect(ok('WITH a AS (SELECT 1) SELECT * FROM a;;')).toBe('WITH a AS (SELECT 1) SELECT * FROM a');
		expect(ok('-- the rates\n/* by year */ SELECT 1')).toBe('-- the rates\n/* by year */ SELECT 1');
	});

	it('refuses statements that do not start with SELECT or WITH', () => {
		for (const sql of [
			'DELETE FROM observations',
			'DROP TABLE observations',
			'INSERT INTO observations VALUES (1)',
			'UPDATE units SET name = 1',
			'COPY observations TO "x.csv"',
			"ATTACH 'x.db'",
			'PRAGMA version',
			'SET threads = 1',
			'FROM observations',
			'(SELECT 1)',
			'EXPLAIN SELECT 1',
			'selectx 1'
		])
			expect(reason(sql), sql).toBe('not-select');
	});

	it('refuses a second statement after a semicolon', () => {
		expect(reason('SELECT 1; DROP TABLE observations')).toBe('several-statements');
		expect(reason('SELECT 1;SELECT 2')).toBe('several-statements');
		expect(reason(';SELECT 1')).toBe('several-statements');
		expect(reason('SELECT 1 /* x */ ; -- end\n DELETE FROM units')).toBe('several-statements');
	});

	it('ignores semicolons and keywords inside strings, quoted names and comments', () => {
		expect(ok("SELECT 'a; DROP TABLE x' AS t")).toBe("SELECT 'a; DROP TABLE x' AS t");
		expect(ok(`SELECT 1 AS "x;y"`)).toBe(`SELECT 1 AS "x;y"`);
		expect(ok("SELECT 'it''s; fine'")).toBe("SELECT 'it''s; fine'");
		expect(ok('SELECT $$a;b$$, $t$c;d$t$')).toBe('SELECT $$a;b$$, $t$c;d$t$');
		expect(ok('SELECT 1 -- ; DELETE\n')).toBe('SELECT 1 -- ; DELETE');
		expect(ok('SELECT /* ; /* nested ; */ ; */ 1')).toBe('SELECT /* ; /* nested ; */ ; */ 1');
		expect(ok('SELECT 1; -- done')).toBe('SELECT 1');
	});

	it('refuses unclosed strings and comments', () => {
		expect(reason("SELECT 'open")).toBe('unterminated');
		expect(reason('SELECT "open')).toBe('unterminated');
		expect(reason('SELECT 1 /* open')).toBe('unterminated');
		expect(reason('SELECT $$open')).toBe('unterminated');
	});

	it('refuses an empty text, or only comments', () => {
		expect(reason('')).toBe('empty');
		expect(reason('  ;  ')).toBe('empty');
		expect(reason('-- nothing\n/* here */')).toBe('empty');
	});

	it('explains every refusal in Vietnamese and English', () => {
		for (const sql of ['', 'DELETE FROM x', 'SELECT 1; SELECT 2', "SELECT '"]) {
			const r = guardSelect(sql);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.vi.length).toBeGreaterThan(10);
				expect(r.en.length).toBeGreaterThan(10);
			}
		}
	});
});
