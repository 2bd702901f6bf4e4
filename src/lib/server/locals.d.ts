// The signed-in user of a request, set by src/hooks.server.ts.
import type { SessionUser } from './auth';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
