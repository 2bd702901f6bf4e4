/**
 * The names a bulk import's accepted rows live under until they are committed or forgotten: the view
 * `bulk_ok_N` that a diff and a commit read, and the table behind it — the file as read
 * (`bulk_raw_N`), or the rows as they resolved (`bulk_rows_N`).
 */

/** Only these generated names are ever put into SQL as a staged import. */
export function stagedTable(name: string): string {
	if (!/^bulk_ok_\d+$/.test(name)) throw new Error(`not a staged table: ${name}`);
	return name;
}

export function stagedNames(table: string) {
	const id = stagedTable(table).slice('bulk_ok_'.length);
	return { view: table, rows: `bulk_rows_${id}`, raw: `bulk_raw_${id}` };
}

/** Forgets a staged import: its view and whichever table is behind it. */
export function dropStagedSql(table: string): string {
	const { view, rows, raw } = stagedNames(table);
	return `DROP VIEW IF EXISTS ${view}; DROP TABLE IF EXISTS ${rows}; DROP TABLE IF EXISTS ${raw}`;
}
