/** Text search that ignores case and diacritics: `nguyen nghiem` finds `Nguyễn Nghiêm`, `duc` finds `Đức`. */
import { foldText } from './text';

export function foldSearch(text: string): string {
	return foldText(text).replace(/\s+/g, ' ').trim();
}

/** Every word of `query` occurs in one of `texts` (all folded); an empty query matches everything. */
export function matchesSearch(query: string, ...texts: (string | null | undefined)[]): boolean {
	const words = foldSearch(query).split(' ').filter(Boolean);
	if (words.length === 0) return true;
	const hay = texts.map((t) => foldSearch(t ?? '')).join(' \u0000 ');
	return words.every((w) => hay.includes(w));
}
