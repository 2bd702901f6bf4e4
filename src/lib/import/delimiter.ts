/** Guesses the delimiter (comma, semicolon or tab) from the first lines, ignoring quoted text. */

export type Delimiter = ',' | ';' | '\t';
const CANDIDATES: Delimiter[] = ['\t', ';', ','];
const SAMPLE_CHARS = 65536;
const SAMPLE_LINES = 100;
/** Excel understands a first line `sep=;` and hides it; so do we. */
const SEP_LINE = /^sep=(.)\r?\n/i;

/** Per line, how many times each candidate occurs outside quotes. */
function countPerLine(text: string): number[][] {
	const lines: number[][] = [];
	let counts = [0, 0, 0];
	let inQuotes = false;
	let nonBlank = false;
	const end = Math.min(text.length, SAMPLE_CHARS);
	for (let i = 0; i < end && lines.length < SAMPLE_LINES; i++) {
		const ch = text[i];
		if (ch === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (ch === '\n' || ch === '\r')) {
			if (nonBlank) lines.push(counts);
			counts = [0, 0, 0];
			nonBlank = false;
		} else if (!inQuotes) {
			const k = CANDIDATES.indexOf(ch as Delimiter);
			if (k >= 0) counts[k]++;
			if (ch !== ' ') nonBlank = true;
		}
	}
	if (nonBlank) lines.push(counts);
	return lines;
}

/** The most frequent non-zero count, and on how many lines it occurs. */
function consistency(values: number[]): { mode: number; lines: number } {
	const freq = new Map<number, number>();
	for (const v of values) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1);
	let mode = 0;
	let lines = 0;
	for (const [v, n] of freq) if (n > lines || (n === lines && v > mode)) [mode, lines] = [v, n];
	return { mode, lines };
}

export function detectDelimiter(text: string): { delimiter: Delimiter; text: string } {
	const sep = SEP_LINE.exec(text);
	if (sep && CANDIDATES.includes(sep[1] as Delimiter)) {
		return { delimiter: sep[1] as Delimiter, text: text.slice(sep[0].length) };
	}
	const lines = countPerLine(text);
	let best: Delimiter = ',';
	let bestScore = { mode: 0, lines: 0 };
	CANDIDATES.forEach((d, k) => {
		const s = consistency(lines.map((c) => c[k]));
		// The delimiter is the character that splits the most lines into the same number of fields;
		// ties go to the order of CANDIDATES (a tab is rarely data, a comma often is: `95,2`).
		if (s.lines > bestScore.lines || (s.lines === bestScore.lines && s.mode > bestScore.mode)) {
			best = d;
			bestScore = s;
		}
	});
	return { delimiter: best, text };
}
