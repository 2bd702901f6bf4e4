/** The note of an indicator in the chosen language (the other one when it has none in that language). */
import type { Indicator } from '$lib/model/types';
import type { Locale } from './number';

export function indicatorNote(indicator: Pick<Indicator, 'notes_vi' | 'notes_en'>, locale: Locale): string {
	const [first, second] =
		locale === 'vi' ? [indicator.notes_vi, indicator.notes_en] : [indicator.notes_en, indicator.notes_vi];
	return first || second || '';
}
