/** Excel's cell addresses: `C14` ↔ row 13, column 2 (0-based). */

/** `C14` → [13, 2]; null when it is no cell address. */
export function parseAddress(ref: string): [row: number, col: number] | null {
	const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
	if (!m) return null;
	let col = 0;
	for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
	return [Number(m[2]) - 1, col - 1];
}

/** 0 → `A`, 26 → `AA`. */
export function columnName(col: number): string {
	let s = '';
	for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
