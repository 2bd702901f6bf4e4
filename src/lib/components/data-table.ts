/** The shape of `DataTable`'s columns and rows (cells are text already formatted by `$lib/format`). */
import { compareNames } from '$lib/model/collate';
export interface TableColumn {
	key: string;
	vi: string;
	en?: string;
	/** Right-aligned, tabular figures; sorts descending first. */
	numeric?: boolean;
	sortable?: boolean;
	/** Long text that may wrap (lists of names). */
	wrap?: boolean;
}

export interface TableCell {
	text: string;
	/** What the column sorts by (defaults to the text); null/undefined sort last. */
	sort?: number | string | null;
	href?: string;
	title?: string;
	tone?: 'good' | 'bad' | 'muted';
	/** A colour dot before the text (the unit's chart colour). */
	swatch?: string;
	/** Small text after the main one (a rank change, a badge). */
	sub?: string;
	/** Bold: the best of a comparison. */
	strong?: boolean;
}

export interface TableRow {
	id: string;
	cells: Record<string, TableCell>;
}

export type SortDir = 'asc' | 'desc';

/**
 * Sorts table rows by one key: numbers numerically, text in Vietnamese order; missing values always
 * last whichever the direction (a missing figure is not the smallest one).
 */
export function sortBy<T>(
	rows: readonly T[],
	key: (row: T) => number | string | null | undefined,
	dir: SortDir
): T[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = key(a);
		const y = key(b);
		const mx = x === null || x === undefined || (typeof x === 'number' && !Number.isFinite(x));
		const my = y === null || y === undefined || (typeof y === 'number' && !Number.isFinite(y));
		if (mx || my) return mx === my ? 0 : mx ? 1 : -1;
		if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
		return sign * compareNames(String(x), String(y));
	});
}
