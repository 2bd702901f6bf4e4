/**
 * Indicators added to the stored dictionary one by one (a person turning an unknown column into a
 * new raw indicator), through the Store's public surface: `exclusive` keeps other statements out, and
 * the rows go in one transaction with bound parameters, never string-built SQL.
 */
import type { Indicator } from '$lib/model/types';
import type { Engine } from './engine';
import type { Store } from './store';

async function inTransaction<T>(engine: Engine, fn: () => Promise<T>): Promise<T> {
	await engine.run('BEGIN TRANSACTION');
	try {
		const out = await fn();
		await engine.run('COMMIT');
		return out;
	} catch (e) {
		await engine.run('ROLLBACK');
		throw e;
	}
}

/**
 * Adds the indicators whose code is not stored yet (a stored code is left as it is); all or none.
 * Returns the codes that were added.
 */
export function addIndicators(store: Store, indicators: readonly Indicator[]): Promise<string[]> {
	if (indicators.length === 0) return Promise.resolve([]);
	return store.exclusive(async () => {
		const e = store.engine;
		const added = await inTransaction(e, async () => {
			const codes: string[] = [];
			for (const i of indicators) {
				const [{ n }] = (await e.run('SELECT count(*)::INTEGER AS n FROM indicators WHERE code = ?', [
					i.code
				])) as { n: number }[];
				if (n > 0) continue;
				await e.run(
					`INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
					 CASE WHEN ? = '' THEN []::VARCHAR[] ELSE string_split(?, '|') END, ?, ?)`,
					[
						i.code,
						i.name_vi,
						i.name_en,
						i.unit,
						i.kind,
						i.formula,
						i.aggregation,
						i.higher_is_better,
						i.group,
						i.categories.join('|'),
						i.categories.join('|'),
						i.notes_vi,
						i.notes_en
					]
				);
				codes.push(i.code);
			}
			return codes;
		});
		if (added.length > 0) store.version++;
		return added;
	});
}

/**
 * Takes back indicators added by `addIndicators` when the import they came with could not be stored.
 * An indicator that has values meanwhile stays.
 */
export function removeIndicators(store: Store, codes: readonly string[]): Promise<void> {
	if (codes.length === 0) return Promise.resolve();
	return store.exclusive(async () => {
		const e = store.engine;
		await inTransaction(e, async () => {
			for (const code of codes)
				await e.run(
					'DELETE FROM indicators WHERE code = ? AND NOT EXISTS (SELECT 1 FROM observations WHERE indicator = ?)',
					[code, code]
				);
		});
		store.version++;
	});
}
