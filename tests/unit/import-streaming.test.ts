/**
 * The streaming import (what the worker runs, with progress) against the one-shot import: one set of
 * rules, one report — the results must be identical, only the time taken differs.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	estimate,
	importCsv,
	ProgressMeter,
	type ImportOptions,
	type ImportProgress,
	type ImportResult
} from '../../src/lib/import';
import { decodeBytes } from '../../src/lib/import/decode';
import { parseRows, parseRowsStreaming } from '../../src/lib/import/rows';
import { bigCsv } from '../fixtures/big-csv';
import { dictionary, fixture, FIXTURES, units } from './import-helpers';

/** Everything but the time taken. */
const comparable = (r: ImportResult) => ({ ...r, stats: { ...r.stats, ms: 0 } });

async function both(bytes: Uint8Array, options: Partial<ImportOptions> = {}) {
	const opts: ImportOptions = { fileName: 'f.csv', dictionary, units, ...options };
	const oneShot = await importCsv(bytes, opts);
	const progress: ImportProgress[] = [];
	const streamed = await importCsv(bytes, opts, { onProgress: (p) => progress.push(p) });
	return { oneShot, streamed, progress };
}

function expectWellFormed(progress: ImportProgress[], result: ImportResult) {
	expect(progress.length).toBeGreaterThan(0);
	const order = ['decode', 'parse', 'check', 'done'];
	for (let i = 1; i < progress.length; i++) {
		expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction);
		expect(progress[i].rows).toBeGreaterThanOrEqual(progress[i - 1].rows);
		expect(order.indexOf(progress[i].phase)).toBeGreaterThanOrEqual(order.indexOf(progress[i - 1].phase));
	}
	for (const p of progress.slice(0, -1)) {
		expect(p.fraction).toBeGreaterThanOrEqual(0);
		expect(p.fraction).toBeLessThan(1);
	}
	const last = progress.at(-1)!;
	expect(last).toMatchObject({ phase: 'done', fraction: 1 });
	expect(last.rows).toBeGreaterThanOrEqual(result.stats.rows);
	expect(progress.filter((p) => p.phase === 'done')).toHaveLength(1);
}

const FILES = readdirSync(FIXTURES).filter((f) => !f.endsWith('.ts'));

describe('streaming import = one-shot import', () => {
	it.each(FILES)('gives the same result for %s', async (name) => {
		const { oneShot, streamed, progress } = await both(fixture(name), { fileName: name });
		expect(comparable(streamed)).toEqual(comparable(oneShot));
		expectWellFormed(progress, streamed);
	});

	it('gives the same result with the choices a person makes (unit, number format, encoding)', async () => {
		for (const [name, options] of [
			['unit-sheet-no-unit.csv', { unitHint: 'Phổ An' }],
			['ambiguous-thousands.csv', { columnChoices: { 'Giá trị': 'en' as const } }],
			['nguyen-nghiem-cp1258.csv', { encoding: 'windows-1258' as const }],
			['long-vi-semicolon.csv', { numberLocale: 'en' as const }]
		] as const) {
			const { oneShot, streamed } = await both(fixture(name), { fileName: name, ...options });
			expect(comparable(streamed), name).toEqual(comparable(oneShot));
		}
	});

	it('gives the same result for a generated 1.5 MB report, with CRLF and with LF', async () => {
		for (const newline of ['\r\n', '\n']) {
			const bytes = new TextEncoder().encode(bigCsv({ bytes: 1_500_000, newline }));
			expect(bytes.length).toBeGreaterThan(1_048_576);
			const { oneShot, streamed, progress } = await both(bytes, { fileName: 'big.csv' });
			expect(oneShot.kind).toBe('observations');
			expect(oneShot.stats.errors).toBe(0);
			expect(oneShot.observations.length).toBe(5040);
			expect(comparable(streamed)).toEqual(comparable(oneShot));
			expectWellFormed(progress, streamed);
			// A real bar: many small steps, each phase reported.
			expect(progress.length).toBeGreaterThan(20);
			expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['decode', 'parse', 'check', 'done']));
			expect(Math.max(...progress.slice(0, -1).map((p) => p.fraction))).toBeGreaterThan(0.8);
		}
	});

	it('gives the same findings for a row-heavy file full of warnings', async () => {
		// Years before 2020 precede the units' validity: thousands of warnings, capped in the report.
		const bytes = new TextEncoder().encode(bigCsv({ bytes: 0, fromYear: 2012 }));
		const { oneShot, streamed, progress } = await both(bytes, { fileName: 'old.csv' });
		expect(oneShot.stats.warnings).toBeGreaterThan(1000);
		expect(comparable(streamed)).toEqual(comparable(oneShot));
		expectWellFormed(progress, streamed);
	});

	it('gives the same result for random CSV-ish text (quotes, delimiters, blank lines, long rows)', async () => {
		const cell = fc.oneof(
			fc.constantFrom(
				'Phổ An',
				'Nguyễn Nghiêm',
				'2023',
				'Năm 2022',
				'Tổng số đơn tiếp nhận',
				'19',
				'95,2%',
				''
			),
			fc.string({ maxLength: 6 }),
			fc.constantFrom('"', '""', '"a,b"', 'x"y', '\r\n', '\n', ';', '\t')
		);
		const text = fc
			.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 })
			.map((rows) => ['Đơn vị,Năm,Chỉ tiêu,Giá trị', ...rows.map((r) => r.join(','))].join('\r\n'));
		await fc.assert(
			fc.asyncProperty(text, async (t) => {
				const { oneShot, streamed, progress } = await both(new TextEncoder().encode(t));
				expect(comparable(streamed)).toEqual(comparable(oneShot));
				expect(progress.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
			}),
			{ numRuns: 150 }
		);
	});
});

describe('the streaming parts', () => {
	it('decodes in tiny steps to exactly the one-shot text (UTF-8, UTF-16, Windows-1258, NFD)', () => {
		for (const name of FILES) {
			const bytes = fixture(name);
			const whole = decodeBytes(bytes);
			for (const step of [1, 2, 3, 7, 64]) {
				const seen: number[] = [];
				const stepped = decodeBytes(bytes, undefined, (done) => seen.push(done), step);
				expect(stepped, `${name} in steps of ${step}`).toEqual(whole);
				// (a file that is not UTF-8 is decoded a second time, as Windows-1258: the count restarts once)
				if (whole.ok) expect(seen.at(-1)).toBe(bytes.length);
			}
		}
	});

	it('puts text in NFC across step boundaries, however a character is cut', () => {
		// `ệ` written as e + two combining marks (Windows-1258 style), split at every byte.
		const text = 'Đơn vị,Năm\nNguye\u0302\u0303n Nghie\u0302m,2023\n\u0301,2024\n';
		const bytes = new TextEncoder().encode(text);
		for (let step = 1; step <= 8; step++) {
			const got = decodeBytes(bytes, undefined, () => undefined, step);
			expect(got).toEqual(decodeBytes(bytes));
			expect(got.ok && got.text).toBe(text.normalize('NFC'));
		}
	});

	it('parses row by row into the same rows and quote findings', () => {
		for (const text of [
			'a,b\r\n"x""y",2\r\n',
			'a,"b\nc",d\n1,2,3',
			'a,b\n"unterminated,1\n2,3',
			'a,b"c,d\n"e"f,g\n',
			'\n\n\na,b\n\n',
			'x'
		]) {
			const progress: number[] = [];
			const streamed = parseRowsStreaming(text, ',', (chars) => progress.push(chars));
			expect(streamed, JSON.stringify(text)).toEqual(parseRows(text, ','));
			expect(progress.at(-1)).toBe(text.length);
		}
	});

	it('estimates the shape of the work from the first bytes', () => {
		const long = estimate(new TextEncoder().encode(bigCsv({ bytes: 0 })));
		expect(long.cellsPerRow).toBe(2); // 5 fields: unit, period, indicator, value, note
		expect(long.charsPerByte).toBeGreaterThan(0.5);
		expect(long.charsPerByte).toBeLessThanOrEqual(1);
		const wide = estimate(fixture('wide-indicator.csv'));
		expect(wide.cellsPerRow).toBeGreaterThanOrEqual(2);
		expect(estimate(new Uint8Array())).toMatchObject({ rowsPerChar: 0 });
		expect(estimate(fixture('nguyen-nghiem-utf16le.txt')).charsPerByte).toBeCloseTo(0.5, 1);
	});

	it('meters progress that never goes back and ends at exactly 1', () => {
		const seen: ImportProgress[] = [];
		const meter = new ProgressMeter((p) => seen.push(p), 1000, {
			charsPerByte: 1,
			rowsPerChar: 0.02,
			cellsPerRow: 1
		});
		meter.decoded(500);
		meter.decoded(1000);
		meter.parsed(500, 1000, 10);
		meter.parsed(400, 1000, 10); // a smaller count never moves the bar back
		meter.parsed(1000, 1000, 20);
		meter.built(1000); // more entries than estimated: capped
		meter.resolved(5, 20);
		meter.resolved(20, 20);
		meter.finish(19);
		const fractions = seen.map((p) => p.fraction);
		expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
		expect(fractions.at(-1)).toBe(1);
		expect(fractions.slice(0, -1).every((f) => f < 1)).toBe(true);
		expect(seen.at(-1)).toEqual({ phase: 'done', fraction: 1, rows: 20 });
	});
});
