/**
 * Colours. The categorical palette joins Okabe–Ito (minus black, grey and yellow, which vanish on white)
 * with Paul Tol's muted, bright, vibrant and light sets, keeping only colours at least ΔE 18 (CIE76)
 * apart, saturated ones first: the 15 units of a town get the most legible colours.
 */

export const CATEGORICAL: readonly string[] = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#332288',
	'#E69F00',
	'#882255',
	'#117733',
	'#56B4E9',
	'#AA4499',
	'#999933',
	'#CC3311',
	'#44AA99',
	'#004488',
	'#997700',
	'#EE3377',
	'#CC6677',
	'#EE8866',
	'#BBCC33',
	'#DDCC77',
	'#99DDFF',
	'#FFAABB'
];

/** The town (median or total) and other references: dark grey, never a unit colour. */
export const REFERENCE_COLOR = '#3D3D3D';
/** Cells and bars without data. */
export const MISSING_COLOR = '#EEEEEE';
export const MISSING_PATTERN_COLOR = '#C4C4C4';

/** Sequential scales, light → dark. Better values are darker; the neutral one has no good/bad hue. */
export const SEQUENTIAL_GOOD: readonly string[] = [
	'#F0F9E8',
	'#CCEBC5',
	'#A8DDB5',
	'#7BCCC4',
	'#4EB3D3',
	'#2B8CBE',
	'#08589E'
];
export const SEQUENTIAL_NEUTRAL: readonly string[] = [
	'#F2F0F7',
	'#DADAEB',
	'#BCBDDC',
	'#9E9AC8',
	'#807DBA',
	'#6A51A3',
	'#4A1486'
];

/** Stable colours: a unit's colour is fixed by its position in `units` (the full unit list, not the shown subset). */
export function makeColorOf(units: readonly string[]): (unit: string) => string {
	const index = new Map<string, number>();
	units.forEach((u, i) => {
		if (!index.has(u)) index.set(u, i);
	});
	return (unit) => {
		const i = index.get(unit) ?? units.length + hash(unit);
		return CATEGORICAL[i % CATEGORICAL.length];
	};
}

/** Small string hash so a unit missing from the list still gets the same colour every time. */
function hash(text: string): number {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
	return h;
}

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
	let h = hex.trim().replace(/^#/, '');
	if (h.length === 3) h = [...h].map((c) => c + c).join('');
	const n = parseInt(h.slice(0, 6), 16);
	if (h.length < 6 || Number.isNaN(n)) return [0, 0, 0];
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
	return (
		'#' +
		[r, g, b]
			.map((c) =>
				Math.round(Math.min(255, Math.max(0, c)))
					.toString(16)
					.padStart(2, '0')
			)
			.join('')
			.toUpperCase()
	);
}

/** WCAG relative luminance, 0 (black) … 1 (white). */
export function luminance(color: string): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	const [r, g, b] = hexToRgb(color);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export const DARK_TEXT = '#111111';
export const LIGHT_TEXT = '#FFFFFF';

/** The text colour (near-black or white) with the higher WCAG contrast on `bg`. */
export function textColorOn(bg: string): string {
	const l = luminance(bg);
	const onWhite = 1.05 / (l + 0.05);
	const onDark = (l + 0.05) / (luminance(DARK_TEXT) + 0.05);
	return onDark >= onWhite ? DARK_TEXT : LIGHT_TEXT;
}

/**
 * Colour of `t` (0…1) along evenly spaced stops, interpolated in RGB — the same way ECharts'
 * continuous visualMap interpolates `inRange.color`, so labels can pick a readable text colour.
 */
export function interpolate(stops: readonly string[], t: number): string {
	if (stops.length === 0) return MISSING_COLOR;
	if (stops.length === 1 || !Number.isFinite(t)) return stops[0];
	const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
	const i = Math.min(stops.length - 2, Math.floor(x));
	const f = x - i;
	const a = hexToRgb(stops[i]);
	const b = hexToRgb(stops[i + 1]);
	return rgbToHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** Stops for a heatmap: low → high, dark where the value is better; neutral when no side is better. */
export function sequentialFor(higherIsBetter: boolean | null): string[] {
	if (higherIsBetter === null) return [...SEQUENTIAL_NEUTRAL];
	return higherIsBetter ? [...SEQUENTIAL_GOOD] : [...SEQUENTIAL_GOOD].reverse();
}
