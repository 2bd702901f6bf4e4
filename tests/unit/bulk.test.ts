import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulkImport, canonicalHeader, type Store } from '../../src/lib/db';
import { importCsv, toCanonicalCsv, type ImportOptions, type ImportResult } from '../../src/lib/import';
import type { Observation } from '../../src/lib/model/types';
import { openSampleStore } from './sample-store';

let store: Store;
let opts: Omit<ImportOptions, 'fileName'>;

beforeAll(async () => {
	const s = await openSampleStore();
	store = s.store;
	opts = { dictionary: s.indicators, units: await store.units() };
});

const encode = (text: string) => new TextEncoder().encode(text);

/** A canonical file with one of every kind of finding, and plenty of good rows. */
const MESSY = [
	'\uFEFFunit,period,indicator,value,qualifier,note',
	'Nguyễn Nghiêm,2023,petitions_received,22,,',
	'Nguyễn Nghiêm,2023,petition_cases_received,21,,',
	'Nguyễn Nghiêm,2023,land_disputes_mediated,8,,',
	'Nguyễn Nghiêm,2023,land_disputes_mediated_success,5,,',
	'Nguyễn Nghiêm,2023,feedback_cases_resolved,12,,',
	'Nguyễn Nghiêm,2023,petition_resolution_rate_reported,95.2,,',
	'Phổ An,2023,petition_cases_received,20,,',
	'Phổ An,2023,land_disputes_mediated,5,,',
	'Phổ An,2023,feedback_cases_resolved,10,,',
	'Phổ An,2023,petition_resolution_rate_reported,90,,',
	'Phổ Văn,2023,land_disputes_mediated,3,,',
	'Phổ Văn,2023,land_disputes_mediated_success,4,,',
	'<img src=x onerror=alert(1)>,2023,petitions_received,5,,',
	'Phổ An,20233,petitions_received,5,,',
	'Phổ An,1980,petitions_received,5,,',
	'Phổ An,2022,no_such_indicator,5,,',
	'Phổ An,2022,petitions_received,-3,,',
	'Phổ An,2022,cultural_family_households_pct,101,,',
	'Phổ An,2022,legal_education_attendees,hơn 570,,',
	'Phổ An,2022,dan_van_rating,Hoàn thành tốt nhiệm vụ,,',
	'Phổ An,2022,dan_van_rating,Hoàn thành rất tốt,,',
	'Phổ An,2022,population,-,,',
	'Phổ An,2022,households,2450,>,',
	'Phổ An,2022,party_members,abc,,',
	'Phổ An,2022,party_cells,11,!!,',
	'Phổ Châu,2022,petitions_received,7,,',
	'Phổ Châu,2022,petitions_received,7,,',
	'Phổ Châu,2022,land_dispute_cases,7,,',
	'Phổ Châu,2022,land_dispute_cases,8,,',
	'P. Phổ Minh,2022,petitions_received,9,,"\'=HYPERLINK(""http://x"",""y"")"',
	'Phổ An,2022,petition_resolution_rate,50,,',
	// An approximate figure: the order rule warns only.
	'Phổ Thạnh,2023,land_disputes_mediated,3,~,',
	'Phổ Thạnh,2023,land_disputes_mediated_success,4,,',
	// A figure an order rule rejects takes no part in the rate check (60 % recomputed vs 10 % reported).
	'Phổ Ninh,2023,land_dispute_cases,2,,',
	'Phổ Ninh,2023,land_disputes_mediated,5,,',
	'Phổ Ninh,2023,feedback_cases_resolved,1,,',
	'Phổ Ninh,2023,petition_cases_received,10,,',
	'Phổ Ninh,2023,petition_resolution_rate_reported,10,,',
	// Short rows: the cells they lack are empty, never NULL.
	'Phổ Châu,2021,petitions_received',
	'Phổ Châu,2021'
].join('\n');

const sortIssues = (list: { row: number; code: string; severity: string; column: string; value: string }[]) =>
	list
		.map(({ row, code, severity, column, value }) => ({ row, code, severity, column, value }))
		.sort((a, b) => a.row - b.row || a.code.localeCompare(b.code));
const key = (o: Observation) => `${o.unit}|${o.period}|${o.indicator}`;
const byKey = (rows: Observation[]) => new Map(rows.map((o) => [key(o), o]));
/** The rows a bulk import staged, in the file's order. */
const stagedRows = (table: string) =>
	store.query<Observation>(
		`SELECT unit, period, indicator, value, qualifier, source, note FROM ${table} ORDER BY row`
	);

/** The same file through the JavaScript path and the bulk path (as a Blob: the chosen file itself). */
async function bothPaths(text: string, fileName: string, { asBlob = false } = {}) {
	const bytes = encode(text);
	const js = await importCsv(bytes, { ...opts, fileName });
	const bulk = (await bulkImport(
		store,
		asBlob ? new Blob([bytes]) : bytes,
		{ ...opts, fileName },
		{ minBytes: 0 }
	))!;
	expect(bulk).not.toBeNull();
	return { js, bulk };
}
/** The report's counts of both paths: rows, stored, errors, warnings, skipped. */
const expectSameCounts = (bulk: ImportResult, js: ImportResult) => {
	const { rows, observations, errors, warnings, skipped } = js.stats;
	expect(bulk.stats).toMatchObject({ rows, observations, errors, warnings, skipped });
};
/** Findings on data rows (not the file-level notes), in a stable order. */
const rowFindings = (issues: Parameters<typeof sortIssues>[0]) => sortIssues(issues.filter((i) => i.row > 0));

describe('bulk path (DuckDB read_csv + SQL checks)', () => {
	it('recognises only the canonical header', () => {
		expect(canonicalHeader(encode('\uFEFFunit,period,indicator,value,qualifier,note\n'))).toHaveLength(6);
		expect(canonicalHeader(encode('unit,period,indicator,value,qualifier,note,source\r\n'))).toHaveLength(7);
		expect(canonicalHeader(encode('Đơn vị,Năm,Chỉ tiêu,Giá trị\n'))).toBeNull();
		expect(canonicalHeader(new Uint8Array([0xff, 0xfe, 0x75, 0]))).toBeNull();
	});

	it('finds exactly what the JavaScript path finds, on the same rows', async () => {
		const { js, bulk } = await bothPaths(MESSY, 'messy.csv');
		expect(rowFindings(bulk.result.issues)).toEqual(rowFindings(js.issues));
		expectSameCounts(bulk.result, js);
		const staged = await stagedRows(bulk.table);
		expect(byKey(staged)).toEqual(byKey(js.observations));
		// Spot checks of what the rules mean.
		const codes = new Set(bulk.result.issues.map((i) => i.code));
		for (const c of [
			'unknown_unit',
			'bad_period',
			'year_out_of_range',
			'unknown_indicator',
			'negative_count',
			'percent_over_100',
			'unknown_category',
			'not_a_number',
			'bad_qualifier',
			'duplicate_same',
			'duplicate_conflict',
			'mediated_success_exceeds_mediated',
			'rate_mismatch',
			'derived_indicator'
		])
			expect(codes, c).toContain(c);
		expect(bulk.result.issues.filter((i) => i.code === 'rate_mismatch').map((i) => i.row)).toEqual([11]); // Phổ An's 90 vs 75
		expect(
			bulk.result.issues
				.filter((i) => i.code === 'mediated_success_exceeds_mediated')
				.map((i) => [i.row, i.severity])
				.sort()
		).toEqual([
			[13, 'error'],
			[34, 'warning']
		]);
		expect(bulk.result.issues.find((i) => i.code === 'mediated_exceeds_cases')?.row).toBe(36);
		expect(staged.find((o) => o.indicator === 'legal_education_attendees')).toMatchObject({
			value: 570,
			qualifier: '>'
		});
		expect(staged.find((o) => o.unit === 'Phổ Minh')?.note).toBe('=HYPERLINK("http://x","y")');
	});

	it('reads canonical texts as they are (no join) and still finds what the JavaScript path finds', async () => {
		// Canonical names, years, codes and plain numbers: every text resolves to itself. Still: a
		// conflicting duplicate, a negative count, more successes than mediations, a rate off its counts.
		const rows = [
			'unit,period,indicator,value,qualifier,note',
			'Phổ An,2022,petitions_received,12,,',
			'Phổ An,2022,land_disputes_mediated,4,,',
			'Phổ An,2022,land_disputes_mediated_success,6,,',
			'Phổ Văn,2022,petitions_received,-2,,',
			'Phổ Văn,2023,petitions_received,7,,=1+1',
			'Phổ Văn,2023,petitions_received,8,,',
			'Nguyễn Nghiêm,2023,petition_cases_received,21,,',
			'Nguyễn Nghiêm,2023,land_disputes_mediated,8,,',
			'Nguyễn Nghiêm,2023,feedback_cases_resolved,12,,',
			'Nguyễn Nghiêm,2023,petition_resolution_rate_reported,99.5,,',
			'Nguyễn Nghiêm,2022,petitions_received,19,,'
		].join('\n');
		// As the page passes it: the chosen file itself (a Blob), read where DuckDB runs.
		const { js, bulk } = await bothPaths(rows, 'clean.csv', { asBlob: true });
		expect(rowFindings(bulk.result.issues)).toEqual(rowFindings(js.issues));
		expect(new Set(bulk.result.issues.map((i) => i.code))).toEqual(
			new Set(['duplicate_conflict', 'negative_count', 'mediated_success_exceeds_mediated', 'rate_mismatch'])
		);
		const staged = await stagedRows(bulk.table);
		expect(byKey(staged)).toEqual(byKey(js.observations));
		await store.dropStaged(bulk.table);
	});

	it.each([
		['with keys written twice (rules checked after those are taken out)', true],
		['without (rules screened in the pass over the pairs)', false]
	])('stages a file whose texts are all written as stored as it was read, %s', async (_, twice) => {
		// Canonical names, years, codes, plain numbers and qualifiers, nothing out of range: the rows are
		// staged as read. Still: a repeated row, a conflicting duplicate, more successes than mediations
		// (rejected; approximate: a warning), a rate off its counts, a neutralised formula in a note.
		const lines = [
			'unit,period,indicator,value,qualifier,note',
			'Phổ An,2022,petitions_received,12,,',
			'Phổ An,2022,land_disputes_mediated,4,,',
			'Phổ An,2022,land_disputes_mediated_success,6,,',
			'Phổ Văn,2023,petitions_received,7,,"\'=1+1"',
			'Phổ Văn,2023,petitions_received,7,,"\'=1+1"',
			'Phổ Văn,2022,households,2450,>,',
			'Phổ Văn,2022,households,2451,,',
			'Phổ Thạnh,2023,land_disputes_mediated,3,~,',
			'Phổ Thạnh,2023,land_disputes_mediated_success,4,,',
			'Nguyễn Nghiêm,2023,petition_cases_received,21,,',
			'Nguyễn Nghiêm,2023,land_disputes_mediated,8,,',
			'Nguyễn Nghiêm,2023,feedback_cases_resolved,12,,',
			'Nguyễn Nghiêm,2023,petition_resolution_rate_reported,99.5,,',
			'Nguyễn Nghiêm,2022,petitions_received,19,,'
		];
		// Without keys written twice: the first of each pair only.
		const rows = (twice ? lines : lines.filter((_, k) => k !== 5 && k !== 7)).join('\n');
		const fileName = "as read'; DROP TABLE observations; --.csv";
		const { js, bulk } = await bothPaths(rows, fileName);
		const id = bulk.table.slice('bulk_ok_'.length);
		const behind = async () =>
			(
				await store.query<{ name: string }>(
					`SELECT table_name AS name FROM duckdb_tables() WHERE table_name IN ('bulk_raw_${id}', 'bulk_rows_${id}')`
				)
			).map((t) => t.name);
		expect(await behind()).toEqual([`bulk_raw_${id}`]);
		expect(rowFindings(bulk.result.issues)).toEqual(rowFindings(js.issues));
		expectSameCounts(bulk.result, js);
		expect(new Set(bulk.result.issues.map((i) => i.code))).toEqual(
			new Set([
				...(twice ? ['duplicate_same', 'duplicate_conflict'] : []),
				'mediated_success_exceeds_mediated',
				'rate_mismatch'
			])
		);
		const staged = await stagedRows(bulk.table);
		expect(byKey(staged)).toEqual(byKey(js.observations));
		expect(staged).toHaveLength(twice ? 10 : 11);
		expect(staged.find((o) => o.unit === 'Phổ Văn' && o.period === '2023')).toMatchObject({
			value: 7,
			note: '=1+1',
			source: fileName
		});
		await store.dropStaged(bulk.table);
		expect(await behind()).toEqual([]);
	});

	it('finds a repeated line among more than 64 indicator texts', async () => {
		const rows = [
			'unit,period,indicator,value,qualifier,note',
			...Array.from({ length: 70 }, (_, k) => `Phổ An,2022,made_up_${k},${k},,`),
			'Phổ An,2022,petitions_received,12,,',
			'Phổ An,2022,petitions_received,13,,',
			'Phổ Văn,2022,petitions_received,5,,'
		].join('\n');
		const { js, bulk } = await bothPaths(rows, 'many.csv');
		expect(rowFindings(bulk.result.issues)).toEqual(rowFindings(js.issues));
		expect(bulk.result.issues.filter((i) => i.code === 'duplicate_conflict').map((i) => i.row)).toEqual([73]);
		expect(byKey(await stagedRows(bulk.table))).toEqual(byKey(js.observations));
		await store.dropStaged(bulk.table);
	});

	it('finds the same key written two ways (unit, period or indicator told differently)', async () => {
		// No line repeats another's texts: each duplicate exists only once the texts are resolved.
		const rows = [
			'unit,period,indicator,value,qualifier,note',
			'Phổ An,2022,petitions_received,12,,',
			'P. Phổ An,2022,petitions_received,13,,',
			'Phổ Văn,2023,households,2450,,',
			'Phổ Văn,Năm 2023,households,2450,,',
			'Phổ Châu,2023,petitions_received,7,,',
			'Phổ Châu,2023,Tổng số đơn tiếp nhận,9,,',
			'Phổ Minh,2023,petitions_received,5,,'
		].join('\n');
		const { js, bulk } = await bothPaths(rows, 'twice.csv');
		expect(rowFindings(bulk.result.issues)).toEqual(rowFindings(js.issues));
		expect(bulk.result.issues.filter((i) => i.row > 0).map((i) => [i.code, i.row])).toEqual(
			expect.arrayContaining([
				['duplicate_conflict', 3],
				['duplicate_same', 5],
				['duplicate_conflict', 7]
			])
		);
		const staged = await store.query<Observation>(
			`SELECT unit, period, indicator, value FROM ${bulk.table} ORDER BY unit`
		);
		expect(staged.map((o) => `${o.unit} ${o.period} ${o.value}`)).toEqual([
			'Phổ Minh 2023 5',
			'Phổ Văn 2023 2450'
		]);
		await store.dropStaged(bulk.table);
	});

	it.each([
		['from the tallies of the distinct texts', false],
		['row by row, when a value is out of range', true]
	])('counts missing and skipped rows as the JavaScript path does: %s', async (_, outOfRange) => {
		const rows = [
			'unit,period,indicator,value,qualifier,note',
			'Phổ An,2022,petitions_received,12,,',
			'Phổ An,2023,petitions_received,-,,',
			'Phổ Văn,2023,petitions_received,—,,',
			'Phổ Văn,2022,petition_cases_handled,4,,',
			// A derived indicator without a value: missing, and skipped only once.
			'Phổ Văn,2023,petition_cases_handled,-,,',
			'Phổ Châu,2023,periodic_reception_schedule,Thứ Năm hằng tuần,,',
			'Phổ Châu,2023,cultural_family_households_pct,"95,2",,',
			'Phổ Minh,2023,cultural_family_households_pct,100,,',
			...(outOfRange ? ['Phổ Châu,2023,households,-3,,'] : [])
		].join('\n');
		// A hostile file name becomes the rows' source as it is, and nothing else.
		const fileName = "tally'; DROP TABLE observations; --.csv";
		const { js, bulk } = await bothPaths(rows, fileName);
		expectSameCounts(bulk.result, js);
		expect(bulk.result.stats).toMatchObject({
			rows: outOfRange ? 9 : 8,
			skipped: 5,
			errors: outOfRange ? 1 : 0
		});
		expect(sortIssues(bulk.result.issues)).toEqual(sortIssues(js.issues));
		expect(await store.query(`SELECT DISTINCT source FROM ${bulk.table}`)).toEqual([{ source: fileName }]);
		expect((await store.query('SELECT count(*) AS n FROM observations'))[0].n).toBeGreaterThan(0);
		await store.dropStaged(bulk.table);
	});

	it('keeps a source column where it has one, and names the file where it is empty', async () => {
		const rows = [
			'unit,period,indicator,value,qualifier,note,source',
			'Phổ An,2022,petitions_received,12,,,Báo cáo 2022',
			'Phổ Văn,2022,petitions_received,3,,,',
			'Phổ Văn,2023,petitions_received,4,,'
		].join('\n');
		const { js, bulk } = await bothPaths(rows, 'sources.csv');
		const staged = await stagedRows(bulk.table);
		expect(staged.map((o) => o.source)).toEqual(['Báo cáo 2022', 'sources.csv', 'sources.csv']);
		expect(byKey(staged)).toEqual(byKey(js.observations));
		await store.dropStaged(bulk.table);
	});

	it('imports an export of the bundled data back to identical rows, then commits it', async () => {
		const all = await store.query<Observation>(
			'SELECT unit, period, indicator, value, qualifier, source, note FROM observations'
		);
		const bytes = encode(toCanonicalCsv(all));
		const bulk = (await bulkImport(store, bytes, { ...opts, fileName: 'export.csv' }, { minBytes: 0 }))!;
		expect(bulk.result.stats.errors).toBe(0);
		const diff = await store.diff({ table: bulk.table });
		expect(diff).toMatchObject({ added: 0, changed: 0, unchanged: all.length });
		const [summary] = await store.commitImports([{ file: 'export.csv', table: bulk.table }]);
		expect(summary).toMatchObject({ added: 0, changed: 0, unchanged: all.length });
		await store.compact();
		await expect(store.query(`SELECT * FROM ${bulk.table}`)).rejects.toThrow();
	});

	it('leaves small files and other shapes to the JavaScript path', async () => {
		expect(await bulkImport(store, encode(MESSY), { ...opts, fileName: 'm.csv' })).toBeNull();
		const wide = readFileSync('tests/fixtures/import/wide-indicator.csv');
		expect(
			await bulkImport(store, new Uint8Array(wide), { ...opts, fileName: 'w.csv' }, { minBytes: 0 })
		).toBeNull();
	});
});
