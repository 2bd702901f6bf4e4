/**
 * The one message catalogue of the UI: `t('key', { n: 3 })` in the chosen language. The choice is
 * kept in this browser; numbers, dates and periods follow it through `i18n.locale`.
 */
import { en } from './en';
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

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = {
	vi: { ...vi, ...workspaceVi, ...offlineVi, ...xlsxVi, ...keepVi, ...phoneVi, ...answersVi, ...registryVi },
	en: { ...en, ...workspaceEn, ...offlineEn, ...xlsxEn, ...keepEn, ...phoneEn, ...answersEn, ...registryEn }
};
const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

class I18n {
	locale = $state<Locale>(loadLocale(storage()));

	set(locale: Locale) {
		this.locale = locale;
		saveLocale(locale, storage());
		if (typeof document !== 'undefined') document.documentElement.lang = locale;
	}

	toggle() {
		this.set(this.locale === 'vi' ? 'en' : 'vi');
	}
}

export const i18n = new I18n();

export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return fill(CATALOGUES[i18n.locale][key], params);
}
