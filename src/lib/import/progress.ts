/**
 * Progress of one import as a fraction 0…1 that only grows and ends at 1, plus the rows read so far.
 * The work is decoding (per byte), parsing (per character) and checking (per value cell); their shares
 * are estimated once from the first 64 KB, so that the bar moves at an even pace on any file shape.
 */
import Papa from 'papaparse';
import { detectDelimiter } from './delimiter';

export type ImportPhase = 'decode' | 'parse' | 'check' | 'done';

export interface ImportProgress {
	phase: ImportPhase;
	/** 0…1, never decreasing; exactly 1 once the result is complete. */
	fraction: number;
	/** Rows of the file read so far. */
	rows: number;
}

export interface ImportHooks {
	/** Called as the import advances (at most about once per percent); makes the parse stream. */
	onProgress?: (progress: ImportProgress) => void;
}

/**
 * Costs of the kinds of work in nanoseconds, measured on this project's machines (Node 20 and headless
 * Chromium, 2 cores): decoding + NFC a byte; PapaParse step by step a character and a row; building
 * and checking one value cell.
 */
const COST_BYTE = 12;
const COST_CHAR = 8;
const COST_ROW = 3000;
const COST_CELL = 6000;
/** Within checking: building the entries is about a third, resolving them two thirds. */
const BUILD_SHARE = 1 / 3;
/** Smallest step worth a message. */
const STEP = 0.01;
const HEAD_BYTES = 65536;

export interface Estimate {
	/** Characters of text per byte. */
	charsPerByte: number;
	/** Rows per character of text. */
	rowsPerChar: number;
	/** Value cells per row. */
	cellsPerRow: number;
}

/**
 * A rough look at the first 64 KB: characters per byte, rows per character, and fields per row (a wide
 * file has one value cell per column past the unit and period, a long one about one).
 */
export function estimate(bytes: Uint8Array): Estimate {
	const head = bytes.subarray(0, HEAD_BYTES);
	const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
	const utf16 = bom16 || head.subarray(0, 4096).includes(0);
	const encoding = utf16
		? head[0] === 0xfe || (!bom16 && head[0] === 0)
			? 'utf-16be'
			: 'utf-16le'
		: 'utf-8';
	const text = new TextDecoder(encoding).decode(head);
	if (text.length === 0) return { charsPerByte: 1, rowsPerChar: 0, cellsPerRow: 1 };
	const { delimiter } = detectDelimiter(text);
	const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
	// Leave out the last (probably cut) row and a title block at the top.
	const rows = parsed.data.slice(0, -1);
	const sample = rows.slice(Math.min(5, Math.floor(rows.length / 2)));
	const fields = sample.map((r) => r.length).sort((a, b) => a - b);
	const perRow = fields.length > 0 ? fields[Math.floor(fields.length / 2)] : 1;
	return {
		charsPerByte: text.length / head.length,
		rowsPerChar: Math.max(1, parsed.data.length) / text.length,
		cellsPerRow: Math.max(1, perRow - 3)
	};
}

/** Turns the pipeline's counters into ImportProgress messages. */
export class ProgressMeter {
	private last = -1;
	private lastPhase: ImportPhase | '' = '';
	private rows = 0;
	private readonly decodeEnd: number;
	private readonly parseEnd: number;
	private readonly cellsExpected: number;

	constructor(
		private readonly emit: (p: ImportProgress) => void,
		private readonly bytes: number,
		guess: Estimate
	) {
		const chars = Math.max(1, bytes * guess.charsPerByte);
		const rows = chars * guess.rowsPerChar;
		this.cellsExpected = Math.max(1, rows * guess.cellsPerRow);
		const decode = bytes * COST_BYTE;
		const parse = chars * COST_CHAR + rows * COST_ROW;
		const total = decode + parse + this.cellsExpected * COST_CELL;
		this.decodeEnd = decode / total;
		this.parseEnd = (decode + parse) / total;
	}

	private report(phase: ImportPhase, fraction: number) {
		const f = phase === 'done' ? 1 : Math.min(0.999, Math.max(this.last, fraction));
		if (phase === this.lastPhase && f - this.last < STEP) return;
		this.last = f;
		this.lastPhase = phase;
		this.emit({ phase, fraction: f, rows: this.rows });
	}

	decoded(doneBytes: number) {
		this.report('decode', this.decodeEnd * (doneBytes / Math.max(1, this.bytes)));
	}

	/** `chars` of `total` characters read into `rows` rows. */
	parsed(chars: number, total: number, rows: number) {
		this.rows = rows;
		const share = this.parseEnd - this.decodeEnd;
		this.report('parse', this.decodeEnd + share * Math.min(1, chars / Math.max(1, total)));
	}

	/** Entries built so far (the count is only estimated up front). */
	built(entries: number) {
		const share = (1 - this.parseEnd) * BUILD_SHARE;
		this.report('check', this.parseEnd + share * Math.min(1, entries / this.cellsExpected));
	}

	/** `done` of `total` entries resolved. */
	resolved(done: number, total: number) {
		const from = this.parseEnd + (1 - this.parseEnd) * BUILD_SHARE;
		this.report('check', from + (1 - from) * Math.min(1, done / Math.max(1, total)));
	}

	finish(rows: number) {
		this.rows = Math.max(this.rows, rows);
		this.report('done', 1);
	}
}
