/** Excel's cell addresses: `C14` ↔ row 13, column 2 (0-based). */

/** `C14` → [13, 2]; null when it is no cell address. */
export function parseAddress(ref: string): [row: number, col: number] | null {
	let i = 0;
	let col = 0;
	let row = 0;
	if (ref.charCodeAt(i) === 36) i++; // $
	const c0 = i;
	for (let ch = ref.charCodeAt(i); ch >= 65 && ch <= 90; ch = ref.charCodeAt(++i)) col = col * 26 + ch - 64;
	if (i === c0 || i - c0 > 3) return null;
	if (ref.charCodeAt(i) === 36) i++;
	const r0 = i;
	for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = row * 10 + ch - 48;
	if (i === r0 || i - r0 > 7 || i !== ref.length || row === 0) return null;
	return [row - 1, col - 1];
}

/** 0 → `A`, 26 → `AA`. */
export function columnName(col: number): string {
	let s = '';
	for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
