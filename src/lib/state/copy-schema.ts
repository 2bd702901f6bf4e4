/**
 * The shape of the copy this browser keeps of the data (IndexedDB), and how an older copy is brought
 * up to date: one step per schema version, as deck files do. A copy that cannot be read is never
 * guessed at — `readCopy` says why, and the caller keeps it aside.
 *
 * Schema 1 (before the copy carried a version): the store's snapshot itself (local mode), or
 * `{version, snapshot}` (the server's workspace, server mode). Schema 2: `{schema, version, savedAt,
 * snapshot}`, where `version` is the workspace version (server) or a count of saves (local, so that
 * two tabs can tell which copy is newer).
 */
import { SNAPSHOT_TABLES, SNAPSHOT_VERSION, type Snapshot } from '$lib/db/snapshot';

export const COPY_SCHEMA = 2;

export interface Copy {
	schema: typeof COPY_SCHEMA;
	/** The workspace version (server) or the number of saves so far (local). */
	version: number;
	/** When the copy was written (ISO, UTC); '' when unknown (a copy of schema 1). */
	savedAt: string;
	snapshot: Snapshot;
}

export type CopyRead = { ok: true; copy: Copy; migrated: boolean } | { ok: false; reason: string };

type Step = (old: Record<string, unknown>) => Record<string, unknown>;

/** Step n turns a copy of schema n into one of schema n + 1. */
export const COPY_MIGRATIONS: Record<number, Step> = {
	1: (old) =>
		'tables' in old
			? { schema: 2, version: 0, savedAt: '', snapshot: old }
			: { schema: 2, version: old.version, savedAt: '', snapshot: old.snapshot }
};

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema a stored value says it has: 1 for the envelopes written before there was one. */
export function schemaOf(raw: unknown): number | null {
	if (!isObject(raw)) return null;
	if ('schema' in raw) return Number.isInteger(raw.schema) ? (raw.schema as number) : null;
	if ('tables' in raw || 'snapshot' in raw) return 1;
	return null;
}

function checkSnapshot(raw: unknown): string | null {
	if (!isObject(raw)) return 'no snapshot';
	const v = raw.version;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > SNAPSHOT_VERSION)
		return `snapshot version ${String(v)} is not one this app reads`;
	if (!isObject(raw.tables)) return 'snapshot without tables';
	for (const table of SNAPSHOT_TABLES) {
		if (!(raw.tables[table] instanceof Uint8Array)) return `snapshot without ${table}`;
	}
	return null;
}

/** A stored value as a copy of the current schema, migrated step by step; or why it cannot be read. */
export function readCopy(raw: unknown, migrations: Record<number, Step> = COPY_MIGRATIONS): CopyRead {
	let schema = schemaOf(raw);
	if (schema === null) return { ok: false, reason: 'not a copy of the data' };
	if (schema > COPY_SCHEMA)
		return { ok: false, reason: `copy schema ${schema} is newer than this app (${COPY_SCHEMA})` };
	if (schema < 1) return { ok: false, reason: `copy schema ${schema} is unknown` };
	let value = raw as Record<string, unknown>;
	const migrated = schema < COPY_SCHEMA;
	while (schema < COPY_SCHEMA) {
		const step = migrations[schema];
		if (!step) return { ok: false, reason: `no step from copy schema ${schema}` };
		try {
			value = step(value);
		} catch (e) {
			return { ok: false, reason: `copy schema ${schema}: ${e instanceof Error ? e.message : String(e)}` };
		}
		schema = schemaOf(value) ?? -1;
	}
	const version = value.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
		return { ok: false, reason: 'copy without a version' };
	const problem = checkSnapshot(value.snapshot);
	if (problem) return { ok: false, reason: problem };
	const savedAt = typeof value.savedAt === 'string' ? value.savedAt : '';
	return {
		ok: true,
		copy: { schema: COPY_SCHEMA, version, savedAt, snapshot: value.snapshot as Snapshot },
		migrated
	};
}

/** A copy of the current schema around a snapshot. */
export function makeCopy(snapshot: Snapshot, version: number, at = new Date()): Copy {
	return { schema: COPY_SCHEMA, version, savedAt: at.toISOString(), snapshot };
}

const decoder = new TextDecoder();

/**
 * A stored value as JSON text a person can download and keep (a copy set aside): the tables' bytes as
 * their CSV text, anything else as it is. Never throws.
 */
export function copyToJson(raw: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return (
			JSON.stringify(
				raw,
				(_key, v: unknown) => {
					if (v instanceof Uint8Array) return decoder.decode(v);
					if (v instanceof ArrayBuffer) return decoder.decode(new Uint8Array(v));
					if (typeof v === 'bigint') return v.toString();
					if (typeof v === 'object' && v !== null) {
						if (seen.has(v)) return '[repeated]';
						seen.add(v);
					}
					return v;
				},
				'\t'
			) ?? 'null'
		);
	} catch {
		return JSON.stringify(String(raw));
	}
}
