/** The importer: bytes → ImportResult. Never throws for bad input; every finding is an issue. */
import { decodeBytes, MAX_BYTES } from './decode';
import { detectDelimiter } from './delimiter';
import { parseDictionaryRows } from './dictionary-csv';
import { buildEntries } from './entries';
import { unitFromFileName } from './file-name';
import { findHeader, type Layout } from './header';
import { IssueLog } from './issues';
import { resolveEntries } from './observations';
import { estimate, ProgressMeter, type ImportHooks } from './progress';
import { isBlank, MAX_ROWS, parseRows, parseRowsStreaming } from './rows';
import type { ImportOptions, ImportResult, ImportShape } from './types';
import { parseUnitRows } from './units-csv';
import { matchUnit } from './units';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface Draft {
	kind: ImportResult['kind'];
	shape: ImportShape;
	encoding: string;
	delimiter: string;
	rows: number;
	skipped: number;
}

export function finish(log: IssueLog, t0: number, d: Draft, extra: Partial<ImportResult> = {}): ImportResult {
	const observations = extra.observations ?? [];
	const issues = log.finish();
	return {
		kind: d.kind,
		observations,
		...(extra.indicators ? { indicators: extra.indicators } : {}),
		...(extra.units ? { units: extra.units } : {}),
		issues,
		shape: d.shape,
		encoding: d.encoding,
		delimiter: d.delimiter,
		questions: extra.questions ?? [],
		stats: {
			rows: d.rows,
			observations: observations.length,
			errors: log.errors,
			warnings: log.warnings,
			skipped: d.skipped,
			ms: Math.round((now() - t0) * 10) / 10
		}
	};
}

/** Reports header columns that the layout cannot use. */
function reportHeader(layout: Layout, log: IssueLog): void {
	const row = layout.index + 1;
	for (const { col, suggestions } of layout.unknownIndicatorColumns) {
		const value = layout.header[col];
		log.add(
			'error',
			'unknown_indicator',
			{ row, column: value, value },
			{ list: suggestions.join(', ') },
			suggestions
		);
	}
	for (const col of layout.badPeriodColumns) {
		const value = layout.header[col];
		log.add(
			'error',
			'year_out_of_range',
			{ row, column: value, value },
			{ max: String(new Date().getFullYear() + 1) }
		);
	}
	for (const col of layout.ignoredColumns) {
		log.add('info', 'column_ignored', { row, column: layout.header[col], value: layout.header[col] });
	}
	for (const cols of Object.values(layout.roles)) {
		const named = (cols ?? []).filter((c) => !layout.ignoredColumns.includes(c));
		if (named.length > 1) log.add('info', 'duplicate_column', { row, column: layout.header[named[0]] });
	}
}

/**
 * With `hooks.onProgress` the same pipeline streams: it decodes in steps, parses row by row and reports
 * progress as it goes. The result is the one-shot result (only `stats.ms` differs).
 */
export async function importCsv(
	bytes: Uint8Array,
	options: ImportOptions,
	hooks: ImportHooks = {}
): Promise<ImportResult> {
	const meter = hooks.onProgress ? new ProgressMeter(hooks.onProgress, bytes.length, estimate(bytes)) : null;
	const result = await run(bytes, options, meter);
	meter?.finish(result.stats.rows);
	return result;
}

async function run(
	bytes: Uint8Array,
	options: ImportOptions,
	meter: ProgressMeter | null
): Promise<ImportResult> {
	const t0 = now();
	const log = new IssueLog(options.fileName);
	const draft: Draft = {
		kind: 'invalid',
		shape: 'unknown',
		encoding: '',
		delimiter: '',
		rows: 0,
		skipped: 0
	};
	const fail = (code: string, row = 0, args = {}): ImportResult => {
		log.add('error', code, { row }, args);
		draft.kind = 'invalid';
		return finish(log, t0, draft);
	};

	const decoded = decodeBytes(bytes, options.encoding, meter ? (done) => meter.decoded(done) : undefined);
	if (!decoded.ok) {
		return fail(decoded.code, 0, { n: Math.ceil(bytes.length / 1048576), max: MAX_BYTES / 1048576 });
	}
	draft.encoding = decoded.encoding;
	if (decoded.fallback) log.add('info', 'decoded_as_windows_1258', { row: 0 });

	const { delimiter, text } = detectDelimiter(decoded.text);
	draft.delimiter = delimiter;
	const parsed = meter
		? parseRowsStreaming(text, delimiter, (done, n) => meter.parsed(done, text.length, n))
		: parseRows(text, delimiter);
	if (!parsed.ok)
		return fail(parsed.code, parsed.row, {
			n: parsed.n,
			max: parsed.code === 'too_many_rows' ? MAX_ROWS : 1000
		});
	const rows = parsed.rows;
	if (rows.every(isBlank)) return fail('empty_file');
	for (const row of parsed.badQuoteRows) log.add('warning', 'invalid_quotes', { row });
	return importRows(rows, options, { log, t0, draft, meter });
}

/** What importRows carries on from the reading of a file. */
export interface RowsContext {
	log: IssueLog;
	t0: number;
	draft: Draft;
	meter: ProgressMeter | null;
}

/**
 * Rows of cells (a parsed CSV, or a workbook's sheet) → ImportResult: header, shape, values, checks.
 * Row i of `rows` is the file's row i + 1 in every finding.
 */
export function importRows(rows: string[][], options: ImportOptions, ctx: RowsContext): ImportResult {
	const { log, t0, draft, meter } = ctx;
	const fail = (code: string, row = 0, args = {}): ImportResult => {
		log.add('error', code, { row }, args);
		draft.kind = 'invalid';
		return finish(log, t0, draft);
	};
	if (rows.every(isBlank)) return fail('empty_file');
	const layout = findHeader(rows, options.dictionary, options.aliases);
	if (!layout) return fail('no_header');
	draft.shape = layout.shape;
	const dataRows = rows.slice(layout.index + 1).filter((r) => !isBlank(r)).length;
	if (dataRows === 0) return fail('header_only', layout.index + 1);

	if (layout.shape === 'dictionary' || layout.shape === 'units') {
		draft.rows = dataRows;
		if (layout.shape === 'dictionary') {
			const indicators = parseDictionaryRows(rows, layout.index, log);
			draft.kind = 'dictionary';
			return finish(log, t0, draft, { indicators });
		}
		const units = parseUnitRows(rows, layout.index, log);
		draft.kind = 'units';
		return finish(log, t0, draft, { units });
	}

	let fixedUnit: string | undefined;
	if (layout.shape === 'unit-sheet') {
		if (options.unitHint && options.unitHint.trim() !== '') {
			fixedUnit = options.unitHint.trim();
			const m = matchUnit(fixedUnit, options.units, null, options.aliases);
			if (!m.unit && !m.ambiguous) {
				log.add(
					'error',
					'unknown_unit',
					{ row: 0, value: fixedUnit },
					{ list: m.suggestions.join(', ') },
					m.suggestions
				);
				return finish(log, t0, draft);
			}
		} else {
			fixedUnit = unitFromFileName(options.fileName, options.units) ?? undefined;
			if (!fixedUnit) return fail('unit_required');
			log.add(
				'info',
				'unit_from_file_name',
				{ row: 0, value: options.fileName },
				{
					a: matchUnit(fixedUnit, options.units).unit?.name ?? fixedUnit
				}
			);
		}
	}

	reportHeader(layout, log);
	const built = buildEntries(rows, {
		layout,
		fixedUnit,
		log,
		progress: meter ? (n) => meter.built(n) : undefined
	});
	// Our own export writes `.` decimals: `1.234` there is one point two three four, never a question.
	const valueCol = layout.roles.value?.[0];
	const columnChoices =
		layout.canonical && valueCol !== undefined
			? { [layout.header[valueCol]]: 'en' as const, ...options.columnChoices }
			: options.columnChoices;
	const resolved = resolveEntries(
		built.entries,
		{ ...options, columnChoices },
		log,
		meter ? (done, total) => meter.resolved(done, total) : undefined
	);
	draft.kind = 'observations';
	draft.rows = built.rows;
	draft.skipped = built.skippedRows + resolved.skipped;
	return finish(log, t0, draft, { observations: resolved.observations, questions: resolved.questions });
}
