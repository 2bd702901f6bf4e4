/// <reference lib="webworker" />
/**
 * Runs the import pipeline off the main thread, so the page stays responsive on large files. The
 * parse streams: progress messages go out as it advances, then the result. A workbook (.xlsx, or an
 * .xls to be refused with a clear message) is told by its first bytes and read by the workbook reader.
 */
import { importCsv, type ImportOptions, type ImportProgress } from '$lib/import';
import { importXlsx, isWorkbookBytes } from '$lib/import/xlsx';
import type { WorkerReply } from './worker-messages';

const reply = (message: WorkerReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<{ source: Blob; options: ImportOptions }>) => {
	try {
		const bytes = new Uint8Array(await event.data.source.arrayBuffer());
		const hooks = { onProgress: (progress: ImportProgress) => reply({ type: 'progress', progress }) };
		const read = isWorkbookBytes(bytes) ? importXlsx : importCsv;
		const result = await read(bytes, event.data.options, hooks);
		reply({ type: 'done', result });
	} catch (e) {
		reply({ type: 'error', error: e instanceof Error ? e.message : String(e) });
	}
};
