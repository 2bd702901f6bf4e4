/** Bytes → NFC text: BOMs, UTF-16, Windows-1258 fallback, and clear refusals of non-text files. */
import type { TextEncodingName } from './types';

export const MAX_BYTES = 100 * 1024 * 1024;

export type Decoded =
	| { ok: true; text: string; encoding: TextEncodingName; fallback: boolean }
	| {
			ok: false;
			code: 'empty_file' | 'excel_workbook' | 'old_excel_workbook' | 'binary_file' | 'file_too_large';
	  };

const startsWith = (b: Uint8Array, sig: number[]): boolean =>
	b.length >= sig.length && sig.every((x, i) => b[i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function decodeWith(bytes: Uint8Array, encoding: TextEncodingName, fatal = false): string {
	return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/** Without a BOM, UTF-16 shows up as a zero byte in every other position of ASCII text. */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
	const n = Math.min(bytes.length - (bytes.length % 2), 4096);
	if (n < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	const pairs = n / 2;
	if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
	return null;
}

/** Control characters never occur in a CSV (tab, LF, VT, FF and CR aside): more than a trace means binary. */
function looksBinary(text: string): boolean {
	const n = Math.min(text.length, 65536);
	let bad = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 && (c < 0x09 || c > 0x0d)) bad++;
	}
	return bad > 0 && bad > n * 0.001;
}

function detect(bytes: Uint8Array): { encoding: TextEncodingName; text: string; fallback: boolean } | null {
	if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
		return { encoding: 'utf-8', text: decodeWith(bytes, 'utf-8'), fallback: false };
	if (startsWith(bytes, [0xff, 0xfe]))
		return { encoding: 'utf-16le', text: decodeWith(bytes, 'utf-16le'), fallback: false };
	if (startsWith(bytes, [0xfe, 0xff]))
		return { encoding: 'utf-16be', text: decodeWith(bytes, 'utf-16be'), fallback: false };
	const head = bytes.subarray(0, 4096);
	if (head.includes(0)) {
		const utf16 = sniffUtf16(bytes);
		return utf16 ? { encoding: utf16, text: decodeWith(bytes, utf16), fallback: false } : null;
	}
	try {
		return { encoding: 'utf-8', text: decodeWith(bytes, 'utf-8', true), fallback: false };
	} catch {
		// Not valid UTF-8: Excel's "CSV (Comma delimited)" on a Vietnamese Windows writes Windows-1258.
		return { encoding: 'windows-1258', text: decodeWith(bytes, 'windows-1258'), fallback: true };
	}
}

export function decodeBytes(bytes: Uint8Array, override?: TextEncodingName): Decoded {
	if (bytes.length === 0) return { ok: false, code: 'empty_file' };
	if (bytes.length > MAX_BYTES) return { ok: false, code: 'file_too_large' };
	if (startsWith(bytes, ZIP)) return { ok: false, code: 'excel_workbook' };
	if (startsWith(bytes, OLE)) return { ok: false, code: 'old_excel_workbook' };
	if (startsWith(bytes, PDF)) return { ok: false, code: 'binary_file' };
	const got = override
		? { encoding: override, text: decodeWith(bytes, override), fallback: false }
		: detect(bytes);
	if (!got || looksBinary(got.text)) return { ok: false, code: 'binary_file' };
	// TextDecoder drops a BOM that matches its encoding; drop a stray one too. Windows-1258 writes tone
	// marks as combining characters, so NFC is what makes `ệ` one character again.
	const text = got.text.replace(/^\ufeff/, '').normalize('NFC');
	if (text.trim() === '') return { ok: false, code: 'empty_file' };
	return { ok: true, text, encoding: got.encoding, fallback: got.fallback };
}
