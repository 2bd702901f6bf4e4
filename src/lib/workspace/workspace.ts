/**
 * The one workspace interface of the browser (DESIGN.md): where the data comes from and where a save
 * goes. Two implementations — `local` (everything in this browser: the static build, one person) and
 * `server` (the office's server is the record; this browser keeps a copy by version). The data session
 * and the import wizard talk to this interface only; pages never know which one runs.
 */
import type { Store } from '$lib/db';
import type { ImportRecord, Indicator, Observation, Unit } from '$lib/model/types';

/** Text in both languages (the server's messages, and ours). */
export interface Bilingual {
	vi: string;
	en: string;
}

export interface Opened {
	/** The version loaded into the store (the server's workspace version; local: 0). */
	version: number;
	/** The data is a copy kept in this browser (a local snapshot, or the server's last version). */
	restored: boolean;
	/** The server could not be reached: the kept copy is shown, read-only. */
	offline: boolean;
}

/** One checked file to save: its bytes (for the server's record of them) and its accepted rows. */
export interface CommitFile {
	name: string;
	blob: Blob;
	/** The JavaScript path's rows, or the bulk path's staged table. */
	rows: { observations: Observation[] } | { table: string };
}

export interface CommitOptions {
	/** The version the diff was made on: the server refuses the save (conflict) when it moved on. */
	baseVersion: number;
	at: Date;
	newIndicators: readonly Indicator[];
}

export interface Finding extends Bilingual {
	file: string;
	row: number;
	code: string;
}

export type CommitAnswer =
	| {
			ok: true;
			version: number;
			summaries: { id?: number; added: number; changed: number; unchanged: number }[];
	  }
	| { ok: false; reason: 'conflict'; version: number; message: Bilingual }
	| { ok: false; reason: 'invalid'; message: Bilingual; findings: Finding[] }
	| { ok: false; reason: 'refused'; message: Bilingual };

/** A checked dictionary or unit list: its bytes (the server reads them itself) and what they hold here. */
export interface ListFile {
	name: string;
	blob: Blob;
	indicators?: Indicator[];
	units?: Unit[];
}

/** A cell a later import changed: an undo leaves it as that import wrote it. */
export interface KeptCell {
	unit: string;
	period: string;
	indicator: string;
	value: number;
	qualifier: string;
	importId: number | null;
}

export type UndoAnswer = { ok: true; version: number; kept: KeptCell[] } | { ok: false; message: Bilingual };

/** What an undo would do, before the person confirms it: nothing is changed to tell. */
export type UndoPreview =
	| {
			ok: true;
			/** Cells the import wrote that go (none had a value before). */
			removed: number;
			/** Cells that get back the value the import replaced. */
			restored: number;
			/** Cells a later import changed: they keep that import's value. */
			kept: KeptCell[];
	  }
	| { ok: false; message: Bilingual };

/** An import of the history: who imported and who undid, where the workspace knows people. */
export interface ImportEntry extends ImportRecord {
	user?: string | null;
	undoneBy?: string | null;
}

export type Role = 'admin' | 'staff' | 'leader';

/** The person signed in (server mode), and what the role may do. */
export interface Me {
	login: string;
	role: Role;
	can: { import: boolean; users: boolean; audit: boolean; view: boolean };
}

export interface Workspace {
	readonly kind: 'local' | 'server';
	/** Fill the store with the workspace's data: a copy kept in this browser at once where there is one. */
	open(store: Store): Promise<Opened>;
	/** Load a newer version than `have` into the store; null when there is none (or none can be had). */
	refresh(store: Store, have: number): Promise<number | null>;
	/** Keep what the store holds now in this browser (after a change), as version `version`. */
	keep(store: Store, version: number): Promise<void>;
	/** Save checked files together; on the server, against `baseVersion`. */
	commit(store: Store, files: CommitFile[], options: CommitOptions): Promise<CommitAnswer>;
	undo(store: Store, id: number): Promise<UndoAnswer>;
	undoPreview(store: Store, id: number): Promise<UndoPreview>;
	/** Replace the indicator dictionary or the unit list with a checked file (server: an admin's). */
	saveList(store: Store, file: ListFile, baseVersion: number): Promise<CommitAnswer>;
	imports(store: Store): Promise<ImportEntry[]>;
	/**
	 * Calls `onVersion` with each new version the workspace reaches, and `onLost` when the server stops
	 * answering; returns the way to stop.
	 */
	follow(onVersion: (version: number) => void, onLost?: () => void): () => void;
	/** Who is signed in; null without accounts (local) or session. */
	me(): Promise<Me | null>;
	logout(): Promise<void>;
}
