/** "Did you mean …" — closest known keys by edit distance. */

/** Inputs longer than this are not compared (a 2 MB cell must not cost seconds). */
const MAX_COMPARED = 120;

/** Levenshtein distance with one rolling row; stops early once every cell exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (a === b) return 0;
	if (a.length > b.length) [a, b] = [b, a];
	if (b.length - a.length > limit) return limit + 1;
	let prev = new Array<number>(a.length + 1);
	let next = new Array<number>(a.length + 1);
	for (let i = 0; i <= a.length; i++) prev[i] = i;
	for (let j = 1; j <= b.length; j++) {
		next[0] = j;
		let rowMin = j;
		const bj = b.charCodeAt(j - 1);
		for (let i = 1; i <= a.length; i++) {
			const cost = a.charCodeAt(i - 1) === bj ? 0 : 1;
			const v = Math.min(prev[i] + 1, next[i - 1] + 1, prev[i - 1] + cost);
			next[i] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > limit) return limit + 1;
		[prev, next] = [next, prev];
	}
	return prev[a.length];
}

export interface Candidate {
	/** Normalised key to compare with. */
	key: string;
	/** What to show the user (a unit name, an indicator code). */
	label: string;
}

/**
 * Up to `max` distinct labels whose key is closest to `key`, nearest first. Candidates further than
 * about 60 % of the longer string are not offered: they would only confuse.
 */
export function closest(key: string, candidates: readonly Candidate[], max = 3): string[] {
	if (!key || key.length > MAX_COMPARED) return [];
	const best = new Map<string, number>();
	for (const c of candidates) {
		if (!c.key || c.key.length > MAX_COMPARED) continue;
		const limit = Math.max(3, Math.ceil(0.6 * Math.max(key.length, c.key.length)));
		const d = editDistance(key, c.key, limit);
		if (d > limit) continue;
		const had = best.get(c.label);
		if (had === undefined || d < had) best.set(c.label, d);
	}
	return [...best.entries()]
		.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
		.slice(0, max)
		.map(([label]) => label);
}
