/** Data completeness: which figures each unit has not reported that others did. */
export interface Presence {
	unit: string;
	period: string;
	indicator: string;
}

export interface Gap {
	unit: string;
	period: string;
	/** Indicators other units reported for that period and this unit did not. */
	missing: string[];
	expected: number;
}

/**
 * What each unit is missing, per period: an indicator counts as expected for a period when at least
 * one of `units` reported it then (a figure nobody reports is not a gap of one unit).
 */
export function dataGaps(
	presence: readonly Presence[],
	units: readonly string[],
	periods: readonly string[]
): Gap[] {
	const reported = new Map<string, Set<string>>();
	const expected = new Map<string, Set<string>>();
	const unitSet = new Set(units);
	for (const p of presence) {
		if (!unitSet.has(p.unit) || !periods.includes(p.period)) continue;
		const key = `${p.unit}\u0000${p.period}`;
		reported.set(key, (reported.get(key) ?? new Set()).add(p.indicator));
		expected.set(p.period, (expected.get(p.period) ?? new Set()).add(p.indicator));
	}
	const gaps: Gap[] = [];
	for (const unit of units)
		for (const period of periods) {
			const want = expected.get(period);
			if (!want) continue;
			const have = reported.get(`${unit}\u0000${period}`) ?? new Set<string>();
			const missing = [...want].filter((c) => !have.has(c)).sort();
			gaps.push({ unit, period, missing, expected: want.size });
		}
	return gaps;
}
