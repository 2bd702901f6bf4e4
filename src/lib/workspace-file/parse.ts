/**
 * A workspace file read back: nothing in it is trusted. The dictionary and the unit list go through the
 * import's own checks (as if uploaded), every observation through the import's validation against them
 * (as a canonical CSV), the history and what each import replaced through checks of their own, the
 * decks through the deck file's. Any finding refuses the whole file, with a message in both languages.
 */
import { parseDeckFile } from '$lib/deck/deck-file';
import { importCsv, toCanonicalCsv, toDictionaryCsv, toUnitsCsv } from '$lib/import';
import type { ImportIssue } from '$lib/import';
import type { ImportRecord, Observation } from '$lib/model/types';
import {
	FORMAT,
	OBSERVATION_COLUMNS,
	REPLACED_COLUMNS,
	WORKSPACE_FILE_VERSION,
	type ObservationCells,
	type ReplacedCells,
	type WorkspaceFile
} from './format';

export interface Problem {
	vi: string;
	en: string;
}
export type Checked = { ok: true; file: WorkspaceFile } | { ok: false; problem: Problem };

/** Larger files are refused before they are read (the bundled data is well under 10 MB). */
export const MAX_FILE_BYTES = 300_000_000;

type Step = (old: Record<string, unknown>) => Record<string, unknown>;
/** Step n turns a file of version n into one of version n + 1 (none yet). */
export const FILE_MIGRATIONS: Record<number, Step> = {};

const encoder = new TextEncoder();
const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const QUALIFIERS = ['', '>', '~'];

class Refused extends Error {
	constructor(readonly problem: Problem) {
		super(problem.en);
	}
}
const refuse = (vi: string, en: string): never => {
	throw new Refused({ vi, en });
};

function firstError(issues: readonly ImportIssue[]): ImportIssue | undefined {
	return issues.find((i) => i.severity === 'error');
}

async function checkList<T>(
	part: 'indicators' | 'units',
	raw: unknown,
	toCsv: (rows: T[]) => string
): Promise<T[]> {
	const name = part === 'indicators' ? 'từ điển chỉ tiêu' : 'danh sách đơn vị';
	if (!Array.isArray(raw) || raw.length === 0 || !raw.every(isObject))
		return refuse(
			`Tệp thiếu ${name}.`,
			`The file has no ${part === 'indicators' ? 'dictionary' : 'unit list'}.`
		);
	let csv: string;
	try {
		csv = toCsv(raw as T[]);
	} catch {
		return refuse(`${name} trong tệp không đọc được.`, `The file's ${part} cannot be read.`);
	}
	const result = await importCsv(encoder.encode(csv), { fileName: `${part}.csv`, dictionary: [], units: [] });
	const kind = part === 'indicators' ? 'dictionary' : 'units';
	const error = firstError(result.issues);
	if (result.kind !== kind || error)
		return refuse(
			`${name} trong tệp không hợp lệ${error ? ` (dòng ${error.row}: ${error.vi})` : ''}.`,
			`The file's ${part} are not valid${error ? ` (row ${error.row}: ${error.en})` : ''}.`
		);
	const rows = (part === 'indicators' ? result.indicators : result.units) as T[] | undefined;
	if (!rows || rows.length !== raw.length)
		return refuse(
			`${name} trong tệp có dòng trùng hoặc bị bỏ.`,
			`The file's ${part} have repeated or dropped rows.`
		);
	return rows;
}

function checkImports(raw: unknown): ImportRecord[] {
	if (!Array.isArray(raw)) return refuse('Tệp thiếu lịch sử nhập.', 'The file has no import history.');
	const seen = new Set<number>();
	return raw.map((r, i) => {
		const ok =
			isObject(r) &&
			isInt(r.id) &&
			r.id > 0 &&
			!seen.has(r.id) &&
			isText(r.file, 500) &&
			isText(r.at, 40) &&
			!Number.isNaN(Date.parse(r.at)) &&
			isInt(r.rows) &&
			r.rows >= 0 &&
			(r.status === 'committed' || r.status === 'undone');
		if (!ok)
			return refuse(
				`Lần nhập thứ ${i + 1} trong lịch sử không hợp lệ.`,
				`Import ${i + 1} of the history is not valid.`
			);
		const rec = r as unknown as ImportRecord;
		seen.add(rec.id);
		const at = new Date(rec.at).toISOString().replace('.000Z', 'Z');
		return { id: rec.id, file: rec.file, at, rows: rec.rows, status: rec.status };
	});
}

function checkTable(raw: unknown, columns: readonly string[], part: string): unknown[][] {
	if (
		!isObject(raw) ||
		!Array.isArray(raw.columns) ||
		raw.columns.join(',') !== columns.join(',') ||
		!Array.isArray(raw.rows) ||
		!raw.rows.every((r) => Array.isArray(r) && r.length === columns.length)
	)
		return refuse(
			`Bảng ${part} trong tệp không đúng dạng.`,
			`The file's ${part} table is not in the documented shape.`
		);
	return raw.rows as unknown[][];
}

async function checkObservations(
	raw: unknown,
	file: Pick<WorkspaceFile, 'indicators' | 'units'>,
	ids: Set<number>
): Promise<ObservationCells[]> {
	const rows = checkTable(raw, OBSERVATION_COLUMNS, 'observations');
	const given: Observation[] = rows.map((r, i) => {
		const [unit, period, indicator, value, qualifier, source, note, importId] = r;
		const ok =
			isText(unit, 200) &&
			isText(period, 20) &&
			isText(indicator, 200) &&
			typeof value === 'number' &&
			Number.isFinite(value) &&
			QUALIFIERS.includes(qualifier as string) &&
			isText(source, 500) &&
			isText(note) &&
			isInt(importId) &&
			ids.has(importId);
		if (!ok) return refuse(`Số liệu dòng ${i + 1} không hợp lệ.`, `Observation row ${i + 1} is not valid.`);
		return { unit, period, indicator, value, qualifier, source, note } as Observation;
	});
	if (given.length === 0) return [];
	// The same checks as any uploaded file: units and indicators known, periods and numbers valid.
	const csv = toCanonicalCsv(given, { withSource: true });
	const result = await importCsv(encoder.encode(csv), {
		fileName: 'observations.csv',
		dictionary: file.indicators,
		units: file.units
	});
	const error = firstError(result.issues);
	if (result.kind !== 'observations' || error || result.observations.length !== given.length)
		return refuse(
			`Số liệu trong tệp không qua được kiểm tra${error ? ` (dòng ${error.row - 1}: ${error.vi})` : ''}.`,
			`The file's observations do not pass the checks${error ? ` (row ${error.row - 1}: ${error.en})` : ''}.`
		);
	return result.observations.map((o, i): ObservationCells => {
		const g = given[i];
		if (o.unit !== g.unit || o.period !== g.period || o.indicator !== g.indicator || o.value !== g.value)
			return refuse(
				`Số liệu dòng ${i + 1} đọc ra khác với tệp (${g.unit}, ${g.period}, ${g.indicator}).`,
				`Observation row ${i + 1} reads differently from the file (${g.unit}, ${g.period}, ${g.indicator}).`
			);
		return [o.unit, o.period, o.indicator, o.value, o.qualifier, g.source, o.note, rows[i][7] as number];
	});
}

function checkReplaced(raw: unknown, ids: Set<number>): ReplacedCells[] {
	const rows = checkTable(raw, REPLACED_COLUMNS, 'replaced');
	const textOrNull = (v: unknown) => v === null || isText(v);
	return rows.map((r, i) => {
		const [importId, unit, period, indicator, existed, value, qualifier, source, note, prev] = r;
		const ok =
			isInt(importId) &&
			ids.has(importId) &&
			isText(unit, 200) &&
			isText(period, 20) &&
			isText(indicator, 200) &&
			typeof existed === 'boolean' &&
			(value === null || (typeof value === 'number' && Number.isFinite(value))) &&
			(qualifier === null || QUALIFIERS.includes(qualifier as string)) &&
			textOrNull(source) &&
			textOrNull(note) &&
			(prev === null || isInt(prev)) &&
			(!existed || (value !== null && qualifier !== null && source !== null && note !== null));
		if (!ok)
			return refuse(
				`Dòng ${i + 1} của bảng thay thế không hợp lệ.`,
				`Row ${i + 1} of the replaced table is not valid.`
			);
		return r as ReplacedCells;
	});
}

function migrate(raw: Record<string, unknown>, migrations: Record<number, Step>): Record<string, unknown> {
	let value = raw;
	let version = value.version;
	if (!isInt(version) || version < 0)
		return refuse(
			'Tệp không ghi phiên bản định dạng.',
			'The file does not say which version of the format it is.'
		);
	if (version > WORKSPACE_FILE_VERSION)
		return refuse(
			`Tệp được tạo bởi phiên bản mới hơn (định dạng ${version}); hãy cập nhật ứng dụng.`,
			`The file was made by a newer version (format ${version}); update the app first.`
		);
	while ((version as number) < WORKSPACE_FILE_VERSION) {
		const step = migrations[version as number];
		if (!step)
			return refuse(
				`Không chuyển được tệp định dạng ${version}.`,
				`No way to bring format ${version} up to date.`
			);
		value = step(value);
		version = value.version;
	}
	return value;
}

/** A workspace file from its text (or parsed JSON): checked throughout, migrated to this version. */
export async function parseWorkspaceFile(
	input: string | unknown,
	migrations: Record<number, Step> = FILE_MIGRATIONS
): Promise<Checked> {
	try {
		let raw: unknown = input;
		if (typeof input === 'string') {
			if (input.length > MAX_FILE_BYTES) refuse('Tệp quá lớn.', 'The file is too large.');
			try {
				raw = JSON.parse(input);
			} catch {
				refuse('Tệp không phải JSON.', 'The file is not JSON.');
			}
		}
		if (!isObject(raw) || raw.format !== FORMAT)
			refuse('Đây không phải tệp dữ liệu Chỉ Số.', 'This is not a Chỉ Số workspace file.');
		const value = migrate(raw as Record<string, unknown>, migrations);
		const indicators = await checkList('indicators', value.indicators, toDictionaryCsv);
		const units = await checkList('units', value.units, toUnitsCsv);
		const imports = checkImports(value.imports);
		const ids = new Set(imports.map((i) => i.id));
		const observations = await checkObservations(value.observations, { indicators, units }, ids);
		const replaced = checkReplaced(value.replaced, ids);
		const decks = value.decks ?? null;
		if (decks !== null) {
			const parsed = parseDeckFile(decks);
			if (!parsed.ok) refuse(`Buổi họp trong tệp: ${parsed.vi}`, `The file's decks: ${parsed.en}`);
		}
		return {
			ok: true,
			file: {
				format: FORMAT,
				version: WORKSPACE_FILE_VERSION,
				exportedAt: isText(value.exportedAt, 40) ? value.exportedAt : '',
				indicators,
				units,
				imports,
				observations: { columns: OBSERVATION_COLUMNS, rows: observations },
				replaced: { columns: REPLACED_COLUMNS, rows: replaced },
				decks
			}
		};
	} catch (e) {
		if (e instanceof Refused) return { ok: false, problem: e.problem };
		return {
			ok: false,
			problem: {
				vi: 'Tệp không đọc được.',
				en: `The file cannot be read (${e instanceof Error ? e.message : String(e)}).`
			}
		};
	}
}
