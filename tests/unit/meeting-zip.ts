/**
 * A small ZIP reader for tests (PPTX files are ZIP archives): the central directory's entries, and an
 * entry's bytes (stored or deflated). Node only.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	size: number;
	offset: number;
}

export function zipEntries(zip: Uint8Array): ZipEntry[] {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	// End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
	let end = -1;
	for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
		if (view.getUint32(i, true) === 0x06054b50) {
			end = i;
			break;
		}
	if (end < 0) throw new Error('not a zip file');
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const entries: ZipEntry[] = [];
	for (let n = 0; n < count; n++) {
		if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory');
		const method = view.getUint16(at + 10, true);
		const compressedSize = view.getUint32(at + 20, true);
		const size = view.getUint32(at + 24, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const offset = view.getUint32(at + 42, true);
		const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
		entries.push({ name, method, compressedSize, size, offset });
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

export function zipRead(zip: Uint8Array, entry: ZipEntry): Uint8Array {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	if (view.getUint32(entry.offset, true) !== 0x04034b50) throw new Error('bad local header');
	const nameLength = view.getUint16(entry.offset + 26, true);
	const extraLength = view.getUint16(entry.offset + 28, true);
	const start = entry.offset + 30 + nameLength + extraLength;
	const data = zip.subarray(start, start + entry.compressedSize);
	if (entry.method === 0) return data;
	if (entry.method === 8) return new Uint8Array(inflateRawSync(data));
	throw new Error(`unsupported zip method ${entry.method}`);
}

/** Entry name → text, for the XML parts. */
export function zipText(zip: Uint8Array, name: string): string {
	const entry = zipEntries(zip).find((e) => e.name === name);
	if (!entry) throw new Error(`no ${name} in the zip`);
	return new TextDecoder().decode(zipRead(zip, entry));
}
