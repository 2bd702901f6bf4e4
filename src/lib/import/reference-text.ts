/**
 * Text-level entry points for the two reference lists, e.g. to load the bundled data/indicators.csv and
 * data/units.csv at start-up without going through importCsv.
 */
import type { Indicator, Unit } from '$lib/model/types';
import { detectDelimiter } from './delimiter';
import { parseDictionaryRows } from './dictionary-csv';
import { findHeader } from './header';
import { IssueLog } from './issues';
import { parseRows } from './rows';
import type { ImportIssue } from './types';
import { parseUnitRows } from './units-csv';

function rowsOf(text: string): string[][] {
	const { delimiter, text: body } = detectDelimiter(text.replace(/^\ufeff/, '').normalize('NFC'));
	const parsed = parseRows(body, delimiter);
	return parsed.ok ? parsed.rows : [];
}

export function parseDictionaryCsv(
	text: string,
	fileName = 'indicators.csv'
): { indicators: Indicator[]; issues: ImportIssue[] } {
	const log = new IssueLog(fileName);
	const rows = rowsOf(text);
	const layout = findHeader(rows, []);
	if (!layout || layout.shape !== 'dictionary') {
		log.add('error', 'missing_column', { row: 0 }, { a: 'code, name_vi' });
		return { indicators: [], issues: log.finish() };
	}
	return { indicators: parseDictionaryRows(rows, layout.index, log), issues: log.finish() };
}

export function parseUnitsCsv(
	text: string,
	fileName = 'units.csv'
): { units: Unit[]; issues: ImportIssue[] } {
	const log = new IssueLog(fileName);
	const rows = rowsOf(text);
	const layout = findHeader(rows, []);
	if (!layout || layout.shape !== 'units') {
		log.add('error', 'missing_column', { row: 0 }, { a: 'code, name, valid_from' });
		return { units: [], issues: log.finish() };
	}
	return { units: parseUnitRows(rows, layout.index, log), issues: log.finish() };
}
