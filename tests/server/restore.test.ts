import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from './backends';
import {
	changesSince,
	listImports,
	restoreWorkspace,
	snapshot,
	undoImport,
	workspaceInfo
} from '../../src/lib/server/store';
import { parseWorkspaceFile } from '../../src/lib/workspace-file';
import { smallWorkspaceFile } from './workspace-file';

describe.each(BACKENDS)('workspace restore on $name', (backend) => {
	let ws: Awaited<ReturnType<typeof backend.open>>;
	beforeEach(async () => {
		ws = await backend.open();
	});
	afterEach(async () => {
		await ws.dispose();
	});

	const admin = async () =>
		(await ws.db.selectFrom('users').select('id').where('login', '=', 'admin').executeTakeFirst())?.id ??
		(
			await ws.db
				.insertInto('users')
				.values({
					login: 'admin',
					role: 'admin',
					password_hash: 'x',
					created_at: '2026-01-01T00:00:00Z',
					disabled: 0
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;

	it('replaces everything in one version, keeps the history undoable, tells followers what went away', async () => {
		const checked = await parseWorkspaceFile(JSON.stringify(smallWorkspaceFile()));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		const before = await snapshot(ws);
		const userId = await admin();
		const res = await restoreWorkspace(ws, { userId, file: checked.file, name: 'chi-so-toan-bo.json' });
		expect(res).toEqual({ version: 2, observations: 2, imports: 2, removed: before.observations.length - 2 });
		expect(await workspaceInfo(ws)).toEqual({ version: 2, dictionaryVersion: 2, unitsVersion: 2 });
		const after = await snapshot(ws);
		expect(after.observations.map((o) => [o.unit, o.value, o.qualifier, o.source, o.note])).toEqual([
			['Phổ An', 55, '', 'sua-lai.csv', 'đã sửa'],
			['Phổ Minh', 12, '>', 'bao-cao-2024.csv', '']
		]);
		const history = await listImports(ws);
		expect(history.map((h) => h.file).sort()).toEqual(['bao-cao-2024.csv', 'sua-lai.csv']);
		// A browser at version 1 learns every removed cell and every restored one.
		const changes = await changesSince(ws, 1);
		expect(changes?.upserts).toHaveLength(2);
		expect(changes?.deleted.length).toBe(res.removed);
		// What the restored import replaced comes back on undo.
		const fix = history.find((h) => h.file === 'sua-lai.csv')!;
		const undone = await undoImport(ws, { id: fix.id, userId, baseVersion: 2 });
		expect(undone.ok).toBe(true);
		const back = await snapshot(ws);
		expect(back.observations.find((o) => o.unit === 'Phổ An')?.value).toBe(50);
		const log = await ws.db
			.selectFrom('audit')
			.selectAll()
			.where('action', '=', 'workspace_restore')
			.execute();
		expect(log).toHaveLength(1);
		expect(JSON.parse(log[0].details)).toMatchObject({
			file: 'chi-so-toan-bo.json',
			version: 2,
			observations: 2
		});
	});

	it('a refused file changes nothing (checked before the transaction)', async () => {
		const file = smallWorkspaceFile();
		file.observations.rows[0][0] = 'Phường Không Có';
		const checked = await parseWorkspaceFile(JSON.stringify(file));
		expect(checked.ok).toBe(false);
		expect(await workspaceInfo(ws)).toEqual({ version: 1, dictionaryVersion: 1, unitsVersion: 1 });
	});
});
