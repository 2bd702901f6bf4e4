/**
 * A fresh workspace: migrate, then load the bundled dictionary, unit list and observations
 * (data/indicators.csv, data/units.csv, data/observations.csv) as version 1.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importCsv, parseDictionaryCsv, parseUnitsCsv } from '../../import';
import type { Database } from '../db';
import { upsertCells } from './imports';
import { writeDictionary, writeUnits } from './lists';
import { audit, nowIso } from './util';
import { createHash } from 'node:crypto';

/** Where the bundled data lives: CHISO_SEED_DIR, else `data/` of the current folder (the project). */
export const seedDir = (): string => resolve(process.env.CHISO_SEED_DIR || 'data');

/** Seeds an empty workspace; returns false when it already has one. */
export async function seedIfEmpty(database: Database, dir = seedDir()): Promise<boolean> {
	const read = (name: string) => readFileSync(join(dir, name), 'utf8');
	const dictionary = parseDictionaryCsv(read('indicators.csv')).indicators;
	const units = parseUnitsCsv(read('units.csv')).units;
	const obsBytes = readFileSync(join(dir, 'observations.csv'));
	// The same importer as the browser's: category labels become ranks, the `source` column is kept.
	const parsed = await importCsv(new Uint8Array(obsBytes), {
		fileName: 'observations.csv',
		dictionary,
		units
	});
	const errors = parsed.issues.filter((i) => i.severity === 'error');
	if (errors.length > 0)
		throw new Error(`Bundled data/observations.csv: ${errors[0].en} (row ${errors[0].row})`);
	const obs = parsed.observations;
	return database.db.transaction().execute(async (trx) => {
		const has = await trx.selectFrom('workspace').select('version').executeTakeFirst();
		if (has) return false;
		await trx
			.insertInto('workspace')
			.values({ id: 1, version: 1, dictionary_version: 1, units_version: 1, setup_token_hash: null })
			.execute();
		await writeDictionary(trx, dictionary, 1);
		await writeUnits(trx, units, 1);
		const at = nowIso();
		const { id } = await trx
			.insertInto('imports')
			.values({
				file: 'data/observations.csv',
				file_hash: createHash('sha256').update(obsBytes).digest('hex'),
				user_id: null,
				at,
				rows: obs.length,
				inserted: obs.length,
				updated: 0,
				unchanged: 0,
				status: 'committed',
				version: 1,
				undone_at: null,
				undone_by: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await upsertCells(
			trx,
			obs.map((o) => ({ ...o, source: o.source || 'sample', import_id: id })),
			1
		);
		await audit(trx, null, 'seed', {
			observations: obs.length,
			indicators: dictionary.length,
			units: units.length
		});
		return true;
	});
}
