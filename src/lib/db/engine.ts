/**
 * The engine: the smallest surface over duckdb-wasm that the rest of `db` needs. Two implementations —
 * the browser's AsyncDuckDB in a Web Worker (`engine-browser.ts`) and Node's blocking build for tests
 * and scripts (`engine-node.ts`) — so every query in this folder runs unchanged in both.
 */
import { sqlLiteral } from './literal';

import type { Param } from './literal';
export type { Param };
export type Row = Record<string, unknown>;

export interface Engine {
	/**
	 * Run one statement; `params` bind to `?` placeholders (a prepared statement, never string-built SQL).
	 * Without params a text may hold several statements (`;`): one round trip, the last one answers.
	 */
	run(sql: string, params?: Param[]): Promise<Row[]>;
	/**
	 * Make a file readable by `read_csv(path)`; returns that path (the name inside the app's one allowed
	 * folder, FILES_DIR). A Blob (a file the person chose) is read where DuckDB runs, bytes are handed
	 * over (in the browser they move to DuckDB's worker and are left empty here).
	 */
	registerFile(name: string, data: Uint8Array | Blob): Promise<string>;
	/** Forget a file registered or taken before (its path). */
	dropFile(path: string): Promise<void>;
	/** Prepare an empty file for `COPY … TO`; returns the path to write to. */
	createFile(name: string): Promise<string>;
	/** The bytes of a file written by `COPY … TO` (and the file is gone). */
	takeFile(path: string): Promise<Uint8Array>;
	close(): Promise<void>;
}

/**
 * Drop a registered file without waiting: the engine takes its calls in order, so the file is gone
 * before the next statement runs; a file that fails to drop changes no data.
 */
export function dropSoon(e: Engine, path: string): void {
	void e.dropFile(path).catch(() => undefined);
}

/**
 * Yields to the main thread: what follows runs in a later task, so the page can paint and answer
 * input. `scheduler.yield()` where the browser has it (this continues first, before other tasks); a
 * `setTimeout(0)` otherwise — which browsers stretch to 4 ms once timeouts nest, 0.1 s over a loop
 * that yields 25 times.
 */
export const nextTask = (): Promise<void> => {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** For a long loop: true once `ms` have passed since it last said so — time for a `nextTask()`. */
export function every(ms: number): () => boolean {
	let last = performance.now();
	return () => {
		const now = performance.now();
		if (now - last < ms) return false;
		last = now;
		return true;
	};
}

/** The parts of an Arrow table (as duckdb-wasm returns it) that the conversion reads. */
interface ArrowColumn {
	length: number;
	nullCount: number;
	type: { typeId: number; bitWidth?: number };
	get(index: number): unknown;
	toArray(): unknown;
}
export interface ArrowTable {
	numRows: number;
	schema: { fields: { name: string }[] };
	batches: { numRows: number; getChildAt(index: number): ArrowColumn | null }[];
}

/** Arrow's type ids (`Type` in apache-arrow) of the columns read as typed arrays. */
const ARROW_INT = 2;
const ARROW_FLOAT = 3;

/**
 * Arrow rows → plain JS rows: numbers instead of BigInt, arrays instead of Arrow vectors. Column by
 * column: a numeric column without nulls is read as the typed array it already is, other columns
 * value by value — several times faster than a `toJSON()` per row on large results — and tens of
 * thousands of rows in steps, so that the page is never held for long.
 */
export async function toPlainRows(table: ArrowTable, rowsPerStep = 8192): Promise<Row[]> {
	const names = table.schema.fields.map((f) => f.name);
	const rows: Row[] = new Array(table.numRows);
	let offset = 0;
	let sinceBreak = 0;
	for (const batch of table.batches) {
		// A large result is read in steps, yielding to the main thread between them.
		if (sinceBreak >= rowsPerStep) {
			await nextTask();
			sinceBreak = 0;
		}
		const columns = names.map((_, c) => columnValues(batch.getChildAt(c), batch.numRows));
		for (let i = 0; i < batch.numRows; i++) {
			const row: Row = {};
			for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][i];
			rows[offset + i] = row;
		}
		offset += batch.numRows;
		sinceBreak += batch.numRows;
	}
	return rows;
}

function columnValues(column: ArrowColumn | null, length: number): ArrayLike<unknown> {
	if (!column) return new Array(length).fill(null);
	const { typeId, bitWidth = 64 } = column.type;
	// 64-bit integers come as BigInt: those go value by value.
	if (column.nullCount === 0 && (typeId === ARROW_FLOAT || (typeId === ARROW_INT && bitWidth < 64)))
		return column.toArray() as ArrayLike<number>;
	const out = new Array(length);
	for (let i = 0; i < length; i++) out[i] = toPlain(column.get(i));
	return out;
}

function toPlain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (
		v &&
		typeof v === 'object' &&
		'toArray' in v &&
		typeof (v as { toArray: unknown }).toArray === 'function'
	) {
		return Array.from((v as { toArray(): ArrayLike<unknown> }).toArray(), toPlain);
	}
	return v;
}

/**
 * The one folder DuckDB may read and write: every file the app hands it (registerFile, createFile) is
 * named inside it. Everything else — another host (`read_csv('https://…')`), the disk — is closed.
 */
export const FILES_DIR = '/chiso/';

/**
 * Settings applied to every new instance: never fetch an extension from anywhere, and no file system
 * access outside `allowed` (FILES_DIR, plus Node's temp folder for COPY output in tests). DuckDB 1.4
 * refuses to turn `enable_external_access` on again, or to widen `allowed_directories`, while it runs:
 * the SQL console cannot undo this. (Relative names are refused once access is closed, so files are
 * always named with an absolute path.)
 */
export function safetySettings(origin: string, allowed: string[] = [FILES_DIR]): string[] {
	return [
		'SET autoinstall_known_extensions = false',
		'SET autoload_known_extensions = false',
		`SET custom_extension_repository = ${sqlLiteral(`${origin}/duckdb-extensions`)}`,
		`SET allowed_directories = [${allowed.map(sqlLiteral).join(', ')}]`,
		'SET enable_external_access = false'
	];
}
