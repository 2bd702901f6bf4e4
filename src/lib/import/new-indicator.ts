/**
 * A new raw indicator from a column or cell the dictionary does not know: a safe code (ASCII slug of
 * the Vietnamese name, unique against the dictionary), a unit of measure guessed from the name, and
 * the checks a person's input needs before it joins the dictionary.
 */
import { foldText } from '$lib/model/text';
import type { Indicator } from '$lib/model/types';
import { defaultAggregation } from './dictionary-csv';
import { clean, looseKey } from './normalise';

/** Units of measure offered for a new indicator, as the dictionary writes them. */
export const NEW_INDICATOR_UNITS = [
	'count',
	'people',
	'households',
	'percent',
	'ha',
	'per_1000',
	'yes_no'
] as const;
export type NewIndicatorUnit = (typeof NEW_INDICATOR_UNITS)[number];

export const MAX_CODE_LENGTH = 48;
export const MAX_NAME_LENGTH = 200;

/** What a person fills in. */
export interface IndicatorDraft {
	name_vi: string;
	name_en?: string;
	unit: string;
	group?: string;
}

/** Every key the importer matches an indicator by (code, names, names without a trailing `(…)`). */
function takenKeys(dictionary: readonly Indicator[]): Set<string> {
	const keys = new Set<string>();
	for (const ind of dictionary) {
		for (const text of [ind.code, ind.name_vi, ind.name_en]) {
			if (!text) continue;
			keys.add(looseKey(text));
			keys.add(looseKey(text.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '')));
		}
	}
	keys.delete('');
	return keys;
}

/** `Số vụ hòa giải` → `so_vu_hoa_giai`: ASCII, lowercase, `_` between words, starting with a letter. */
export function slugCode(name: string): string {
	const slug = foldText(name)
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	const cut = slug.length > MAX_CODE_LENGTH ? slug.slice(0, MAX_CODE_LENGTH).replace(/_[^_]*$/, '') : slug;
	if (cut === '') return 'chi_tieu';
	return /^[a-z]/.test(cut) ? cut : `ct_${cut}`;
}

/**
 * The slug of `name`, made unique: no code in the dictionary equals it, and no code or name there has
 * the same key (so that a file saying the code can only mean the new indicator): `_2`, `_3` … added.
 */
export function uniqueCode(name: string, dictionary: readonly Indicator[]): string {
	const base = slugCode(name);
	const codes = new Set(dictionary.map((i) => i.code));
	const keys = takenKeys(dictionary);
	const free = (code: string) => !codes.has(code) && !keys.has(looseKey(code));
	if (free(base)) return base;
	for (let n = 2; ; n++) {
		const code = `${base.slice(0, MAX_CODE_LENGTH - String(n).length - 1)}_${n}`;
		if (free(code)) return code;
	}
}

/** The unit a name suggests: `Tỷ lệ …` is a percentage, `Số hộ …` households, `… người …` people. */
export function guessUnit(name: string): NewIndicatorUnit {
	const k = ` ${looseKey(name)} `;
	if (name.includes('%') || k.includes(' ty le ') || k.includes(' phan tram ')) return 'percent';
	if (k.startsWith(' so ho ') || k.includes(' ho gia dinh ')) return 'households';
	if (k.includes(' nguoi ') || k.includes(' dan so ')) return 'people';
	return 'count';
}

export type DraftProblem =
	| { code: 'name_required' }
	| { code: 'name_too_long'; max: number }
	| { code: 'name_taken'; indicator: Indicator };

/** What is wrong with a draft, or null. A name the importer already matches would be ambiguous. */
export function checkDraft(draft: IndicatorDraft, dictionary: readonly Indicator[]): DraftProblem | null {
	const name = clean(draft.name_vi);
	if (name === '') return { code: 'name_required' };
	if (name.length > MAX_NAME_LENGTH || clean(draft.name_en ?? '').length > MAX_NAME_LENGTH)
		return { code: 'name_too_long', max: MAX_NAME_LENGTH };
	for (const text of [name, clean(draft.name_en ?? '')]) {
		const key = looseKey(text);
		if (!key) continue;
		const same = dictionary.find(
			(i) =>
				looseKey(i.code) === key || looseKey(i.name_vi) === key || (i.name_en && looseKey(i.name_en) === key)
		);
		if (same) return { code: 'name_taken', indicator: same };
	}
	return null;
}

/** A raw indicator from a checked draft; its code is unique against `dictionary`. */
export function newIndicator(draft: IndicatorDraft, dictionary: readonly Indicator[]): Indicator {
	const name_vi = clean(draft.name_vi);
	const unit = (NEW_INDICATOR_UNITS as readonly string[]).includes(draft.unit) ? draft.unit : 'count';
	return {
		code: uniqueCode(name_vi, dictionary),
		name_vi,
		name_en: clean(draft.name_en ?? ''),
		unit,
		kind: 'raw',
		formula: '',
		aggregation: defaultAggregation('raw', unit),
		higher_is_better: null,
		group: clean(draft.group ?? ''),
		categories: [],
		notes_vi: '',
		notes_en: ''
	};
}
