/**
 * The dictionary and the unit list → CSV files in the same format as data/indicators.csv and
 * data/units.csv (UTF-8 with BOM, neutralised cells), so an exported list imports back as it was.
 */
import type { Indicator, Unit } from '$lib/model/types';
import { neutralise, quote } from './export-csv';

const line = (cells: string[]) => cells.map((c) => quote(neutralise(c))).join(',');
const csv = (header: string[], rows: string[][]) =>
	'\uFEFF' + [header.join(','), ...rows.map(line)].join('\r\n') + '\r\n';

/** The dictionary's columns, in order: its CSV file's header and the indicators table's columns. */
export const DICTIONARY_HEADER = [
	'code',
	'name_vi',
	'name_en',
	'unit',
	'kind',
	'formula',
	'aggregation',
	'higher_is_better',
	'group',
	'categories',
	'notes_vi',
	'notes_en'
];
export const UNITS_HEADER = [
	'code',
	'name',
	'kind',
	'parent',
	'valid_from',
	'valid_to',
	'successor',
	'aliases'
];

export function toDictionaryCsv(indicators: readonly Indicator[]): string {
	return csv(
		DICTIONARY_HEADER,
		indicators.map((i) => [
			i.code,
			i.name_vi,
			i.name_en,
			i.unit,
			i.kind,
			i.formula,
			i.aggregation,
			i.higher_is_better === null ? '' : String(i.higher_is_better),
			i.group,
			i.categories.join('|'),
			i.notes_vi,
			i.notes_en
		])
	);
}

export function toUnitsCsv(units: readonly Unit[]): string {
	return csv(
		UNITS_HEADER,
		units.map((u) => [
			u.code,
			u.name,
			u.kind,
			u.parent,
			u.valid_from,
			u.valid_to,
			u.successor,
			u.aliases.join('|')
		])
	);
}
