/**
 * The tables as Kysely sees them. Times are ISO 8601 text in UTC with `Z` in both databases (sortable,
 * the same on SQLite and PostgreSQL); flags are integers 0/1 for the same reason.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export type Role = 'admin' | 'staff' | 'leader';
export const ROLES: readonly Role[] = ['admin', 'staff', 'leader'];

export interface UsersTable {
	id: Generated<number>;
	login: string;
	role: Role;
	password_hash: string;
	created_at: string;
	disabled: number;
}

export interface SessionsTable {
	token_hash: string;
	user_id: number;
	created_at: string;
	expires_at: string;
	last_seen_at: string;
}

export interface LoginAttemptsTable {
	id: Generated<number>;
	login: string;
	ip: string;
	at: string;
	ok: number;
}

export interface WorkspaceTable {
	id: number;
	version: number;
	dictionary_version: number;
	units_version: number;
	/** sha256 of the one-time setup token while no admin has a password; null after. */
	setup_token_hash: string | null;
}

export interface ImportsTable {
	id: Generated<number>;
	file: string;
	file_hash: string;
	user_id: number | null;
	at: string;
	rows: number;
	inserted: number;
	updated: number;
	unchanged: number;
	status: 'committed' | 'undone';
	/** Workspace version this import produced. */
	version: number;
	undone_at: string | null;
	undone_by: number | null;
}

export interface ObservationsTable {
	unit: string;
	period: string;
	indicator: string;
	value: number;
	qualifier: string;
	note: string;
	source: string;
	import_id: number | null;
	/** Workspace version of the last write of this cell (changes since a version). */
	version: number;
}

/** Cells an undo removed, so that a browser at an older version learns to drop them. */
export interface DeletedTable {
	unit: string;
	period: string;
	indicator: string;
	version: number;
}

/** One cell an import wrote: what was there before (for undo) and what it wrote. */
export interface ReplacedTable {
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
}

export interface IndicatorsTable {
	code: string;
	body: string;
	version: number;
}

export interface UnitsTable {
	id: Generated<number>;
	code: string;
	name: string;
	body: string;
	version: number;
}

export interface DecksTable {
	id: string;
	owner_id: number;
	shared: number;
	title: string;
	body: string;
	updated_at: string;
}

export interface AuditTable {
	id: Generated<number>;
	at: string;
	user_id: number | null;
	action: string;
	details: string;
}

export interface DB {
	users: UsersTable;
	sessions: SessionsTable;
	login_attempts: LoginAttemptsTable;
	workspace: WorkspaceTable;
	imports: ImportsTable;
	observations: ObservationsTable;
	deleted: DeletedTable;
	replaced: ReplacedTable;
	indicators: IndicatorsTable;
	units: UnitsTable;
	decks: DecksTable;
	audit: AuditTable;
}

export type User = Selectable<UsersTable>;
export type NewObservation = Insertable<ObservationsTable>;
export type ImportRow = Selectable<ImportsTable>;
