/**
 * Raw ward/commune names → known units: by name, code or alias, without diacritics, with or without
 * prefixes (`P.`, `Phường`, `X.`, `Xã`, `TT.`, `Thị trấn`), numbered wards (`Phường 3` = `P.03` = `P3`).
 * Names are reused over time, so among several matches the one valid in the row's period wins.
 */
import type { Unit } from '$lib/model/types';
import { looseKey, normaliseKey } from './normalise';
import { periodInterval } from './period';
import { closest, type Candidate } from './suggest';

export interface UnitMatch {
	unit: Unit | null;
	/** Closest unit names when nothing matched. */
	suggestions: string[];
	/** Set when several units fit equally well (the match is then null). */
	ambiguous?: Unit[];
	/** True when the unit matched by name did not exist during `period`. */
	outsideValidity?: boolean;
}

const PREFIX = /^(?:thi tran|thi xa|dac khu|phuong|xa|tt|tx|dk|p|x)(?:[.\s]+|(?=\d))/;
const KIND_OF_PREFIX: [RegExp, string][] = [
	[/^(?:thi tran|tt)(?:[.\s]|\d|$)/, 'thi tran'],
	[/^(?:thi xa|tx)(?:[.\s]|\d|$)/, 'thi xa'],
	[/^(?:phuong|p)(?:[.\s]|\d|$)/, 'phuong'],
	[/^(?:xa|x)(?:[.\s]|\d|$)/, 'xa']
];

/** The part of a name that identifies it: no prefix, no punctuation, `03` → `3`. */
export function unitCoreKey(raw: string): string {
	const k = normaliseKey(raw);
	const stripped = PREFIX.test(k) ? k.replace(PREFIX, '') : k;
	const core = looseKey(stripped || k);
	return /^\d+$/.test(core) ? String(Number(core)) : core;
}

function prefixKind(raw: string): string | null {
	const k = normaliseKey(raw);
	for (const [re, kind] of KIND_OF_PREFIX) if (re.test(k)) return kind;
	return null;
}

interface UnitIndex {
	byCore: Map<string, Unit[]>;
	byName: Map<string, Unit>;
	candidates: Candidate[];
}

const indexes = new WeakMap<readonly Unit[], UnitIndex>();

function addToIndex(ix: UnitIndex, u: Unit): void {
	const add = (key: string): void => {
		if (!key) return;
		const list = ix.byCore.get(key);
		if (!list) ix.byCore.set(key, [u]);
		else if (!list.includes(u)) list.push(u);
	};
	if (!ix.byName.has(looseKey(u.name))) ix.byName.set(looseKey(u.name), u);
	for (const spelling of [u.name, ...u.aliases]) {
		const core = unitCoreKey(spelling);
		add(core);
		ix.candidates.push({ key: core, label: u.name });
	}
	add(looseKey(u.code));
}

const emptyIndex = (): UnitIndex => ({ byCore: new Map(), byName: new Map(), candidates: [] });

function buildIndex(units: readonly Unit[]): UnitIndex {
	const ix = emptyIndex();
	for (const u of units) addToIndex(ix, u);
	return ix;
}

/**
 * Builds the index `matchUnit` keeps for `units` ahead of time, awaiting `pause` after each unit — on a
 * page's main thread, a few thousand units are tens of milliseconds of work, to be given breaks.
 */
export async function prepareUnitIndex(units: readonly Unit[], pause: () => Promise<void>): Promise<void> {
	if (indexes.has(units)) return;
	const ix = emptyIndex();
	for (const u of units) {
		addToIndex(ix, u);
		await pause();
	}
	indexes.set(units, ix);
}

function indexOf(units: readonly Unit[]): UnitIndex {
	let ix = indexes.get(units);
	if (!ix) {
		ix = buildIndex(units);
		indexes.set(units, ix);
	}
	return ix;
}

type Interval = [string, string] | null;

function validDuring(u: Unit, iv: Interval): boolean {
	if (!iv) return true;
	const from = u.valid_from || '0000-01-01';
	const to = u.valid_to || '9999-12-31';
	return from <= iv[1] && to >= iv[0];
}

/** Narrows `list` with `keep`, unless that would leave nothing. */
function prefer(list: Unit[], keep: (u: Unit) => boolean): Unit[] {
	const kept = list.filter(keep);
	return kept.length > 0 ? kept : list;
}

/** What a name alone says: the unit an alias maps it to, the units of its core key, or the closest names. */
type Found = { unit: Unit } | { found: Unit[] } | { suggestions: string[] };

function findUnits(raw: string, ix: UnitIndex, aliases?: Record<string, string>): Found {
	if (raw.length > 1000) return { suggestions: [] };
	const mapped = aliases?.[normaliseKey(raw)];
	if (mapped !== undefined) {
		const u = ix.byName.get(looseKey(mapped));
		if (u) return { unit: u };
	}
	const core = unitCoreKey(raw);
	const found = ix.byCore.get(core);
	if (!found || found.length === 0) return { suggestions: closest(core, ix.candidates) };
	return { found };
}

const MARKED_PREFIX = /^(?:thị trấn|thị xã|đặc khu|phường|xã|tt|tx|đk|p|x)(?:[.\s]+)/u;

/** The name as written, marks kept, without its kind: lower case, NFC, single spaces. */
function markedKey(text: string): string {
	const k = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
	return k.replace(MARKED_PREFIX, '');
}

/** Among the units a name may mean, the one for `period`. */
function pickUnit(
	raw: string,
	f: Found,
	period: string | null | undefined,
	intervalOf: (period: string) => Interval = periodInterval
): UnitMatch {
	if ('unit' in f) return { unit: f.unit, suggestions: [] };
	if ('suggestions' in f) return { unit: null, suggestions: f.suggestions };
	const found = f.found;
	if (found.length === 1) {
		const u = found[0];
		return {
			unit: u,
			suggestions: [],
			outsideValidity: period ? !validDuring(u, intervalOf(period)) : false
		};
	}
	// Several units share the name (reused over time). A prefix naming the kind (`Xã …`) narrows first,
	// then validity in the row's period, then the exact spelling (2025, the year of the merger).
	let list = found;
	const kind = prefixKind(raw);
	if (kind) list = prefer(list, (u) => normaliseKey(u.kind) === kind);
	let outsideValidity = false;
	if (period) {
		const iv = intervalOf(period);
		const valid = list.filter((u) => validDuring(u, iv));
		if (valid.length === 0) outsideValidity = true;
		else list = valid;
	}
	const exact = looseKey(raw);
	list = prefer(list, (u) => looseKey(u.name) === exact || u.aliases.some((a) => looseKey(a) === exact));
	// Names that differ only in their marks (`Ba Tô`, `Ba Tơ`): the spelling with its marks decides.
	const marked = markedKey(raw);
	list = prefer(list, (u) => [u.name, ...u.aliases].some((a) => markedKey(a) === marked));
	if (list.length === 1) return { unit: list[0], suggestions: [], outsideValidity };
	return { unit: null, suggestions: list.map((u) => u.name), ambiguous: list, outsideValidity };
}

/**
 * Finds the unit a raw name means. `period` (canonical) picks among units sharing a name;
 * `aliases` are remembered user mappings (normaliseKey(raw) → unit name).
 * The index of `units` is cached per array: do not mutate an array after passing it.
 */
export function matchUnit(
	raw: string,
	units: readonly Unit[],
	period?: string | null,
	aliases?: Record<string, string>
): UnitMatch {
	return pickUnit(raw, findUnits(raw, indexOf(units), aliases), period);
}

/**
 * `matchUnit` for many (name, period) pairs — a file's distinct pairs: each distinct name is looked
 * up once (and each period's dates), and only the choice by period is made for each pair.
 */
export function unitMatcher(
	units: readonly Unit[],
	aliases?: Record<string, string>
): (raw: string, period?: string | null) => UnitMatch {
	const ix = indexOf(units);
	const byName = new Map<string, Found>();
	const intervals = new Map<string, Interval>();
	const intervalOf = (period: string) => {
		let iv = intervals.get(period);
		if (iv === undefined) intervals.set(period, (iv = periodInterval(period)));
		return iv;
	};
	return (raw, period) => {
		let f = byName.get(raw);
		if (!f) byName.set(raw, (f = findUnits(raw, ix, aliases)));
		return pickUnit(raw, f, period, intervalOf);
	};
}
