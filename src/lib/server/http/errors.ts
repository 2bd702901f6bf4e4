/**
 * API errors: JSON `{ error: { code, vi, en } }` with a 4xx/5xx status, never a stack trace. Handlers
 * throw ApiError; `api()` turns it (and anything unexpected) into the response.
 */
import type { RequestEvent } from '@sveltejs/kit';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly vi: string,
		readonly en: string,
		readonly extra: Record<string, unknown> = {}
	) {
		super(en);
	}
}

export function errorResponse(
	status: number,
	code: string,
	vi: string,
	en: string,
	extra: Record<string, unknown> = {}
): Response {
	return new Response(JSON.stringify({ error: { code, vi, en }, ...extra }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});
}

export const json = (body: unknown, status = 200): Response =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
	});

export const E = {
	unauthorized: () => new ApiError(401, 'unauthorized', 'Cần đăng nhập.', 'Please log in.'),
	forbidden: () =>
		new ApiError(403, 'forbidden', 'Vai trò của bạn không được làm việc này.', 'Your role may not do this.'),
	notFound: () => new ApiError(404, 'not_found', 'Không có địa chỉ này.', 'No such address.'),
	badJson: () =>
		new ApiError(
			400,
			'bad_json',
			'Nội dung gửi lên không phải JSON hợp lệ.',
			'The request body is not valid JSON.'
		),
	tooLarge: (limit: number) =>
		new ApiError(
			413,
			'body_too_large',
			`Nội dung gửi lên quá lớn (tối đa ${Math.round(limit / 1048576)} MB).`,
			`The request body is too large (at most ${Math.round(limit / 1048576)} MB).`
		),
	badType: () =>
		new ApiError(
			415,
			'bad_content_type',
			'Cần gửi JSON (application/json).',
			'Send JSON (application/json).'
		),
	invalid: (path: string, vi: string, en: string) =>
		new ApiError(400, 'invalid_body', `${path}: ${vi}`, `${path}: ${en}`, { path }),
	internal: () =>
		new ApiError(
			500,
			'internal',
			'Lỗi máy chủ. Hãy thử lại; nếu còn lỗi, báo quản trị viên.',
			'Server error. Try again; if it persists, tell the administrator.'
		)
};

/** Wraps a handler: ApiError → its JSON; anything else → logged, 500 JSON without details. */
export function api<E extends RequestEvent>(
	fn: (event: E) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await fn(event);
		} catch (e) {
			if (e instanceof ApiError) return errorResponse(e.status, e.code, e.vi, e.en, e.extra);
			console.error(`[chiso] ${event.request.method} ${event.url.pathname} failed:`, e);
			const i = E.internal();
			return errorResponse(i.status, i.code, i.vi, i.en);
		}
	};
}
