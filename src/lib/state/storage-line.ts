/** The data page's storage line, in words: `3,2 MB / 1,2 GB · được giữ lâu dài`. Pure. */
import type { Locale } from '$lib/i18n/locale';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Bytes as a person reads them (decimal units, one decimal from MB up): `3,2 MB` / `3.2 MB`. */
export function formatBytes(bytes: number, locale: Locale): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '—';
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const digits = unit >= 2 ? 1 : 0;
	const text = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
	return `${text} ${UNITS[unit]}`;
}
