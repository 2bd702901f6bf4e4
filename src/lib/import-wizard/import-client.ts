/**
 * Runs `importCsv` in a Web Worker (our own: PapaParse's `worker: true` breaks under Vite). One worker
 * per file; it reports progress while it reads, and cancelling terminates it, so nothing of a
 * cancelled import remains.
 */
import type { ImportOptions, ImportProgress, ImportResult } from '$lib/import';
import ImportWorker from './import.worker?worker';
import type { WorkerReply } from './worker-messages';

/** What the worker posts: progress as it goes, then the result (or a programming error). */

export interface RunningImport {
	result: Promise<ImportResult>;
	cancel(): void;
}

export class ImportCancelled extends Error {
	constructor() {
		super('cancelled');
	}
}

export function runImport(
	source: Blob,
	options: ImportOptions,
	onProgress?: (progress: ImportProgress) => void
): RunningImport {
	const worker = new ImportWorker();
	let settled = false;
	let rejectRun: (e: Error) => void = () => undefined;
	const result = new Promise<ImportResult>((resolve, reject) => {
		rejectRun = reject;
		worker.onmessage = (e: MessageEvent<WorkerReply>) => {
			if (settled) return;
			const message = e.data;
			if (message.type === 'progress') {
				onProgress?.(message.progress);
				return;
			}
			settled = true;
			worker.terminate();
			if (message.type === 'done') resolve(message.result);
			else reject(new Error(message.error));
		};
		worker.onerror = (e) => {
			settled = true;
			worker.terminate();
			reject(new Error(e.message));
		};
		// `options` must be plain data ($state proxies cannot be cloned): the session sends a snapshot.
		// A Blob crosses to the worker by reference: the worker reads the bytes, not the page.
		worker.postMessage({ source, options });
	});
	return {
		result,
		cancel() {
			if (settled) return;
			settled = true;
			worker.terminate();
			rejectRun(new ImportCancelled());
		}
	};
}
