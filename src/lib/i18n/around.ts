/**
 * A message with one placeholder left in it, split there: `[before, after]`, so that a page puts a
 * link, bold text or other markup in between. A message without the placeholder gives `[text, '']`.
 */
export function around(text: string, placeholder: string): [string, string] {
	const at = text.indexOf(`{${placeholder}}`);
	return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + placeholder.length + 2)];
}
