import { errorResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Any other /api address: 404 JSON (never the app's HTML page). */
export const fallback: RequestHandler = async () =>
	errorResponse(404, 'not_found', 'Không có địa chỉ này.', 'No such address.');
