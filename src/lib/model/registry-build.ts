/**
 * The country's unit registry, built from the three official lists in data/vn-units-2025 (old units,
 * new units, the crosswalk between them) into one file per new province: its new units, every old unit
 * that went (wholly or partly) into one of them, and the crosswalk rows with their legal clause.
 * Pure: the rows come in as plain objects (scripts/build-units.ts reads the files). Deterministic: the
 * same rows give the same files, byte for byte.
 */
import {
	LAST_DAY_BEFORE,
	REORGANISATION_DAY,
	type CrosswalkLink,
	type ProvinceEntry,
	type ProvinceRegistry,
	type RegistryUnit
} from './registry';

export interface OldUnitRow {
	code: string;
	name: string;
	level: string;
	district_code: string;
	district_name: string;
	province_code: string;
	province_name: string;
}

export interface NewUnitRow {
	code: string;
	name: string;
	province_code: string;
	province_name: string;
}

export interface CrosswalkRow {
	old_code: string;
	old_name: string;
	new_code: string;
	new_name: string;
	type: string;
	resolution: string;
	clause: string;
}

export interface RegistryFiles {
	provinces: ProvinceEntry[];
	byProvince: Map<string, ProvinceRegistry>;
}

const byCode = (a: { code: string }, b: { code: string }): number =>
	a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

function oldUnit(r: OldUnitRow): RegistryUnit {
	return {
		code: r.code,
		name: r.name,
		level: r.level === 'district' ? 'district' : 'commune',
		valid_from: '',
		valid_to: LAST_DAY_BEFORE,
		district_code: r.district_code,
		district_name: r.district_name,
		province_code: r.province_code,
		province_name: r.province_name
	};
}

function newUnit(r: NewUnitRow): RegistryUnit {
	return {
		code: r.code,
		name: r.name,
		level: 'commune',
		valid_from: REORGANISATION_DAY,
		valid_to: '',
		district_code: '',
		district_name: '',
		province_code: r.province_code,
		province_name: r.province_name
	};
}

/** Builds every province's registry; throws on a crosswalk row naming a unit the lists do not have. */
export function buildRegistry(
	oldRows: readonly OldUnitRow[],
	newRows: readonly NewUnitRow[],
	crosswalk: readonly CrosswalkRow[]
): RegistryFiles {
	const olds = new Map(oldRows.map((r) => [r.code, oldUnit(r)]));
	const news = new Map(newRows.map((r) => [r.code, newUnit(r)]));
	const byProvince = new Map<string, ProvinceRegistry>();
	const oldIn = new Map<string, Set<string>>();
	for (const u of [...news.values()].sort(byCode)) {
		let p = byProvince.get(u.province_code);
		if (!p) {
			p = { code: u.province_code, name: u.province_name, units: [], links: [], clauses: [] };
			byProvince.set(u.province_code, p);
			oldIn.set(u.province_code, new Set());
		}
		p.units.push(u);
	}
	const clauseIndex = new Map<ProvinceRegistry, Map<string, number>>();
	for (const row of crosswalk) {
		const to = news.get(row.new_code);
		if (!to) throw new Error(`crosswalk: unknown new unit ${row.new_code}`);
		if (!olds.has(row.old_code)) throw new Error(`crosswalk: unknown old unit ${row.old_code}`);
		if (row.type !== 'full' && row.type !== 'partial') throw new Error(`crosswalk: type ${row.type}`);
		const p = byProvince.get(to.province_code) as ProvinceRegistry;
		let clauses = clauseIndex.get(p);
		if (!clauses) clauseIndex.set(p, (clauses = new Map()));
		let clause = clauses.get(row.clause);
		if (clause === undefined) {
			clause = p.clauses.length;
			p.clauses.push(row.clause);
			clauses.set(row.clause, clause);
		}
		const link: CrosswalkLink = {
			old: row.old_code,
			new: row.new_code,
			type: row.type,
			resolution: row.resolution,
			clause
		};
		p.links.push(link);
		oldIn.get(p.code)?.add(row.old_code);
	}
	for (const p of byProvince.values()) {
		const inside = [...(oldIn.get(p.code) ?? [])].map((c) => olds.get(c) as RegistryUnit);
		p.units.push(...inside.sort(byCode));
	}
	const provinces = [...byProvince.values()].sort(byCode).map((p) => ({
		code: p.code,
		name: p.name,
		units: p.units.filter((u) => u.valid_from === REORGANISATION_DAY).length,
		former: p.units.filter((u) => u.valid_from !== REORGANISATION_DAY).length
	}));
	return { provinces, byProvince };
}

/** A province's file as committed: JSON, one unit or link a line, so a diff reads. */
export function registryJson(p: ProvinceRegistry): string {
	const lines = (items: readonly unknown[]): string => items.map((i) => JSON.stringify(i)).join(',\n');
	return (
		`{"code":${JSON.stringify(p.code)},"name":${JSON.stringify(p.name)},\n` +
		`"units":[\n${lines(p.units)}\n],\n"links":[\n${lines(p.links)}\n],\n` +
		`"clauses":[\n${lines(p.clauses)}\n]}\n`
	);
}

export function provincesJson(provinces: readonly ProvinceEntry[]): string {
	return `[\n${provinces.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;
}
