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

/** Bytes decoded per step when decoding with progress. */
export const DECODE_CHUNK_BYTES = 1 << 20;

/** Reports bytes decoded so far (with progress only). */
export type DecodeProgress = (doneBytes: number) => void;

/**
 * Bytes → text. With `progress` the bytes are decoded in steps (a streaming TextDecoder gives exactly
 * the one-shot text) and each step's text is put in NFC up to its last line break, which is a safe
 * place to cut: nothing composes across a line break. Without it the text is not yet NFC.
 */
function decodeWith(
	bytes: Uint8Array,
	encoding: TextEncodingName,
	fatal = false,
	progress?: DecodeProgress,
	step = DECODE_CHUNK_BYTES
): { text: string; nfc: boolean } {
	const decoder = new TextDecoder(encoding, { fatal });
	if (!progress) return { text: decoder.decode(bytes), nfc: false };
	const parts: string[] = [];
	let carry = '';
	for (let start = 0; start < bytes.length; start += step) {
		const end = Math.min(bytes.length, start + step);
		const piece = carry + decoder.decode(bytes.subarray(start, end), { stream: true });
		const cut = piece.lastIndexOf('\n') + 1;
		parts.push(piece.slice(0, cut).normalize('NFC'));
		carry = piece.slice(cut);
		progress(end);
	}
	parts.push((carry + decoder.decode()).normalize('NFC'));
	return { text: parts.join(''), nfc: true };
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

type Detected = { encoding: TextEncodingName; text: string; nfc: boolean; fallback: boolean };

function detect(bytes: Uint8Array, progress?: DecodeProgress, step?: number): Detected | null {
	const as = (encoding: TextEncodingName, fatal = false, fallback = false): Detected => ({
		encoding,
		...decodeWith(bytes, encoding, fatal, progress, step),
		fallback
	});
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return as('utf-8');
	if (startsWith(bytes, [0xff, 0xfe])) return as('utf-16le');
	if (startsWith(bytes, [0xfe, 0xff])) return as('utf-16be');
	const head = bytes.subarray(0, 4096);
	if (head.includes(0)) {
		const utf16 = sniffUtf16(bytes);
		return utf16 ? as(utf16) : null;
	}
	try {
		return as('utf-8', true);
	} catch {
		// Not valid UTF-8: Excel's "CSV (Comma delimited)" on a Vietnamese Windows writes Windows-1258.
		return as('windows-1258', false, true);
	}
}

/** Bytes → NFC text; `progress` (bytes decoded so far) makes it decode in steps, with the same text. */
export function decodeBytes(
	bytes: Uint8Array,
	override?: TextEncodingName,
	progress?: DecodeProgress,
	/** Bytes per step (tests use tiny steps to cut through every character). */
	step = DECODE_CHUNK_BYTES
): Decoded {
	if (bytes.length === 0) return { ok: false, code: 'empty_file' };
	if (bytes.length > MAX_BYTES) return { ok: false, code: 'file_too_large' };
	if (startsWith(bytes, ZIP)) return { ok: false, code: 'excel_workbook' };
	if (startsWith(bytes, OLE)) return { ok: false, code: 'old_excel_workbook' };
	if (startsWith(bytes, PDF)) return { ok: false, code: 'binary_file' };
	const got = override
		? { encoding: override, ...decodeWith(bytes, override, false, progress, step), fallback: false }
		: detect(bytes, progress, step);
	if (!got || looksBinary(got.text)) return { ok: false, code: 'binary_file' };
	// TextDecoder drops a BOM that matches its encoding; drop a stray one too. Windows-1258 writes tone
	// marks as combining characters, so NFC is what makes `ệ` one character again.
	const unmarked = got.text.replace(/^\ufeff/, '');
	const text = got.nfc ? unmarked : unmarked.normalize('NFC');
	// (not `text.trim()`, which would copy a 100 MB text to look at its first characters)
	if (!/\S/.test(text)) return { ok: false, code: 'empty_file' };
	return { ok: true, text, encoding: got.encoding, fallback: got.fallback };
}
