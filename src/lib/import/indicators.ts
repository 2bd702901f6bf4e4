/** Raw indicator codes or names (vi or en, any case, with or without diacritics) → dictionary entries. */
import type { Indicator } from '$lib/model/types';
import { looseKey, normaliseKey, stripParenthetical } from './normalise';
import { closest, type Candidate } from './suggest';

export interface IndicatorMatch {
	indicator: Indicator | null;
	/** Closest indicator codes when nothing matched. */
	suggestions: string[];
}

interface IndicatorIndex {
	byKey: Map<string, Indicator>;
	byCode: Map<string, Indicator>;
	candidates: Candidate[];
}

const indexes = new WeakMap<readonly Indicator[], IndicatorIndex>();

function buildIndex(dictionary: readonly Indicator[]): IndicatorIndex {
	const byKey = new Map<string, Indicator>();
	const byCode = new Map<string, Indicator>();
	const candidates: Candidate[] = [];
	// Codes win over Vietnamese names, which win over English names, when keys collide.
	for (const pass of ['code', 'name_vi', 'name_en'] as const) {
		for (const ind of dictionary) {
			const text = ind[pass];
			if (!text) continue;
			for (const key of [looseKey(text), looseKey(stripParenthetical(text))]) {
				if (key && !byKey.has(key)) byKey.set(key, ind);
			}
			candidates.push({ key: looseKey(text), label: ind.code });
		}
	}
	for (const ind of dictionary) byCode.set(ind.code, ind);
	return { byKey, byCode, candidates };
}

function indexOf(dictionary: readonly Indicator[]): IndicatorIndex {
	let ix = indexes.get(dictionary);
	if (!ix) {
		ix = buildIndex(dictionary);
		indexes.set(dictionary, ix);
	}
	return ix;
}

/**
 * Finds the indicator a raw header or cell means. `aliases` are remembered user mappings
 * (normaliseKey(raw) → indicator code). The index is cached per array: do not mutate it afterwards.
 */
export function matchIndicator(
	raw: string,
	dictionary: readonly Indicator[],
	aliases?: Record<string, string>
): IndicatorMatch {
	const ix = indexOf(dictionary);
	const mapped = aliases?.[normaliseKey(raw)];
	if (mapped !== undefined) {
		const ind = ix.byCode.get(mapped.trim());
		if (ind) return { indicator: ind, suggestions: [] };
	}
	if (raw.length > 1000) return { indicator: null, suggestions: [] };
	const key = looseKey(raw);
	const hit = ix.byKey.get(key) ?? ix.byKey.get(looseKey(stripParenthetical(raw)));
	if (hit) return { indicator: hit, suggestions: [] };
	return { indicator: null, suggestions: closest(key, ix.candidates) };
}
