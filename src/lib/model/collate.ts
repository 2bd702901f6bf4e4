/** Sorting of unit and indicator names: Vietnamese order (a ă â … đ …), numbers in names by value. */
import type { Locale } from '$lib/i18n/locale';

const collators = new Map<Locale, Intl.Collator>();

export function collator(locale: Locale = 'vi'): Intl.Collator {
	let c = collators.get(locale);
	if (!c) {
		c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
		collators.set(locale, c);
	}
	return c;
}

export function compareNames(a: string, b: string, locale: Locale = 'vi'): number {
	return collator(locale).compare(a, b);
}
