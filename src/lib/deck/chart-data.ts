/**
 * The figures of a chart, worked out once from its `ChartSpec`: a page and a pinned slide both call
 * `deriveSpecData(spec, indicator, inputs)` on the rows they loaded, so a pinned chart and the chart it
 * was pinned from cannot disagree. `loadSpec` loads those inputs for a slide (a deck made before the
 * latest import shows the latest figures, with the date of that import).
 */
import type { SeriesOptions } from '$lib/db';
import { sources as sourcesOf, type Queryable, type SourceRow } from '$lib/db/queries';
import { compareNames } from '$lib/model/collate';
import { isAggregable, rawInputs, withCategories } from '$lib/model/indicators';
import { medianRows } from '$lib/model/median';
import { isYear, previousYear } from '$lib/model/period';
import { rankRows } from '$lib/model/rank';
import type { ImportRecord, Indicator, SeriesRow, Unit } from '$lib/model/types';
import { areaKind, expectedMembers, TOWN_GROUP, unitsFor, type AreaKind } from '$lib/model/units';
import type { ChartSpec } from './chart-spec';

/** What `loadSpec` needs from the data session (`data` fits; tests pass a Node store). */
export interface SpecSource {
	dictionary: ReadonlyMap<string, Indicator>;
	units: readonly Unit[];
	series(code: string, options: SeriesOptions): Promise<SeriesRow[]>;
	store: (Queryable & { imports(): Promise<ImportRecord[]> }) | null;
}

/** The rows a chart is derived from, as a page or `loadSpec` loaded them. */
export interface ChartInputs {
	/** The indicator's rows in the spec's grouping, every period. */
	series: readonly SeriesRow[];
	/** The whole town's rows (the 'total' reference line); [] when not needed. */
	town: readonly SeriesRow[];
	units: readonly Unit[];
	sources?: SourceRow[];
	/** ISO time of the latest committed import, '' when unknown. */
	dataDate?: string;
}

export interface SpecData {
	spec: ChartSpec;
	/** null: the indicator is no longer in the dictionary. */
	indicator: Indicator | null;
	/** The rows the chart draws (trend and heatmap: the chosen units and years; ranking: the period). */
	rows: SeriesRow[];
	/** A trend's reference line (median or town total), [] for none. */
	reference: SeriesRow[];
	/** A ranking's previous year, for rank changes. */
	previous: SeriesRow[];
	/** The ranking's period (the spec's, or the latest year with data); '' for other kinds. */
	year: string;
	/** Trend and heatmap columns (years, in order). */
	periods: string[];
	/** The units in scope: name order, or for a heatmap best first in its last year. */
	units: string[];
	/** Units in scope without any value shown. */
	missing: string[];
	/** How many member units each group stands for (2025 units), for partial-coverage notes. */
	expected: Record<string, number>;
	/** What the whole area is (names the whole-area line): see `areaKind`. */
	area: AreaKind;
	sources: SourceRow[];
	/** ISO time of the latest committed import, '' when unknown. */
	dataDate: string;
}

const byName = (a: string, b: string) => compareNames(a, b);

function inRange(period: string, spec: ChartSpec): boolean {
	return isYear(period) && (!spec.from || period >= spec.from) && (!spec.to || period <= spec.to);
}

/** Every unit of the spec's grouping (pre-2025 units, or those of 2025), plus any the rows name. */
function groupingUnits(spec: ChartSpec, units: readonly Unit[], rows: readonly SeriesRow[]): string[] {
	const names = unitsFor(spec.grouping === 'successor' ? '2025' : '', units).map((u) => u.name);
	const extra = [...new Set(rows.map((r) => r.unit))].filter((u) => !names.includes(u)).sort(byName);
	return [...names, ...extra];
}

/** Units a chart shows: the named ones, or all of the grouping. */
export function scopeUnits(
	spec: ChartSpec,
	units: readonly Unit[],
	rows: readonly SeriesRow[] = []
): string[] {
	if (spec.units.length > 0) return [...spec.units].sort(byName);
	return groupingUnits(spec, units, rows);
}

/** The period a ranking shows: the spec's, else the latest year, else the latest period. */
export function rankingPeriod(spec: ChartSpec, rows: readonly SeriesRow[]): string {
	if (spec.year) return spec.year;
	const periods = [...new Set(rows.map((r) => r.period))].sort();
	return periods.filter(isYear).at(-1) ?? periods.at(-1) ?? '';
}

/** A chart's figures from loaded rows: pure, the one derivation of pages and slides. */
export function deriveSpecData(spec: ChartSpec, indicator: Indicator | null, inputs: ChartInputs): SpecData {
	const all = groupingUnits(spec, inputs.units, inputs.series);
	const known = new Set([...all, ...spec.units]);
	const series = inputs.series.filter((r) => known.has(r.unit));
	const scope = scopeUnits(spec, inputs.units, series);
	const expected: Record<string, number> = {};
	if (spec.grouping === 'successor')
		for (const u of scope) expected[u] = expectedMembers(u, '2025', inputs.units);
	const base: SpecData = {
		spec,
		indicator,
		rows: [],
		reference: [],
		previous: [],
		year: '',
		periods: [],
		units: scope,
		missing: [],
		expected,
		area: areaKind(inputs.units),
		sources: inputs.sources ?? [],
		dataDate: inputs.dataDate ?? ''
	};
	if (!indicator) return { ...base, year: spec.year ?? '' };

	if (spec.kind === 'ranking') {
		const year = rankingPeriod(spec, series);
		const rows = series.filter((r) => r.period === year);
		const before = previousYear(year);
		const has = new Set(rows.map((r) => r.unit));
		return {
			...base,
			rows,
			previous: before ? series.filter((r) => r.period === before) : [],
			year,
			missing: [...known].filter((u) => !has.has(u)).sort(byName)
		};
	}

	const inScope = new Set(scope);
	const rows = series.filter((r) => inScope.has(r.unit) && inRange(r.period, spec));
	const periods = [...new Set(rows.map((r) => r.period))].sort();
	const has = new Set(rows.map((r) => r.unit));
	const missing = scope.filter((u) => !has.has(u));

	if (spec.kind === 'heatmap') {
		// Best first in the last year shown, then the units without a value that year.
		const last = rows.filter((r) => r.period === periods.at(-1));
		const ranked = rankRows(last, indicator.higher_is_better ?? true, 'vi').map((r) => r.row.unit);
		return {
			...base,
			rows,
			periods,
			missing,
			units: [...ranked, ...scope.filter((u) => !ranked.includes(u))]
		};
	}

	let reference: SeriesRow[] = [];
	if (spec.reference === 'median')
		reference = medianRows(
			series.filter((r) => inRange(r.period, spec)),
			''
		);
	else if (spec.reference === 'total' && isAggregable(indicator))
		reference = inputs.town.filter((r) => inRange(r.period, spec));
	return { ...base, rows, periods, missing, reference };
}

async function latestImport(source: SpecSource): Promise<string> {
	try {
		const records = (await source.store?.imports()) ?? [];
		return (
			records
				.filter((r) => r.status === 'committed')
				.map((r) => r.at)
				.sort()
				.at(-1) ?? ''
		);
	} catch {
		return '';
	}
}

async function sourcesFor(indicator: Indicator, source: SpecSource): Promise<SourceRow[]> {
	if (!source.store) return [];
	try {
		return await sourcesOf(source.store, rawInputs(indicator, source.dictionary));
	} catch {
		return []; // a formula that no longer parses: the chart says so elsewhere; no source line
	}
}

/** Whether a spec's chart needs the whole town's rows (a trend against the town total). */
export const needsTown = (spec: ChartSpec, indicator: Indicator) =>
	spec.kind === 'trend' && spec.reference === 'total' && isAggregable(indicator);

/** Load what a spec's chart needs, from the data as it is now, and derive its figures. */
export async function loadSpec(spec: ChartSpec, source: SpecSource): Promise<SpecData> {
	const found = source.dictionary.get(spec.indicator);
	const indicator = found ? withCategories(found, source.dictionary) : null;
	if (!indicator)
		return deriveSpecData(spec, null, {
			series: [],
			town: [],
			units: source.units,
			dataDate: await latestImport(source)
		});
	const [series, town, dataDate, sources] = await Promise.all([
		source.series(spec.indicator, { periods: 'all', grouping: spec.grouping }),
		needsTown(spec, indicator)
			? source.series(spec.indicator, { periods: 'year', grouping: 'town', townLabel: TOWN_GROUP })
			: Promise.resolve([]),
		latestImport(source),
		sourcesFor(indicator, source)
	]);
	return deriveSpecData(spec, indicator, { series, town, units: source.units, sources, dataDate });
}
