/**
 * Pinned charts as files — PNG, SVG, and a deck as PPTX — with the app's ECharts runtime. The rules
 * (what a file shows, its size, settling before capture) are in `$lib/state/export-image`,
 * `chart-data`, `chart-words`, `spec-option` and `pptx`; this module only wires them to the runtime and the data session.
 */
import type { EChartsOption } from 'echarts';
import { makeColorOf, type ChartTheme } from '$lib/charts';
import { i18n } from '$lib/i18n/index.svelte';
import { data } from '$lib/views/data.svelte';
import type { ChartSpec } from '$lib/deck/chart-spec';
import type { Deck } from '$lib/deck/deck';
import { downloadBlob, downloadText } from '$lib/components/download';
import {
	dataUrlBytes,
	EXPORT_SIZE,
	fontFaceCss,
	renderPng,
	renderSvgText,
	weightsUsed,
	type EChartsRuntime,
	type ImageSize
} from '$lib/deck/export-image';
import { buildPptx, type PptxSlide } from '$lib/deck/pptx';
import {
	coverageNotes,
	exportFootnote,
	qualifierLegend,
	sourceLine,
	specSubtitle
} from '$lib/deck/chart-words';
import { displayTitle, specOption } from '$lib/deck/spec-option';
import { loadSpec } from '$lib/deck/chart-data';
import { fileName } from '$lib/deck/file-name';
import { withEverything } from '$lib/components/echarts';
import { EXPORT_FONTS } from './export-fonts';

/** The runtime with every part registered (exports bake titles in and draw SVG). */
const runtime = async () => (await withEverything()) as unknown as EChartsRuntime;

/** What a page hands to the export buttons when it has no spec: an option builder for a theme. */
export interface ExportSource {
	/** Title and footnote are baked into the picture. */
	build: (ctx: { theme: ChartTheme; title: string; footnote: string }) => EChartsOption;
	title: string;
	footnote?: string;
}

/** The option of a spec for a file: title, unit line and footnote (source, data date) baked in. */
export async function specExport(
	spec: ChartSpec,
	customTitle = '',
	theme: ChartTheme = 'print',
	size: ImageSize = EXPORT_SIZE
): Promise<{ option: EChartsOption; title: string }> {
	const loaded = await loadSpec(spec, data);
	const locale = i18n.locale;
	const title = displayTitle(customTitle || (spec.title ?? ''), loaded, data.dictionary, locale);
	const { option } = specOption(spec, loaded, {
		theme,
		locale,
		colorOf: makeColorOf(data.units.map((u) => u.name)),
		title,
		subtitle: specSubtitle(loaded, locale),
		footnote: exportFootnote(loaded, locale, theme, size.width)
	});
	return { option, title };
}

async function optionOf(source: ChartSpec | ExportSource, customTitle: string, theme: ChartTheme) {
	if ('build' in source)
		return {
			option: source.build({ theme, title: source.title, footnote: source.footnote ?? '' }),
			title: source.title
		};
	return specExport(source, customTitle, theme);
}

export async function downloadPng(source: ChartSpec | ExportSource, customTitle = ''): Promise<string> {
	const { option, title } = await optionOf(source, customTitle, 'print');
	const url = await renderPng(await runtime(), option, { size: EXPORT_SIZE, theme: 'print' });
	const name = fileName(title, 'png');
	downloadBlob(name, new Blob([dataUrlBytes(url) as BlobPart], { type: 'image/png' }));
	return name;
}

export async function downloadSvg(source: ChartSpec | ExportSource, customTitle = ''): Promise<string> {
	const { option, title } = await optionOf(source, customTitle, 'print');
	const plain = renderSvgText(await runtime(), option, { size: EXPORT_SIZE, theme: 'print' });
	const used = new Set(weightsUsed(plain));
	const css = await fontFaceCss(EXPORT_FONTS.filter((f) => used.has(f.weight)));
	const svg = renderSvgText(await runtime(), option, { size: EXPORT_SIZE, theme: 'print', fontCss: css });
	const name = fileName(title, 'svg');
	downloadText(name, svg, 'image/svg+xml;charset=utf-8');
	return name;
}

/** The chart picture of a PPTX slide: projector type (it is shown on a wall), no title (slide text). */
const PPTX_IMAGE: ImageSize = { width: 1600, height: 660 };

export async function downloadPptx(deck: Deck, onProgress?: (done: number, total: number) => void) {
	const colorOf = makeColorOf(data.units.map((u) => u.name));
	const locale = i18n.locale;
	const slides: PptxSlide[] = [];
	for (const [i, slide] of deck.slides.entries()) {
		onProgress?.(i, deck.slides.length);
		const loaded = await loadSpec(slide.spec, data);
		const { option } = specOption(slide.spec, loaded, { theme: 'projector', locale, colorOf });
		const image = await renderPng(await runtime(), option, { size: PPTX_IMAGE, theme: 'projector' });
		slides.push({
			title: displayTitle(slide.title || (slide.spec.title ?? ''), loaded, data.dictionary, locale),
			subtitle: specSubtitle(loaded, locale),
			image: { data: image, ...PPTX_IMAGE },
			footnote: [
				...coverageNotes(loaded, locale),
				qualifierLegend(loaded, locale),
				sourceLine(loaded, locale)
			]
				.filter(Boolean)
				.join('\n'),
			note: slide.note
		});
	}
	onProgress?.(deck.slides.length, deck.slides.length);
	const blob = (await buildPptx({ name: deck.name, slides })) as Blob;
	const name = fileName(deck.name, 'pptx', 'buoi-hop');
	downloadBlob(name, blob);
	return name;
}
