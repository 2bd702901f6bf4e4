/** The words on a unit that exists only before or only after a date. */
import { isFrom2025 } from '$lib/model/units';
import type { Unit } from '$lib/model/types';
import { formatDay } from './date';

/** A badge for a unit that exists only before or only after a date, e.g. `đến 30/6/2025`. */
export function validityBadge(unit: Unit): { vi: string; en: string } | null {
	if (unit.valid_to)
		return { vi: `đến ${formatDay(unit.valid_to, 'vi')}`, en: `until ${formatDay(unit.valid_to, 'en')}` };
	if (isFrom2025(unit) || (unit.valid_from && unit.valid_from > '2020-12-31'))
		return { vi: `từ ${formatDay(unit.valid_from, 'vi')}`, en: `from ${formatDay(unit.valid_from, 'en')}` };
	return null;
}
