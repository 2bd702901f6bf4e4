import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from './backends';
import {
	changesSince,
	commitImport,
	listImports,
	snapshot,
	undoImport,
	workspaceInfo,
	type IncomingRow
} from '../../src/lib/server/store';

const HASH = 'a'.repeat(64);
const row = (indicator: string, value: number, extra: Partial<IncomingRow> = {}): IncomingRow => ({
	unit: 'Phổ An',
	period: '2024',
	indicator,
	value,
	qualifier: '',
	note: '',
	...extra
});

describe.each(BACKENDS)('store on $name', (backend) => {
	let ws: Awaited<ReturnType<typeof backend.open>>;
	beforeEach(async () => {
		ws = await backend.open();
	});
	afterEach(async () => {
		await ws.dispose();
	});

	const cell = async (unit: string, period: string, indicator: string) =>
		ws.db
			.selectFrom('observations')
			.selectAll()
			.where('unit', '=', unit)
			.where('period', '=', period)
			.where('indicator', '=', indicator)
			.executeTakeFirst();

	it('seeds a fresh workspace from data/ as version 1', async () => {
		const info = await workspaceInfo(ws);
		expect(info).toEqual({ version: 1, dictionaryVersion: 1, unitsVersion: 1 });
		const snap = await snapshot(ws);
		expect(snap.observations.length).toBe(1192);
		expect(snap.csv.startsWith('\ufeffunit,period,indicator,value,qualifier,note,source\r\n')).toBe(true);
		const imports = await listImports(ws);
		expect(imports).toHaveLength(1);
		expect(imports[0]).toMatchObject({
			file: 'data/observations.csv',
			status: 'committed',
			version: 1,
			user: null
		});
	});

	it('commits an import in one version, counts inserted/updated/unchanged, logs it', async () => {
		const before = await cell('Phổ An', '2024', 'population');
		const res = await commitImport(ws, {
			userId: null,
			baseVersion: 1,
			files: [
				{
					name: 'pho-an.csv',
					hash: HASH,
					rows: [
						row('population', (before?.value ?? 0) + 1),
						row('households', 4321, { period: '2020', note: '=cmd' })
					]
				}
			]
		});
		expect(res).toMatchObject({ ok: true, version: 2 });
		if (!res.ok) throw new Error();
		expect(res.imports[0].inserted + res.imports[0].updated).toBe(2);
		expect((await workspaceInfo(ws)).version).toBe(2);
		const hh = await cell('Phổ An', '2020', 'households');
		expect(hh).toMatchObject({ value: 4321, note: '=cmd', import_id: res.imports[0].id, version: 2 });
		expect(hh?.source).toBe(`pho-an.csv (#${res.imports[0].id}, —)`);
		// The same rows again: nothing changes but the version.
		const again = await commitImport(ws, {
			userId: null,
			baseVersion: 2,
			files: [
				{ name: 'pho-an.csv', hash: HASH, rows: [row('households', 4321, { period: '2020', note: '=cmd' })] }
			]
		});
		expect(again).toMatchObject({
			ok: true,
			version: 3,
			imports: [{ inserted: 0, updated: 0, unchanged: 1 }]
		});
		const audit = await ws.db.selectFrom('audit').selectAll().where('action', '=', 'import').execute();
		expect(audit).toHaveLength(2);
	});

	it('answers conflict for a stale base version and writes nothing', async () => {
		const res = await commitImport(ws, {
			userId: null,
			baseVersion: 0,
			files: [{ name: 'x.csv', hash: HASH, rows: [row('households', 1, { period: '2020' })] }]
		});
		expect(res).toEqual({ ok: false, reason: 'conflict', version: 1 });
		expect(await cell('Phổ An', '2020', 'households')).toBeUndefined();
		expect((await listImports(ws)).length).toBe(1);
	});

	it('re-checks every row on the server: one bad row refuses the whole commit', async () => {
		const snapBefore = await snapshot(ws);
		const bad = [
			[row('households', 5, { period: '2020' }), row('households', 6, { unit: 'Không Có' })],
			[row('households', 5, { period: '2020' }), row('households', Number.NaN, { period: '2021' })],
			[row('households', 5, { period: '2020' }), row('households', 6, { period: '24' })],
			[row('households', 5, { period: '2020' }), row('households', 6, { qualifier: '<' as never })],
			[row('households', 5, { period: '2020' }), row('no_such_indicator', 6)],
			// Consistency rules of the importer: a negative count, a percentage over 100.
			[row('households', 5, { period: '2020' }), row('households', -3, { period: '2021' })],
			// A derived indicator is computed, never imported.
			[row('households', 5, { period: '2020' }), row('avg_household_size', 3)],
			// Two different values for one cell.
			[row('households', 5, { period: '2020' }), row('households', 6, { period: '2020' })]
		];
		for (const rows of bad) {
			const res = await commitImport(ws, {
				userId: null,
				baseVersion: 1,
				files: [{ name: 'bad.csv', hash: HASH, rows }]
			});
			expect(res.ok, JSON.stringify(rows[1])).toBe(false);
			if (res.ok || res.reason !== 'invalid') throw new Error(JSON.stringify(res));
			expect(res.findings.length).toBeGreaterThan(0);
			expect(res.findings[0].vi).not.toBe('');
		}
		const snapAfter = await snapshot(ws);
		expect(snapAfter.version).toBe(1);
		expect(snapAfter.csv).toBe(snapBefore.csv);
		expect(await ws.db.selectFrom('replaced').selectAll().execute()).toHaveLength(0);
	});

	it('a failure inside the transaction leaves nothing behind', async () => {
		const bad = await commitImport(ws, {
			userId: 999_999, // no such user: the foreign key fails after rows were written
			baseVersion: 1,
			files: [{ name: 'x.csv', hash: HASH, rows: [row('households', 7, { period: '2020' })] }]
		}).then(
			() => 'committed',
			() => 'failed'
		);
		expect(bad).toBe('failed');
		expect((await workspaceInfo(ws)).version).toBe(1);
		expect(await cell('Phổ An', '2020', 'households')).toBeUndefined();
		expect((await listImports(ws)).length).toBe(1);
	});

	it('undo restores replaced cells, removes inserted ones, and reports cells a later import changed', async () => {
		const orig = await cell('Phổ An', '2024', 'population');
		const a = await commitImport(ws, {
			userId: null,
			baseVersion: 1,
			files: [
				{
					name: 'a.csv',
					hash: HASH,
					rows: [
						row('population', 20000),
						row('households', 100, { period: '2020' }),
						row('households', 200, { period: '2021' })
					]
				}
			]
		});
		if (!a.ok) throw new Error(JSON.stringify(a));
		const b = await commitImport(ws, {
			userId: null,
			baseVersion: 2,
			files: [{ name: 'b.csv', hash: HASH, rows: [row('households', 111, { period: '2020' })] }]
		});
		if (!b.ok) throw new Error(JSON.stringify(b));
		const idA = a.imports[0].id;
		const idB = b.imports[0].id;

		const preview = await undoImport(ws, { id: idA, userId: null, dryRun: true });
		expect(preview).toMatchObject({
			ok: true,
			dryRun: true,
			version: 3,
			removed: 1,
			kept: [{ period: '2020', value: 111, importId: idB }]
		});
		expect((await workspaceInfo(ws)).version).toBe(3);

		const undo = await undoImport(ws, { id: idA, userId: null });
		expect(undo).toMatchObject({
			ok: true,
			version: 4,
			removed: 1,
			kept: [{ indicator: 'households', period: '2020' }]
		});
		expect(await cell('Phổ An', '2021', 'households')).toBeUndefined();
		expect(await cell('Phổ An', '2020', 'households')).toMatchObject({ value: 111 });
		if (orig)
			expect(await cell('Phổ An', '2024', 'population')).toMatchObject({
				value: orig.value,
				import_id: orig.import_id
			});
		else expect(await cell('Phổ An', '2024', 'population')).toBeUndefined();
		expect(await undoImport(ws, { id: idA, userId: null })).toMatchObject({
			ok: false,
			reason: 'already_undone'
		});

		// B's undo now brings back what A had replaced (nothing): the cell goes, it does not return to A's 100.
		const undoB = await undoImport(ws, { id: idB, userId: null });
		expect(undoB).toMatchObject({ ok: true, version: 5, removed: 1, restored: 0, kept: [] });
		expect(await cell('Phổ An', '2020', 'households')).toBeUndefined();

		const changes = await changesSince(ws, 1);
		expect(changes?.version).toBe(5);
		expect(changes?.deleted.map((d) => d.period).sort()).toEqual(['2020', '2021']);
		expect(await changesSince(ws, 5)).toMatchObject({ upserts: [], deleted: [] });
		expect(await changesSince(ws, 99)).toBeNull();
		// More changed cells than the browser wants: it loads the snapshot instead.
		const cells = changes!.upserts.length + changes!.deleted.length;
		expect(await changesSince(ws, 1, cells - 1)).toBeNull();
		expect(await changesSince(ws, 1, cells)).toEqual(changes);
		expect((await listImports(ws)).map((i) => i.status)).toEqual(['undone', 'undone', 'committed']);
		expect(await undoImport(ws, { id: 12345, userId: null })).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
	});

	it('changesSince gives the cells written after a version', async () => {
		await commitImport(ws, {
			userId: null,
			baseVersion: 1,
			files: [{ name: 'a.csv', hash: HASH, rows: [row('households', 100, { period: '2020' })] }]
		});
		const ch = await changesSince(ws, 1);
		expect(ch).toMatchObject({
			version: 2,
			deleted: [],
			upserts: [{ unit: 'Phổ An', period: '2020', value: 100 }]
		});
	});

	it('commits 20,000 rows in one transaction and undoes them', async () => {
		const units = (await ws.db.selectFrom('units').select('name').execute()).map((u) => u.name);
		const codes = (await ws.db.selectFrom('indicators').select(['code', 'body']).execute())
			.map((i) => ({ code: i.code, ...JSON.parse(i.body) }))
			.filter((i) => i.kind === 'raw' && ['count', 'people', 'households'].includes(i.unit))
			.map((i) => i.code)
			.filter((c) => !/resolved|mediated|cultural|received|cases|total/.test(c));
		const rows: IncomingRow[] = [];
		for (let y = 1995; y <= 2024 && rows.length < 20_000; y++)
			for (const q of ['Q1', 'Q2', 'Q3', 'Q4'])
				for (const u of new Set(units))
					for (const ind of codes)
						if (rows.length < 20_000) rows.push(row(ind, rows.length, { unit: u, period: `${y}-${q}` }));
		expect(rows.length).toBe(20_000);
		const t0 = performance.now();
		const res = await commitImport(ws, {
			userId: null,
			baseVersion: 1,
			files: [{ name: 'big.csv', hash: HASH, rows }]
		});
		const ms = performance.now() - t0;
		expect(res).toMatchObject({ ok: true, version: 2 });
		console.log(`[${backend.name}] commit of ${rows.length} rows: ${Math.round(ms)} ms`);
		if (!res.ok) throw new Error();
		const undo = await undoImport(ws, { id: res.imports[0].id, userId: null });
		expect(res.imports[0]).toMatchObject({ rows: 20_000, inserted: 20_000 });
		expect(undo).toMatchObject({ ok: true, removed: 20_000, restored: 0, kept: [] });
		expect((await snapshot(ws)).observations.length).toBe(1192);
	});
});
