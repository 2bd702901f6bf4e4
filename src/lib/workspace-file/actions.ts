/**
 * What the data page's keep panel does: download everything as one workspace file, open one (local
 * mode: it replaces this browser's workspace), download or discard a copy that was set aside.
 */
import { decks } from '$lib/deck/deck.svelte';
import { copyToJson } from '$lib/state/copy-schema';
import { dropAside, loadAside } from '$lib/state/persist';
import { data } from '$lib/views/data.svelte';
import { buildWorkspaceFile, parseWorkspaceFile, toSnapshot, workspaceFileName, type Checked } from './index';

function download(text: string, name: string) {
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The decks of this browser as their file, or null when there is none. */
function deckFile(): unknown {
	const file = JSON.parse(decks.exportJson()) as { decks?: unknown[] };
	return file.decks?.length ? file : null;
}

export async function downloadWorkspace(): Promise<void> {
	const store = await data.open();
	const file = buildWorkspaceFile({
		snapshot: await store.snapshot(),
		decks: deckFile()
	});
	download(JSON.stringify(file), workspaceFileName(new Date()));
}

/** Read and check a workspace file; nothing changes yet. */
export async function readWorkspaceFile(file: File): Promise<Checked> {
	return parseWorkspaceFile(await file.text());
}

/** Replace this browser's workspace with a checked file (local mode), and add its decks. */
export async function openWorkspaceFile(checked: Extract<Checked, { ok: true }>): Promise<void> {
	await data.replaceAll((store) => store.restore(toSnapshot(checked.file)));
	if (checked.file.decks) decks.importJson(JSON.stringify(checked.file.decks));
}

export async function downloadAside(key: string): Promise<void> {
	const value = await loadAside(key);
	download(copyToJson(value), `chi-so-ban-sao-${key.replace(/[^0-9A-Za-z-]/g, '-')}.json`);
}

export async function discardAside(key: string): Promise<void> {
	await dropAside(key);
	await data.readKept();
}
