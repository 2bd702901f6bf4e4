/** Text keys used for every comparison in the importer: case-, diacritics- and spacing-insensitive. */
import { foldText } from '$lib/model/text';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /\s+/g;
const NOT_ALNUM = /[^a-z0-9]+/g;
const PARENTHETICAL = /\s*[([][^()[\]]*[)\]]\s*$/;

/**
 * NFC → strip diacritics (đ → d too, it has no decomposition) → lowercase → collapse spaces.
 * `Phường  Nguyễn Nghiêm` and its NFD form both give `phuong nguyen nghiem`.
 */
export function normaliseKey(text: string): string {
	return foldText(text.replace(INVISIBLE, '')).replace(SPACES, ' ').trim();
}

/** normaliseKey, then any run of punctuation becomes one space: `Phường/Xã` → `phuong xa`, `a_b` → `a b`. */
export function looseKey(text: string): string {
	return normaliseKey(text).replace(NOT_ALNUM, ' ').trim();
}

/** Drops one trailing `(…)` or `[…]`: `Tổng số đơn (đơn)` → `Tổng số đơn`. */
export function stripParenthetical(text: string): string {
	return text.replace(PARENTHETICAL, '');
}

/** NFC and trimmed: the form every stored text takes. */
export function clean(text: string): string {
	return text.normalize('NFC').trim();
}
