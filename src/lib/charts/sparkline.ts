/**
 * Sparkline: a tiny line with no axes, no legend and no tooltip, for the overview's tiles. The last
 * point is marked; missing years are gaps. It is plain SVG (`Sparkline.svelte` draws this shape), so
 * the overview's key figures show without the chart library, which loads after them for the charts
 * further down the page.
 */

export interface SparklineShape {
	/** One SVG path per run of years with figures (a missing year breaks the line). */
	lines: string[];
	/** The last year with a figure, marked with a dot. */
	last: { x: number; y: number } | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The line through `values` (one per period, `null` where missing) in a `width` × `height` box, with
 * `pad` kept free on every side for the dot: periods evenly spaced, the lowest figure at the bottom
 * and the highest at the top (a flat line sits in the middle).
 */
export function sparklineShape(
	values: (number | null)[],
	width: number,
	height: number,
	pad: number
): SparklineShape {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (present.length === 0 || width <= 2 * pad || height <= 2 * pad) return { lines: [], last: null };
	const min = Math.min(...present);
	const max = Math.max(...present);
	const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
	const x = (i: number) => round(values.length > 1 ? pad + i * step : width / 2);
	const y = (v: number) =>
		round(max === min ? height / 2 : pad + ((max - v) / (max - min)) * (height - 2 * pad));

	const lines: string[] = [];
	let run: string[] = [];
	let last: SparklineShape['last'] = null;
	const endRun = () => {
		if (run.length > 1) lines.push(`M${run.join('L')}`);
		run = [];
	};
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) return endRun();
		run.push(`${x(i)},${y(v)}`);
		last = { x: x(i), y: y(v) };
	});
	endRun();
	return { lines, last };
}
