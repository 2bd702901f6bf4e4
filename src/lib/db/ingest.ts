/**
 * One ingestion path for every file: bytes → importCsv (decode, parse, validate) → the store. The
 * bundled dataset at start-up and a staff member's upload both go through here; an upload only adds
 * a preview step (diff) before `commit`.
 */
import { importCsv, type ImportResult } from '$lib/import';
import type { Indicator, Unit } from '$lib/model/types';
import type { CommitSummary, Store } from './store';

export interface IngestOutcome {
	result: ImportResult;
	/** Set when observations were committed. */
	commit?: CommitSummary;
	/** What the file replaced when it was a dictionary or unit list. */
	replaced?: 'dictionary' | 'units';
}

export async function ingestBytes(
	store: Store,
	bytes: Uint8Array,
	fileName: string,
	context: { dictionary: Indicator[]; units: Unit[] }
): Promise<IngestOutcome> {
	const result = await importCsv(bytes, { fileName, dictionary: context.dictionary, units: context.units });
	return commitResult(store, result, fileName);
}

/** Store what a (previewed) import result holds; an invalid file is refused whole; rows with errors are already left out of `observations`. */
export async function commitResult(
	store: Store,
	result: ImportResult,
	fileName: string
): Promise<IngestOutcome> {
	if (result.kind === 'invalid') return { result };
	if (result.kind === 'dictionary' && result.indicators) {
		await store.replaceDictionary(result.indicators);
		return { result, replaced: 'dictionary' };
	}
	if (result.kind === 'units' && result.units) {
		await store.replaceUnits(result.units);
		return { result, replaced: 'units' };
	}
	return { result, commit: await store.commitImport(fileName, result.observations) };
}
