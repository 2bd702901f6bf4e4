import { describe, expect, it } from 'vitest';
import { createNodeEngine } from './engine-node';
import { StatementCache, statementRunner } from './statements';

class Fake {
	closed = false;
	constructor(readonly sql: string) {}
	close() {
		this.closed = true;
	}
}

describe('StatementCache', () => {
	it('prepares a text once, closes the least recently used past capacity', async () => {
		const made: Fake[] = [];
		const cache = new StatementCache((sql) => (made.push(new Fake(sql)), made.at(-1)!), 2);
		await cache.use('a', () => 1);
		await cache.use('b', () => 1);
		await cache.use('a', () => 1);
		await cache.use('c', () => 1); // b goes
		expect(made.map((m) => m.sql)).toEqual(['a', 'b', 'c']);
		await new Promise((r) => setTimeout(r, 0));
		expect(made.map((m) => m.closed)).toEqual([false, true, false]);
		await cache.use('b', () => 1);
		expect(made.map((m) => m.sql)).toEqual(['a', 'b', 'c', 'b']);
	});

	it('forgets and closes a statement that fails, and prepares it again next time', async () => {
		const made: Fake[] = [];
		const cache = new StatementCache((sql) => (made.push(new Fake(sql)), made.at(-1)!));
		await expect(
			cache.use('x', () => {
				throw new Error('boom');
			})
		).rejects.toThrow('boom');
		expect(made[0].closed).toBe(true);
		expect(await cache.use('x', () => 'ok')).toBe('ok');
		expect(made).toHaveLength(2);
	});

	it('keeps answering right in DuckDB when the data and the tables behind a statement change', async () => {
		const e = await createNodeEngine();
		await e.run('CREATE TABLE t (k VARCHAR, v INTEGER)');
		await e.run(`INSERT INTO t VALUES ('a', 1), ('b', 2)`);
		const sql = 'SELECT sum(v) AS s FROM t WHERE k <> ?';
		expect(await e.run(sql, ['a'])).toEqual([{ s: 2 }]);
		await e.run(`INSERT INTO t VALUES ('c', 40)`);
		expect(await e.run(sql, ['b'])).toEqual([{ s: 41 }]);
		await e.run('DROP TABLE t');
		await expect(e.run(sql, ['a'])).rejects.toThrow();
		await e.run('CREATE TABLE t (k VARCHAR, v INTEGER)');
		await e.run(`INSERT INTO t VALUES ('z', 5)`);
		expect(await e.run(sql, ['a'])).toEqual([{ s: 5 }]);
		await e.close();
	});

	it('forgets kept plans on a write: a plan made on an empty table would read later texts wrongly', async () => {
		const e = await createNodeEngine();
		await e.run(`ATTACH ':memory:' AS c (COMPRESS)`);
		await e.run('USE c');
		await e.run('CREATE TABLE names (code VARCHAR, name VARCHAR, grp VARCHAR)');
		const read = 'SELECT * FROM names ORDER BY grp, code';
		expect(await e.run(read)).toEqual([]);
		await e.run(
			`INSERT INTO names VALUES ('area_natural_ha', 'Diện tích tự nhiên', 'profile'), ('population', 'Dân số', 'profile')`
		);
		expect(await e.run(read)).toEqual([
			{ code: 'area_natural_ha', name: 'Diện tích tự nhiên', grp: 'profile' },
			{ code: 'population', name: 'Dân số', grp: 'profile' }
		]);
		await e.close();
	});

	it('runs a read once as it is, then plans it and runs the kept plan again while nothing is written', async () => {
		const prepared: string[] = [];
		const queried: string[] = [];
		const empty = { numRows: 0, schema: { fields: [] }, batches: [] };
		const runner = statementRunner({
			query: (sql: string) => (queried.push(sql), empty),
			prepare: (sql: string) => {
				prepared.push(sql);
				return { query: () => empty, close: () => undefined };
			}
		});
		const read = (k: string) => runner.run('SELECT * FROM t WHERE k = ?', [k]);
		await read("it's"); // first run: no plan kept (an import's one-off queries leave nothing to close)
		expect(queried).toEqual(["SELECT * FROM t WHERE k = 'it''s'"]);
		expect(prepared).toEqual([]);
		await read("it's"); // second: planned and kept
		await read("it's"); // third: the kept plan
		await read('other');
		expect(prepared).toEqual(["SELECT * FROM t WHERE k = 'it''s'"]);
		expect(queried).toEqual(["SELECT * FROM t WHERE k = 'it''s'", "SELECT * FROM t WHERE k = 'other'"]);
		await runner.run('INSERT INTO t VALUES (?)', ['x']);
		// A write forgot the plan: the text runs as it is once more, then is planned anew on the data as it is now.
		await read("it's");
		expect(queried.at(-1)).toBe("SELECT * FROM t WHERE k = 'it''s'");
		expect(prepared.slice(1)).toEqual(['INSERT INTO t VALUES (?)']);
		await read("it's");
		expect(prepared.slice(1)).toEqual(['INSERT INTO t VALUES (?)', "SELECT * FROM t WHERE k = 'it''s'"]);
	});
});
