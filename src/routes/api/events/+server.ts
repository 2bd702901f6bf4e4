import { serverContext } from '$lib/server/context';
import { api, CAN, requireRole } from '$lib/server/http';
import { workspaceInfo } from '$lib/server/store';
import type { RequestHandler } from './$types';

/**
 * Server-sent events: `version` with the workspace version at once and after every committed change
 * (from this server, or from another one on the same PostgreSQL), and a comment every 25 s so that
 * proxies keep the connection open.
 */
export const GET: RequestHandler = api(async (event) => {
	requireRole(event, ...CAN.view);
	const ctx = await serverContext();
	const { version } = await workspaceInfo(ctx.database);
	const enc = new TextEncoder();
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(enc.encode(text));
				} catch {
					stop();
				}
			};
			send(`retry: 3000\nevent: version\ndata: ${version}\n\n`);
			const off = ctx.changes.on((v) => send(`event: version\ndata: ${v}\n\n`));
			const ping = setInterval(() => send(': ping\n\n'), 25_000);
			stop = () => {
				off();
				clearInterval(ping);
			};
			event.request.signal.addEventListener('abort', () => {
				stop();
				try {
					controller.close();
				} catch {
					/* already closed */
				}
			});
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
});
