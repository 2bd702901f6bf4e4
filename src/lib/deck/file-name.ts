/**
 * Readable file names from Vietnamese titles: `Tỷ lệ xử lý đơn 2023` → `ty-le-xu-ly-don-2023`.
 * Diacritics are stripped (NFD, combining marks removed) and đ/Đ, which are letters of their own rather
 * than d with a mark, become d; anything else that is not a letter or digit becomes one hyphen.
 */
import { foldText } from '$lib/model/text';

const MAX_LENGTH = 80;

export function slugify(text: string, fallback = 'bieu-do'): string {
	const slug = foldText(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const cut = slug.length > MAX_LENGTH ? slug.slice(0, MAX_LENGTH).replace(/-[^-]*$/, '') : slug;
	return cut || fallback;
}

/** `slugify(stem) + '.' + ext`, e.g. `fileName('Tỷ lệ xử lý đơn 2023', 'png')`. */
export function fileName(stem: string, ext: string, fallback?: string): string {
	return `${slugify(stem, fallback)}.${ext}`;
}
