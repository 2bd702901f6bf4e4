/** Mappings a person chose for unknown names ("P.3" → "Phổ Vinh"), remembered in this browser. */
import { normaliseKey } from '$lib/import';

const KEY = 'chi-so:aliases';

export function loadAliases(storage: Pick<Storage, 'getItem'> = localStorage): Record<string, string> {
	try {
		const parsed = JSON.parse(storage.getItem(KEY) ?? '{}');
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
	} catch {
		return {};
	}
}

export function rememberAlias(
	raw: string,
	target: string,
	storage: Storage = localStorage
): Record<string, string> {
	const aliases = { ...loadAliases(storage), [normaliseKey(raw)]: target };
	storage.setItem(KEY, JSON.stringify(aliases));
	return aliases;
}
