/// <reference lib="webworker" />
/**
 * Runs the import pipeline off the main thread, so the page stays responsive on large files. The
 * parse streams: progress messages go out as it advances, then the result.
 */
import { importCsv, type ImportOptions } from '$lib/import';
import type { WorkerReply } from './worker-messages';

const reply = (message: WorkerReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<{ source: Blob; options: ImportOptions }>) => {
	try {
		const bytes = new Uint8Array(await event.data.source.arrayBuffer());
		const result = await importCsv(bytes, event.data.options, {
			onProgress: (progress) => reply({ type: 'progress', progress })
		});
		reply({ type: 'done', result });
	} catch (e) {
		reply({ type: 'error', error: e instanceof Error ? e.message : String(e) });
	}
};
