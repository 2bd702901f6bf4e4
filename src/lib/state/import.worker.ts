/// <reference lib="webworker" />
/** Runs the import pipeline off the main thread, so the page stays responsive on large files. */
import { importCsv, type ImportOptions } from '$lib/import';

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; options: ImportOptions }>) => {
	try {
		const result = await importCsv(event.data.bytes, event.data.options);
		self.postMessage({ ok: true, result });
	} catch (e) {
		self.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
	}
};
