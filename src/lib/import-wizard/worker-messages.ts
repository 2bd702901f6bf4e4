/** What the import worker sends back to the page: progress, the result, or why it failed. */
import type { ImportProgress, ImportResult } from '$lib/import';

export type WorkerReply =
	| { type: 'progress'; progress: ImportProgress }
	| { type: 'done'; result: ImportResult }
	| { type: 'error'; error: string };
