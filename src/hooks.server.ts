/**
 * The server's front door (node build only; the static build has no server and passes through).
 * Private by default: every page and API needs a session except /login, /api/health, /api/login and
 * /api/setup; pages redirect to /login?next=…, APIs answer 401 JSON. Security headers on every answer.
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth';
import { serverContext } from '$lib/server/context';
import { E, errorResponse } from '$lib/server/http';

const STATIC = !!process.env.CHISO_STATIC;

export const init: ServerInit = async () => {
	if (STATIC || building) return;
	await serverContext();
};

const PUBLIC = new Set(['/login', '/api/health', '/api/login', '/api/setup']);

/** Applies to every response; pages get SvelteKit's own CSP (kit.csp, with the bootstrap's hash). */
function secure(response: Response, isApi: boolean): Response {
	const h = response.headers;
	try {
		h.set('X-Content-Type-Options', 'nosniff');
		h.set('Referrer-Policy', 'same-origin');
		h.set('X-Frame-Options', 'DENY');
		if (!h.has('Content-Security-Policy'))
			h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
		if (isApi && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
		return response;
	} catch {
		// Immutable headers (a fetched Response): copy.
		const copy = new Response(response.body, response);
		return secure(copy, isApi);
	}
}

export const handle: Handle = async ({ event, resolve }) => {
	if (STATIC || building) return resolve(event);
	const path = event.url.pathname;
	const isApi = path === '/api' || path.startsWith('/api/');
	const ctx = await serverContext();

	if (isApi) {
		const length = Number(event.request.headers.get('content-length') ?? 0);
		if (length > ctx.config.bodyLimit) {
			const e = E.tooLarge(ctx.config.bodyLimit);
			return secure(errorResponse(e.status, e.code, e.vi, e.en), true);
		}
	}
	// Cookies are SameSite=Lax and the API takes only JSON; a write from another origin is refused too.
	const origin = event.request.headers.get('origin');
	const method = event.request.method;
	if (method !== 'GET' && method !== 'HEAD' && origin && origin !== event.url.origin) {
		const e = E.forbidden();
		return secure(errorResponse(e.status, 'cross_origin', e.vi, e.en), isApi);
	}

	event.locals.user = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const s = await validateSession(ctx.database.db, token, ctx.config.sessionMs);
		if (s) event.locals.user = s.user;
		else event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}

	const isAsset = path.startsWith('/_app/') || /^\/[^/]+\.(?:ico|png|svg|webmanifest|txt|woff2?)$/.test(path);
	if (!event.locals.user && !PUBLIC.has(path) && !isAsset) {
		if (isApi) {
			const e = E.unauthorized();
			return secure(errorResponse(e.status, e.code, e.vi, e.en), true);
		}
		const next = encodeURIComponent(path + event.url.search);
		return secure(new Response(null, { status: 303, headers: { location: `/login?next=${next}` } }), false);
	}

	const response = await resolve(event);
	if (isApi && response.status === 405 && !response.headers.get('content-type')?.includes('json')) {
		return secure(
			errorResponse(
				405,
				'method_not_allowed',
				'Địa chỉ này không nhận cách gọi này.',
				'This address does not accept this method.'
			),
			true
		);
	}
	return secure(response, isApi);
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = randomUUID();
	if (status !== 404) console.error(`[chiso] ${id} ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error', id };
};
