/**
 * The scope last applied in this browser (local mode): which province's registry the unit pages read.
 * The unit list it made is kept with the workspace; this only remembers the choice.
 */
import { SAMPLE_SCOPE, type Scope } from '$lib/model/registry';

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

export function saveScope(scope: Scope): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(scope));
	} catch {
		// private mode: the choice lasts for this page only
	}
}
