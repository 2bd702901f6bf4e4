/**
 * The store: one DuckDB instance behind a queue, so statements never interleave (a transaction is
 * never cut by another caller). Imports are committed in one transaction and can be undone exactly.
 */
import type { ImportRecord, Indicator, Observation, Unit } from '$lib/model/types';
import { stageRows } from './csv';
import { diffRows, type DiffSummary } from './diff';
import { INDICATOR_COLUMNS, INDICATOR_TYPES, insertNewIndicators } from './dictionary-additions';
import { type Engine, type Param, type Row } from './engine';
import { sqlLiteral } from './literal';
import { REFUSED_OBSERVATION, SCHEMA } from './schema';
import { restoreSnapshot, SNAPSHOT_TABLES, SNAPSHOT_VERSION, takeSnapshot, type Snapshot } from './snapshot';
import { dropStagedSql, stagedTable } from './staged';

export type { DiffRow, DiffSummary } from './diff';
export type { Snapshot };

export interface CommitSummary {
	id: number;
	added: number;
	changed: number;
	unchanged: number;
}

/** What one import brings: observations from the JavaScript path, or the bulk path's temp table. */
export type ImportSource = { file: string; observations: Observation[] } | { file: string; table: string };

/** How a commit is stored: its time, and the new indicators its values use (stored with them or not at all). */
export interface CommitOptions {
	at?: Date;
	newIndicators?: readonly Indicator[];
	/** The files replace every stored observation and import (a server's snapshot). */ replaceAll?: boolean;
}

export const OBS_COLUMNS = ['unit', 'period', 'indicator', 'value', 'qualifier', 'source', 'note'];
export const OBS_TYPES = `{'unit': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'DOUBLE', 'qualifier': 'VARCHAR', 'source': 'VARCHAR', 'note': 'VARCHAR'}`;
const REPLACE_ALL = 'DELETE FROM observations; DELETE FROM replaced; DELETE FROM imports';
const KEY = 'o.unit = s.unit AND o.period = s.period AND o.indicator = s.indicator';
/** How long the database must be quiet after a write before it is compressed (see `Store.compact`). */
const COMPACT_AFTER_MS = 1000;
/** However busy it stays, a write is compressed within this many quiet periods. */
const COMPACT_WITHIN = 10;

export class Store {
	private queue: Promise<unknown> = Promise.resolve();
	private files = 0;
	private compaction: ReturnType<typeof setTimeout> | undefined;
	/** When the pending compaction runs however busy the store is. */
	private compactBy: number | undefined;
	/** Work running now, and when the last one ended: a compaction (and the warm-up) waits for quiet. */
	busy = 0;
	lastUsed = 0;
	/** Bumped after every change; views re-query when it moves. */
	version = 0;
	/** Bumped when the dictionary or the unit list may have changed (they are read back only then). */
	referenceVersion = 0;
	/**
	 * A bulk import that is stored but whose rows still live in its staged table: `observations` is then
	 * a temporary view (the table plus those rows) until `settle` copies them, once the store is quiet
	 * or before the next write.
	 */
	private unsettled: { table: string; id: number } | null = null;

	private constructor(
		readonly engine: Engine,
		private readonly compactAfterMs: number
	) {}

	static async open(engine: Engine, { compactAfterMs = COMPACT_AFTER_MS } = {}): Promise<Store> {
		const store = new Store(engine, compactAfterMs);
		await store.exclusive(async () => {
			// A compressed in-memory database: texts are dictionary/FSST-compressed, numbers ALP, so a
			// view's scan of a million observations reads a fraction of the bytes (3–4× faster queries).
			// Compressing is DuckDB's checkpoint; left to itself it runs inside COMMIT (~0.5 s for a
			// million rows, a staff member waiting). It runs a moment later instead: see `compact`.
			await engine.run(`ATTACH IF NOT EXISTS ':memory:' AS chiso (COMPRESS)`);
			await engine.run('USE chiso');
			await engine.run(`SET checkpoint_threshold = '1TB'`);
			for (const ddl of SCHEMA) await engine.run(ddl);
		});
		return store;
	}

	/**
	 * Compress what the last writes stored (a checkpoint of the in-memory database). Committed rows are
	 * stored and queryable at once, uncompressed; this runs once the store has been quiet for
	 * `compactAfterMs` after a write (at the latest `COMPACT_WITHIN` such periods after it), in DuckDB's
	 * worker — so that it does not land in the middle of the next import or of the charts reloading.
	 */
	compact(): Promise<void> {
		clearTimeout(this.compaction);
		this.compaction = undefined;
		this.compactBy = undefined;
		return this.exclusive(async () => {
			await this.settle();
			await this.engine.run('CHECKPOINT chiso');
		});
	}

	/**
	 * Copy the rows of a stored bulk import from its staged table into the observations table, in one
	 * transaction, and drop the view that showed them: the copy a commit leaves for a quiet moment.
	 */
	private async settle() {
		const pending = this.unsettled;
		if (!pending) return;
		await this.atomically(() =>
			this.engine.run(
				`INSERT INTO chiso.main.observations
				 SELECT unit, period, indicator, value, qualifier, source, note, ${sqlLiteral(pending.id)} FROM ${pending.table};
				 DROP VIEW temp.main.observations; ${dropStagedSql(pending.table)}`
			)
		);
		this.unsettled = null;
	}

	private compactLater() {
		this.compactBy ??= performance.now() + COMPACT_WITHIN * this.compactAfterMs;
		this.compactIn(this.compactAfterMs);
	}

	private compactIn(ms: number) {
		clearTimeout(this.compaction);
		this.compaction = setTimeout(() => this.compactWhenQuiet(), ms);
		// Node (tests, scripts): a pending compaction does not keep the process alive.
		(this.compaction as { unref?: () => void }).unref?.();
	}

	private compactWhenQuiet() {
		const now = performance.now();
		const quietFor = this.busy > 0 ? 0 : now - this.lastUsed;
		if (quietFor < this.compactAfterMs && now < (this.compactBy ?? 0))
			this.compactIn(this.compactAfterMs - quietFor);
		else this.compact().catch((e) => console.warn('compaction failed:', e));
	}

	/** Run `fn` alone: nothing else touches the database until it ends. */
	exclusive<T>(fn: () => Promise<T>): Promise<T> {
		const run = async () => {
			this.busy++;
			try {
				return await fn();
			} finally {
				this.busy--;
				this.lastUsed = performance.now();
			}
		};
		const next = this.queue.then(run, run);
		this.queue = next.catch(() => undefined);
		return next;
	}

	query<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
		return this.exclusive(() => this.engine.run(sql, params) as Promise<T[]>);
	}

	/**
	 * A change, all or nothing: on any error the transaction is rolled back and the error rethrown. A
	 * bulk import's rows still in its staged table are copied first: every write sees one table.
	 */
	private async transaction<T>(fn: () => Promise<T>): Promise<T> {
		await this.settle();
		const result = await this.atomically(fn);
		this.version++;
		this.compactLater();
		return result;
	}

	private async atomically<T>(fn: () => Promise<T>): Promise<T> {
		await this.engine.run('BEGIN TRANSACTION');
		try {
			const result = await fn();
			await this.engine.run('COMMIT');
			return result;
		} catch (e) {
			await this.engine.run('ROLLBACK');
			throw e;
		}
	}

	/** Put rows in a temp table `name` through one bulk `read_csv`. */
	private stage(name: string, columns: string[], types: string, rows: Record<string, unknown>[]) {
		return stageRows(this.engine, `stage-${++this.files}.csv`, name, columns, types, rows);
	}

	/** A change written by a module beside the store (`changes.ts`): alone, all or nothing, views re-query. */
	change<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
		return this.exclusive(() => this.transaction(() => fn(this.engine)));
	}

	replaceDictionary(indicators: Indicator[]): Promise<void> {
		this.referenceVersion++;
		return this.exclusive(() =>
			this.transaction(async () => {
				await this.stage(
					'stage_indicators',
					INDICATOR_COLUMNS,
					INDICATOR_TYPES,
					indicators.map((i) => ({ ...i, higher_is_better: i.higher_is_better ?? null }))
				);
				await this.engine.run('DELETE FROM indicators');
				await this.engine.run(
					`INSERT INTO indicators SELECT code, name_vi, name_en, unit, kind, formula, aggregation, higher_is_better, "group",
					 CASE WHEN categories = '' THEN [] ELSE string_split(categories, '|') END, notes_vi, notes_en FROM stage_indicators`
				);
			})
		);
	}

	replaceUnits(units: Unit[]): Promise<void> {
		this.referenceVersion++;
		return this.exclusive(() =>
			this.transaction(async () => {
				await this.stage(
					'stage_units',
					['code', 'name', 'kind', 'parent', 'valid_from', 'valid_to', 'successor', 'aliases'],
					`{'code': 'VARCHAR', 'name': 'VARCHAR', 'kind': 'VARCHAR', 'parent': 'VARCHAR', 'valid_from': 'VARCHAR', 'valid_to': 'VARCHAR', 'successor': 'VARCHAR', 'aliases': 'VARCHAR'}`,
					units as unknown as Record<string, unknown>[]
				);
				await this.engine.run('DELETE FROM units');
				await this.engine.run(
					`INSERT INTO units SELECT code, name, kind, parent, TRY_CAST(nullif(valid_from, '') AS DATE), TRY_CAST(nullif(valid_to, '') AS DATE),
					 successor, CASE WHEN aliases = '' THEN [] ELSE string_split(aliases, '|') END FROM stage_units`
				);
			})
		);
	}

	/**
	 * New, changed and unchanged rows of an import against what is stored, with the changed rows first
	 * among `rows` (at most `limit`), then new ones, then unchanged. Changes nothing.
	 */
	diff(source: Observation[] | { table: string }, limit = 500): Promise<DiffSummary> {
		return this.exclusive(async () => {
			const from = await this.stageSource('stage_diff', source);
			return diffRows(this.engine, from, limit);
		});
	}

	/** One import in one transaction (rows replace stored rows with the same key). */
	async commitImport(file: string, observations: Observation[], at = new Date()): Promise<CommitSummary> {
		const [summary] = await this.commitImports([{ file, observations }], { at });
		return summary;
	}

	/**
	 * Several files in ONE transaction, with the new indicators their values use: all of them are
	 * stored, or none (an indicator whose code is stored already is left as it is).
	 */
	commitImports(
		files: ImportSource[],
		{ at = new Date(), newIndicators = [], replaceAll = false }: CommitOptions = {}
	): Promise<CommitSummary[]> {
		return this.exclusive(async () => {
			// The last file's rows, if a bulk import's, are shown from where they are staged and copied
			// into the table a moment later (`settle`): a million rows are stored without waiting for it.
			const last = files.at(-1);
			const deferred = last && 'table' in last ? stagedTable(last.table) : null;
			let added: string[] = [];
			const summaries = await this.transaction(async () => {
				if (replaceAll) await this.engine.run(REPLACE_ALL);
				added = await insertNewIndicators(this.engine, newIndicators);
				const out: CommitSummary[] = [];
				for (const f of files) out.push(await this.commitOne(f, at, f === last && deferred !== null));
				return out;
			});
			if (added.length > 0) this.referenceVersion++;
			if (deferred) this.unsettled = { table: deferred, id: summaries.at(-1)!.id };
			return summaries;
		});
	}

	/** Forget a bulk import's rows that will not be committed (those of a stored one stay). */
	dropStaged(table: string): Promise<void> {
		return this.exclusive(async () => {
			if (this.unsettled?.table !== table) await this.engine.run(dropStagedSql(table));
		});
	}

	/** The rows as a table: observations staged through one bulk `read_csv`, or a bulk import's own table. */
	private async stageSource(name: string, source: Observation[] | { table: string }): Promise<string> {
		if (!Array.isArray(source)) return stagedTable(source.table);
		await this.stage(name, OBS_COLUMNS, OBS_TYPES, source as unknown as Record<string, unknown>[]);
		return name;
	}

	/**
	 * One file of a commit. The stored rows it overwrites are copied once (`stage_old`, usually few):
	 * they give the counts, what undo restores, and which stored rows to delete. With `keep`, a bulk
	 * import's rows stay in its staged table, shown through the `observations` view until `settle` — if
	 * the table would take every one of them.
	 */
	private async commitOne(f: ImportSource, at: Date, keep: boolean): Promise<CommitSummary> {
		const from = await this.stageSource('stage_obs', 'table' in f ? { table: f.table } : f.observations);
		const [counts] = (await this.engine.run(
			`CREATE OR REPLACE TEMP TABLE stage_old AS
			 SELECT o.rowid AS rid, o.*, (o.value = s.value AND o.qualifier = s.qualifier) AS same
			 FROM observations o JOIN ${from} s ON ${KEY};
			 SELECT (SELECT coalesce(max(id), 0) + 1 FROM imports) AS id, (SELECT count(*) FROM ${from}) AS rows,
			        ${keep ? `(SELECT count(*) FROM ${from} WHERE ${REFUSED_OBSERVATION})` : '0'} AS refused,
			        count(*) FILTER (WHERE same) AS unchanged, count(*) FILTER (WHERE NOT same) AS changed FROM stage_old`
		)) as { id: number; rows: number; refused: number; unchanged: number; changed: number }[];
		if (counts.refused > 0)
			throw new Error(`${f.file}: ${counts.refused} rows the observations table refuses`);
		const id = counts.id;
		await this.engine.run(`INSERT INTO imports VALUES (?, ?, ?::TIMESTAMP, ?, 'committed')`, [
			id,
			f.file,
			at.toISOString().replace('T', ' ').replace('Z', ''),
			counts.rows
		]);
		if (counts.changed + counts.unchanged > 0) {
			await this.engine.run(
				`INSERT INTO replaced SELECT ?, unit, period, indicator, true, value, qualifier, source, note, import_id FROM stage_old`,
				[id]
			);
			await this.engine.run(`DELETE FROM observations WHERE rowid IN (SELECT rid FROM stage_old)`);
		}
		// The id is this store's own integer. A bulk import's rows go with the transaction: a rollback
		// brings them back for another try.
		const rows = `SELECT unit, period, indicator, value, qualifier, source, note, ${sqlLiteral(id)}::INTEGER FROM ${from}`;
		await this.engine.run(
			keep
				? `CREATE TEMP VIEW observations AS SELECT * FROM chiso.main.observations UNION ALL ${rows};
				   DROP TABLE stage_old`
				: `INSERT INTO observations ${rows};
				   DROP TABLE IF EXISTS stage_obs; DROP TABLE stage_old${'table' in f ? `; ${dropStagedSql(from)}` : ''}`
		);
		return {
			id,
			added: counts.rows - counts.changed - counts.unchanged,
			changed: counts.changed,
			unchanged: counts.unchanged
		};
	}

	/**
	 * Undo an import: its rows go, and the values it overwrote come back exactly — except where a
	 * later import has since written the same key, which stays as the later import left it.
	 */
	undoImport(id: number): Promise<void> {
		return this.exclusive(() =>
			this.transaction(async () => {
				// The import's rows still carry its id; a row a later import rewrote carries that import's.
				await this.engine.run(`DELETE FROM observations WHERE import_id = ?`, [id]);
				await this.engine.run(
					`INSERT INTO observations
					 SELECT s.unit, s.period, s.indicator, s.value, s.qualifier, s.source, s.note, s.prev_import_id FROM replaced s
					 WHERE s.import_id = ? AND s.existed
					   AND NOT EXISTS (SELECT 1 FROM observations o WHERE ${KEY})`,
					[id]
				);
				await this.engine.run(`UPDATE imports SET status = 'undone' WHERE id = ?`, [id]);
			})
		);
	}

	/** Every table as CSV bytes, for a snapshot that survives a reload. */
	snapshot(): Promise<Snapshot> {
		return this.exclusive(() => takeSnapshot(this.engine));
	}

	/** Replace everything with a snapshot, in one transaction; a bad snapshot changes nothing. */
	restore(snapshot: Snapshot): Promise<void> {
		if (snapshot.version !== SNAPSHOT_VERSION && snapshot.version !== 1)
			return Promise.reject(new Error(`snapshot version ${snapshot.version}`));
		this.referenceVersion++;
		return this.exclusive(() => this.transaction(() => restoreSnapshot(this.engine, snapshot)));
	}

	/** Forget everything (before loading the bundled data again). */
	clear(): Promise<void> {
		this.referenceVersion++;
		const all = SNAPSHOT_TABLES.map((table) => `DELETE FROM ${table}`).join('; ');
		return this.exclusive(() => this.transaction(async () => void (await this.engine.run(all))));
	}

	async indicators(): Promise<Indicator[]> {
		const rows = await this.query<Indicator>('SELECT * FROM indicators ORDER BY "group", code');
		return rows.map((r) => ({ ...r, categories: r.categories ?? [] }));
	}

	async units(): Promise<Unit[]> {
		const rows = await this.query<Unit & { valid_from: unknown; valid_to: unknown }>(
			`SELECT code, name, kind, parent, coalesce(strftime(valid_from, '%Y-%m-%d'), '') AS valid_from,
			        coalesce(strftime(valid_to, '%Y-%m-%d'), '') AS valid_to, successor, aliases FROM units ORDER BY code, valid_from NULLS FIRST`
		);
		return rows.map((r) => ({ ...r, valid_from: String(r.valid_from), valid_to: String(r.valid_to) }));
	}

	imports(): Promise<ImportRecord[]> {
		return this.query<ImportRecord>(
			`SELECT id, file, strftime("at", '%Y-%m-%dT%H:%M:%SZ') AS at, rows, status FROM imports ORDER BY id DESC`
		);
	}
}
