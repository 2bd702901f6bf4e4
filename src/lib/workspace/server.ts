/**
 * The server workspace: the office's server (/api, same origin, the session cookie) is the record.
 * This browser loads the workspace by version — its canonical CSV through DuckDB's bulk path, then
 * each newer version's changed cells as they are (a whole snapshot again when they are many) — keeps
 * the last version in IndexedDB to open from it at once next time (and offline), follows new versions
 * through server-sent events (polling /api/health while the stream is down), and saves and undoes
 * through the API, which checks everything again.
 */
import type { Changes, Store } from '$lib/db';
import { clearKept, loadKept, saveKept } from '$lib/state/persist';
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

/** The person's copy of her decks (`chi-so.decks…@login`) does not stay behind either: the server has them. */
function forgetDecks() {
	try {
		const keys = Object.keys(localStorage).filter((k) => k.startsWith('chi-so.decks') && k.includes('@'));
		for (const k of keys) localStorage.removeItem(k);
	} catch {
		// storage blocked: nothing was kept
	}
}

/** Past this many changed cells a new version loads as a whole snapshot (the bulk path is faster). */
const MAX_CHANGES = 20_000;

/**
 * What changed since version `have`: the cells themselves (applied as they are), or null when they are
 * too many or `have` is not a version the server can speak of (the snapshot is loaded instead).
 */
async function changesSince(
	have: number
): Promise<(Changes & { version: number; lists: ListKind[] }) | null> {
	const res = await call(`/api/workspace?since=${have}&max=${MAX_CHANGES}`);
	if (!res.ok) throw new Error(`workspace: HTTP ${res.status}`);
	const body = (await res.json()) as { changes: (Changes & { version: number; lists: ListKind[] }) | null };
	return body.changes;
}

type ListKind = 'dictionary' | 'units';
const LISTS: readonly ListKind[] = ['dictionary', 'units'];

/** The server's dictionary or unit list into the store, through the same path as an uploaded file. */
async function loadLists(store: Store, kinds: readonly ListKind[]): Promise<void> {
	for (const kind of kinds) {
		const res = await call(`/api/lists?kind=${kind}`);
		if (!res.ok) throw new Error(`${kind}: HTTP ${res.status}`);
		const bytes = new Uint8Array(await res.arrayBuffer());
		const { ingestBytes } = await import('$lib/db');
		const name = kind === 'dictionary' ? 'indicators.csv' : 'units.csv';
		const outcome = await ingestBytes(store, bytes, name, {
			dictionary: await store.indicators(),
			units: await store.units()
		});
		if (outcome.replaced !== kind) throw new Error(`${kind}: the server's list could not be read`);
	}
}

function base64(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(text);
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
			// The dictionary and unit list are the server's (an admin may have replaced them).
			await loadLists(store, LISTS);
			return { version: await download(store), restored: false, offline: false };
		},
		async refresh(store, have) {
			const changes = await changesSince(have);
			if (!changes) {
				await loadLists(store, LISTS);
				return download(store);
			}
			if (changes.version === have) return null;
			await loadLists(store, changes.lists);
			await (await import('$lib/db')).applyChanges(store, changes);
			return changes.version;
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
		async saveList(_store, file, baseVersion) {
			let res: Response;
			try {
				const bytes = base64(new Uint8Array(await file.blob.arrayBuffer()));
				res = await call('/api/lists', {
					method: 'PUT',
					body: JSON.stringify({ fileName: file.name, bytes, baseVersion })
				});
			} catch {
				return { ok: false, reason: 'refused', message: OFFLINE };
			}
			if (res.ok) return { ok: true, version: Number((await res.json()).version), summaries: [] };
			const { message, body } = await errorOf(res);
			if (res.status === 409)
				return { ok: false, reason: 'conflict', version: Number(body.version), message };
			if (res.status === 422)
				return { ok: false, reason: 'invalid', message, findings: (body.findings as Finding[]) ?? [] };
			return { ok: false, reason: 'refused', message };
		},
		async undoPreview(_store, id) {
			let res: Response;
			try {
				res = await call(`/api/imports/${id}/undo`, { method: 'POST', body: '{"dryRun":true}' });
			} catch {
				return { ok: false, message: OFFLINE };
			}
			if (!res.ok) return { ok: false, message: (await errorOf(res)).message };
			const body = (await res.json()) as { removed: number; restored: number; kept: KeptCell[] };
			return { ok: true, removed: body.removed, restored: body.restored, kept: body.kept };
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
			forgetDecks();
			location.assign('/login');
		}
	};
}
