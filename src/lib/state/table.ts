/** The shape of `DataTable`'s columns and rows (cells are text already formatted by `$lib/format`). */
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
