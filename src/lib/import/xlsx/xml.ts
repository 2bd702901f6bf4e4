/**
 * Just enough XML for the parts of a workbook: a forward scan over tags (namespace prefixes dropped),
 * attributes and text with entities decoded. No DTDs, no external entities, nothing is ever fetched:
 * `<!DOCTYPE …>` and `<!ENTITY …>` are not tags here and are skipped as text.
 */

export interface Tag {
	/** Local name, without a namespace prefix (`x:row` → `row`). */
	name: string;
	closing: boolean;
	selfClosing: boolean;
	/** The raw attribute text; read with attr(). */
	attrs: string;
	/** Offsets of the tag in the text: the text between two tags is text(xml, a.end, b.start). */
	start: number;
	end: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/g;

/**
 * Calls `visit` for each tag in order; `visit` returning false stops the scan. The same Tag object is
 * passed each time (a sheet has millions of tags): copy what you keep.
 */
export function scanTags(xml: string, visit: (tag: Tag) => boolean | void): void {
	TAG.lastIndex = 0;
	const tag: Tag = { name: '', closing: false, selfClosing: false, attrs: '', start: 0, end: 0 };
	let m: RegExpExecArray | null;
	while ((m = TAG.exec(xml))) {
		const attrs = m[4];
		const selfClosing = attrs.length > 0 && attrs.charCodeAt(attrs.length - 1) === 47; // '/'
		tag.name = m[3];
		tag.closing = m[1] === '/';
		tag.selfClosing = selfClosing;
		tag.attrs = selfClosing ? attrs.slice(0, -1) : attrs;
		tag.start = m.index;
		tag.end = m.index + m[0].length;
		if (visit(tag) === false) return;
	}
}

/** One attribute's decoded value, or undefined. `name` may carry a prefix: `r:id`. */
export function attr(attrs: string, name: string): string | undefined {
	// The common case, written by Excel: ` name="value"`.
	const quick = attrs.indexOf(` ${name}="`);
	if (quick >= 0) {
		const from = quick + name.length + 3;
		const to = attrs.indexOf('"', from);
		if (to >= 0) return decodeText(attrs.slice(from, to));
	}
	let at = 0;
	for (;;) {
		const i = attrs.indexOf(name, at);
		if (i < 0) return undefined;
		at = i + name.length;
		const before = attrs[i - 1];
		if (before !== undefined && before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r')
			continue;
		const m = /^\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs.slice(at));
		if (m) return decodeText(m[1] ?? m[2]);
	}
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Excel's own escape for characters XML cannot hold: `_x000D_`. */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function codePoint(n: number): string {
	return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '';
}

export function decodeText(s: string): string {
	if (s.indexOf('&') >= 0) {
		s = s.replace(ENTITY, (_, named: string, dec: string, hex: string) =>
			named ? NAMED[named] : codePoint(dec ? Number(dec) : parseInt(hex, 16))
		);
	}
	if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE, (_, hex: string) => codePoint(parseInt(hex, 16)));
	return s;
}

/** The decoded text between two offsets (CDATA sections kept as written). */
export function textBetween(xml: string, from: number, to: number): string {
	const raw = xml.slice(from, to);
	if (raw.startsWith('<![CDATA[') && raw.endsWith(']]>')) return raw.slice(9, -3);
	return decodeText(raw);
}
