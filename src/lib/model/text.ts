/**
 * Vietnamese text folded for comparison: diacritics stripped (đ → d too, it has no decomposition) and
 * lower case. `Nguyễn Nghiêm`, `NGUYEN NGHIEM` and the NFD form all give `nguyen nghiem`. The one place
 * this is done in code; DuckDB's side is `strip_accents` in `db/queries.ts`.
 */
const MARKS = /\p{M}+/gu;

export function foldText(text: string): string {
	return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
