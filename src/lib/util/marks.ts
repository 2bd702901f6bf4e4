/**
 * Moments of the page on the browser's performance timeline (`chiso:first-chart`, `chiso:key-figures`,
 * …), which `npm run bench` reads: each is marked the first time it happens only.
 */
export function markOnce(name: string): void {
	if (!performance.getEntriesByName(name, 'mark').length) performance.mark(name);
}
