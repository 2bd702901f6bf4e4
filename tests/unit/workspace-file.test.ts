import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/lib/db';
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { Store as StoreClass } from '../../src/lib/db/store';
import {
	buildWorkspaceFile,
	parseWorkspaceFile,
	toSnapshot,
	workspaceFileName,
	type WorkspaceFile
} from '../../src/lib/workspace-file';
import { openSampleStore } from './sample-store';

let store: Store;
let text: string;
const decoder = new TextDecoder();
const tablesOf = async (s: Store) =>
	Object.fromEntries(Object.entries((await s.snapshot()).tables).map(([k, v]) => [k, decoder.decode(v)]));

const DECKS = {
	kind: 'chi-so/deck',
	version: 1,
	current: 'd1',
	decks: [{ id: 'd1', name: 'Giao ban quý IV/2024', created: '2024-12-20T08:00:00.000Z', slides: [] }]
};

beforeAll(async () => {
	({ store } = await openSampleStore());
	// A history with an import that replaced figures, and one that was undone.
	await store.commitImport(
		'bao-cao.csv',
		[
			{
				unit: 'Nguyễn Nghiêm',
				period: '2023',
				indicator: 'petitions_received',
				value: 99,
				qualifier: '>',
				source: 'bao-cao.csv',
				note: 'hơn 99, "trích"'
			}
		],
		new Date('2026-12-01T08:00:00Z')
	);
	const undone = await store.commitImport(
		'sai.csv',
		[
			{
				unit: 'Phổ An',
				period: '2022',
				indicator: 'petitions_received',
				value: 1,
				qualifier: '',
				source: 'sai.csv',
				note: ''
			}
		],
		new Date('2026-12-02T08:00:00Z')
	);
	await store.undoImport(undone.id!);
	const file = buildWorkspaceFile({
		snapshot: await store.snapshot(),
		decks: DECKS
	});
	text = JSON.stringify(file);
});

const parsed = async (edit: (f: WorkspaceFile & Record<string, unknown>) => void) => {
	const f = JSON.parse(text);
	edit(f);
	return parseWorkspaceFile(JSON.stringify(f));
};

describe('the workspace file', () => {
	it('brings back every table exactly, history and replaced figures included', async () => {
		const checked = await parseWorkspaceFile(text);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.file.observations.rows.length).toBeGreaterThan(100);
		expect(checked.file.imports.map((i) => i.status)).toContain('undone');
		expect(checked.file.replaced.rows.length).toBeGreaterThan(0);
		expect(checked.file.decks).toEqual(DECKS);
		const fresh = await StoreClass.open(await createNodeEngine());
		await fresh.restore(toSnapshot(checked.file));
		expect(await tablesOf(fresh)).toEqual(await tablesOf(store));
		// An undo after the round trip restores what the import replaced.
		const history = await fresh.imports();
		const made = history.find((h) => h.file === 'bao-cao.csv')!;
		await fresh.undoImport(made.id);
		await store.undoImport(made.id);
		expect(await tablesOf(fresh)).toEqual(await tablesOf(store));
	});

	it('names the file by the day', () => {
		expect(workspaceFileName(new Date(2026, 11, 4, 9))).toBe('chi-so-toan-bo-2026-12-04.json');
	});

	it.each([
		['not JSON', '{nope', 'JSON'],
		['another kind of file', JSON.stringify({ kind: 'chi-so/deck', version: 1 }), 'not a Chỉ Số'],
		['an array', '[]', 'not a Chỉ Số']
	])('refuses %s', async (_name, input, words) => {
		const checked = await parseWorkspaceFile(input);
		expect(checked.ok).toBe(false);
		if (!checked.ok) {
			expect(checked.problem.en).toContain(words);
			expect(checked.problem.vi.length).toBeGreaterThan(5);
		}
	});

	it('refuses a newer format, and one without a version', async () => {
		const newer = await parsed((f) => ((f as { version: number }).version = 2));
		expect(!newer.ok && newer.problem.en).toContain('newer version');
		const none = await parsed((f) => delete (f as Partial<WorkspaceFile>).version);
		expect(none.ok).toBe(false);
	});

	it('migrates an older format one step at a time', async () => {
		const old = JSON.parse(text);
		old.version = 0;
		const seen: number[] = [];
		const checked = await parseWorkspaceFile(old, {
			0: (o) => (seen.push(0), { ...o, version: 1 })
		});
		expect(seen).toEqual([0]);
		expect(checked.ok).toBe(true);
	});

	it('checks every observation as an import would: unknown unit, unknown indicator, bad period', async () => {
		for (const [column, bad] of [
			[0, 'Phường Không Có'],
			[2, 'not_an_indicator'],
			[1, '20233']
		] as const) {
			const checked = await parsed((f) => {
				f.observations.rows[5][column] = bad;
			});
			expect(checked.ok, `${column}=${bad}`).toBe(false);
			if (!checked.ok) expect(checked.problem.en).toMatch(/observations|Observation/);
		}
	});

	it('refuses hostile cells: wrong types, a formula, an unknown import, a broken table', async () => {
		const cases: ((f: WorkspaceFile) => void)[] = [
			(f) => ((f.observations.rows[0] as unknown[])[3] = '12'),
			(f) => ((f.observations.rows[0] as unknown[])[3] = null),
			(f) => ((f.observations.rows[0] as unknown[])[4] = '<'),
			(f) => ((f.observations.rows[0] as unknown[])[7] = 999),
			(f) => ((f.observations.rows[0] as unknown[]).length = 3),
			(f) => ((f.observations as unknown as { columns: string[] }).columns = ['unit']),
			(f) => ((f.imports[0] as { status: string }).status = 'deleted'),
			(f) => ((f.imports[0] as { at: string }).at = 'yesterday'),
			(f) => f.imports.push({ ...f.imports[0] }),
			(f) => ((f.replaced.rows[0] as unknown[])[4] = 'yes'),
			(f) => ((f.indicators[0] as { aggregation: string }).aggregation = 'whatever'),
			(f) => ((f.units as unknown) = []),
			(f) => ((f.indicators as unknown) = 'x'),
			(f) => ((f.decks as unknown) = { kind: 'chi-so/deck', version: 99, decks: [] })
		];
		for (const [i, edit] of cases.entries()) {
			const checked = await parsed(edit);
			expect(checked.ok, `case ${i}`).toBe(false);
		}
	});

	it('keeps a note that looks like a formula as text, and reads the importer-normalised rows', async () => {
		const checked = await parsed((f) => {
			f.observations.rows[0][6] = '=HYPERLINK("http://x")';
		});
		expect(checked.ok).toBe(true);
		if (checked.ok) expect(checked.file.observations.rows[0][6]).toBe('=HYPERLINK("http://x")');
	});
});
