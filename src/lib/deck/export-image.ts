/**
 * Chart images for files: an option is drawn again into an offscreen ECharts instance at a fixed size
 * (a copy at export size, after Evidence's print copies — never the screen canvas scaled), after the
 * fonts have loaded and the chart has finished drawing (after Rill's settle step). PNG at 2× pixel
 * ratio on white; SVG as text with the font embedded, so Vietnamese reads right wherever it is opened.
 *
 * The ECharts runtime is passed in (`$lib/components/echarts` in the app, full ECharts in tests): state
 * code does not import components.
 */
import type { EChartsOption } from 'echarts';
import type { EChartsType } from 'echarts/core';
import type { ChartTheme } from '$lib/charts';

export interface EChartsRuntime {
	init(
		dom: HTMLElement | null,
		theme?: string | object | null,
		opts?: {
			renderer?: 'canvas' | 'svg';
			width?: number;
			height?: number;
			devicePixelRatio?: number;
			ssr?: boolean;
		}
	): EChartsType;
}

export interface ImageSize {
	width: number;
	height: number;
}

/** 16:9, wide enough for 15 units' names; the PNG is twice this in pixels. */
export const EXPORT_SIZE: ImageSize = { width: 1200, height: 675 };
export const PIXEL_RATIO = 2;
/** A chart that never reports 'finished' is taken as it is after this long. */
const FINISH_TIMEOUT_MS = 5000;

/** Text covering the Vietnamese and Latin subsets of the bundled font. */
const FONT_PROBE = 'Tiếng Việt Đức Phổ ươ ĐƯ 0123456789 % – “”';
const FONT_FAMILY_NAME = 'Be Vietnam Pro';
const WEIGHTS = ['400', '600', '700'];

/**
 * Fonts load only when something uses them, and a canvas does not wait: ask for every weight the
 * charts use, with Vietnamese text, then wait until nothing is loading.
 */
export async function settleFonts(doc: Document = document): Promise<void> {
	if (!doc.fonts) return;
	await Promise.all(
		WEIGHTS.map((w) => doc.fonts.load(`${w} 16px "${FONT_FAMILY_NAME}"`, FONT_PROBE).catch(() => []))
	);
	await doc.fonts.ready;
}

/** Two animation frames: whatever was scheduled has been painted. */
export function nextFrames(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function finished(chart: EChartsType): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, FINISH_TIMEOUT_MS);
		chart.on('finished', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** The option as it is drawn for a file: no animation (it would be caught half-way). */
export function staticOption(option: EChartsOption): EChartsOption {
	return { ...option, animation: false };
}

/** A PNG data URL of `option` drawn at `size` CSS px × `pixelRatio`, on white. */
export async function renderPng(
	echarts: EChartsRuntime,
	option: EChartsOption,
	opts: { size?: ImageSize; theme?: ChartTheme; pixelRatio?: number } = {}
): Promise<string> {
	const { width, height } = opts.size ?? EXPORT_SIZE;
	const pixelRatio = opts.pixelRatio ?? PIXEL_RATIO;
	await settleFonts();
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px;pointer-events:none;`;
	document.body.append(host);
	const chart = echarts.init(host, opts.theme ?? 'print', {
		renderer: 'canvas',
		width,
		height,
		devicePixelRatio: pixelRatio
	});
	try {
		const done = finished(chart);
		chart.setOption(staticOption(option), { notMerge: true });
		await done;
		await nextFrames();
		return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#fff' });
	} finally {
		chart.dispose();
		host.remove();
	}
}

export interface EmbeddedFont {
	weight: string;
	unicodeRange: string;
	/** Same-origin URL of a woff2 file. */
	url: string;
}

/** `@font-face` rules with the font files inlined as data URLs (fetched from the page's own origin). */
export async function fontFaceCss(
	fonts: readonly EmbeddedFont[],
	family = FONT_FAMILY_NAME
): Promise<string> {
	const rules = await Promise.all(
		fonts.map(async (f) => {
			const response = await fetch(f.url);
			if (!response.ok) throw new Error(`${f.url}: HTTP ${response.status}`);
			const bytes = new Uint8Array(await response.arrayBuffer());
			return `@font-face{font-family:'${family}';font-style:normal;font-weight:${f.weight};src:url(data:font/woff2;base64,${toBase64(bytes)}) format('woff2');unicode-range:${f.unicodeRange};}`;
		})
	);
	return rules.join('');
}

export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	const chunk = 0x8000;
	for (let i = 0; i < bytes.length; i += chunk)
		binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
	return btoa(binary);
}

/** The font weights an SVG string asks for (400 always). */
export function weightsUsed(svg: string): string[] {
	const used = new Set(['400']);
	if (/font(?:-weight)?:\s*(?:normal\s+)?(?:600|semibold)/i.test(svg)) used.add('600');
	if (/font(?:-weight)?:\s*(?:normal\s+)?(?:700|bold)\b/i.test(svg)) used.add('700');
	return WEIGHTS.filter((w) => used.has(w));
}

/** Put a `<style>` right after the opening `<svg …>` tag. */
export function embedStyle(svg: string, css: string): string {
	if (!css) return svg;
	const safe = css.replace(/]]>/g, ']]]]><![CDATA[>');
	return svg.replace(/<svg\b[^>]*>/, (open) => `${open}<style><![CDATA[${safe}]]></style>`);
}

/** An SVG document of `option` drawn at `size`, with an XML declaration and, if given, embedded fonts. */
export function renderSvgText(
	echarts: EChartsRuntime,
	option: EChartsOption,
	opts: { size?: ImageSize; theme?: ChartTheme; fontCss?: string } = {}
): string {
	const { width, height } = opts.size ?? EXPORT_SIZE;
	const chart = echarts.init(null, opts.theme ?? 'print', { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(staticOption(option), { notMerge: true });
		const svg = (chart as EChartsType & { renderToSVGString(): string }).renderToSVGString();
		return `<?xml version="1.0" encoding="UTF-8"?>\n${embedStyle(svg, opts.fontCss ?? '')}`;
	} finally {
		chart.dispose();
	}
}

/** `data:image/png;base64,…` → bytes. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
	const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
	const binary = atob(base64);
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

/** Width and height from a PNG's header (IHDR), or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): ImageSize | null {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
