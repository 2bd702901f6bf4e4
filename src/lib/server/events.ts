/**
 * Workspace change events. In one process an EventEmitter; with PostgreSQL every app server LISTENs on
 * channel `chiso_changes`, and the store's `pg_notify` (sent when a commit's transaction commits)
 * reaches them all — so a browser connected to any server hears of a commit made through another.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const CHANNEL = 'chiso_changes';

export class Changes {
	private emitter = new EventEmitter();
	private client: pg.Client | null = null;
	private closed = false;

	constructor() {
		this.emitter.setMaxListeners(0);
	}

	/** Starts listening on PostgreSQL (reconnecting after a lost connection). */
	async listen(databaseUrl: string): Promise<void> {
		const connect = async () => {
			const client = new pg.Client({ connectionString: databaseUrl });
			client.on('notification', (msg) => {
				const v = Number(msg.payload);
				if (Number.isInteger(v)) this.emitter.emit('version', v);
			});
			client.on('error', () => undefined);
			client.on('end', () => {
				this.client = null;
				if (!this.closed) setTimeout(() => connect().catch(() => undefined), 1000);
			});
			await client.connect();
			await client.query(`LISTEN ${CHANNEL}`);
			this.client = client;
		};
		await connect();
	}

	/** Announces a committed version (SQLite; on PostgreSQL the NOTIFY does it). */
	local(version: number): void {
		if (!this.client) this.emitter.emit('version', version);
	}

	on(fn: (version: number) => void): () => void {
		this.emitter.on('version', fn);
		return () => this.emitter.off('version', fn);
	}

	async close(): Promise<void> {
		this.closed = true;
		await this.client?.end().catch(() => undefined);
	}
}
