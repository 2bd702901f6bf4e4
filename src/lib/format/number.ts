/**
 * Cached `Intl.NumberFormat` instances. Building a formatter is far slower than using one, and a chart
 * formats hundreds of values per render, so every formatter is made once per (locale, digits, sign).
 */
import type { Locale } from '$lib/i18n/locale';
export type { Locale };

/** BCP 47 tags behind our two locales: vi-VN groups with `.` and uses `,` for decimals. */
export const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US' };

export interface Digits {
	min: number;
	max: number;
}

const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: Locale, digits: Digits, signed = false): Intl.NumberFormat {
	const key = `${locale}|${digits.min}|${digits.max}|${signed ? 1 : 0}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(INTL_LOCALE[locale], {
			minimumFractionDigits: digits.min,
			maximumFractionDigits: digits.max,
			useGrouping: true,
			signDisplay: signed ? 'exceptZero' : 'auto'
		});
		cache.set(key, f);
	}
	return f;
}

/** Formats a finite number; `-0` (a rounding artefact) is shown as 0. */
export function formatNumber(value: number, locale: Locale, digits: Digits, signed = false): string {
	const text = numberFormat(locale, digits, signed).format(value === 0 ? 0 : value);
	// Intl keeps the sign of values that round to zero (`-0,0`); nobody wants to read that.
	return /^[-+]0([.,]0+)?$/.test(text) ? text.slice(1) : text;
}

export function isMissing(value: number | null | undefined): value is null | undefined {
	return value === null || value === undefined || !Number.isFinite(value);
}

/** The one sign used for a missing value everywhere. */
export const MISSING = '—';
