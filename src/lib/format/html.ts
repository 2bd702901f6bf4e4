/**
 * Escapes text for HTML element content and attribute values. ECharts renders tooltip formatter output
 * as HTML, and unit names, notes and titles come from CSV files anybody can write.
 */
const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;'
};

export function escapeHtml(text: string | number | null | undefined): string {
	if (text === null || text === undefined) return '';
	return String(text).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}
