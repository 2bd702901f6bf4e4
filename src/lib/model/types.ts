/** Core data types of Chỉ Số. Pure TypeScript: no Svelte, no DuckDB. */

/** '' exact, '>' lower bound ("hơn 570"), '~' approximate ("khoảng 11.000"). */
export type Qualifier = '' | '>' | '~';

/** One row of the canonical long table `observations`. */
export interface Observation {
	/** Canonical unit name (NFC), e.g. `Nguyễn Nghiêm`. */
	unit: string;
	/** `YYYY`, `YYYY-H1`, `YYYY-Q2`, or a multi-year total `YYYY-YYYY`. */
	period: string;
	/** Indicator code from the dictionary. */
	indicator: string;
	/** Missing values are absent rows, never 0. Categorical indicators store the category's rank. */
	value: number;
	qualifier: Qualifier;
	/** The import that brought the row (file name + time) or `sample`. */
	source: string;
	note: string;
}

export type IndicatorKind = 'raw' | 'derived';
/** How several units are summed up (the town, a 2025 successor unit). */
export type Aggregation = 'sum' | 'ratio' | 'mean' | 'median' | 'latest' | 'none';

export interface Indicator {
	code: string;
	name_vi: string;
	name_en: string;
	/** Unit of measure: count, people, households, percent, ha, per_1000, category … */
	unit: string;
	kind: IndicatorKind;
	/** Expression over raw/derived codes for derived indicators, '' otherwise. */
	formula: string;
	aggregation: Aggregation;
	/** true, false, or null when neither direction is better. */
	higher_is_better: boolean | null;
	group: string;
	/** Ordered category labels, best first, for categorical indicators; rank = categories.length - index. */
	categories: string[];
	/** A note for users about the indicator (how a report gives it, what to watch), in each language. */
	notes_vi: string;
	notes_en: string;
}

export type UnitKind = 'phường' | 'xã' | 'thị trấn' | 'thị xã';

export interface Unit {
	/** Canonical display name (NFC). Not an identity: names are reused over time. */
	name: string;
	/** Official GSO code; the identity together with validity. */
	code: string;
	kind: UnitKind | string;
	/** Parent unit name (e.g. `Đức Phổ`) or '' . */
	parent: string;
	/** ISO date, '' for open start. */
	valid_from: string;
	/** ISO date, '' for still valid. */
	valid_to: string;
	/** Code of the unit it was merged into, '' if none. */
	successor: string;
	/** Other spellings people use. */
	aliases: string[];
}

export interface ImportRecord {
	id: number;
	file: string;
	/** When it was committed: ISO 8601 in UTC with its `Z` (`2026-12-04T18:30:00Z`); shown by `formatDateTime`. */
	at: string;
	rows: number;
	status: 'committed' | 'undone';
}

/** One value of an indicator for a unit (or a group of units) and a period, as queries return it. */
export interface SeriesRow {
	unit: string;
	period: string;
	value: number;
	qualifier: Qualifier;
	/** For rates: the summed numerator and denominator the value comes from; null otherwise. */
	numerator: number | null;
	denominator: number | null;
	/** How many units the value sums up (1 for a single unit). */
	units: number;
}
