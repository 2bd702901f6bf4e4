/** Save text as a file the browser downloads (nothing leaves the browser: a local blob URL). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
	downloadBlob(fileName, new Blob([text], { type }));
}

export function downloadBlob(fileName: string, blob: Blob) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `chi-so-chi-tieu-2026-11-28.csv`, dated with the office's day (the one rule: `$lib/format`). */
export { datedFileName as datedName } from '$lib/format';
