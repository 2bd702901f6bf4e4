/**
 * Units over time: which exist before or after the reorganisation of 1 July 2025, which unit took over
 * from which, and which units a view lists. A unit's identity is its code plus validity; names are labels.
 */
import { compareNames } from './collate';
import { periodEnd } from './period';
import type { Unit } from './types';

/** `''`: units as reported; `'2025'`: pre-July-2025 units merged into their successors. */
export type ViewMode = '' | '2025';
export const VIEW_MODES: readonly ViewMode[] = ['', '2025'];
export type Grouping = 'unit' | 'successor';

export function groupingFor(mode: ViewMode): Grouping {
	return mode === '2025' ? 'successor' : 'unit';
}

/**
 * The town-wide group's name in query rows: what the loaders ask the database to call it and what
 * `expectedMembers` recognises. An identity, not a label: people see `wholeLabel(area)` (views/labels).
 */
export const TOWN_GROUP = 'Toàn thị xã';

/**
 * What the workspace's whole area is, named after the units' parent: the one former district they share
 * (the sample's `Thị xã Đức Phổ` is a town), the province when only units of 2025 are listed, and
 * `area` for several former districts (a province, or the part of one the office chose).
 */
export type AreaKind = 'town' | 'district' | 'city' | 'urban' | 'province' | 'area';

const AREA_OF_PARENT: readonly [RegExp, AreaKind][] = [
	[/^thị xã\s/iu, 'town'],
	[/^huyện\s/iu, 'district'],
	[/^thành phố\s/iu, 'city'],
	[/^quận\s/iu, 'urban'],
	[/^tỉnh\s/iu, 'province']
];

export function areaKind(units: readonly Unit[]): AreaKind {
	const before = new Set(units.filter((u) => !isFrom2025(u)).map((u) => u.parent));
	const parents = before.size > 0 ? before : new Set(units.map((u) => u.parent));
	if (parents.size !== 1) return 'area';
	const [parent] = parents;
	return AREA_OF_PARENT.find(([pattern]) => pattern.test(parent.trim()))?.[1] ?? 'area';
}

/** The day the 15 units of Đức Phổ were merged into 5. */
export const REORGANISATION_DAY = '2025-07-01';

export function isBefore2025(unit: Unit): boolean {
	return Boolean(unit.valid_to) && unit.valid_to < REORGANISATION_DAY;
}

export function isFrom2025(unit: Unit): boolean {
	return Boolean(unit.valid_from) && unit.valid_from >= REORGANISATION_DAY;
}

/** The units a view lists: the pre-2025 units (and undated ones), or the units of 2025 (and undated ones). */
export function unitsFor(mode: ViewMode, units: readonly Unit[]): Unit[] {
	const shown = units.filter((u) => (mode === '2025' ? !isBefore2025(u) : !isFrom2025(u)));
	return shown.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The fixed order that gives every unit its colour on every chart (see `makeColorOf`): the first five
 * pre-2025 units, then the units of 2025, then the other pre-2025 units. The 5 units of 2025 are only
 * ever drawn together, so they get five strong, distinct colours instead of the palette's pale tail.
 */
export function unitColorOrder(units: readonly Unit[]): string[] {
	const before = units.filter((u) => !isFrom2025(u)).map((u) => u.name);
	const after = units.filter(isFrom2025).map((u) => u.name);
	return [...before.slice(0, 5), ...after, ...before.slice(5)];
}

/** A unit's colour, the same on every chart of every page. */

export function unitByName(units: readonly Unit[], name: string): Unit | undefined {
	return units.find((u) => u.name === name);
}

/**
 * A unit's identity in URLs, exports, joins, pickers and deck specs: the code for units before the
 * reorganisation (so `/units/21439` opens what it always opened), `code@valid_from` for the units
 * from it (`21439@2025-07-01`) — codes are reused across the date.
 */
export function unitKey(u: Pick<Unit, 'code' | 'valid_from'>): string {
	return u.valid_from && u.valid_from >= REORGANISATION_DAY ? `${u.code}@${u.valid_from}` : u.code;
}

/** The path of a unit's page. */
export function unitPath(u: Pick<Unit, 'code' | 'valid_from'>): string {
	return `/units/${encodeURIComponent(unitKey(u)).replace('%40', '@')}`;
}

/**
 * The key a `successor` field names: itself when it is a key of the list; a bare code, the latest unit
 * of that code other than the predecessor (a successor is the newer unit).
 */
export function successorKey(unit: Unit, units: readonly Unit[]): string {
	const s = unit.successor;
	if (!s || units.some((u) => unitKey(u) === s)) return s;
	const own = unitKey(unit);
	const same = units.filter((u) => u.code === s && unitKey(u) !== own);
	same.sort((a, b) => (a.valid_from < b.valid_from ? 1 : a.valid_from > b.valid_from ? -1 : 0));
	return same.length > 0 ? unitKey(same[0]) : s;
}

export function successorOf(unit: Unit, units: readonly Unit[]): Unit | undefined {
	const key = successorKey(unit, units);
	return key ? units.find((u) => unitKey(u) === key) : undefined;
}

export function predecessorsOf(unit: Unit, units: readonly Unit[]): Unit[] {
	const key = unitKey(unit);
	return units
		.filter((u) => u.successor && successorKey(u, units) === key)
		.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The units whose reports make up a period's whole-area figure: those before the reorganisation for a
 * period that ends before 1 July 2025, the units of 2025 for one that ends after (undated units in both).
 */
export function unitsOfPeriod(units: readonly Unit[], period: string): Unit[] {
	return unitsFor(periodEnd(period) >= REORGANISATION_DAY ? '2025' : '', units);
}

/**
 * How many reporting units a group stands for in a period: a successor its predecessors; the whole
 * area the units of that period (without a period, the units before the reorganisation).
 */
export function expectedMembers(group: string, mode: ViewMode, units: readonly Unit[], period = ''): number {
	if (group === TOWN_GROUP) return (period ? unitsOfPeriod(units, period) : unitsFor('', units)).length;
	if (mode !== '2025') return 1;
	const unit = unitByName(units, group);
	if (!unit) return 1;
	return Math.max(1, predecessorsOf(unit, units).length);
}

/**
 * Units of before the reorganisation that have no successor while others in the list do: split among
 * several new units, so the 2025 view shows them apart and adds them to none.
 */
export function splitApart(units: readonly Unit[]): Unit[] {
	if (!units.some((u) => u.successor)) return [];
	return units.filter((u) => isBefore2025(u) && !u.successor).sort((a, b) => compareNames(a.name, b.name));
}

/**
 * A picker's units grouped by their parent (a former district), groups in Vietnamese order; one group
 * without a heading (`parent` '') when they all share one parent.
 */
export function groupByParent(units: readonly Unit[]): { parent: string; units: Unit[] }[] {
	const groups = new Map<string, Unit[]>();
	for (const u of units) groups.set(u.parent, [...(groups.get(u.parent) ?? []), u]);
	if (groups.size <= 1) return units.length ? [{ parent: '', units: [...units] }] : [];
	return [...groups]
		.sort(([a], [b]) => compareNames(a, b))
		.map(([parent, list]) => ({ parent, units: list }));
}
