/**
 * DuckDB's external access is closed (issue #14): a query typed in the data page's SQL console cannot
 * reach another host or the disk, while the files the app registers itself are still read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/lib/db/engine';
import { createNodeEngine } from '../../src/lib/db/engine-node';

let e: Engine;
beforeAll(async () => {
	e = await createNodeEngine();
});
afterAll(() => e.close());

describe('external access', () => {
	it('refuses read_csv from another host inside DuckDB', async () => {
		await expect(e.run(`SELECT * FROM read_csv('https://example.com/x.csv')`)).rejects.toThrow(
			/Permission Error|disabled by configuration/
		);
	});

	it('refuses a file of the disk outside the app folder', async () => {
		await expect(e.run(`SELECT * FROM read_csv('/etc/hostname')`)).rejects.toThrow(/Permission Error/);
	});

	it('cannot be opened again, nor the allowed folder widened', async () => {
		await expect(e.run('SET enable_external_access = true')).rejects.toThrow();
		await expect(e.run(`SET allowed_directories = ['/']`)).rejects.toThrow();
		await expect(e.run(`SELECT * FROM read_csv('https://example.com/x.csv')`)).rejects.toThrow(
			/Permission Error/
		);
	});

	it('still reads a file the app registered', async () => {
		const path = await e.registerFile('probe.csv', new TextEncoder().encode('x,y\n1,2\n3,4\n'));
		const rows = await e.run(`SELECT sum(x + y)::INTEGER AS s FROM read_csv('${path}')`);
		expect(rows).toEqual([{ s: 10 }]);
		await e.dropFile(path);
	});
});
