/** Public types of the CSV importer. */
import type { Indicator, Observation, Unit } from '$lib/model/types';

export type NumberLocale = 'vi' | 'en';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
export type Severity = 'error' | 'warning' | 'info';

export type ImportShape =
	'long' | 'wide-indicator' | 'wide-period' | 'unit-sheet' | 'dictionary' | 'units' | 'unknown';

export interface ImportOptions {
	fileName: string;
	dictionary: Indicator[];
	units: Unit[];
	/** The unit chosen by the user for a one-unit sheet (shape 4). */
	unitHint?: string;
	/** Forces the decimal convention of every column when given. */
	numberLocale?: NumberLocale;
	/** Overrides encoding detection. */
	encoding?: TextEncodingName;
	/** Answers to `questions`, keyed by column header. */
	columnChoices?: Record<string, NumberLocale>;
	/** Remembered user mappings: normaliseKey(raw) → canonical unit name or indicator code. */
	aliases?: Record<string, string>;
	/** A workbook's sheet to read; `*` reads every sheet (their layouts must agree). Default: see importXlsx. */
	sheet?: string;
}

export interface ImportIssue {
	severity: Severity;
	file: string;
	/** 1-based row as Excel shows it, 0 for file-level findings. */
	row: number;
	/** Header text, '' if none. */
	column: string;
	value: string;
	/** Stable machine code, e.g. `not_a_number`. */
	code: string;
	/** Message in Vietnamese, including how to fix it. */
	vi: string;
	/** Message in English, including how to fix it. */
	en: string;
	/** A workbook's cell as Excel names it: `Sheet "2024"!C14` (CSV files have none). */
	cell?: string;
	/** Closest known unit names / indicator codes / category labels. */
	suggestions?: string[];
}

export interface ImportQuestion {
	/** Header text of the ambiguous column. */
	column: string;
	/** A few of its values, e.g. `1.234`. */
	examples: string[];
}

export interface ImportStats {
	rows: number;
	observations: number;
	errors: number;
	warnings: number;
	skipped: number;
	ms: number;
}

export interface ImportResult {
	kind: 'observations' | 'dictionary' | 'units' | 'invalid';
	observations: Observation[];
	indicators?: Indicator[];
	units?: Unit[];
	issues: ImportIssue[];
	shape: ImportShape;
	encoding: string;
	delimiter: string;
	questions: ImportQuestion[];
	stats: ImportStats;
	/** Present for a workbook: its sheets and which of them were read. */
	workbook?: WorkbookInfo;
}

export interface WorkbookInfo {
	sheets: string[];
	/** The sheet read, or `*` for all of them. */
	chosen: string;
	/** Whether every sheet has the same layout (then they can be read together). */
	agree: boolean;
}
