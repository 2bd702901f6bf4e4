/**
 * Decides, per column, whether `.` or `,` is the decimal separator, from all the column's values:
 * `95,2` proves Vietnamese, `1,234.5` or `95.2` English; a column whose only telling values are like
 * `1.234` is ambiguous → a question to the user, answered by columnChoices / numberLocale. Until it is
 * answered, such a column follows the rest of the file when the file's other columns agree (one person
 * typed it), else Vietnamese (the users are Vietnamese).
 */
import type { NumberScan } from './number';
import type { ImportQuestion, NumberLocale } from './types';

const MAX_EXAMPLES = 3;

export interface ColumnTally {
	vi: number;
	en: number;
	ambiguous: string[];
}

/** Counts, per column, the distinct values proving each convention and the ambiguous ones. */
export function tallyColumns(
	distinct: ReadonlyMap<string, ReadonlySet<string>>,
	scan: (raw: string) => NumberScan
): Map<string, ColumnTally> {
	const tallies = new Map<string, ColumnTally>();
	for (const [column, raws] of distinct) {
		const t: ColumnTally = { vi: 0, en: 0, ambiguous: [] };
		for (const raw of raws) {
			const s = scan(raw);
			if (s.kind !== 'number') continue;
			if (s.evidence === 'vi') t.vi++;
			else if (s.evidence === 'en') t.en++;
			if (s.ambiguous) t.ambiguous.push(raw);
		}
		tallies.set(column, t);
	}
	return tallies;
}

export function decideLocales(
	tallies: Map<string, ColumnTally>,
	numberLocale?: NumberLocale,
	columnChoices?: Record<string, NumberLocale>
): { locales: Map<string, NumberLocale>; questions: ImportQuestion[] } {
	const locales = new Map<string, NumberLocale>();
	const questions: ImportQuestion[] = [];
	let fileVi = 0;
	let fileEn = 0;
	for (const t of tallies.values()) {
		fileVi += t.vi;
		fileEn += t.en;
	}
	const fileDefault: NumberLocale = fileEn > 0 && fileVi === 0 ? 'en' : 'vi';
	for (const [column, t] of tallies) {
		const chosen = numberLocale ?? columnChoices?.[column];
		if (chosen) locales.set(column, chosen);
		else if (t.vi > 0 && t.en === 0) locales.set(column, 'vi');
		else if (t.en > 0 && t.vi === 0) locales.set(column, 'en');
		else {
			// No proof either way (or contradicting proof): ask if it matters, and meanwhile follow the file.
			locales.set(column, t.vi > 0 && t.en > 0 ? 'vi' : fileDefault);
			if (t.ambiguous.length > 0) questions.push({ column, examples: t.ambiguous.slice(0, MAX_EXAMPLES) });
		}
	}
	return { locales, questions };
}
