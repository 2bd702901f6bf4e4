/**
 * Ranks of units within one period. Order is best first by the indicator's direction (descending when
 * it has none); equal values share a rank ("1, 2, 2, 4"), ties listed by name.
 */
import type { SeriesRow } from '$lib/model/types';
import { compareNames, type Locale, type RankChange } from '$lib/format';
import { hasValue } from './rows';

export interface RankedRow {
	row: SeriesRow;
	rank: number;
}

export function rankRows(
	rows: readonly SeriesRow[],
	higherIsBetter: boolean | null,
	locale: Locale
): RankedRow[] {
	const sign = higherIsBetter === false ? 1 : -1;
	const sorted = rows
		.filter(hasValue)
		.sort((a, b) => sign * (a.value - b.value) || compareNames(a.unit, b.unit, locale));
	const ranked: RankedRow[] = [];
	sorted.forEach((row, i) => {
		const prev = ranked[i - 1];
		ranked.push({ row, rank: prev && prev.row.value === row.value ? prev.rank : i + 1 });
	});
	return ranked;
}

/** Rank change of each current unit against `previous`; every unit is 'none' when there is no previous period. */
export function rankChanges(
	current: readonly RankedRow[],
	previous: readonly RankedRow[] | undefined
): Map<string, RankChange> {
	const before = new Map((previous ?? []).map((r) => [r.row.unit, r.rank]));
	const changes = new Map<string, RankChange>();
	for (const { row, rank } of current) {
		const was = before.get(row.unit);
		if (!previous) changes.set(row.unit, { kind: 'none' });
		else if (was === undefined) changes.set(row.unit, { kind: 'new' });
		else if (was > rank) changes.set(row.unit, { kind: 'up', by: was - rank });
		else if (was < rank) changes.set(row.unit, { kind: 'down', by: rank - was });
		else changes.set(row.unit, { kind: 'same' });
	}
	return changes;
}
