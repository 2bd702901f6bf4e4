/** The two languages of the UI: Vietnamese first, English second. */
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';
const KEY = 'chi-so:locale';

export function loadLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
	const saved = storage?.getItem(KEY);
	return saved === 'en' || saved === 'vi' ? saved : DEFAULT_LOCALE;
}

export function saveLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined) {
	storage?.setItem(KEY, locale);
}

/** `{name}` placeholders filled from params; a missing param stays visible as `{name}`. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
