/** The session cookie's attributes: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
import type { RequestEvent } from '@sveltejs/kit';

/**
 * scripts/serve.js tells adapter-node the real protocol (the socket's, or X-Forwarded-Proto from a
 * trusted proxy with CHISO_TRUST_PROXY=1), so the URL's protocol is the truth here.
 */
export function sessionCookie(event: RequestEvent, expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: event.url.protocol === 'https:',
		expires
	};
}
