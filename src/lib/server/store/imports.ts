/**
 * Imports: commit (one transaction per request, whatever the number of files) and the history. Each
 * file becomes one row of `imports`; each cell it wrote gets one row of `replaced` holding what was
 * there before, so the import can be undone exactly (undo.ts).
 */
import type { Observation } from '../../model/types';
import type { Database } from '../db';
import type { ImportRow } from '../db/schema';
import { loadDictionary, loadUnits } from './lists';
import { checkShape, recheckRows, type Finding, type IncomingFile } from './recheck';
import { audit, bumpVersion, cellKey, chunks, lockVersion, nowIso, type Tx } from './util';

export interface ImportCounts {
	rows: number;
	inserted: number;
	updated: number;
	unchanged: number;
}

export type CommitResult =
	| { ok: true; version: number; imports: (ImportCounts & { id: number; file: string })[] }
	| { ok: false; reason: 'conflict'; version: number }
	| { ok: false; reason: 'invalid'; version: number; findings: Finding[] };

interface Existing {
	unit: string;
	period: string;
	indicator: string;
	value: number;
	qualifier: string;
	note: string;
	source: string;
	import_id: number | null;
}

/** Rows per statement: 9 columns × 500 = 4,500 parameters, far below SQLite's and PostgreSQL's limits. */
export const BATCH = 500;

async function existingCells(trx: Tx, obs: readonly Observation[]): Promise<Map<string, Existing>> {
	const found = new Map<string, Existing>();
	for (const part of chunks(obs, BATCH)) {
		const rows = await trx
			.selectFrom('observations')
			.select(['unit', 'period', 'indicator', 'value', 'qualifier', 'note', 'source', 'import_id'])
			.where((eb) =>
				eb(
					eb.refTuple('unit', 'period', 'indicator'),
					'in',
					part.map((o) => eb.tuple(o.unit, o.period, o.indicator))
				)
			)
			.execute();
		for (const r of rows) found.set(cellKey(r.unit, r.period, r.indicator), r);
	}
	return found;
}

/** Writes cells (insert or replace), all at workspace version `version`. */
export async function upsertCells(
	trx: Tx,
	cells: readonly {
		unit: string;
		period: string;
		indicator: string;
		value: number;
		qualifier: string;
		note: string;
		source: string;
		import_id: number | null;
	}[],
	version: number
): Promise<void> {
	for (const part of chunks(cells, BATCH)) {
		await trx
			.insertInto('observations')
			.values(part.map((c) => ({ ...c, version })))
			.onConflict((oc) =>
				oc.columns(['unit', 'period', 'indicator']).doUpdateSet((eb) => ({
					value: eb.ref('excluded.value'),
					qualifier: eb.ref('excluded.qualifier'),
					note: eb.ref('excluded.note'),
					source: eb.ref('excluded.source'),
					import_id: eb.ref('excluded.import_id'),
					version: eb.ref('excluded.version')
				}))
			)
			.execute();
	}
}

const same = (a: Existing, o: Observation): boolean =>
	a.value === o.value && a.qualifier === o.qualifier && a.note === o.note;

/** Writes one checked file inside the transaction; returns its counts. */
async function writeFile(
	trx: Tx,
	file: IncomingFile,
	obs: Observation[],
	userId: number | null,
	at: string,
	version: number,
	login: string
): Promise<ImportCounts & { id: number; file: string }> {
	const existing = await existingCells(trx, obs);
	const { id } = await trx
		.insertInto('imports')
		.values({
			file: file.name,
			file_hash: file.hash,
			user_id: userId,
			at,
			rows: file.rows.length,
			inserted: 0,
			updated: 0,
			unchanged: 0,
			status: 'committed',
			version,
			undone_at: null,
			undone_by: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	// A figure's source names its import and the person: `bao-cao.csv (#12, thu)`.
	const source = `${file.name} (#${id}, ${login})`;
	const writes: Parameters<typeof upsertCells>[1][number][] = [];
	const replaced: {
		import_id: number;
		unit: string;
		period: string;
		indicator: string;
		had_previous: number;
		prev_value: number | null;
		prev_qualifier: string | null;
		prev_note: string | null;
		prev_source: string | null;
		prev_import_id: number | null;
	}[] = [];
	let inserted = 0;
	let updated = 0;
	let unchanged = 0;
	for (const o of obs) {
		const prev = existing.get(cellKey(o.unit, o.period, o.indicator));
		if (prev && same(prev, o)) {
			unchanged++;
			continue;
		}
		if (prev) updated++;
		else inserted++;
		writes.push({ ...o, source, import_id: id });
		replaced.push({
			import_id: id,
			unit: o.unit,
			period: o.period,
			indicator: o.indicator,
			had_previous: prev ? 1 : 0,
			prev_value: prev?.value ?? null,
			prev_qualifier: prev?.qualifier ?? null,
			prev_note: prev?.note ?? null,
			prev_source: prev?.source ?? null,
			prev_import_id: prev?.import_id ?? null
		});
	}
	await upsertCells(trx, writes, version);
	for (const part of chunks(replaced, BATCH)) await trx.insertInto('replaced').values(part).execute();
	await trx.updateTable('imports').set({ inserted, updated, unchanged }).where('id', '=', id).execute();
	return { id, file: file.name, rows: file.rows.length, inserted, updated, unchanged };
}

/**
 * Commits checked files made against `baseVersion`. A stale base → conflict (the browser shows its diff
 * again against the new figures); any error finding → invalid; otherwise one transaction writes every
 * file, logs it, and raises the version once.
 */
export async function commitImport(
	database: Database,
	args: { userId: number | null; files: IncomingFile[]; baseVersion: number }
): Promise<CommitResult> {
	return database.db.transaction().execute(async (trx) => {
		const current = await lockVersion(trx, database.kind);
		if (args.baseVersion !== current) return { ok: false, reason: 'conflict', version: current };
		const dictionary = await loadDictionary(trx);
		const units = await loadUnits(trx);
		const checked: Observation[][] = [];
		const findings: Finding[] = [];
		for (const f of args.files) {
			const shape = checkShape(f, units, dictionary);
			if (shape.length > 0) {
				findings.push(...shape);
				checked.push([]);
				continue;
			}
			const { observations, errors } = await recheckRows(f, dictionary, units);
			findings.push(...errors);
			checked.push(observations);
		}
		if (findings.length > 0)
			return { ok: false, reason: 'invalid', version: current, findings: findings.slice(0, 100) };
		const version = await bumpVersion(trx, database.kind, current);
		const at = nowIso();
		const person =
			args.userId === null
				? undefined
				: await trx.selectFrom('users').select('login').where('id', '=', args.userId).executeTakeFirst();
		const login = person?.login ?? '—';
		const imports = [];
		for (let i = 0; i < args.files.length; i++) {
			imports.push(await writeFile(trx, args.files[i], checked[i], args.userId, at, version, login));
		}
		await audit(trx, args.userId, 'import', {
			version,
			imports: imports.map(({ id, file, inserted, updated, unchanged }) => ({
				id,
				file,
				inserted,
				updated,
				unchanged
			}))
		});
		return { ok: true, version, imports };
	});
}

export interface ImportEntry extends Omit<ImportRow, 'user_id' | 'undone_by'> {
	user: string | null;
	undoneBy: string | null;
}

/** The import history, newest first, with who imported and who undid. */
export async function listImports(database: Database, limit = 200): Promise<ImportEntry[]> {
	const rows = await database.db
		.selectFrom('imports as i')
		.leftJoin('users as u', 'u.id', 'i.user_id')
		.leftJoin('users as b', 'b.id', 'i.undone_by')
		.selectAll('i')
		.select(['u.login as user', 'b.login as undoneBy'])
		.orderBy('i.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map(({ user_id: _u, undone_by: _b, ...r }) => r);
}
