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

/** `chi-so-du-lieu-2026-11-28.csv` */
export const datedName = (stem: string, ext = 'csv', at = new Date()) =>
	`${stem}-${at.toISOString().slice(0, 10)}.${ext}`;
