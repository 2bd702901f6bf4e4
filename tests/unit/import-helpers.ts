/** Shared set-up of the importer tests: fixtures, the test dictionary and unit list. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importCsv, parseDictionaryCsv, parseUnitsCsv } from '../../src/lib/import';
import type { ImportOptions, ImportResult } from '../../src/lib/import';
import type { Observation } from '../../src/lib/model/types';

export const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

export function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Copies of data/indicators.csv and data/units.csv as they were when the importer was written. */
export const dictionary = parseDictionaryCsv(readFileSync(FIXTURES + 'indicators.csv', 'utf8')).indicators;
export const units = parseUnitsCsv(readFileSync(FIXTURES + 'units.csv', 'utf8')).units;

export function run(name: string, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
	return importCsv(fixture(name), { fileName: name, dictionary, units, ...options });
}

export function runText(text: string, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
	return importCsv(new TextEncoder().encode(text), { fileName: 'test.csv', dictionary, units, ...options });
}

/** `unit|period|indicator` → value, for compact assertions. */
export function values(r: ImportResult): Record<string, number> {
	return Object.fromEntries(r.observations.map((o) => [`${o.unit}|${o.period}|${o.indicator}`, o.value]));
}

export function find(r: ImportResult, o: Partial<Observation>): Observation | undefined {
	return r.observations.find((x) => Object.entries(o).every(([k, v]) => x[k as keyof Observation] === v));
}

export function codes(r: ImportResult, severity?: string): string[] {
	return r.issues.filter((i) => !severity || i.severity === severity).map((i) => i.code);
}
