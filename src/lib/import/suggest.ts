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

/** Candidates made ready once per list: distinct keys with their labels, and their letter pairs. */
interface Prepared {
	keys: string[];
	labels: string[][];
	/** Letter pair → (key index, how often) pairs. */
	pairs: Map<string, [number, number][]>;
}

const prepared = new WeakMap<readonly Candidate[], Prepared>();

function pairCounts(key: string): Map<string, number> {
	const out = new Map<string, number>();
	for (let i = 0; i + 1 < key.length; i++) {
		const g = key.slice(i, i + 2);
		out.set(g, (out.get(g) ?? 0) + 1);
	}
	return out;
}

function prepare(candidates: readonly Candidate[]): Prepared {
	let p = prepared.get(candidates);
	if (p) return p;
	p = { keys: [], labels: [], pairs: new Map() };
	const at = new Map<string, number>();
	for (const c of candidates) {
		if (!c.key || c.key.length > MAX_COMPARED) continue;
		let i = at.get(c.key);
		if (i === undefined) {
			i = p.keys.length;
			at.set(c.key, i);
			p.keys.push(c.key);
			p.labels.push([]);
			for (const [g, n] of pairCounts(c.key)) {
				const list = p.pairs.get(g);
				if (list) list.push([i, n]);
				else p.pairs.set(g, [[i, n]]);
			}
		}
		if (!p.labels[i].includes(c.label)) p.labels[i].push(c.label);
	}
	prepared.set(candidates, p);
	return p;
}

/**
 * Up to `max` distinct labels whose key is closest to `key`, nearest first. Candidates further than
 * about 60 % of the longer string are not offered: they would only confuse.
 *
 * Fast on long lists (a country's units): one edit changes at most two letter pairs, so the pairs a
 * key shares with a candidate give a least possible distance; candidates are tried from the most
 * promising, and the search stops once none left can be nearer than the `max` found.
 */
export function closest(key: string, candidates: readonly Candidate[], max = 3): string[] {
	if (!key || key.length > MAX_COMPARED) return [];
	const p = prepare(candidates);
	const shared = new Int32Array(p.keys.length);
	for (const [g, n] of pairCounts(key)) {
		for (const [i, m] of p.pairs.get(g) ?? []) shared[i] += Math.min(n, m);
	}
	// Least possible distance of each key, in buckets (counting sort).
	const buckets: number[][] = [];
	for (let i = 0; i < p.keys.length; i++) {
		const longer = Math.max(key.length, p.keys[i].length);
		const least = Math.max(Math.abs(key.length - p.keys[i].length), Math.ceil((longer - 1 - shared[i]) / 2));
		(buckets[least] ??= []).push(i);
	}
	const best = new Map<string, number>();
	let bound = Infinity;
	for (let least = 0; least < buckets.length && least <= bound; least++) {
		for (const i of buckets[least] ?? []) {
			const other = p.keys[i];
			const limit = Math.min(bound, Math.max(3, Math.ceil(0.6 * Math.max(key.length, other.length))));
			if (least > limit) continue;
			const d = editDistance(key, other, limit);
			if (d > limit) continue;
			for (const label of p.labels[i]) {
				const had = best.get(label);
				if (had === undefined || d < had) best.set(label, d);
			}
			if (best.size >= max) bound = [...best.values()].sort((a, b) => a - b)[max - 1];
		}
	}
	return [...best.entries()]
		.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
		.slice(0, max)
		.map(([label]) => label);
}
