/** Role checks: every API handler names who may call it; the server refuses the rest (401/403). */
import type { RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from '../auth';
import { E } from './errors';

export function requireUser(event: RequestEvent): SessionUser {
	const user = event.locals.user;
	if (!user) throw E.unauthorized();
	return user;
}

export function requireRole(event: RequestEvent, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.includes(user.role)) throw E.forbidden();
	return user;
}

/** Who may do what, in one table (the UI reads the same table to hide what a role cannot do). */
export const CAN = {
	import: ['admin', 'staff'] as Role[],
	users: ['admin'] as Role[],
	audit: ['admin'] as Role[],
	view: ['admin', 'staff', 'leader'] as Role[]
};
