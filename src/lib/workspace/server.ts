/**
 * The server workspace: the office's server (/api, same origin, the session cookie) is the record.
 * This browser loads the workspace by version — its canonical CSV through DuckDB's bulk path — keeps
 * the last version in IndexedDB to open from it at once next time (and offline), follows new versions
 * through server-sent events (polling /api/health while the stream is down), and saves and undoes
 * through the API, which checks everything again.
 */
import type { Store } from '$lib/db';
import { clearKept, loadKept, saveKept } from '$lib/state/persist';
import { loadBundled } from './local';
import type { Bilingual, CommitAnswer, Finding, ImportEntry, KeptCell, Me, Workspace } from './workspace';

/** The server could not be reached (no answer at all): the kept copy stays, read-only. */
export class Offline extends Error {
	constructor() {
		super('offline');
	}
}

const OFFLINE: Bilingual = {
	vi: 'Không liên lạc được với máy chủ; không lưu gì.',
	en: 'The server cannot be reached; nothing was saved.'
};
/** How often the version is asked for while the event stream is down (the issue: within 5 s). */
const POLL_MS = 4000;

async function call(path: string, init: RequestInit = {}): Promise<Response> {
	let res: Response;
	try {
		res = await fetch(path, {
			...init,
			credentials: 'same-origin',
			headers: init.body ? { 'content-type': 'application/json' } : undefined
		});
	} catch {
		throw new Offline();
	}
	if (res.status === 401 && typeof location !== 'undefined' && location.pathname !== '/login') {
		// The session ended: log in again, then come back here.
		location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
	}
	return res;
}

async function errorOf(res: Response): Promise<{ message: Bilingual; body: Record<string, unknown> }> {
	const body = ((await res.json().catch(() => null)) ?? {}) as Record<string, unknown>;
	const e = body.error as Bilingual | undefined;
	return {
		message: e?.vi ? { vi: e.vi, en: e.en } : { vi: `Lỗi ${res.status}`, en: `Error ${res.status}` },
		body
	};
}

async function sha256(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The workspace's version now, asked with the session (null: it moved past what `since` can say). */
async function currentVersion(have: number): Promise<number | null> {
	const res = await call(`/api/workspace?since=${have}`);
	if (!res.ok) throw new Error(`workspace: HTTP ${res.status}`);
	const body = (await res.json()) as { changes: { version: number } | null };
	return body.changes?.version ?? null;
}

/** Download the workspace and load it into the store, replacing what it held; returns its version. */
async function download(store: Store): Promise<number> {
	const res = await call('/api/workspace?format=csv');
	if (!res.ok) throw new Error(`workspace: HTTP ${res.status}`);
	const version = Number(res.headers.get('x-chiso-version'));
	const bytes = new Uint8Array(await res.arrayBuffer());
	// The store's code loads with the engine, not with the first page (`$lib/db` is taken when needed).
	const { replaceWithCanonical } = await import('$lib/db');
	await replaceWithCanonical(store, bytes, {
		fileName: `workspace-v${version}.csv`,
		dictionary: await store.indicators(),
		units: await store.units()
	});
	return version;
}

export function serverWorkspace(): Workspace {
	return {
		kind: 'server',
		async open(store) {
			const kept = await loadKept().catch(() => undefined);
			if (kept) {
				try {
					await store.restore(kept.snapshot);
					return { version: kept.version, restored: true, offline: false };
				} catch {
					// an unreadable copy is ignored: the workspace is downloaded
				}
			}
			// The dictionary and unit list ship with the app (the server seeds its own from the same files).
			await loadBundled(store, ['indicators.csv', 'units.csv']);
			return { version: await download(store), restored: false, offline: false };
		},
		async refresh(store, have) {
			const now = await currentVersion(have);
			if (now === have) return null;
			return download(store);
		},
		async keep(store, version) {
			await saveKept({ version, snapshot: await store.snapshot() });
		},
		async commit(store, files, { baseVersion, newIndicators }) {
			if (newIndicators.length > 0)
				return {
					ok: false,
					reason: 'refused',
					message: {
						vi: 'Trên máy chủ, chỉ tiêu mới do quản trị thêm vào từ điển.',
						en: 'On the server, an admin adds new indicators to the dictionary.'
					}
				};
			const payload = [];
			for (const f of files) {
				const rows =
					'table' in f.rows
						? await (await import('$lib/db')).stagedObservations(store, f.rows.table)
						: f.rows.observations;
				payload.push({
					name: f.name,
					hash: await sha256(f.blob),
					rows: rows.map(({ unit, period, indicator, value, qualifier, note }) => ({
						unit,
						period,
						indicator,
						value,
						qualifier,
						note
					}))
				});
			}
			let res: Response;
			try {
				res = await call('/api/imports', {
					method: 'POST',
					body: JSON.stringify({ baseVersion, files: payload })
				});
			} catch {
				return { ok: false, reason: 'refused', message: OFFLINE };
			}
			if (res.ok) {
				const body = (await res.json()) as {
					version: number;
					imports: { id: number; inserted: number; updated: number; unchanged: number }[];
				};
				const summaries = body.imports.map((i) => ({
					id: i.id,
					added: i.inserted,
					changed: i.updated,
					unchanged: i.unchanged
				}));
				return { ok: true, version: body.version, summaries };
			}
			const { message, body } = await errorOf(res);
			if (res.status === 409)
				return { ok: false, reason: 'conflict', version: Number(body.version), message };
			if (res.status === 422)
				return { ok: false, reason: 'invalid', message, findings: (body.findings as Finding[]) ?? [] };
			return { ok: false, reason: 'refused', message } satisfies CommitAnswer;
		},
		async undo(_store, id) {
			let res: Response;
			try {
				res = await call(`/api/imports/${id}/undo`, { method: 'POST', body: '{}' });
			} catch {
				return { ok: false, message: OFFLINE };
			}
			if (!res.ok) return { ok: false, message: (await errorOf(res)).message };
			const body = (await res.json()) as { version: number; kept: KeptCell[] };
			return { ok: true, version: body.version, kept: body.kept };
		},
		async imports() {
			const res = await call('/api/imports');
			if (!res.ok) return [];
			return ((await res.json()) as { imports: ImportEntry[] }).imports;
		},
		follow(onVersion, onLost) {
			let poll: ReturnType<typeof setInterval> | undefined;
			const stopPolling = () => {
				clearInterval(poll);
				poll = undefined;
			};
			const startPolling = () => {
				poll ??= setInterval(async () => {
					const res = await fetch('/api/health', { credentials: 'same-origin' }).catch(() => null);
					if (!res) onLost?.();
					const body = res?.ok ? ((await res.json().catch(() => null)) as { version?: number } | null) : null;
					if (typeof body?.version === 'number') onVersion(body.version);
				}, POLL_MS);
			};
			const source = new EventSource('/api/events', { withCredentials: true });
			source.addEventListener('version', (e) => {
				const v = Number((e as MessageEvent<string>).data);
				if (Number.isInteger(v)) onVersion(v);
			});
			// The browser reconnects by itself (the server asks for 3 s); meanwhile the version is polled.
			source.addEventListener('error', startPolling);
			source.addEventListener('open', stopPolling);
			return () => {
				source.close();
				stopPolling();
			};
		},
		async me(): Promise<Me | null> {
			const res = await call('/api/me').catch(() => null);
			if (!res?.ok) return null;
			const body = (await res.json()) as { user: Pick<Me, 'login' | 'role'>; can: Me['can'] };
			return { ...body.user, can: body.can };
		},
		async logout() {
			await call('/api/logout', { method: 'POST', body: '{}' }).catch(() => undefined);
			// The copy of the office's data does not stay behind on a shared computer.
			await clearKept().catch(() => undefined);
			location.assign('/login');
		}
	};
}
