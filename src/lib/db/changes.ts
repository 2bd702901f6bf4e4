/**
 * The cells a newer version of the server's workspace changed, applied to this browser's copy in one
 * transaction: what is deleted goes, what is written replaces the stored cell of the same key. Small
 * changes travel as themselves instead of a whole new snapshot.
 */
import type { Observation } from '$lib/model/types';
import type { Store } from './store';
import { OBS_COLUMNS, OBS_TYPES } from './store';
import { stageRows } from './csv';

export type CellKey = Pick<Observation, 'unit' | 'period' | 'indicator'>;

export interface Changes {
	upserts: Observation[];
	deleted: CellKey[];
}

const KEY_TYPES = `{'unit': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR'}`;
const SAME_KEY = 'o.unit = c.unit AND o.period = c.period AND o.indicator = c.indicator';
let files = 0;

export function applyChanges(store: Store, { upserts, deleted }: Changes): Promise<void> {
	return store.change(async (engine) => {
		const rows = (list: object[]) => list as unknown as Record<string, unknown>[];
		await stageRows(
			engine,
			`changes-${++files}.csv`,
			'stage_gone',
			['unit', 'period', 'indicator'],
			KEY_TYPES,
			[...rows(deleted), ...rows(upserts)]
		);
		await stageRows(engine, `changes-${++files}.csv`, 'stage_new', OBS_COLUMNS, OBS_TYPES, rows(upserts));
		// The rows of the snapshot this copy was loaded from carry its one import; so do the changes.
		await engine.run(
			`DELETE FROM observations o WHERE EXISTS (SELECT 1 FROM stage_gone c WHERE ${SAME_KEY});
			 INSERT INTO observations SELECT unit, period, indicator, value, qualifier, source, note,
			        (SELECT coalesce(max(id), 0) FROM imports) FROM stage_new;
			 DROP TABLE stage_gone; DROP TABLE stage_new`
		);
	});
}
