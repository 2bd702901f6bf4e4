/**
 * The admin page's calls to the server: people (list, add, change role, disable, new password) and the
 * audit log. Every answer that is not OK becomes the server's message in both languages (or ours when
 * the server cannot be reached); nothing here decides who may do what — the server checks every call.
 */
export type Role = 'admin' | 'staff' | 'leader';
export const ROLES: readonly Role[] = ['admin', 'staff', 'leader'];

export interface Person {
	id: number;
	login: string;
	role: Role;
	disabled: boolean;
	createdAt: string;
}

export interface AuditEntry {
	id: number;
	at: string;
	action: string;
	user: string | null;
	details: unknown;
}

export interface Message {
	vi: string;
	en: string;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; message: Message };

const UNREACHABLE: Message = {
	vi: 'Không liên lạc được với máy chủ.',
	en: 'The server cannot be reached.'
};

const NO_SERVER: Message = {
	vi: 'Không có máy chủ Chỉ Số ở địa chỉ này.',
	en: 'There is no Chỉ Số server at this address.'
};

async function call<T>(method: string, url: string, payload?: unknown): Promise<Answer<T>> {
	try {
		const res = await fetch(url, {
			method,
			headers: payload === undefined ? {} : { 'content-type': 'application/json' },
			body: payload === undefined ? undefined : JSON.stringify(payload)
		});
		const body = await res.json().catch(() => null);
		// The static build answers every path with its page: no JSON means no server behind it.
		if (res.ok && body === null) return { ok: false, status: 404, message: NO_SERVER };
		if (res.ok) return { ok: true, value: body as T };
		const error = body?.error;
		const message =
			typeof error?.vi === 'string' && typeof error?.en === 'string'
				? { vi: error.vi, en: error.en }
				: { vi: `Máy chủ trả lời ${res.status}.`, en: `The server answered ${res.status}.` };
		return { ok: false, status: res.status, message };
	} catch {
		return { ok: false, status: 0, message: UNREACHABLE };
	}
}

export const listPeople = async (): Promise<Answer<Person[]>> => {
	const a = await call<{ users: Person[] }>('GET', '/api/users');
	return a.ok ? { ok: true, value: a.value.users } : a;
};

export const addPerson = (login: string, role: Role, password: string) =>
	call<{ user: Person }>('POST', '/api/users', { login, role, password });

export const changePerson = (login: string, change: { role?: Role; disabled?: boolean; password?: string }) =>
	call<{ user: Person }>('PATCH', '/api/users', { login, ...change });

export const listAudit = async (limit = 200): Promise<Answer<AuditEntry[]>> => {
	const a = await call<{ audit: AuditEntry[] }>('GET', `/api/audit?limit=${limit}`);
	return a.ok ? { ok: true, value: a.value.audit } : a;
};

/** An audit entry's details as one line of text (shown as text, never as HTML). */
export function detailsText(details: unknown): string {
	if (details === null || details === undefined) return '';
	if (typeof details !== 'object') return String(details);
	return Object.entries(details as Record<string, unknown>)
		.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
		.join(' · ');
}
