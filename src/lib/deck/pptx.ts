/**
 * A deck as a PowerPoint file (pptxgenjs, loaded only when someone asks for one): one 16:9 slide per
 * chart with its title, the unit-of-measure line, the chart as a 2× PNG, the footnote (source and data
 * date) and the speaker note. Text is real slide text in Arial (which has Vietnamese on every Office
 * machine), so titles can be edited in PowerPoint.
 */
import type PptxGenJS from 'pptxgenjs';
import type { ImageSize } from './export-image';

export interface PptxSlide {
	title: string;
	subtitle: string;
	/** A PNG data URL and its size in CSS px (the PNG itself has 2× as many pixels). */
	image: { data: string } & ImageSize;
	footnote: string;
	note: string;
}

export interface PptxDeck {
	name: string;
	slides: PptxSlide[];
}

type PptxModule = { default: typeof PptxGenJS };

/** Slide size of LAYOUT_WIDE, in inches. */
export const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.45;
const FONT = 'Arial';

/** Where the chart image goes: the largest box of its aspect inside the area between text blocks. */
export function fitImage(image: ImageSize, area: { x: number; y: number; w: number; h: number }) {
	const scale = Math.min(area.w / image.width, area.h / image.height);
	const w = image.width * scale;
	const h = image.height * scale;
	return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}

/** Build the file; `outputType` 'blob' in the browser, 'nodebuffer' or 'uint8array' in tests. */
export async function buildPptx(
	deck: PptxDeck,
	opts: {
		load?: () => Promise<PptxModule>;
		outputType?: 'blob' | 'uint8array' | 'nodebuffer';
		now?: Date;
	} = {}
): Promise<Blob | Uint8Array> {
	const { default: Pptx } = await (opts.load ?? (() => import('pptxgenjs')))();
	const pptx = new Pptx();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = deck.name;
	pptx.subject = 'Chỉ Số — buổi họp · meeting deck';
	pptx.author = 'Chỉ Số';
	pptx.company = '';
	pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };

	const width = SLIDE.width - 2 * MARGIN;
	for (const s of deck.slides) {
		const slide = pptx.addSlide();
		slide.background = { color: 'FFFFFF' };
		slide.addText(s.title, {
			x: MARGIN,
			y: 0.25,
			w: width,
			h: 0.75,
			fontFace: FONT,
			fontSize: 28,
			bold: true,
			color: '000000',
			valign: 'middle',
			fit: 'shrink',
			lang: 'vi-VN'
		});
		if (s.subtitle)
			slide.addText(s.subtitle, {
				x: MARGIN,
				y: 0.98,
				w: width,
				h: 0.42,
				fontFace: FONT,
				fontSize: 16,
				color: '333333',
				valign: 'top',
				fit: 'shrink',
				lang: 'vi-VN'
			});
		const footLines = Math.max(1, s.footnote.split('\n').length);
		const footHeight = Math.min(1.1, 0.12 + footLines * 0.22);
		const imageTop = s.subtitle ? 1.45 : 1.1;
		const area = { x: MARGIN, y: imageTop, w: width, h: SLIDE.height - imageTop - footHeight - 0.3 };
		slide.addImage({
			data: s.image.data,
			altText: s.title,
			...fitImage(s.image, area)
		});
		if (s.footnote)
			slide.addText(s.footnote, {
				x: MARGIN,
				y: SLIDE.height - footHeight - 0.2,
				w: width - 0.8,
				h: footHeight,
				fontFace: FONT,
				fontSize: 11,
				color: '333333',
				valign: 'bottom',
				fit: 'shrink',
				lang: 'vi-VN'
			});
		slide.slideNumber = {
			x: SLIDE.width - MARGIN - 0.7,
			y: SLIDE.height - 0.55,
			w: 0.7,
			h: 0.35,
			fontSize: 12,
			color: '333333',
			fontFace: FONT
		};
		if (s.note) slide.addNotes(s.note);
	}
	return (await pptx.write({ outputType: opts.outputType ?? 'blob', compression: true })) as
		Blob | Uint8Array;
}
