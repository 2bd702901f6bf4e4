/**
 * The bulk path for large canonical files (`unit,period,indicator,value,qualifier,note[,source]`, UTF-8,
 * comma — what the app itself exports and what other systems dump): DuckDB's `read_csv` parses the
 * bytes and every per-row check runs as SQL, so a million rows never go one by one through JavaScript.
 *
 * It keeps one set of rules and one report: each DISTINCT unit, period, indicator and value text is
 * resolved by the importer's own functions (resolve.ts), the row rules' SQL is written from the
 * importer's one rule table (rule-sql.ts), and every finding goes through the importer's IssueLog and
 * messages (findings.ts). Files of any other shape take the JavaScript path.
 *
 * The steps, one module each: read.ts (the file into a table of texts), texts.ts and pairs.ts (the two
 * grouped passes over the rows), rows.ts (the rows joined to what their texts resolved to, when some
 * text does not read as written), row-rules.ts (duplicates, order and rate rules), check.ts (the order
 * of it all).
 */
import type { ImportOptions, ImportResult } from '$lib/import';
import type { Store } from '$lib/db/store';
import { dropStagedSql, stagedNames } from '$lib/db/staged';
import { check } from './check';
import { canonicalHeader, readRaw } from './read';
import { RULE_TABLES } from './row-rules';

export { canonicalHeader };

/** Below this size the JavaScript path is as fast and reports exactly the same. */
export const BULK_MIN_BYTES = 256 * 1024;

export interface BulkImport {
	result: ImportResult;
	/** Temp table holding the accepted rows, ready for `Store.commitImports({ table })`. */
	table: string;
}

let runs = 0;

/**
 * Import a large canonical file through DuckDB; null when the file is not eligible. Bytes are handed
 * over to DuckDB (in the browser they move to its worker: the caller must not use them afterwards).
 *
 * `read_csv` reads the file into text columns; two grouped passes give its distinct texts — of
 * indicators, qualifiers and values in one, of (unit, period) pairs in the other, with whether a pair
 * repeats an indicator and whether a rule may fail there. When every text is read as written (an export
 * of this app, or of a system that uses the same codes and names) the rows are staged as they were read,
 * behind a view; otherwise ONE query joins each row to what its texts resolved to and becomes the staged
 * table. Row rules then work on small sets only, and the rows they reject are taken out of what a commit
 * stores.
 */
export async function bulkImport(
	store: Store,
	source: Blob | Uint8Array,
	opts: ImportOptions,
	{ minBytes = BULK_MIN_BYTES } = {}
): Promise<BulkImport | null> {
	const size = source instanceof Blob ? source.size : source.length;
	if (size < minBytes || opts.encoding) return null;
	const head = source instanceof Blob ? new Uint8Array(await source.slice(0, 512).arrayBuffer()) : source;
	const header = canonicalHeader(head);
	if (!header) return null;
	const t0 = performance.now();
	const table = `bulk_ok_${++runs}`;
	const { raw } = stagedNames(table);
	return store.exclusive(async () => {
		const e = store.engine;
		if (!(await readRaw(e, source, header, raw))) return null;
		let keepRaw = false;
		try {
			const { result, asRead } = await check(e, raw, table, opts, header.includes('source'));
			keepRaw = asRead;
			result.stats.ms = Math.round(performance.now() - t0);
			return { result, table };
		} catch (error) {
			await e.run(dropStagedSql(table));
			throw error;
		} finally {
			// One round trip: DuckDB runs the statements of a text one after the other.
			await e.run(
				[
					'DROP VIEW IF EXISTS b_rows',
					...['b_map', 'b_pairs', ...RULE_TABLES, ...(keepRaw ? [] : [raw])].map(
						(t) => `DROP TABLE IF EXISTS ${t}`
					)
				].join('; ')
			);
		}
	});
}
