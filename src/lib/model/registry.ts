/**
 * The country's unit registry (one file per new province, built by scripts/build-units.ts): the units
 * before and after 1 July 2025, the crosswalk between them, the workspace's scope within a province,
 * and the labels the app shows and keys its figures by. A unit's identity is its code plus validity:
 * `unitKey` — codes are reused across the date (old 21439 Nguyễn Nghiêm, new 21439 Đức Phổ).
 */
import { foldText } from './text';
import type { Unit } from './types';
import { REORGANISATION_DAY, unitKey } from './units';

/** The last day of the units before the reorganisation. */
export const LAST_DAY_BEFORE = '2025-06-30';
export { REORGANISATION_DAY, unitKey };

export interface RegistryUnit {
	/** The official code (GSO): reused across the date, so not an identity alone. */
	code: string;
	/** The official name with its kind: `Phường Nguyễn Nghiêm`, `Xã Phổ An`. */
	name: string;
	level: 'commune' | 'district';
	/** ISO dates; '' is an open end. New units start on 2025-07-01, old ones end on 2025-06-30. */
	valid_from: string;
	valid_to: string;
	/** The former district (old units only). */
	district_code: string;
	district_name: string;
	/** The province the unit belonged to (old units: the former province). */
	province_code: string;
	province_name: string;
}

/** One crosswalk row: the old unit went wholly (`full`) or partly (`partial`) into the new one. */
export interface CrosswalkLink {
	old: string;
	new: string;
	type: 'full' | 'partial';
	/** The resolution that decides it, e.g. `1677/NQ-UBTVQH15`. */
	resolution: string;
	/** Index into the province file's `clauses`. */
	clause: number;
}

export interface ProvinceRegistry {
	code: string;
	name: string;
	/** The province's new units (by code), then every old unit leading into them (by code). */
	units: RegistryUnit[];
	links: CrosswalkLink[];
	/** The resolution clauses' texts, each once. */
	clauses: string[];
}

/** One line of static/registry/provinces.json. */
export interface ProvinceEntry {
	code: string;
	name: string;
	/** How many new units, and how many old units led into them. */
	units: number;
	former: number;
}

/** A workspace's scope: a new province, optionally narrowed to some former districts (codes). */
export interface Scope {
	province: string;
	districts: string[];
}

/** The bundled sample's scope: Thị xã Đức Phổ (former district 534) in the new Tỉnh Quảng Ngãi. */
export const SAMPLE_SCOPE: Scope = { province: '51', districts: ['534'] };

export function isNew(u: Pick<Unit, 'valid_from'>): boolean {
	return Boolean(u.valid_from) && u.valid_from >= REORGANISATION_DAY;
}

export function parseUnitKey(key: string): { code: string; valid_from: string } {
	const at = key.indexOf('@');
	return at < 0 ? { code: key, valid_from: '' } : { code: key.slice(0, at), valid_from: key.slice(at + 1) };
}

/**
 * Local codes of the sample before the official ones were known, and the official unit each became. A
 * Map, not an object: a unit coded `valueOf` or `constructor` in a file must not find an object's own
 * methods.
 */
export const LOCAL_CODES: ReadonlyMap<string, string> = new Map([
	['DP2025-01', '21439@2025-07-01'],
	['DP2025-02', '21451@2025-07-01'],
	['DP2025-03', '21457@2025-07-01'],
	['DP2025-04', '21472@2025-07-01'],
	['DP2025-05', '21478@2025-07-01']
]);

/** A unit key, a local `DP2025-*` code turned into the official key it became. */
export function migrateUnitKey(key: string): string {
	return LOCAL_CODES.get(key) ?? key;
}

/** A stored unit of before the official codes: its local code and successor made official. */
export function migrateUnit(u: Unit): Unit {
	const code = LOCAL_CODES.get(u.code);
	const successor = migrateUnitKey(u.successor);
	if (code === undefined && successor === u.successor) return u;
	return { ...u, code: code ? parseUnitKey(code).code : u.code, successor };
}

/** The unit a key names: exact, or the only unit of that code when the key is a bare code. */
export function unitByKey<U extends Pick<Unit, 'code' | 'valid_from'>>(
	units: readonly U[],
	key: string
): U | undefined {
	const wanted = migrateUnitKey(key);
	return units.find((u) => unitKey(u) === wanted);
}

/** The other units sharing a unit's code (the old 21439 for the new one, and the other way round). */
export function sameCode<U extends Pick<Unit, 'code' | 'valid_from'>>(units: readonly U[], unit: U): U[] {
	return units.filter((u) => u.code === unit.code && unitKey(u) !== unitKey(unit));
}

/** `86` from `86. Sắp xếp toàn bộ …`: the clause's number, '' if it has none. */
export function clauseNumber(text: string): string {
	return /^\s*(\d+)\s*\./.exec(text)?.[1] ?? '';
}

const KIND = /^(Phường|Xã|Thị trấn|Đặc khu|Quận|Huyện|Thị xã|Thành phố|Tỉnh)\s+/iu;

/** The name without its kind: `Nguyễn Nghiêm` for `Phường Nguyễn Nghiêm`. */
export function shortName(name: string): string {
	return name.replace(KIND, '');
}

/** The kind in the app's words: `phường`, `xã`, `thị trấn`, `đặc khu`; '' for none. */
export function kindOf(name: string): string {
	return KIND.exec(name)?.[1].toLowerCase() ?? '';
}

/** The units of a scope: the province's new units (those the districts led into, when narrowed) and their old units. */
export function unitsInScope(p: ProvinceRegistry, scope: Scope): RegistryUnit[] {
	const olds = p.units.filter((u) => !isNew(u));
	const keptOld = new Set(
		olds
			.filter((u) => scope.districts.length === 0 || scope.districts.includes(u.district_code))
			.map((u) => u.code)
	);
	const keptNew = new Set(p.links.filter((l) => keptOld.has(l.old)).map((l) => l.new));
	return p.units.filter((u) => (isNew(u) ? keptNew.has(u.code) : keptOld.has(u.code)));
}

/** The former districts of a province's old units, by code, with how many units each had. */
export function formerDistricts(p: ProvinceRegistry): { code: string; name: string; units: number }[] {
	const out = new Map<string, { code: string; name: string; units: number }>();
	for (const u of p.units) {
		if (isNew(u)) continue;
		const d = out.get(u.district_code) ?? { code: u.district_code, name: u.district_name, units: 0 };
		d.units++;
		out.set(u.district_code, d);
	}
	return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * Labels unique within the units given (the app keys figures by label): the short name, a new unit that
 * shares it with an old one its full name (`Xã Nguyễn Nghiêm`), old units sharing one their former
 * district (`Nguyễn Nghiêm (Đức Phổ)`), and the code as the last resort. `keep` (key → label) holds
 * labels already in use in the workspace: they stay, so stored figures keep their unit.
 */
export function labelUnits(
	units: readonly RegistryUnit[],
	keep: ReadonlyMap<string, string> = new Map()
): Map<string, string> {
	const out = new Map<string, string>();
	const taken = new Set<string>();
	for (const u of units) {
		const kept = keep.get(unitKey(u));
		if (kept !== undefined && !taken.has(foldText(kept))) {
			out.set(unitKey(u), kept);
			taken.add(foldText(kept));
		}
	}
	const rest = units.filter((u) => !out.has(unitKey(u)));
	const groups = new Map<string, RegistryUnit[]>();
	for (const u of rest) {
		const k = foldText(shortName(u.name));
		groups.set(k, [...(groups.get(k) ?? []), u]);
	}
	for (const u of rest) {
		const short = shortName(u.name);
		const group = groups.get(foldText(short)) ?? [];
		// One old unit keeps its short name beside new namesakes (the sample's `Nguyễn Nghiêm`).
		const rivals = isNew(u) ? group.length - 1 : group.filter((o) => !isNew(o)).length - 1;
		const clash = rivals > 0 || taken.has(foldText(short));
		const candidates = !clash
			? [short]
			: isNew(u)
				? [u.name, `${u.name} (${u.code})`]
				: [`${short} (${shortName(u.district_name)})`, `${short} (${u.code})`];
		const label = candidates.find((c) => !taken.has(foldText(c))) ?? `${u.name} (${unitKey(u)})`;
		out.set(unitKey(u), label);
		taken.add(foldText(label));
	}
	return out;
}

/** A link's words for the unit page: `Theo Nghị quyết 1677/NQ-UBTVQH15, khoản 86`. */
export function linkClause(p: ProvinceRegistry, link: CrosswalkLink): { resolution: string; clause: string } {
	return { resolution: link.resolution, clause: clauseNumber(p.clauses[link.clause] ?? '') };
}

/** Where an old unit went: its crosswalk links (one `full`, or several `partial`). */
export function successorLinks(p: ProvinceRegistry, oldCode: string): CrosswalkLink[] {
	return p.links.filter((l) => l.old === oldCode);
}

/** Where a new unit came from. */
export function predecessorLinks(p: ProvinceRegistry, newCode: string): CrosswalkLink[] {
	return p.links.filter((l) => l.new === newCode);
}

/**
 * A scope's units as the app's `Unit`s, labelled (see `labelUnits`). An old unit that went wholly
 * into one new unit has it as `successor` (its key); a split one (partial links) has none: its figures
 * are never given to one successor (see `splitUnits`).
 */
export function appUnits(
	p: ProvinceRegistry,
	scope: Scope,
	keep: ReadonlyMap<string, string> = new Map()
): Unit[] {
	const units = unitsInScope(p, scope);
	const labels = labelUnits(units, keep);
	const newKey = new Map(units.filter(isNew).map((u) => [u.code, unitKey(u)]));
	const byOld = new Map<string, CrosswalkLink[]>();
	for (const l of p.links) byOld.set(l.old, [...(byOld.get(l.old) ?? []), l]);
	return units.map((u) => {
		const links = isNew(u) ? [] : (byOld.get(u.code) ?? []);
		const whole = links.length === 1 && links[0].type === 'full' ? newKey.get(links[0].new) : undefined;
		const label = labels.get(unitKey(u)) as string;
		return {
			name: label,
			code: u.code,
			kind: kindOf(u.name),
			parent: isNew(u) ? u.province_name : u.district_name,
			valid_from: u.valid_from,
			valid_to: u.valid_to,
			successor: whole ?? '',
			aliases: [u.name]
		};
	});
}

/** The old units of a scope that were split among several new ones, with the new units they went into. */
export function splitUnits(p: ProvinceRegistry, scope: Scope): { old: string; into: string[] }[] {
	const inScope = new Set(unitsInScope(p, scope).map((u) => unitKey(u)));
	const out = new Map<string, string[]>();
	for (const l of p.links) {
		if (l.type !== 'partial' || !inScope.has(l.old)) continue;
		out.set(l.old, [...(out.get(l.old) ?? []), `${l.new}@${REORGANISATION_DAY}`]);
	}
	return [...out].map(([old, into]) => ({ old, into }));
}

/** One line of a unit's history on its page: a unit it went into or came from, and the clause. */
export interface OriginLine {
	/** The other unit's key and official name. */
	key: string;
	name: string;
	type: 'full' | 'partial';
	resolution: string;
	clause: string;
}

/**
 * Where a unit of the registry went on 1 July 2025 (an old unit) or what it was formed from (a new
 * one), each with the clause that decides it; empty for a unit the registry does not know.
 */
export function unitOrigin(
	p: ProvinceRegistry,
	unit: Pick<Unit, 'code' | 'valid_from'>
): { direction: 'into' | 'from'; lines: OriginLine[] } {
	const fresh = isNew(unit);
	const known = p.units.find((u) => u.code === unit.code && isNew(u) === fresh);
	if (!known) return { direction: fresh ? 'from' : 'into', lines: [] };
	const links = fresh ? predecessorLinks(p, unit.code) : successorLinks(p, unit.code);
	const lines = links.map((l) => {
		const other = p.units.find((u) => u.code === (fresh ? l.old : l.new) && isNew(u) !== fresh);
		return {
			key: other ? unitKey(other) : fresh ? l.old : `${l.new}@${REORGANISATION_DAY}`,
			name: other?.name ?? '',
			type: l.type,
			...linkClause(p, l)
		};
	});
	return { direction: fresh ? 'from' : 'into', lines };
}

/** The last day of a period (`2024` → 2024-12-31, `2025-H1` → 2025-06-30, `2021-2025` → 2025-12-31); '' if unreadable. */
export function periodEnd(period: string): string {
	let m = /^(\d{4})(?:-(\d{4}))?$/.exec(period);
	if (m) return `${m[2] ?? m[1]}-12-31`;
	m = /^(\d{4})-(H|Q)([1-4])$/.exec(period);
	if (!m) return '';
	const month = m[2] === 'H' ? Number(m[3]) * 6 : Number(m[3]) * 3;
	if (month > 12) return '';
	const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
	return `${m[1]}-${String(month).padStart(2, '0')}-${last}`;
}

/**
 * Where a trend over `periods` (in axis order) crosses 1 July 2025: the index of the first period
 * that reaches past it, when an earlier one ended before it; -1 when the trend does not cross it.
 */
export function reorganisationIndex(periods: readonly string[]): number {
	const ends = periods.map(periodEnd);
	const after = ends.findIndex((e) => e !== '' && e >= REORGANISATION_DAY);
	const before = ends.some((e) => e !== '' && e < REORGANISATION_DAY);
	return before && after >= 0 ? after : -1;
}
