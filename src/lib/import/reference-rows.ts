/** Shared helpers for the two reference lists (indicator dictionary, unit list). */
import { cellText } from './entries';
import { looseKey } from './normalise';
import { isBlank } from './rows';

/** Reads the rows under `headerIndex` as records keyed by the header's looseKey with `_` (`name_vi`). */
export function records(
	rows: readonly string[][],
	headerIndex: number
): { row: number; get: (field: string) => string }[] {
	const cols = new Map<string, number>();
	rows[headerIndex].forEach((h, i) => {
		const k = looseKey(h).replace(/ /g, '_');
		if (k && !cols.has(k)) cols.set(k, i);
	});
	const out: { row: number; get: (field: string) => string }[] = [];
	for (let i = headerIndex + 1; i < rows.length; i++) {
		const r = rows[i];
		if (isBlank(r)) continue;
		out.push({
			row: i + 1,
			get: (field) => {
				const c = cols.get(field);
				return c === undefined ? '' : cellText(r[c]);
			}
		});
	}
	return out;
}

/** `a|b| c` → ['a', 'b', 'c']. */
export function splitList(text: string): string[] {
	return text
		.split('|')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** true / false / null (blank); undefined when unreadable. */
export function parseBool(text: string): boolean | null | undefined {
	const k = looseKey(text);
	if (k === '') return null;
	if (['true', 'yes', 'co', '1', 'x'].includes(k)) return true;
	if (['false', 'no', 'khong', '0'].includes(k)) return false;
	return undefined;
}
