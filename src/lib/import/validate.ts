/** Checks on accepted values: ranges, duplicates, and the consistency rules of rules.ts. */
import type { Indicator, Observation } from '$lib/model/types';
import type { IssueLog } from './issues';
import { COUNT_UNITS, EPSILON, ORDER_RULES, PERCENT_UNITS, RATE_RULES } from './rules';
import { isCategorical } from './values';

/** One accepted value with where it came from. */
export interface Accepted {
	obs: Observation;
	indicator: Indicator;
	row: number;
	column: string;
	raw: string;
}

const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Range checks of one value; false when it must not be imported. */
export function checkRange(a: Accepted, log: IssueLog): boolean {
	if (isCategorical(a.indicator)) return true;
	const where = { row: a.row, column: a.column, value: a.raw };
	if (COUNT_UNITS.has(a.indicator.unit) && a.obs.value < 0) {
		log.add('error', 'negative_count', where);
		return false;
	}
	if (PERCENT_UNITS.has(a.indicator.unit) && a.obs.value > 100) {
		log.add('error', 'percent_over_100', where);
		return false;
	}
	return true;
}

const keyOf = (o: Observation): string => `${o.unit}\u0000${o.period}\u0000${o.indicator}`;

/**
 * The same (unit, period, indicator) twice: same value → warning, keep the first; different values →
 * error naming both rows, and neither is imported (we cannot know which is right).
 */
export function removeDuplicates(list: Accepted[], log: IssueLog): { kept: Accepted[]; sameDropped: number } {
	const first = new Map<string, Accepted>();
	const conflicted = new Set<string>();
	const drop = new Set<Accepted>();
	let sameDropped = 0;
	for (const a of list) {
		const k = keyOf(a.obs);
		const prev = first.get(k);
		if (!prev) {
			first.set(k, a);
			continue;
		}
		const args = { a: a.obs.unit, b: a.obs.period, c: a.obs.indicator, list: String(prev.row) };
		const where = { row: a.row, column: a.column, value: a.raw };
		if (prev.obs.value === a.obs.value && prev.obs.qualifier === a.obs.qualifier) {
			log.add('warning', 'duplicate_same', where, args);
			drop.add(a);
			sameDropped++;
		} else {
			log.add('error', 'duplicate_conflict', where, args);
			drop.add(a);
			conflicted.add(k);
		}
	}
	const kept = list.filter((a) => !drop.has(a) && !conflicted.has(keyOf(a.obs)));
	return { kept, sameDropped };
}

/** Applies ORDER_RULES and RATE_RULES per (unit, period); returns the values that must not be imported. */
export function checkConsistency(list: Accepted[], log: IssueLog): Set<Accepted> {
	const rejected = new Set<Accepted>();
	const groups = new Map<string, Map<string, Accepted>>();
	for (const a of list) {
		const g = `${a.obs.unit}\u0000${a.obs.period}`;
		let m = groups.get(g);
		if (!m) groups.set(g, (m = new Map()));
		m.set(a.obs.indicator, a);
	}
	for (const byCode of groups.values()) {
		for (const rule of ORDER_RULES) {
			const lo = byCode.get(rule.lesser);
			const hi = byCode.get(rule.greater);
			if (!lo || !hi || hi.obs.qualifier === '>') continue; // a lower bound can always be larger
			if (lo.obs.value <= hi.obs.value) continue;
			const approximate = lo.obs.qualifier === '~' || hi.obs.qualifier === '~';
			log.add(
				approximate ? 'warning' : 'error',
				rule.code,
				{ row: lo.row, column: lo.column, value: lo.raw },
				{
					a: lo.indicator.name_vi || lo.indicator.code,
					aEn: lo.indicator.name_en || lo.indicator.code,
					b: hi.indicator.name_vi || hi.indicator.code,
					bEn: hi.indicator.name_en || hi.indicator.code,
					list: fmt(hi.obs.value),
					c: String(hi.row)
				}
			);
			if (!approximate) rejected.add(lo);
		}
	}
	// Rates are checked only against figures that survived the order rules.
	for (const byCode of groups.values()) {
		for (const rule of RATE_RULES) {
			const reported = byCode.get(rule.reported);
			const den = byCode.get(rule.denominator);
			const nums = rule.numerator.map((c) => byCode.get(c));
			if (!reported || !den || nums.some((n) => !n) || den.obs.value === 0) continue;
			const parts = [reported, den, ...nums] as Accepted[];
			if (parts.some((p) => rejected.has(p))) continue;
			if (parts.some((p) => p.obs.qualifier !== '')) continue; // bounds and estimates cannot be checked
			const sum = (nums as Accepted[]).reduce((s, n) => s + n.obs.value, 0);
			const recomputed = (sum / den.obs.value) * 100;
			if (Math.abs(reported.obs.value - recomputed) <= rule.tolerance + EPSILON) continue;
			const formula = `(${(nums as Accepted[]).map((n) => fmt(n.obs.value)).join(' + ')}) / ${fmt(den.obs.value)} × 100`;
			log.add(
				'warning',
				rule.code,
				{ row: reported.row, column: reported.column, value: reported.raw },
				{
					a: fmt(recomputed),
					b: formula,
					c: fmt(reported.obs.value)
				}
			);
		}
	}
	return rejected;
}
