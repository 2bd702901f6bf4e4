/** A unit named in a file name (`bao-cao-Pho-An-2023.csv` → Phổ An), for one-unit sheets. */
import type { Unit } from '$lib/model/types';
import { matchUnit } from './units';

const MAX_SPAN = 5;

/** The longest run of words in the file name that names exactly one unit, as that text; null if none. */
export function unitFromFileName(fileName: string, units: readonly Unit[]): string | null {
	const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
	const words = base.split(/[\s_\-.,()]+/).filter((w) => w !== '');
	for (let len = Math.min(MAX_SPAN, words.length); len >= 1; len--) {
		const found = new Map<string, string>();
		for (let i = 0; i + len <= words.length; i++) {
			const text = words.slice(i, i + len).join(' ');
			if (text.length < 3 && !/^\d+$/.test(text)) continue;
			const m = matchUnit(text, units);
			if (m.unit) found.set(m.unit.name, text);
			else if (m.ambiguous) found.set(m.ambiguous[0].name, text);
		}
		if (found.size === 1) return [...found.values()][0];
		if (found.size > 1) return null;
	}
	return null;
}
