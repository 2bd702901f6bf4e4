import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { Store } from '../../src/lib/db/store';
import { SNAPSHOT_TABLES, SNAPSHOT_VERSION } from '../../src/lib/db/snapshot';
import { COPY_SCHEMA, copyToJson, makeCopy, readCopy, schemaOf } from '../../src/lib/state/copy-schema';
import { formatBytes } from '../../src/lib/state/storage-line';

const tables = () =>
	Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, new TextEncoder().encode(`${t}\n"a,b"\n`)]));
const snapshot = (version = SNAPSHOT_VERSION) => ({ version, tables: tables() });

describe('the kept copy: schema and migrations', () => {
	it('reads a copy of the current schema as it is', () => {
		const copy = makeCopy(snapshot(), 7, new Date('2026-12-04T10:00:00Z'));
		const read = readCopy(copy);
		expect(read).toEqual({ ok: true, copy, migrated: false });
		expect(copy.schema).toBe(COPY_SCHEMA);
	});

	it('brings a schema-1 local copy (the bare snapshot) up to date, version 0', () => {
		const old = snapshot(1);
		expect(schemaOf(old)).toBe(1);
		const read = readCopy(old);
		expect(read.ok && read.migrated).toBe(true);
		if (!read.ok) return;
		expect(read.copy.version).toBe(0);
		expect(read.copy.snapshot).toBe(old);
		expect(read.copy.savedAt).toBe('');
	});

	it("brings a schema-1 server copy ({version, snapshot}) up to date, keeping the server's version", () => {
		const old = { version: 42, snapshot: snapshot() };
		const read = readCopy(old);
		expect(read.ok && read.copy.version).toBe(42);
	});

	it('opens the fixture copy of an older version with every figure', async () => {
		const fixture = JSON.parse(readFileSync('tests/fixtures/keep/copy-schema-1.json', 'utf8'));
		const enc = new TextEncoder();
		const raw = {
			version: fixture.version,
			tables: Object.fromEntries(Object.entries(fixture.tables).map(([k, v]) => [k, enc.encode(v as string)]))
		};
		const read = readCopy(raw);
		expect(read.ok && read.migrated).toBe(true);
		if (!read.ok) return;
		const store = await Store.open(await createNodeEngine());
		await store.restore(read.copy.snapshot);
		const rows = (fixture.tables.observations as string).trim().split('\n').length - 1;
		const [{ n, found }] = await store.query<{ n: number; found: number }>(
			`SELECT count(*)::INTEGER AS n, max(value) FILTER (WHERE unit = 'Phổ An' AND period = '2024' AND indicator = 'petitions_received') AS found FROM observations`
		);
		expect(n).toBe(rows);
		expect(found).toBe(4321);
		const population = (await store.indicators()).find((i) => i.code === 'population')!;
		expect(population.notes_vi).not.toBe('');
		expect(population.notes_en).toBe(population.notes_vi);
	});

	it('runs one step per version, in order', () => {
		const steps: number[] = [];
		const migrations = {
			1: (o: Record<string, unknown>) => (steps.push(1), { schema: 2, version: 3, snapshot: o.payload })
		};
		const read = readCopy({ schema: 1, payload: snapshot() }, migrations);
		expect(steps).toEqual([1]);
		expect(read.ok && read.copy.version).toBe(3);
	});

	it.each([
		['nothing', null],
		['a string', 'hello'],
		['an array', [1, 2]],
		['a newer schema', { schema: COPY_SCHEMA + 1, version: 1, snapshot: snapshot() }],
		['a schema that is not a number', { schema: 'two', version: 1, snapshot: snapshot() }],
		['a negative version', { schema: 2, version: -1, snapshot: snapshot() }],
		[
			'a missing table',
			{ schema: 2, version: 1, snapshot: { version: 2, tables: { units: new Uint8Array() } } }
		],
		[
			'a table that is text',
			{ schema: 2, version: 1, snapshot: { version: 2, tables: { ...tables(), units: 'x' } } }
		],
		['a snapshot newer than this app', { schema: 2, version: 1, snapshot: snapshot(SNAPSHOT_VERSION + 1) }],
		['a schema-1 copy without its snapshot', { schema: 1, version: 1, snapshot: null }]
	])('refuses %s with a reason', (_name, raw) => {
		const read = readCopy(raw);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.reason.length).toBeGreaterThan(3);
	});

	it('writes any stored value as JSON a person can keep, tables as their text', () => {
		const text = copyToJson({ schema: 2, version: 1, snapshot: snapshot() });
		const back = JSON.parse(text);
		expect(back.snapshot.tables.units).toBe('units\n"a,b"\n');
		const loop: Record<string, unknown> = { a: 1 };
		loop.self = loop;
		expect(() => JSON.parse(copyToJson(loop))).not.toThrow();
		expect(JSON.parse(copyToJson(10n))).toBe('10');
	});
});

describe('the storage line', () => {
	it('writes sizes in each language', () => {
		expect(formatBytes(3_200_000, 'vi')).toBe('3,2 MB');
		expect(formatBytes(1_234_000_000, 'en')).toBe('1.2 GB');
		expect(formatBytes(512, 'vi')).toBe('512 B');
		expect(formatBytes(-1, 'vi')).toBe('—');
	});
});
