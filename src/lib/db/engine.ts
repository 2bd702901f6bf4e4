/**
 * The engine: the smallest surface over duckdb-wasm that the rest of `db` needs. Two implementations —
 * the browser's AsyncDuckDB in a Web Worker (`engine-browser.ts`) and Node's blocking build for tests
 * and scripts (`engine-node.ts`) — so every query in this folder runs unchanged in both.
 */
export type Param = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Engine {
	/** Run one statement; `params` bind to `?` placeholders (a prepared statement, never string-built SQL). */
	run(sql: string, params?: Param[]): Promise<Row[]>;
	/** Make bytes readable by `read_csv('name')`. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	dropFile(name: string): Promise<void>;
	/** Prepare an empty file for `COPY … TO`; returns the path to write to. */
	createFile(name: string): Promise<string>;
	/** The bytes of a file written by `COPY … TO` (and the file is gone). */
	takeFile(path: string): Promise<Uint8Array>;
	close(): Promise<void>;
}

/** Arrow rows → plain JS values: numbers instead of BigInt, arrays instead of Arrow vectors. */
export function toPlainRows(table: { toArray(): unknown[] }): Row[] {
	return table.toArray().map((r) => {
		const json = (r as { toJSON(): Row }).toJSON();
		for (const key of Object.keys(json)) json[key] = toPlain(json[key]);
		return json;
	});
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

/** Settings applied to every new instance: never fetch an extension from anywhere. */
export function safetySettings(origin: string): string[] {
	return [
		'SET autoinstall_known_extensions = false',
		'SET autoload_known_extensions = false',
		`SET custom_extension_repository = '${origin.replace(/'/g, "''")}/duckdb-extensions'`
	];
}
