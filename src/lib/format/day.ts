/** Days: a validity date for people, and the office day that dates an export's file name. */
import type { Locale } from './number';

const DAY_FORMAT: Record<Locale, Intl.DateTimeFormat> = {
	vi: new Intl.DateTimeFormat('vi-VN', {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		timeZone: 'UTC'
	}),
	en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
};

/** `2025-06-30` → `30/6/2025` (vi) or `30 Jun 2025` (en). */
export function formatDay(iso: string, locale: Locale): string {
	const d = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? iso : DAY_FORMAT[locale].format(d);
}

/** Local date as `YYYY-MM-DD` (file names of exports). */
export function localDay(at: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

export function exportFileName(at: Date): string {
	return `chi-so-du-lieu-${localDay(at)}.csv`;
}
