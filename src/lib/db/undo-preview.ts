/**
 * What undoing an import of this browser's store would do (`Store.undoImport`), counted without
 * changing anything: the cells it wrote that go, the values it replaced that come back, and the cells
 * a later import changed since — they stay as that import left them.
 */
import type { Store } from './store';

const SAME_KEY = 'o.unit = r.unit AND o.period = r.period AND o.indicator = r.indicator';

export interface UndoCounts {
	removed: number;
	restored: number;
	kept: {
		unit: string;
		period: string;
		indicator: string;
		value: number;
		qualifier: string;
		importId: number;
	}[];
}

export async function undoPreview(store: Store, id: number): Promise<UndoCounts> {
	const [counts] = await store.query<{ written: number; restored: number }>(
		`SELECT (SELECT count(*) FROM observations WHERE import_id = ?)::INTEGER AS written,
		        (SELECT count(*) FROM replaced r WHERE r.import_id = ? AND r.existed
		           AND NOT EXISTS (SELECT 1 FROM observations o WHERE ${SAME_KEY} AND o.import_id <> ?))::INTEGER AS restored`,
		[id, id, id]
	);
	const kept = await store.query<UndoCounts['kept'][number]>(
		`SELECT o.unit, o.period, o.indicator, o.value, o.qualifier, o.import_id AS "importId"
		 FROM observations o JOIN replaced r ON ${SAME_KEY} AND r.import_id = o.import_id
		 WHERE r.prev_import_id = ? AND o.import_id <> ? ORDER BY o.unit, o.indicator, o.period`,
		[id, id]
	);
	// Of the cells it wrote and that are still its own, those it replaced come back; the rest go.
	return { removed: Math.max(0, counts.written - counts.restored), restored: counts.restored, kept };
}
