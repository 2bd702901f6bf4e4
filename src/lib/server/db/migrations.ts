/**
 * One set of versioned migrations for SQLite and PostgreSQL, in code (Kysely's Migrator). A migration is
 * never edited once released: add the next one. Kysely records the applied ones in
 * `kysely_migration`; `restore` refuses a file whose level this build does not know.
 */
import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { DatabaseKind } from '../config';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration works on the schema of its time
type AnyDb = Kysely<any>;

function initial(kind: DatabaseKind): Migration {
	const pg = kind === 'postgres';
	const real = pg ? 'double precision' : 'real';
	/** An integer key the database numbers: an identity column on PostgreSQL, AUTOINCREMENT on SQLite. */
	const withId = (t: CreateTableBuilder<string, never>) =>
		t.addColumn('id', 'integer', (c) =>
			pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()
		);
	return {
		async up(db: AnyDb) {
			await withId(db.schema.createTable('users'))
				.addColumn('login', 'text', (c) => c.notNull().unique())
				.addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ['admin', 'staff', 'leader'])))
				.addColumn('password_hash', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
				.execute();
			await db.schema
				.createTable('sessions')
				.addColumn('token_hash', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('last_seen_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
			await withId(db.schema.createTable('login_attempts'))
				.addColumn('login', 'text', (c) => c.notNull())
				.addColumn('ip', 'text', (c) => c.notNull())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('ok', 'integer', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('login_attempts_key')
				.on('login_attempts')
				.columns(['login', 'ip', 'at'])
				.execute();
			await db.schema
				.createTable('workspace')
				.addColumn('id', 'integer', (c) => c.primaryKey().check(sqlIn('id', [1])))
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('dictionary_version', 'integer', (c) => c.notNull())
				.addColumn('units_version', 'integer', (c) => c.notNull())
				.addColumn('setup_token_hash', 'text')
				.execute();
			await withId(db.schema.createTable('imports'))
				.addColumn('file', 'text', (c) => c.notNull())
				.addColumn('file_hash', 'text', (c) => c.notNull())
				.addColumn('user_id', 'integer', (c) => c.references('users.id'))
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('rows', 'integer', (c) => c.notNull())
				.addColumn('inserted', 'integer', (c) => c.notNull())
				.addColumn('updated', 'integer', (c) => c.notNull())
				.addColumn('unchanged', 'integer', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['committed', 'undone'])))
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('undone_at', 'text')
				.addColumn('undone_by', 'integer', (c) => c.references('users.id'))
				.execute();
			await db.schema
				.createTable('observations')
				.addColumn('unit', 'text', (c) => c.notNull())
				.addColumn('period', 'text', (c) => c.notNull())
				.addColumn('indicator', 'text', (c) => c.notNull())
				.addColumn('value', real, (c) => c.notNull())
				.addColumn('qualifier', 'text', (c) => c.notNull().check(sqlIn('qualifier', ['', '>', '~'])))
				.addColumn('note', 'text', (c) => c.notNull())
				.addColumn('source', 'text', (c) => c.notNull())
				.addColumn('import_id', 'integer', (c) => c.references('imports.id'))
				.addColumn('version', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('observations_pk', ['unit', 'period', 'indicator'])
				.execute();
			await db.schema.createIndex('observations_version').on('observations').column('version').execute();
			await db.schema
				.createTable('deleted')
				.addColumn('unit', 'text', (c) => c.notNull())
				.addColumn('period', 'text', (c) => c.notNull())
				.addColumn('indicator', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('deleted_pk', ['unit', 'period', 'indicator'])
				.execute();
			await db.schema
				.createTable('replaced')
				.addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
				.addColumn('unit', 'text', (c) => c.notNull())
				.addColumn('period', 'text', (c) => c.notNull())
				.addColumn('indicator', 'text', (c) => c.notNull())
				.addColumn('had_previous', 'integer', (c) => c.notNull())
				.addColumn('prev_value', real)
				.addColumn('prev_qualifier', 'text')
				.addColumn('prev_note', 'text')
				.addColumn('prev_source', 'text')
				.addColumn('prev_import_id', 'integer')
				.addPrimaryKeyConstraint('replaced_pk', ['import_id', 'unit', 'period', 'indicator'])
				.execute();
			await db.schema
				.createIndex('replaced_prev')
				.on('replaced')
				.columns(['prev_import_id', 'unit', 'period', 'indicator'])
				.execute();
			await db.schema
				.createTable('indicators')
				.addColumn('code', 'text', (c) => c.primaryKey())
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.execute();
			await withId(db.schema.createTable('units'))
				.addColumn('code', 'text', (c) => c.notNull())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.execute();
			await db.schema
				.createTable('decks')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
				.addColumn('shared', 'integer', (c) => c.notNull())
				.addColumn('title', 'text', (c) => c.notNull())
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await withId(db.schema.createTable('audit'))
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('user_id', 'integer')
				.addColumn('action', 'text', (c) => c.notNull())
				.addColumn('details', 'text', (c) => c.notNull())
				.execute();
		},
		async down(db: AnyDb) {
			for (const t of [
				'audit',
				'decks',
				'units',
				'indicators',
				'replaced',
				'deleted',
				'observations',
				'imports',
				'workspace',
				'login_attempts',
				'sessions',
				'users'
			]) {
				await db.schema.dropTable(t).execute();
			}
		}
	};
}

/** `col IN ('a', 'b')` for a CHECK constraint (constants only, never user input). */
function sqlIn(col: string, values: readonly (string | number)[]) {
	const list = values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`));
	return sql.raw(`${col} in (${list.join(', ')})`);
}

/** Every migration by name, in order. Names sort: `NNNN_what`. */
export function migrations(kind: DatabaseKind): Record<string, Migration> {
	return { '0001_initial': initial(kind) };
}

/** Names this build knows, for `restore`'s check of a backup file. */
export const MIGRATION_NAMES = Object.keys(migrations('sqlite'));
