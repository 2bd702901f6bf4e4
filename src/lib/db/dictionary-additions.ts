/**
 * Indicators added to the stored dictionary with the import that first uses them (a person turning an
 * unknown column into a new raw indicator): written inside the commit's own transaction, so that the
 * indicator and its values are stored both or neither. Rows go in with bound parameters, never
 * string-built SQL.
 */
import type { Indicator } from '$lib/model/types';
import { DICTIONARY_HEADER } from '$lib/import';
import type { Engine } from './engine';

/** The indicators table's columns as a dictionary is staged from CSV (categories `|`-joined), and their types. */
export const INDICATOR_COLUMNS = DICTIONARY_HEADER;
export const INDICATOR_TYPES = `{${INDICATOR_COLUMNS.map(
	(c) => `'${c}': '${c === 'higher_is_better' ? 'BOOLEAN' : 'VARCHAR'}'`
).join(', ')}}`;

/**
 * Inserts the indicators whose code is not stored yet (a stored code is left as it is), inside the
 * caller's transaction. Returns the codes that were added.
 */
export async function insertNewIndicators(e: Engine, indicators: readonly Indicator[]): Promise<string[]> {
	const codes: string[] = [];
	for (const i of indicators) {
		const [{ n }] = (await e.run('SELECT count(*)::INTEGER AS n FROM indicators WHERE code = ?', [
			i.code
		])) as {
			n: number;
		}[];
		if (n > 0) continue;
		await e.run(
			`INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
			 CASE WHEN ? = '' THEN []::VARCHAR[] ELSE string_split(?, '|') END, ?, ?)`,
			[
				i.code,
				i.name_vi,
				i.name_en,
				i.unit,
				i.kind,
				i.formula,
				i.aggregation,
				i.higher_is_better,
				i.group,
				i.categories.join('|'),
				i.categories.join('|'),
				i.notes_vi,
				i.notes_en
			]
		);
		codes.push(i.code);
	}
	return codes;
}
