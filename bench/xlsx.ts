/**
 * Section 4 of `npm run bench` (alone: `npm run bench -- --xlsx-only`, or `npx tsx bench/xlsx.ts 100000`):
 * the same canonical rows imported from an Excel workbook and from a CSV by the importer the import
 * page's worker runs (here in Node, on one core), median of a few runs, with the ratio. The workbook is
 * what the app's own "Export for Excel" writes (numbers as numbers, inline strings), so its size and
 * shape are those of a real download; the time is split into unzip + sheet parse and the checks.
 */
import { readFileSync } from 'node:fs';
import { importCsv, parseDictionaryCsv, parseUnitsCsv } from '../src/lib/import';
import { importXlsx, openWorkbook, writeXlsx, type XlsxCell } from '../src/lib/import/xlsx';

const sizes = (process.argv.find((a) => /^\d[\d,]*$/.test(a)) ?? '100000').split(',').map(Number);
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);

const dictionary = parseDictionaryCsv(readFileSync('data/indicators.csv', 'utf8')).indicators;
const bundled = parseUnitsCsv(readFileSync('data/units.csv', 'utf8')).units;
/** Bench wards valid at any time beside the bundled ones (as the page bench adds them): 1M distinct cells. */
const WARDS = Array.from({ length: 3125 }, (_, i) => `Đơn vị ${String(i + 1).padStart(4, '0')}`);
const units = [
	...bundled,
	...WARDS.map((name, i) => ({
		...bundled[0],
		name,
		code: `B${i}`,
		valid_from: '',
		valid_to: '',
		successor: '',
		aliases: []
	}))
];
const NUMERIC = dictionary.filter((i) => i.kind === 'raw' && !['text', 'yes_no', 'rating'].includes(i.unit));

/** Rows in the canonical shape: ward × year × indicator, each key once, values the rules accept. */
function rows(n: number): XlsxCell[][] {
	const out: XlsxCell[][] = [['unit', 'period', 'indicator', 'value', 'qualifier', 'note']];
	for (let k = 0; out.length <= n; k++) {
		const ind = NUMERIC[k % NUMERIC.length];
		const year = 2015 + (Math.floor(k / NUMERIC.length) % 10);
		const u = Math.floor(k / NUMERIC.length / 10);
		const ward = WARDS[u];
		const v =
			ind.unit === 'percent' ? 100 : ind.code.includes('resolved') ? 0 : 1 + ((u * 7 + year * 3) % 40);
		out.push([ward, String(year), ind.code, v, '', '']);
	}
	return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (f: () => Promise<unknown> | unknown) => {
	const t0 = performance.now();
	await f();
	return performance.now() - t0;
};

for (const n of sizes) {
	const table = rows(n);
	const csv = new TextEncoder().encode(table.map((r) => r.join(',')).join('\n') + '\n');
	const xlsx = writeXlsx([{ name: 'Sheet1', rows: table }]);
	const options = { fileName: 'bench', dictionary, units };
	const a = await importCsv(csv, options);
	const b = await importXlsx(xlsx, options);
	if (a.observations.length !== b.observations.length || b.stats.errors !== a.stats.errors)
		throw new Error(
			JSON.stringify(b.issues.slice(0, 3)) +
				`not the same rows: csv ${a.observations.length}, xlsx ${b.observations.length} (${b.stats.errors} errors)`
		);
	const tCsv: number[] = [];
	const tXlsx: number[] = [];
	const tRead: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		tCsv.push(await time(() => importCsv(csv, options)));
		tXlsx.push(await time(() => importXlsx(xlsx, options)));
		tRead.push(
			await time(() => {
				const book = openWorkbook(xlsx);
				book.read(book.sheets[0]);
			})
		);
	}
	const [c, x, r] = [median(tCsv), median(tXlsx), median(tRead)];
	console.log(
		`  ${table.length - 1} rows: xlsx ${(xlsx.length / 1048576).toFixed(1)} MB in ${x.toFixed(0)} ms (unzip + sheet ${r.toFixed(0)} ms) · csv ${(csv.length / 1048576).toFixed(1)} MB in ${c.toFixed(0)} ms · ratio xlsx/csv ${(x / c).toFixed(2)} (median of ${RUNS})`
	);
}
