/** The indicator dictionary and the unit list as the server holds them (JSON bodies, one version each). */
import { migrateUnit } from '../../model/registry';
import type { Indicator, Unit } from '../../model/types';
import type { Tx } from './util';

export async function loadDictionary(trx: Tx): Promise<Indicator[]> {
	const rows = await trx.selectFrom('indicators').select('body').orderBy('code').execute();
	return rows.map((r) => JSON.parse(r.body) as Indicator);
}

export async function loadUnits(trx: Tx): Promise<Unit[]> {
	const rows = await trx.selectFrom('units').select('body').orderBy('id').execute();
	// A list stored before the official codes carries local `DP2025-*` codes: read as the official ones.
	return rows.map((r) => migrateUnit(JSON.parse(r.body) as Unit));
}

export async function writeDictionary(trx: Tx, list: readonly Indicator[], version: number): Promise<void> {
	await trx.deleteFrom('indicators').execute();
	for (const ind of list) {
		await trx
			.insertInto('indicators')
			.values({ code: ind.code, body: JSON.stringify(ind), version })
			.execute();
	}
}

export async function writeUnits(trx: Tx, list: readonly Unit[], version: number): Promise<void> {
	await trx.deleteFrom('units').execute();
	for (const u of list) {
		await trx
			.insertInto('units')
			.values({ code: u.code, name: u.name, body: JSON.stringify(u), version })
			.execute();
	}
}
