/** Text helpers for chart layout: truncation and a width estimate (no DOM to measure with). */

/** Axis labels longer than this are cut; the full name stays in the tooltip and the table. */
export const AXIS_LABEL_MAX = 18;

/** Cuts `text` to `max` characters (code points), ending with `…` when cut. */
export function truncate(text: string, max = AXIS_LABEL_MAX): string {
	const chars = Array.from(text);
	return chars.length <= max
		? text
		: chars
				.slice(0, max - 1)
				.join('')
				.trimEnd() + '…';
}

/** Rough width in px of `text` at `fontSize`; average glyph ≈ 0.58 em for Be Vietnam Pro / Noto Sans. */
export function estimateWidth(text: string, fontSize: number): number {
	return Math.ceil(Array.from(text).length * fontSize * 0.58);
}
