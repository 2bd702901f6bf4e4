/**
 * Units over time: which exist before or after the reorganisation of 1 July 2025, which unit took over
 * from which, and which units a view lists. A unit's identity is its code plus validity; names are labels.
 */
import { compareNames } from './collate';
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
 * `expectedMembers` recognises. An identity, not a label: people see `TOWN_LABEL[locale]`.
 */
export const TOWN_GROUP = 'Toàn thị xã';

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

export function successorOf(unit: Unit, units: readonly Unit[]): Unit | undefined {
	return unit.successor ? units.find((u) => u.code === unit.successor) : undefined;
}

export function predecessorsOf(unit: Unit, units: readonly Unit[]): Unit[] {
	return units.filter((u) => u.successor === unit.code).sort((a, b) => compareNames(a.name, b.name));
}

/** How many reporting units a group stands for (a successor: its predecessors; the town: all of them). */
export function expectedMembers(group: string, mode: ViewMode, units: readonly Unit[]): number {
	if (group === TOWN_GROUP) return unitsFor('', units).length;
	if (mode !== '2025') return 1;
	const unit = unitByName(units, group);
	if (!unit) return 1;
	return Math.max(1, predecessorsOf(unit, units).length);
}
