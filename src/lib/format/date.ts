/**
 * Dates and times, in one place.
 *
 * - An instant (when an import was made, when a deck was created) is kept as UTC and always shown in
 *   the office's time zone, whatever zone the computer showing it is set to.
 * - A calendar day (a unit valid from 1 July 2025) has no zone: it is shown as written.
 * - File names of exports carry the office's day.
 */
import type { Locale } from './number';

/** The time zone of the office: every instant is shown on its clock. */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const HAS_ZONE = /(?:Z|[+-]\d\d:?\d\d)$/i;
const DATE_ONLY = /^\d{4}-\d\d-\d\d$/;

/**
 * An instant from its stored text. Text without a zone (`2026-12-04T18:30:00`, `2026-12-04 18:30:00`,
 * as DuckDB's TIMESTAMP gives it) is UTC — never the zone of the computer reading it. `null` when the
 * text is no date.
 */
export function parseInstant(at: string | Date): Date | null {
	if (at instanceof Date) return Number.isNaN(at.getTime()) ? null : at;
	let text = at.trim();
	if (!text) return null;
	if (DATE_ONLY.test(text)) text += 'T00:00:00';
	text = text.replace(' ', 'T');
	const d = new Date(HAS_ZONE.test(text) ? text : `${text}Z`);
	return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as stored: ISO 8601 in UTC with its `Z` (`2026-12-04T18:30:00.000Z`). */
export function storedInstant(at: Date = new Date()): string {
	return at.toISOString();
}

const OFFICE_PARTS = new Intl.DateTimeFormat('en-GB', {
	timeZone: OFFICE_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The office's wall clock at an instant: year, month, day, hour, minute as two-digit text. */
function officeClock(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
	const parts = OFFICE_PARTS.formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return {
		year: part('year'),
		month: part('month'),
		day: part('day'),
		hour: part('hour'),
		minute: part('minute')
	};
}

/** The office's day at an instant as `YYYY-MM-DD` (2026-12-04T18:30Z → `2026-12-05`). */
export function officeDay(at: string | Date = new Date()): string {
	const d = parseInstant(at);
	if (!d) return '';
	const c = officeClock(d);
	return `${c.year}-${c.month}-${c.day}`;
}

/**
 * An instant on the office's clock, the same in both languages: `05/12/2026 01:30` (day first; a
 * no-break space holds the date to its time in a wrapped footnote). Text that is no date is returned
 * as it is.
 */
export function formatDateTime(at: string | Date, _locale?: Locale): string {
	if (typeof at === 'string' && !at.trim()) return '';
	const d = parseInstant(at);
	if (!d) return String(at);
	const c = officeClock(d);
	return `${c.day}/${c.month}/${c.year}\u00A0${c.hour}:${c.minute}`;
}

const DAY_FORMAT: Record<Locale, Intl.DateTimeFormat> = {
	vi: new Intl.DateTimeFormat('vi-VN', {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		timeZone: 'UTC'
	}),
	en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
};

/** A calendar day `2025-06-30` → `30/6/2025` (vi) or `30 Jun 2025` (en, a month name leaves no doubt). */
export function formatDay(day: string, locale: Locale): string {
	const d = DATE_ONLY.test(day) ? new Date(`${day}T00:00:00Z`) : null;
	return !d || Number.isNaN(d.getTime()) ? day : DAY_FORMAT[locale].format(d);
}

/** The office's day of an instant, written as `formatDay` writes a day. */
export function formatDate(at: string | Date, locale: Locale): string {
	const day = officeDay(at);
	return day ? formatDay(day, locale) : String(at);
}

/** `chi-so-chi-tieu-2026-12-05.csv`: a file name dated with the office's day. */
export function datedFileName(stem: string, ext = 'csv', at: Date = new Date()): string {
	return `${stem}-${officeDay(at)}.${ext}`;
}

/** The name of the whole data's export, the same on every page: `chi-so-du-lieu-2026-12-05.csv`. */
export function exportFileName(at: Date = new Date()): string {
	return datedFileName('chi-so-du-lieu', 'csv', at);
}

/**
 * A DuckDB DATE or TIMESTAMP (milliseconds since 1970, as the engine hands it over) as the text it is
 * stored as — for the SQL console, which shows the data as it is (a stored time is UTC, so a query
 * compares against that text).
 */
export function storedDateText(ms: number, kind: 'date' | 'timestamp'): string {
	const iso = new Date(ms).toISOString();
	return kind === 'date' ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');
}
