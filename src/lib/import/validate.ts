/**
 * The JavaScript path's checks on accepted values: ranges, duplicates, and the order and rate rules —
 * each decided by the one rule table (rules.ts), from which the bulk path's SQL is written too.
 */
import type { Indicator, Observation } from '$lib/model/types';
import type { IssueLog } from './issues';
import {
	DUPLICATE_RULE,
	duplicateArgs,
	ORDER_RULES,
	orderArgs,
	orderFinding,
	RATE_CHECK,
	RATE_RULES,
	rangeError,
	rateArgs,
	rateFinding,
	sameFigure
} from './rules';

/** One accepted value with where it came from. */
export interface Accepted {
	obs: Observation;
	indicator: Indicator;
	row: number;
	column: string;
	raw: string;
}

const where = (a: Accepted) => ({ row: a.row, column: a.column, value: a.raw });

/** Range checks of one value; false when it must not be imported. */
export function checkRange(a: Accepted, log: IssueLog): boolean {
	const code = rangeError(a.obs.value, a.indicator);
	if (code) log.add('error', code, where(a));
	return code === null;
}

const keyOf = (o: Observation): string => `${o.unit}\u0000${o.period}\u0000${o.indicator}`;

/**
 * The same (unit, period, indicator) twice: same figure → warning, keep the first; different figures
 * → error naming both rows, and neither is imported (we cannot know which is right).
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
		const args = duplicateArgs(a.obs.unit, a.obs.period, a.obs.indicator, prev.row);
		const same = sameFigure(prev.obs, a.obs);
		const { severity, code } = same ? DUPLICATE_RULE.same : DUPLICATE_RULE.conflict;
		log.add(severity, code, where(a), args);
		drop.add(a);
		if (same) sameDropped++;
		else conflicted.add(k);
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
			if (!lo || !hi) continue;
			const severity = orderFinding(lo.obs, hi.obs);
			if (!severity) continue;
			const args = orderArgs(
				{ code: lo.obs.indicator, indicator: lo.indicator },
				{ code: hi.obs.indicator, indicator: hi.indicator, value: hi.obs.value, row: hi.row }
			);
			log.add(severity, rule.code, where(lo), args);
			if (severity === 'error') rejected.add(lo);
		}
	}
	// Rates are checked only against figures that survived the order rules.
	for (const byCode of groups.values()) {
		for (const rule of RATE_RULES) {
			const reported = byCode.get(rule.reported);
			const den = byCode.get(rule.denominator);
			const nums = rule.numerator.map((c) => byCode.get(c));
			if (!reported || !den || nums.some((n) => !n)) continue;
			const numerators = nums as Accepted[];
			if ([reported, den, ...numerators].some((p) => rejected.has(p))) continue;
			const recomputed = rateFinding(
				rule,
				reported.obs,
				numerators.map((n) => n.obs),
				den.obs
			);
			if (recomputed === null) continue;
			const args = rateArgs(
				recomputed,
				numerators.map((n) => n.obs.value),
				den.obs.value,
				reported.obs.value
			);
			log.add(RATE_CHECK.severity, rule.code, where(reported), args);
		}
	}
	return rejected;
}
