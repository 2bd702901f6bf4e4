/**
 * Unit matching at country scale: 10,000 distinct unit names, as staff files write them (with or
 * without the kind, without diacritics, abbreviated, misspelt), each with a period, matched against a
 * province's units (Quảng Ngãi: 96 new, 273 former) and against the whole country (13,373 units).
 *
 *   npx tsx scripts/bench-units.ts [--names=10000] [--runs=5]
 */
import { readFileSync } from 'node:fs';
import { countryUnits, provinceUnits, staffNames } from '../tests/fixtures/unit-names';
import { unitMatcher } from '../src/lib/import/units';
import type { Unit } from '../src/lib/model/types';

const arg = (name: string, dflt: number): number =>
	Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const N = arg('names', 10000);
const RUNS = arg('runs', 5);
const read = (code: string): string => readFileSync(`static/registry/${code}.json`, 'utf8');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(label: string, units: Unit[]): void {
	const names = staffNames(units, N, 1);
	const index: number[] = [];
	const match: number[] = [];
	let matched = 0;
	let ambiguous = 0;
	for (let r = 0; r < RUNS; r++) {
		const copy = [...units]; // a fresh array: the index is built again
		let t = performance.now();
		const m = unitMatcher(copy);
		m('x', null);
		index.push(performance.now() - t);
		t = performance.now();
		matched = 0;
		ambiguous = 0;
		for (const n of names) {
			const res = m(n.raw, n.period);
			if (res.unit) matched++;
			else if (res.ambiguous) ambiguous++;
		}
		match.push(performance.now() - t);
	}
	console.log(
		`${label.padEnd(28)} ${String(units.length).padStart(6)} units  ${String(names.length).padStart(6)} names │ index ${median(index).toFixed(0).padStart(5)} ms │ match ${median(match).toFixed(0).padStart(6)} ms (min ${Math.min(...match).toFixed(0)}, max ${Math.max(...match).toFixed(0)}) │ matched ${matched}, ambiguous ${ambiguous}, unknown ${names.length - matched - ambiguous}`
	);
}

bench('Quảng Ngãi (province scope)', provinceUnits(read('51')));
bench('whole country', countryUnits(readFileSync('static/registry/provinces.json', 'utf8'), read));
