/**
 * The server never trusts a browser: every canonical row is checked for shape here, then the rows of a
 * file are written back to canonical CSV and run through the app's own importer (src/lib/import, pure
 * TypeScript) with the server's dictionary and unit list — the same rules, findings and messages the
 * browser showed. Any error-level finding refuses the commit.
 */
import { CANONICAL_HEADER, importCsv, parsePeriod, toCanonicalCsv, type ImportIssue } from '../../import';
import type { Indicator, Observation, Qualifier, Unit } from '../../model/types';

export interface IncomingRow {
	unit: string;
	period: string;
	indicator: string;
	value: number;
	qualifier: Qualifier;
	note: string;
}

export interface IncomingFile {
	name: string;
	/** sha256 of the file's bytes as the browser read them (hex). */
	hash: string;
	rows: IncomingRow[];
}

export interface Finding {
	file: string;
	/** 1-based index of the row in `rows` (0 for the file). */
	row: number;
	code: string;
	vi: string;
	en: string;
}

const QUALIFIERS = new Set(['', '>', '~']);
const MAX_TEXT = 2000;

function finding(file: string, row: number, code: string, vi: string, en: string): Finding {
	return { file, row, code, vi, en };
}

/** Shape checks that need no dictionary: types, period format, finite values, qualifier. */
export function checkShape(file: IncomingFile, units: Unit[], dictionary: Indicator[]): Finding[] {
	const out: Finding[] = [];
	const unitNames = new Set(units.map((u) => u.name));
	const codes = new Set(dictionary.map((d) => d.code));
	if (!/^[0-9a-f]{64}$/.test(file.hash)) {
		out.push(
			finding(file.name, 0, 'bad_hash', 'Mã băm tệp không hợp lệ (sha256).', 'The file hash is not a sha256.')
		);
	}
	file.rows.forEach((r, i) => {
		const n = i + 1;
		const bad = (code: string, vi: string, en: string) => out.push(finding(file.name, n, code, vi, en));
		if (!unitNames.has(r.unit))
			bad('unknown_unit', `Đơn vị không có trong danh sách: ${r.unit}`, `Unknown unit: ${r.unit}`);
		if (!codes.has(r.indicator))
			bad(
				'unknown_indicator',
				`Chỉ tiêu không có trong từ điển: ${r.indicator}`,
				`Unknown indicator: ${r.indicator}`
			);
		if (parsePeriod(r.period) !== r.period)
			bad('bad_period', `Kỳ không đúng dạng chuẩn: ${r.period}`, `Not a canonical period: ${r.period}`);
		if (!Number.isFinite(r.value))
			bad('not_a_number', 'Giá trị không phải là số.', 'The value is not a number.');
		if (!QUALIFIERS.has(r.qualifier))
			bad(
				'bad_qualifier',
				"Ghi chú giá trị chỉ được là '', '>' hoặc '~'.",
				"The qualifier must be '', '>' or '~'."
			);
		if (r.note.length > MAX_TEXT) bad('note_too_long', 'Ghi chú quá dài.', 'The note is too long.');
	});
	return out.slice(0, 100);
}

/** Runs the importer over the rows; returns its observations (canonical) or its error findings. */
export async function recheckRows(
	file: IncomingFile,
	dictionary: Indicator[],
	units: Unit[]
): Promise<{ observations: Observation[]; errors: Finding[] }> {
	if (file.rows.length === 0) return { observations: [], errors: [] };
	const csv = toCanonicalCsv(file.rows.map((r) => ({ ...r, source: '' })));
	const result = await importCsv(new TextEncoder().encode(csv), {
		fileName: file.name,
		dictionary,
		units,
		numberLocale: 'en'
	});
	const errors = result.issues
		.filter((i: ImportIssue) => i.severity === 'error')
		.slice(0, 100)
		// The CSV's row 1 is the header: row n of the CSV is rows[n - 2].
		.map((i) => finding(file.name, Math.max(0, i.row - 1), i.code, i.vi, i.en));
	if (
		errors.length === 0 &&
		result.kind === 'observations' &&
		result.observations.length !== file.rows.length
	) {
		// The importer left rows out (a derived indicator, a repeated cell …): the browser would not have
		// sent them, so the commit is refused rather than written in part.
		const n = file.rows.length - result.observations.length;
		errors.push(
			finding(
				file.name,
				0,
				'rows_skipped',
				`Máy chủ kiểm tra lại và bỏ qua ${n} dòng; không lưu gì. Kiểm tra lại tệp.`,
				`The server's check left out ${n} rows; nothing was saved. Check the file again.`
			),
			...result.issues
				.filter((i) => i.severity === 'warning' && i.code !== 'unit_not_valid_for_period')
				.slice(0, 20)
				.map((i) => finding(file.name, Math.max(0, i.row - 1), i.code, i.vi, i.en))
		);
	}
	if (result.kind !== 'observations' && errors.length === 0) {
		errors.push(
			finding(file.name, 0, 'not_observations', 'Tệp không phải bảng số liệu.', 'Not a table of figures.')
		);
	}
	return { observations: result.observations, errors };
}

export { CANONICAL_HEADER };
