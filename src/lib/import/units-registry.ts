/**
 * The three source CSV texts → the registry's files by name (`provinces.json`, `51.json` …), as
 * scripts/build-units.ts writes them and the registry test compares them.
 */
import Papa from 'papaparse';
import {
	buildRegistry,
	provincesJson,
	registryJson,
	type CrosswalkRow,
	type NewUnitRow,
	type OldUnitRow
} from '../model/registry-build';

export function csvRows<T>(text: string): T[] {
	const parsed = Papa.parse<T>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
	if (parsed.errors.length > 0)
		throw new Error(`CSV: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
	return parsed.data;
}

export function registryOutputs(oldCsv: string, newCsv: string, crosswalkCsv: string): Map<string, string> {
	const reg = buildRegistry(
		csvRows<OldUnitRow>(oldCsv),
		csvRows<NewUnitRow>(newCsv),
		csvRows<CrosswalkRow>(crosswalkCsv)
	);
	const out = new Map<string, string>([['provinces.json', provincesJson(reg.provinces)]]);
	for (const p of reg.provinces) out.set(`${p.code}.json`, registryJson(reg.byProvince.get(p.code)!));
	return out;
}
