/**
 * Reads the entries of a zip file (a workbook is one) with its limits checked BEFORE anything is
 * inflated: entry count, total declared size and each entry's ratio; an entry that inflates beyond
 * what it declared is stopped there. A hostile workbook fails with a code, never with a crash.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
	/** Entries in the archive. */
	maxEntries: number;
	/** Sum of the declared uncompressed sizes of the entries read. */
	maxTotalBytes: number;
	/** Uncompressed / compressed, for entries above `ratioFloor` bytes. */
	maxRatio: number;
	ratioFloor: number;
}

export const ZIP_LIMITS: ZipLimits = {
	maxEntries: 10_000,
	maxTotalBytes: 200 * 1048576,
	maxRatio: 100,
	ratioFloor: 1048576
};

export interface ZipEntry {
	name: string;
	method: number;
	compressed: number;
	size: number;
	offset: number;
}

export type ZipFailure = 'xlsx_not_zip' | 'xlsx_zip_bomb' | 'xlsx_zip_unsupported';

export type ZipDirectory = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; code: ZipFailure };

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) =>
	(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** Finds the end-of-directory record, searching back over a comment of at most 64 KiB. */
function endRecord(b: Uint8Array): number {
	for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
		if (u32(b, i) === 0x06054b50) return i;
	}
	return -1;
}

/** The central directory, checked against the limits. Names are decoded as UTF-8. */
export function readDirectory(b: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipDirectory {
	if (b.length < 22 || u32(b, 0) !== 0x04034b50) return { ok: false, code: 'xlsx_not_zip' };
	const end = endRecord(b);
	if (end < 0) return { ok: false, code: 'xlsx_not_zip' };
	const count = u16(b, end + 10);
	let at = u32(b, end + 16);
	if (count === 0xffff || at === 0xffffffff) return { ok: false, code: 'xlsx_zip_unsupported' };
	if (count > limits.maxEntries) return { ok: false, code: 'xlsx_zip_bomb' };
	const names = new TextDecoder('utf-8');
	const entries = new Map<string, ZipEntry>();
	let total = 0;
	for (let n = 0; n < count; n++) {
		if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return { ok: false, code: 'xlsx_not_zip' };
		const flags = u16(b, at + 8);
		const method = u16(b, at + 10);
		const compressed = u32(b, at + 20);
		const size = u32(b, at + 24);
		const nameLength = u16(b, at + 28);
		const skip = nameLength + u16(b, at + 30) + u16(b, at + 32);
		const offset = u32(b, at + 42);
		const name = names.decode(b.subarray(at + 46, at + 46 + nameLength));
		at += 46 + skip;
		if (flags & 1) return { ok: false, code: 'xlsx_zip_unsupported' }; // encrypted entry
		if (size === 0xffffffff || compressed === 0xffffffff) return { ok: false, code: 'xlsx_zip_unsupported' };
		total += size;
		if (total > limits.maxTotalBytes) return { ok: false, code: 'xlsx_zip_bomb' };
		if (size > limits.ratioFloor && size > limits.maxRatio * Math.max(1, compressed))
			return { ok: false, code: 'xlsx_zip_bomb' };
		entries.set(name, { name, method, compressed, size, offset });
	}
	return { ok: true, entries };
}

/** Bytes of input handed to the inflater at a time: the output is checked after each step. */
const STEP = 16 * 1024;

/**
 * Inflates one entry; null when it is damaged, uses another method, or gives more bytes than it
 * declared (a lying header is how a zip bomb gets past the directory check).
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry): Uint8Array | null {
	if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) return null;
	const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
	const data = b.subarray(start, start + e.compressed);
	if (data.length !== e.compressed) return null;
	if (e.method === 0) return e.size === e.compressed ? data : null;
	if (e.method !== 8) return null;
	const out = new Uint8Array(e.size);
	let written = 0;
	let over = false;
	const inflater = new Inflate((chunk) => {
		if (written + chunk.length > out.length) {
			over = true;
			return;
		}
		out.set(chunk, written);
		written += chunk.length;
	});
	try {
		for (let i = 0; i < data.length && !over; i += STEP) {
			inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
		}
	} catch {
		return null;
	}
	return over || written !== e.size ? null : out;
}
