/**
 * The server's workspace in and out of the browser's DuckDB, always in bulk: its canonical CSV goes
 * through the bulk import path (read_csv and the importer's rules as SQL) and replaces every stored
 * observation in one transaction; a staged bulk import's rows come back as canonical rows to send.
 */
import type { ImportOptions } from '$lib/import';
import type { Observation } from '$lib/model/types';
import { bulkImport } from './bulk';
import { stagedTable } from './staged';
import type { Store } from './store';

/**
 * Replace the store's observations and imports with a canonical CSV (the dictionary and units stay).
 * Throws when the bytes are not a canonical file or hold an error the importer refuses.
 */
export async function replaceWithCanonical(
	store: Store,
	bytes: Uint8Array,
	opts: ImportOptions
): Promise<{ rows: number }> {
	const bulk = await bulkImport(store, bytes, opts, { minBytes: 0 });
	if (!bulk) throw new Error(`${opts.fileName}: not a canonical CSV`);
	if (bulk.result.kind === 'invalid') {
		await store.dropStaged(bulk.table);
		throw new Error(`${opts.fileName}: ${bulk.result.issues[0]?.en ?? 'invalid'}`);
	}
	await store.commitImports([{ file: opts.fileName, table: bulk.table }], { replaceAll: true });
	return { rows: bulk.result.stats.observations };
}

/** The rows of a staged bulk import, as the server takes them (value, qualifier and note). */
export function stagedObservations(store: Store, table: string): Promise<Observation[]> {
	return store.query<Observation>(
		`SELECT unit, period, indicator, value, qualifier, note, '' AS source FROM ${stagedTable(table)}`
	);
}
