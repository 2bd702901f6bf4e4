/**
 * Names the views give to groups and notes about the 2025 reorganisation, in both languages, and a
 * unit's colour and validity badge — the same on every page, slide and exported picture.
 */
import { makeColorOf } from '$lib/charts';
import type { Locale } from '$lib/format';
import { EN } from '$lib/i18n/english.svelte';
import { fill } from '$lib/i18n/locale';
import { registryEn, registryVi, type RegistryKey } from '$lib/i18n/registry';
import { vi as VI, type MessageKey } from '$lib/i18n/vi';
import { isFrom2025, splitApart, unitColorOrder, type AreaKind } from '$lib/model/units';
import type { Indicator, Unit } from '$lib/model/types';

/** A message of the catalogue in both languages, for pure modules that are given a locale. */
const inBoth = (key: MessageKey | RegistryKey): Record<Locale, string> =>
	key.startsWith('reg.')
		? { vi: registryVi[key as RegistryKey], en: registryEn[key as RegistryKey] }
		: {
				vi: VI[key as MessageKey],
				// Read when asked: English's catalogue loads on demand (src/lib/i18n/english.svelte.ts).
				get en() {
					return EN[key as MessageKey] ?? VI[key as MessageKey];
				}
			};

/**
 * Which units the workspace follows, as the overview's subtitle says it: the sample's town as the
 * report names it, or the scope's province with its units of 2025 and those before.
 */
export function scopeSubtitle(units: readonly Unit[], locale: Locale): string {
	const before = units.filter((u) => !isFrom2025(u));
	const after = units.filter(isFrom2025);
	const districts = new Set(before.map((u) => u.parent));
	if (districts.size <= 1) return inBoth('overview.subtitle')[locale];
	const place = after[0]?.parent ?? [...districts].join(', ');
	return fill(inBoth('reg.subtitle')[locale], { place, n: after.length, old: before.length });
}

/** The whole area's word in a locale (`thị xã`, `địa bàn`; `town`, `area`): see `areaKind`. */
export function areaWord(area: AreaKind, locale: Locale): string {
	return inBoth(`reg.area.${area}`)[locale];
}

/** A message that names the whole area (`{area}`), in both languages. */
function withArea(key: MessageKey, area: AreaKind): Record<Locale, string> {
	const m = inBoth(key);
	return { vi: fill(m.vi, { area: areaWord(area, 'vi') }), en: fill(m.en, { area: areaWord(area, 'en') }) };
}

/** What the whole-area group is called: `Toàn thị xã` for the sample's town, `Toàn địa bàn` for a province's part. */
export function wholeLabel(area: AreaKind): Record<Locale, string> {
	return withArea('label.town', area);
}

export const MEDIAN_LABEL = inBoth('label.median');

/** The whole-area line of an indicator: a total for counts ("Toàn thị xã (tổng)"), the area's figure otherwise. */
export function townLabel(indicator: Pick<Indicator, 'aggregation'>, area: AreaKind): Record<Locale, string> {
	return indicator.aggregation === 'sum' ? withArea('label.townTotal', area) : wholeLabel(area);
}

/** Short names of the reference lines for a line's end label, where a long one would be cut. */
export const REFERENCE_SHORT_LABEL = { median: { vi: 'Trung vị', en: 'Median' } } as const;

/** Short enough to sit under a chart (it goes into exported images): `MERGE_FOOTNOTE[locale]`. */
export const MERGE_FOOTNOTE = inBoth('label.mergeFootnote');

export const MERGE_NOTE = {
	vi: 'Số liệu các đơn vị trước 01/7/2025 được gộp vào đơn vị kế thừa theo cách tổng hợp của từng chỉ tiêu.',
	en: 'Figures of pre-July-2025 units are merged into their successors by each indicator’s aggregation.'
};

/**
 * The 2025 view's word on units split among several new ones (no successor, shown apart and added to
 * none), naming them; '' when the list has none.
 */
export function splitNote(units: readonly Unit[], locale: Locale): string {
	const split = splitApart(units).map((u) => u.name);
	return split.length ? fill(inBoth('reg.splitNote')[locale], { list: split.join(', ') }) : '';
}

/** A unit's colour, the same on every chart of every page. */
export function unitColors(units: readonly Unit[]): (name: string) => string {
	return makeColorOf(unitColorOrder(units));
}
