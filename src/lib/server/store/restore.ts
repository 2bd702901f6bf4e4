/**
 * Restoring the whole workspace from a checked workspace file (admin): one transaction that raises the
 * version, replaces the observations, the import history (new ids, the file's ids mapped onto them) and
 * what each import replaced, the dictionary and the unit list, records the cells that went away (so a
 * browser following by version drops them) and writes an audit entry. Server only.
 */
import type { WorkspaceFile } from '../../workspace-file/format';
import type { Database } from '../db';
import { upsertCells } from './imports';
import { writeDictionary, writeUnits } from './lists';
import { audit, bumpVersion, cellKey, chunks, lockVersion, nowIso } from './util';

const BATCH = 500;

export interface RestoreResult {
	version: number;
	observations: number;
	imports: number;
	removed: number;
}

export async function restoreWorkspace(
	database: Database,
	{ userId, file, name }: { userId: number; file: WorkspaceFile; name: string }
): Promise<RestoreResult> {
	return database.db.transaction().execute(async (trx) => {
		const from = await lockVersion(trx, database.kind);
		const version = await bumpVersion(trx, database.kind, from);
		const kept = new Set(
			file.observations.rows.map(([unit, period, indicator]) => cellKey(unit, period, indicator))
		);
		const before = await trx.selectFrom('observations').select(['unit', 'period', 'indicator']).execute();
		const gone = before.filter((c) => !kept.has(cellKey(c.unit, c.period, c.indicator)));

		await trx.deleteFrom('replaced').execute();
		await trx.deleteFrom('observations').execute();
		await trx.deleteFrom('imports').execute();
		const ids = new Map<number, number>();
		const at = nowIso();
		for (const i of file.imports) {
			const { id } = await trx
				.insertInto('imports')
				.values({
					file: i.file,
					file_hash: '',
					user_id: null,
					at: i.at,
					rows: i.rows,
					inserted: i.rows,
					updated: 0,
					unchanged: 0,
					status: i.status,
					version,
					undone_at: i.status === 'undone' ? at : null,
					undone_by: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			ids.set(i.id, id);
		}
		const idOf = (id: number | null) => (id === null ? null : (ids.get(id) ?? null));
		await upsertCells(
			trx,
			file.observations.rows.map(([unit, period, indicator, value, qualifier, source, note, importId]) => ({
				unit,
				period,
				indicator,
				value,
				qualifier,
				source,
				note,
				import_id: idOf(importId)
			})),
			version
		);
		const replaced = file.replaced.rows.map(
			([importId, unit, period, indicator, existed, value, qualifier, source, note, prev]) => ({
				import_id: idOf(importId)!,
				unit,
				period,
				indicator,
				had_previous: existed ? 1 : 0,
				prev_value: value,
				prev_qualifier: qualifier,
				prev_note: note,
				prev_source: source,
				prev_import_id: idOf(prev)
			})
		);
		for (const part of chunks(replaced, BATCH)) await trx.insertInto('replaced').values(part).execute();
		// Cells the restore removed: a browser that follows by version drops them.
		for (const part of chunks(gone, BATCH))
			await trx
				.insertInto('deleted')
				.values(part.map((c) => ({ ...c, version })))
				.onConflict((oc) => oc.columns(['unit', 'period', 'indicator']).doUpdateSet({ version }))
				.execute();
		await writeDictionary(trx, file.indicators, version);
		await writeUnits(trx, file.units, version);
		await trx
			.updateTable('workspace')
			.set({ dictionary_version: version, units_version: version })
			.where('id', '=', 1)
			.execute();
		const result = {
			version,
			observations: file.observations.rows.length,
			imports: file.imports.length,
			removed: gone.length
		};
		await audit(trx, userId, 'workspace_restore', { file: name, exportedAt: file.exportedAt, ...result });
		return result;
	});
}
