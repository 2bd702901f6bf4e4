/**
 * Ranks of units within one period. Order is best first by the indicator's direction (descending when
 * it has none); equal values share a rank ("1, 2, 2, 4"), ties listed by name.
 */
import type { Locale } from '$lib/i18n/locale';
import { compareNames } from './collate';
import { isRateLike } from './indicators';
import type { Indicator, SeriesRow } from './types';

/** A rank change between two periods: a small union, each case shown deliberately. */
export type RankChange =
	| { kind: 'up'; by: number }
	| { kind: 'down'; by: number }
	| { kind: 'same' }
	| { kind: 'new' }
	| { kind: 'none' };

const hasValue = (row: SeriesRow): boolean => row.value !== null && Number.isFinite(row.value);

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

export interface UnitRank {
	rank: number;
	of: number;
}

/** A unit's rank among the rows of one period (best first by the indicator's direction). */
export function rankOf(rows: readonly SeriesRow[], unit: string, indicator: Indicator): UnitRank | null {
	if (indicator.higher_is_better === null) return null;
	const ranked = rankRows(rows, indicator.higher_is_better, 'vi');
	const hit = ranked.find((r) => r.row.unit === unit);
	return hit ? { rank: hit.rank, of: ranked.length } : null;
}

export interface Extremes {
	best: SeriesRow[];
	weakest: SeriesRow[];
	/** How many units had a value. */
	of: number;
}

/** The best and weakest units of one period (ties listed together); null without direction or data. */
export function bestAndWeakest(rows: readonly SeriesRow[], indicator: Indicator): Extremes | null {
	if (indicator.higher_is_better === null) return null;
	const ranked = rankRows(rows, indicator.higher_is_better, 'vi');
	if (ranked.length < 2) return null;
	const top = ranked[0].row.value;
	const bottom = ranked[ranked.length - 1].row.value;
	if (top === bottom) return null;
	return {
		best: ranked.filter((r) => r.row.value === top).map((r) => r.row),
		weakest: ranked.filter((r) => r.row.value === bottom).map((r) => r.row),
		of: ranked.length
	};
}

export interface Standing {
	indicator: Indicator;
	row: SeriesRow;
	rank: number;
	of: number;
	/** 0 best … 1 weakest. */
	position: number;
}

/**
 * A unit's strengths (top quarter, at most the top 3) and weaknesses (bottom quarter, at most the
 * bottom 3) among comparable (rate-like) indicators in one period; needs at least 4 units with values.
 */
export function strengthsAndWeaknesses(
	unit: string,
	panels: readonly { indicator: Indicator; rows: readonly SeriesRow[] }[],
	limit = 5
): { strengths: Standing[]; weaknesses: Standing[] } {
	const standings: Standing[] = [];
	for (const { indicator, rows } of panels) {
		if (!isRateLike(indicator)) continue;
		const ranked = rankRows(rows, indicator.higher_is_better, 'vi');
		if (ranked.length < 4) continue;
		const hit = ranked.find((r) => r.row.unit === unit);
		if (!hit) continue;
		const best = ranked[0].row.value;
		const worst = ranked[ranked.length - 1].row.value;
		if (best === worst) continue;
		const last = ranked[ranked.length - 1].rank;
		standings.push({
			indicator,
			row: hit.row,
			rank: hit.rank,
			of: ranked.length,
			position: last > 1 ? (hit.rank - 1) / (last - 1) : 0
		});
	}
	const cut = (s: Standing) => Math.min(3, Math.ceil(s.of / 4));
	const strengths = standings
		.filter((s) => s.rank <= cut(s))
		.sort((a, b) => a.position - b.position || compareNames(a.indicator.name_vi, b.indicator.name_vi))
		.slice(0, limit);
	const weaknesses = standings
		.filter((s) => s.of - s.rank < cut(s) && !strengths.includes(s))
		.sort((a, b) => b.position - a.position || compareNames(a.indicator.name_vi, b.indicator.name_vi))
		.slice(0, limit);
	return { strengths, weaknesses };
}
