/**
 * The import page's running totals: what a commit of the checked files would store, and what the last
 * commit stored. Pure, so the sums are tested without a session.
 */
import type { CommitSummary } from '$lib/db';

export interface PendingTotals {
	/** Values read from the files (rows that pass). */
	values: number;
	/** Values not stored yet. */
	added: number;
	/** Stored values the files change. */
	changed: number;
}

/** The sums over the files a commit would store. */
export function pendingTotals(
	files: readonly {
		diff?: { added: number; changed: number };
		result?: { stats: { observations: number } };
	}[]
): PendingTotals {
	return files.reduce(
		(t, f) => ({
			added: t.added + (f.diff?.added ?? 0),
			changed: t.changed + (f.diff?.changed ?? 0),
			values: t.values + (f.result?.stats.observations ?? 0)
		}),
		{ added: 0, changed: 0, values: 0 }
	);
}

/** What the last commit stored: its files, and the values it added and changed over all of them. */
export function savedTotals(
	commit: { files: number; summaries: readonly Pick<CommitSummary, 'added' | 'changed'>[] } | null
): { files: number; added: number; changed: number } | null {
	if (!commit) return null;
	return {
		files: commit.files,
		added: commit.summaries.reduce((s, c) => s + c.added, 0),
		changed: commit.summaries.reduce((s, c) => s + c.changed, 0)
	};
}
