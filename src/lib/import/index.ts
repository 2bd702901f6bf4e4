/**
 * CSV import: bytes of a ward report → observations (or a new indicator dictionary / unit list),
 * with every finding as an issue in Vietnamese and English. Pure TypeScript: runs in a Web Worker in
 * the app and in Node in tests.
 */
export { importCsv } from './import-csv';
export { estimate, ProgressMeter, type ImportHooks, type ImportPhase, type ImportProgress } from './progress';
export {
	checkDraft,
	guessUnit,
	newIndicator,
	slugCode,
	uniqueCode,
	NEW_INDICATOR_UNITS,
	type DraftProblem,
	type IndicatorDraft,
	type NewIndicatorUnit
} from './new-indicator';
export { parseNumber, scanNumber, MISSING_TOKENS, type NumberScan, type ParsedNumber } from './number';
export { parsePeriod, scanPeriod, periodInterval, type PeriodScan } from './period';
export { normaliseKey, looseKey } from './normalise';
export { matchUnit, prepareUnitIndex, unitCoreKey, unitMatcher, type UnitMatch } from './units';
export { matchIndicator, type IndicatorMatch } from './indicators';
export { toCanonicalCsv, formatValue, neutralise, CANONICAL_HEADER } from './export-csv';
export { parseDictionaryCsv, parseUnitsCsv } from './reference-text';
export { DICTIONARY_HEADER, toDictionaryCsv, toUnitsCsv } from './reference-export';
export { MESSAGES, type MessageArgs } from './messages';
export { IssueLog } from './issues';
export { QUALIFIER_WORDS } from './observations';
export { interpretValue } from './values';
export {
	DUPLICATE_RULE,
	duplicateArgs,
	EPSILON,
	isCategorical,
	ORDER_QUALIFIERS,
	ORDER_RULES,
	orderArgs,
	RANGE_RULES,
	rangeError,
	rangeRulesOf,
	RATE_CHECK,
	RATE_RULES,
	rateArgs,
	recomputedRate,
	RULE_INDICATORS,
	type Figure,
	type OrderRule,
	type RangeRule,
	type RateRule
} from './rules';
export type {
	ImportIssue,
	ImportOptions,
	ImportQuestion,
	ImportResult,
	ImportShape,
	ImportStats,
	NumberLocale,
	Severity,
	TextEncodingName,
	WorkbookInfo
} from './types';
