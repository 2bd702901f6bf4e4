/**
 * Runs `importCsv` in a Web Worker (our own: PapaParse's `worker: true` breaks under Vite). One worker
 * per file; cancelling terminates it, so nothing of a cancelled import remains.
 */
import type { ImportOptions, ImportResult } from '$lib/import';
import ImportWorker from './import.worker?worker';

export interface RunningImport {
	result: Promise<ImportResult>;
	cancel(): void;
}

export class ImportCancelled extends Error {
	constructor() {
		super('cancelled');
	}
}

export function runImport(bytes: Uint8Array, options: ImportOptions): RunningImport {
	const worker = new ImportWorker();
	let rejectRun: (e: Error) => void = () => undefined;
	const result = new Promise<ImportResult>((resolve, reject) => {
		rejectRun = reject;
		worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: ImportResult; error?: string }>) => {
			worker.terminate();
			if (e.data.ok && e.data.result) resolve(e.data.result);
			else reject(new Error(e.data.error ?? 'import failed'));
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message));
		};
		// $state proxies cannot be cloned into a worker: send plain copies.
		worker.postMessage({ bytes, options: JSON.parse(JSON.stringify({ ...options })) });
	});
	return {
		result,
		cancel() {
			worker.terminate();
			rejectRun(new ImportCancelled());
		}
	};
}
