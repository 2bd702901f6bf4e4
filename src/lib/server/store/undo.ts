/**
 * Undoing an import: the cells it wrote go back to what they were (from `replaced`), the cells it
 * added go; a cell a later import changed keeps the later value and is named, so the person knows.
 * One transaction; with `dryRun` it says what it would do and changes nothing.
 */
import type { Database } from '../db';
import { BATCH, upsertCells } from './imports';
import { audit, bumpVersion, cellKey, chunks, lockVersion, nowIso } from './util';

export interface LaterChange {
	unit: string;
	period: string;
	indicator: string;
	/** The value now there, which the undo leaves in place. */
	value: number;
	qualifier: string;
	/** The import that wrote it after this one. */
	importId: number | null;
}

export type UndoResult =
	| {
			ok: true;
			dryRun: boolean;
			version: number;
			restored: number;
			removed: number;
			/** Cells a later import changed: the undo keeps the later value, and that import's own undo
			 * now restores what this import had replaced. */
			kept: LaterChange[];
	  }
	| { ok: false; reason: 'not_found' | 'already_undone' | 'conflict'; version: number };

class DryRun extends Error {
	constructor(readonly result: UndoResult) {
		super('dry run');
	}
}

/** Undoes an import; with `dryRun` says what it would do and changes nothing. */
export async function undoImport(
	database: Database,
	args: { id: number; userId: number | null; dryRun?: boolean; baseVersion?: number }
): Promise<UndoResult> {
	try {
		return await database.db.transaction().execute(async (trx) => {
			const current = await lockVersion(trx, database.kind);
			if (args.baseVersion !== undefined && args.baseVersion !== current) {
				return { ok: false, reason: 'conflict', version: current } as const;
			}
			const imp = await trx.selectFrom('imports').selectAll().where('id', '=', args.id).executeTakeFirst();
			if (!imp) return { ok: false, reason: 'not_found', version: current } as const;
			if (imp.status === 'undone') return { ok: false, reason: 'already_undone', version: current } as const;
			const cells = await trx
				.selectFrom('replaced as r')
				.leftJoin('observations as o', (j) =>
					j
						.onRef('o.unit', '=', 'r.unit')
						.onRef('o.period', '=', 'r.period')
						.onRef('o.indicator', '=', 'r.indicator')
				)
				.select([
					'r.unit',
					'r.period',
					'r.indicator',
					'r.had_previous',
					'r.prev_value',
					'r.prev_qualifier',
					'r.prev_note',
					'r.prev_source',
					'r.prev_import_id',
					'o.import_id as cur_import',
					'o.value as cur_value',
					'o.qualifier as cur_qualifier'
				])
				.where('r.import_id', '=', args.id)
				.execute();
			const version = current + 1;
			const restore: Parameters<typeof upsertCells>[1][number][] = [];
			const remove: { unit: string; period: string; indicator: string }[] = [];
			const kept: LaterChange[] = [];
			for (const c of cells) {
				if (c.cur_import !== args.id || c.cur_value === null) {
					kept.push({
						unit: c.unit,
						period: c.period,
						indicator: c.indicator,
						value: c.cur_value ?? NaN,
						qualifier: c.cur_qualifier ?? '',
						importId: c.cur_import
					});
				} else if (c.had_previous) {
					restore.push({
						unit: c.unit,
						period: c.period,
						indicator: c.indicator,
						value: c.prev_value as number,
						qualifier: c.prev_qualifier ?? '',
						note: c.prev_note ?? '',
						source: c.prev_source ?? '',
						import_id: c.prev_import_id
					});
				} else {
					remove.push(c);
				}
			}
			const result: UndoResult = {
				ok: true,
				dryRun: !!args.dryRun,
				version: args.dryRun ? current : version,
				restored: restore.length,
				removed: remove.length,
				kept
			};
			if (args.dryRun) throw new DryRun(result);

			await bumpVersion(trx, database.kind, current);
			await upsertCells(trx, restore, version);
			for (const part of chunks(remove, BATCH)) {
				await trx
					.deleteFrom('observations')
					.where((eb) =>
						eb(
							eb.refTuple('unit', 'period', 'indicator'),
							'in',
							part.map((o) => eb.tuple(o.unit, o.period, o.indicator))
						)
					)
					.execute();
				await trx
					.insertInto('deleted')
					.values(part.map((o) => ({ unit: o.unit, period: o.period, indicator: o.indicator, version })))
					.onConflict((oc) =>
						oc
							.columns(['unit', 'period', 'indicator'])
							.doUpdateSet((eb) => ({ version: eb.ref('excluded.version') }))
					)
					.execute();
			}
			// A later import replaced this import's value of a kept cell: its own undo must now bring back
			// what this import had replaced, not this import's value.
			const byKey = new Map(cells.map((c) => [cellKey(c.unit, c.period, c.indicator), c]));
			for (const k of kept) {
				const mine = byKey.get(cellKey(k.unit, k.period, k.indicator));
				if (!mine) continue;
				await trx
					.updateTable('replaced')
					.set({
						had_previous: mine.had_previous,
						prev_value: mine.prev_value,
						prev_qualifier: mine.prev_qualifier,
						prev_note: mine.prev_note,
						prev_source: mine.prev_source,
						prev_import_id: mine.prev_import_id
					})
					.where('prev_import_id', '=', args.id)
					.where('unit', '=', k.unit)
					.where('period', '=', k.period)
					.where('indicator', '=', k.indicator)
					.execute();
			}
			await trx
				.updateTable('imports')
				.set({ status: 'undone', undone_at: nowIso(), undone_by: args.userId })
				.where('id', '=', args.id)
				.execute();
			await audit(trx, args.userId, 'undo', {
				import: args.id,
				file: imp.file,
				version,
				restored: restore.length,
				removed: remove.length,
				kept: kept.length
			});
			return result;
		});
	} catch (e) {
		if (e instanceof DryRun) return e.result;
		throw e;
	}
}
