/**
 * The scope last applied in this browser: which province's registry the unit pages read. The unit list
 * it made is kept with the workspace (on the server, for everyone); this only remembers the choice.
 */
import { isNew, SAMPLE_SCOPE, type ProvinceEntry, type Scope } from '$lib/model/registry';
import type { Unit } from '$lib/model/types';

const KEY = 'chi-so:scope';

export function loadScope(): Scope {
	try {
		const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
		const s = raw ? (JSON.parse(raw) as Partial<Scope>) : null;
		if (s && typeof s.province === 'string' && /^\d{2}$/.test(s.province) && Array.isArray(s.districts))
			return { province: s.province, districts: s.districts.filter((d) => typeof d === 'string') };
	} catch {
		// an unreadable choice is forgotten
	}
	return SAMPLE_SCOPE;
}

/** Whether this browser has applied (or confirmed) a scope: the first-use prompt asks until it has. */
export function hasChosenScope(): boolean {
	try {
		return typeof localStorage === 'undefined' || localStorage.getItem(KEY) !== null;
	} catch {
		return true;
	}
}

export function saveScope(scope: Scope): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(scope));
	} catch {
		// private mode: the choice lasts for this page only
	}
}

/**
 * The new province the workspace's unit list belongs to: its units of 2025 name it as their parent
 * (so every browser of a server workspace finds the admin's choice); null when none does.
 */
export function provinceOfUnits(units: readonly Unit[], provinces: readonly ProvinceEntry[]): string | null {
	const names = new Map(provinces.map((p) => [p.name, p.code]));
	for (const u of units) {
		const code = isNew(u) ? names.get(u.parent) : undefined;
		if (code) return code;
	}
	return null;
}

/** The province whose registry the unit pages read: the unit list's own, else this browser's choice. */
export async function scopeProvince(units: readonly Unit[]): Promise<string> {
	const provinces = await fetch('/registry/provinces.json')
		.then((r) => (r.ok ? (r.json() as Promise<ProvinceEntry[]>) : []))
		.catch(() => []);
	return provinceOfUnits(units, provinces) ?? loadScope().province;
}
