/**
 * The one message catalogue of the UI: `t('key', { n: 3 })` in the chosen language. The choice is
 * kept in this browser; numbers, dates and periods follow it through `i18n.locale`.
 */
import { EN, loadEnglish } from './english.svelte';
import { keepEn, keepVi, type KeepKey } from './keep';
import { fill, loadLocale, saveLocale, type Locale } from './locale';
import { vi, type MessageKey as BaseKey } from './vi';
import { workspaceEn, workspaceVi, type WorkspaceKey } from './workspace';
import { answersEn, answersVi, type AnswersKey } from './answers';
import { offlineEn, offlineVi, type OfflineKey } from './offline';
import { phoneEn, phoneVi, type PhoneKey } from './phone';
import { xlsxEn, xlsxVi, type XlsxKey } from './xlsx';
import { registryEn, registryVi, type RegistryKey } from './registry';

export type MessageKey =
	BaseKey | WorkspaceKey | OfflineKey | XlsxKey | KeepKey | PhoneKey | AnswersKey | RegistryKey;
export type { Locale };
export { LOCALES } from './locale';

const VI: Record<MessageKey, string> = {
	...vi,
	...workspaceVi,
	...offlineVi,
	...xlsxVi,
	...keepVi,
	...phoneVi,
	...answersVi,
	...registryVi
};
// English's own parts are small and stay here; its main catalogue (`en.ts`) loads on demand.
const EN_PARTS: Partial<Record<MessageKey, string>> = {
	...workspaceEn,
	...offlineEn,
	...xlsxEn,
	...keepEn,
	...phoneEn,
	...answersEn,
	...registryEn
};
const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

class I18n {
	locale = $state<Locale>(loadLocale(storage()));

	/** Switches the language; English's catalogue is loaded first (at once after the first time). */
	async set(locale: Locale) {
		if (locale === 'en') await loadEnglish();
		this.locale = locale;
		saveLocale(locale, storage());
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}

	toggle() {
		return this.set(this.locale === 'vi' ? 'en' : 'vi');
	}
}

export const i18n = new I18n();
// English kept in this browser: its catalogue is asked for at once (the layout waits for it, i18nReady).
if (i18n.locale === 'en') void loadEnglish();

/** Before the first page is drawn: the catalogue of the language kept in this browser is loaded. */
export function i18nReady(): Promise<void> {
	return i18n.locale === 'en' ? loadEnglish() : Promise.resolve();
}

/** A message in the chosen language (Vietnamese while English's catalogue is still on its way). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
	const text =
		i18n.locale === 'en' ? (EN_PARTS[key] ?? (EN as Partial<Record<MessageKey, string>>)[key]) : VI[key];
	return fill(text ?? VI[key], params);
}
