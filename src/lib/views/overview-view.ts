/**
 * The overview's tiles as plain data: the town figure of a year with its parts and coverage, the
 * change against the year before as an explicit state (with words and a tone), and the yearly series
 * for the sparkline.
 */
import {
	changeTone,
	formatChange,
	formatCount,
	formatPeriod,
	formatValue,
	hasParts,
	isSmallSample,
	SMALL_SAMPLE_MARK,
	type Locale,
	type Tone
} from '$lib/format';
import type { Indicator, SeriesRow } from '$lib/model/types';
import { coverageText, differentUnitsText, tileChange, type TileChange } from '$lib/views/coverage';
import { isYear, previousYear } from '$lib/model/period';

export interface TileModel {
	indicator: Indicator;
	year: string;
	current: SeriesRow | undefined;
	/** The big figure (`96,1 %`, `> 570`, `—`). */
	value: string;
	/** The counts behind a rate (`222/231`), '' otherwise. */
	parts: string;
	/** `14/15 đơn vị có số liệu` when not every unit reported, '' otherwise. */
	coverage: { vi: string; en: string };
	change: { kind: TileChange['kind']; vi: string; en: string; tone: Tone; arrow: string };
	/** The town's yearly values, for the sparkline. */
	series: SeriesRow[];
}

function changeWords(change: TileChange, indicator: Indicator, previous: string) {
	if (change.kind === 'different-units')
		return {
			vi: differentUnitsText(change, 'vi'),
			en: differentUnitsText(change, 'en'),
			tone: 'neutral' as Tone,
			arrow: ''
		};
	const vi = formatChange(change, indicator, 'vi');
	const en = formatChange(change, indicator, 'en');
	const delta = change.kind === 'value' || change.kind === 'previous-zero' ? change.delta : 0;
	const arrow =
		change.kind === 'value' || change.kind === 'previous-zero'
			? delta > 0
				? '▲'
				: delta < 0
					? '▼'
					: '='
			: '';
	const versus = change.kind === 'value' || change.kind === 'previous-zero';
	return {
		vi: versus ? `${vi} so với ${formatPeriod(previous, 'vi')}` : vi,
		en: versus ? `${en} vs ${formatPeriod(previous, 'en')}` : en,
		tone: changeTone(change, indicator.higher_is_better),
		arrow
	};
}

/** A tile for `indicator` from its town series (any periods) in `year`, which stands for `expected` units. */
export function tileModel(
	indicator: Indicator,
	town: readonly SeriesRow[],
	year: string,
	expected: number,
	locale: Locale = 'vi'
): TileModel {
	const yearly = town.filter((r) => isYear(r.period)).sort((a, b) => (a.period < b.period ? -1 : 1));
	const current = yearly.find((r) => r.period === year);
	const previousPeriod = previousYear(year);
	const previous = yearly.find((r) => r.period === previousPeriod);
	const change = tileChange(indicator, current, previous);
	const value = formatValue(indicator, current?.value ?? null, current?.qualifier ?? '', {
		locale,
		place: 'tile'
	});
	const parts =
		current && hasParts(current)
			? `${formatCount(current.numerator, locale)}/${formatCount(current.denominator, locale)}${isSmallSample(current) ? SMALL_SAMPLE_MARK : ''}`
			: '';
	return {
		indicator,
		year,
		current,
		value,
		parts,
		coverage: { vi: coverageText(current, expected, 'vi'), en: coverageText(current, expected, 'en') },
		change: { kind: change.kind, ...changeWords(change, indicator, previousPeriod) },
		series: yearly.filter((r) => r.period <= year)
	};
}
