import { describe, expect, it } from 'vitest';
import {
	OFFICE_TIME_ZONE,
	datedFileName,
	exportFileName,
	formatDate,
	formatDateTime,
	formatDay,
	officeDay,
	parseInstant,
	storedDateText,
	storedInstant
} from './date';

// 18:30 UTC on 4 December is 01:30 on 5 December in Vietnam (UTC+7): near midnight the day changes.
const LATE = '2026-12-04T18:30:00Z';

describe('instants', () => {
	it('reads stored text without a zone as UTC, whatever zone the computer is in', () => {
		expect(OFFICE_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
		expect(parseInstant('2026-12-04T18:30:00')?.toISOString()).toBe('2026-12-04T18:30:00.000Z');
		expect(parseInstant('2026-12-04 18:30:00')?.toISOString()).toBe('2026-12-04T18:30:00.000Z');
		expect(parseInstant(LATE)?.toISOString()).toBe('2026-12-04T18:30:00.000Z');
		expect(parseInstant('2026-12-05T01:30:00+07:00')?.toISOString()).toBe('2026-12-04T18:30:00.000Z');
		expect(parseInstant('garbage')).toBeNull();
		expect(parseInstant('')).toBeNull();
		expect(storedInstant(new Date(LATE))).toBe('2026-12-04T18:30:00.000Z');
	});

	it('shows an instant on the office clock, the same with or without the stored zone', () => {
		expect(formatDateTime(LATE, 'vi')).toBe('05/12/2026\u00A001:30');
		expect(formatDateTime(LATE, 'en')).toBe('05/12/2026\u00A001:30');
		expect(formatDateTime('2026-12-04T18:30:00', 'vi')).toBe('05/12/2026\u00A001:30');
		expect(formatDateTime(new Date(LATE))).toBe('05/12/2026\u00A001:30');
		expect(formatDateTime('2024-12-20T01:05:00', 'vi')).toBe('20/12/2024\u00A008:05');
		expect(formatDateTime('garbage', 'vi')).toBe('garbage');
		expect(formatDateTime('', 'vi')).toBe('');
	});

	it('gives the office day of an instant', () => {
		expect(officeDay(LATE)).toBe('2026-12-05');
		expect(officeDay(new Date('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
		expect(officeDay(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
		expect(formatDate(LATE, 'vi')).toBe('5/12/2026');
		expect(formatDate(LATE, 'en')).toBe('5 Dec 2026');
	});
});

describe('calendar days', () => {
	it('writes a day as it is, with no zone moving it', () => {
		expect(formatDay('2025-06-30', 'vi')).toBe('30/6/2025');
		expect(formatDay('2025-06-30', 'en')).toBe('30 Jun 2025');
		expect(formatDay('2025-07-01', 'vi')).toBe('1/7/2025');
		expect(formatDay('not a day', 'vi')).toBe('not a day');
	});

	it('shows stored DATE and TIMESTAMP values as their stored text', () => {
		expect(storedDateText(Date.UTC(2025, 5, 30), 'date')).toBe('2025-06-30');
		expect(storedDateText(Date.parse(LATE), 'timestamp')).toBe('2026-12-04 18:30:00');
	});
});

describe('file names', () => {
	it('dates every export with the office day', () => {
		expect(exportFileName(new Date(LATE))).toBe('chi-so-du-lieu-2026-12-05.csv');
		expect(datedFileName('chi-so-chi-tieu', 'csv', new Date(LATE))).toBe('chi-so-chi-tieu-2026-12-05.csv');
		expect(datedFileName('x', 'json', new Date('2026-11-28T10:00:00Z'))).toBe('x-2026-11-28.json');
	});
});
