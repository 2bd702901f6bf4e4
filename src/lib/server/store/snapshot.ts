/** What a browser loads: the whole workspace by version, or the changes since its version. */
import { toCanonicalCsv } from '../../import';
import type { Observation, Qualifier } from '../../model/types';
import type { Database } from '../db';

export interface WorkspaceInfo {
	version: number;
	dictionaryVersion: number;
	unitsVersion: number;
}

export async function workspaceInfo(database: Database): Promise<WorkspaceInfo> {
	const w = await database.db
		.selectFrom('workspace')
		.selectAll()
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return { version: w.version, dictionaryVersion: w.dictionary_version, unitsVersion: w.units_version };
}

export interface StoredObservation extends Observation {
	importId: number | null;
}

const toObs = (r: {
	unit: string;
	period: string;
	indicator: string;
	value: number;
	qualifier: string;
	note: string;
	source: string;
	import_id: number | null;
}): StoredObservation => ({
	unit: r.unit,
	period: r.period,
	indicator: r.indicator,
	value: r.value,
	qualifier: r.qualifier as Qualifier,
	note: r.note,
	source: r.source,
	importId: r.import_id
});

/** Every observation and the version they are, read in one transaction (consistent). */
export async function snapshot(
	database: Database
): Promise<WorkspaceInfo & { observations: StoredObservation[]; csv: string }> {
	return database.db.transaction().execute(async (trx) => {
		const w = await trx.selectFrom('workspace').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
		const rows = await trx
			.selectFrom('observations')
			.select(['unit', 'period', 'indicator', 'value', 'qualifier', 'note', 'source', 'import_id'])
			.orderBy('unit')
			.orderBy('indicator')
			.orderBy('period')
			.execute();
		const observations = rows.map(toObs);
		return {
			version: w.version,
			dictionaryVersion: w.dictionary_version,
			unitsVersion: w.units_version,
			observations,
			// With each figure's source (its import and person, or `sample`): the data page shows it.
			csv: toCanonicalCsv(observations, { withSource: true })
		};
	});
}

/**
 * Cells written and removed after `since`. Apply `deleted` first, then `upserts`. null when `since` is
 * not a version this workspace had (the browser then loads the snapshot).
 */
export async function changesSince(
	database: Database,
	since: number,
	/** More changed cells than this: null, the snapshot loads faster than the changes. */
	max = Number.POSITIVE_INFINITY
): Promise<{
	version: number;
	upserts: StoredObservation[];
	deleted: { unit: string; period: string; indicator: string }[];
} | null> {
	return database.db.transaction().execute(async (trx) => {
		const w = await trx
			.selectFrom('workspace')
			.select('version')
			.where('id', '=', 1)
			.executeTakeFirstOrThrow();
		if (!Number.isInteger(since) || since < 1 || since > w.version) return null;
		if (Number.isFinite(max)) {
			const count = async (table: 'observations' | 'deleted') =>
				Number(
					(
						await trx
							.selectFrom(table)
							.select((eb) => eb.fn.countAll().as('n'))
							.where('version', '>', since)
							.executeTakeFirstOrThrow()
					).n
				);
			if ((await count('observations')) + (await count('deleted')) > max) return null;
		}
		const rows = await trx
			.selectFrom('observations')
			.select(['unit', 'period', 'indicator', 'value', 'qualifier', 'note', 'source', 'import_id'])
			.where('version', '>', since)
			.execute();
		const deleted = await trx
			.selectFrom('deleted')
			.select(['unit', 'period', 'indicator'])
			.where('version', '>', since)
			.execute();
		return { version: w.version, upserts: rows.map(toObs), deleted };
	});
}
