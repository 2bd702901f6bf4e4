/** Formatting for display: numbers, rates, changes, periods, names — in Vietnamese and English. */
export { type Locale, MISSING, INTL_LOCALE, formatNumber, isMissing } from './number';
export {
	type Place,
	type FormatOptions,
	type UnitOf,
	formatValue,
	formatCount,
	unitLabel,
	digitsFor
} from './value';
export {
	type RateRow,
	SMALL_SAMPLE_THRESHOLD,
	SMALL_SAMPLE_MARK,
	formatRate,
	isSmallSample,
	hasParts,
	smallSampleNote
} from './rate';
export {
	type Change,
	type ChangeOrMissing,
	type Tone,
	computeChange,
	formatChange,
	changeTone
} from './change';
export { type RankChange, formatRankChange } from './rank';
export { formatPeriod, formatPeriodSpan } from './period';
export {
	OFFICE_TIME_ZONE,
	parseInstant,
	storedInstant,
	officeDay,
	formatDateTime,
	formatDay,
	formatDate,
	datedFileName,
	exportFileName,
	storedDateText
} from './date';
export { indicatorNote } from './note';
export { escapeHtml } from './html';
export { collator, compareNames } from '$lib/model/collate';
