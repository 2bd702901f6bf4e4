/**
 * The parts every chart shares: title and subtitle on top, footnote at the bottom (graphic text, so it
 * is part of exported images), aria description, fonts, background, animation. Builders ask `frame`
 * for these and for how much room is left for their grid.
 */
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY, themeSizes, type ThemeSizes } from './themes';
import type { BaseContext } from './context';

export interface Frame {
	/** Options to spread into the chart's option. */
	option: EChartsOption;
	/** px from the top where the legend or the plot may start. */
	top: number;
	/** px from the bottom the plot must keep free (footnote). */
	bottom: number;
	sizes: ThemeSizes;
}

const LINE = 1.3;

export function frame(ctx: BaseContext, description: string, extraNotes: string[] = []): Frame {
	const s = themeSizes(ctx.theme);
	let top = s.padding;
	const option: EChartsOption = {
		backgroundColor: s.background,
		textStyle: { fontFamily: FONT_FAMILY, fontSize: s.text, color: s.textColor },
		animation: ctx.theme !== 'print',
		// No `toolbox`: exports go through the app's own buttons (and the component is not even loaded).
		aria: { enabled: true, label: { enabled: true, description } }
	};
	if (ctx.title || ctx.subtitle) {
		option.title = {
			text: ctx.title ?? '',
			subtext: ctx.subtitle ?? '',
			left: s.padding,
			top: s.padding,
			padding: 0,
			itemGap: Math.round(s.subtitle * 0.4),
			textStyle: { fontFamily: FONT_FAMILY, fontSize: s.title, fontWeight: 600, color: s.textColor },
			subtextStyle: { fontFamily: FONT_FAMILY, fontSize: s.subtitle, color: s.mutedColor }
		};
		if (ctx.title) top += s.title * LINE;
		if (ctx.subtitle) top += s.subtitle * LINE + s.subtitle * 0.4;
		top += s.padding;
	}
	const notes = [ctx.footnote, ...extraNotes].filter((n): n is string => Boolean(n && n.trim()));
	let bottom = s.padding;
	if (notes.length > 0) {
		const lines = notes.join('\n').split('\n').length;
		option.graphic = [
			{
				type: 'text',
				left: s.padding,
				bottom: s.padding,
				silent: true,
				style: {
					text: notes.join('\n'),
					fontFamily: FONT_FAMILY,
					fontSize: s.footnote,
					lineHeight: Math.round(s.footnote * LINE),
					fill: s.mutedColor
				}
			}
		];
		bottom += lines * s.footnote * LINE + s.padding / 2;
	}
	return { option, top: Math.round(top), bottom: Math.round(bottom), sizes: s };
}

/** Tooltip settings shared by the builders (HTML tooltips, kept inside the chart). */
export function tooltipBase(s: ThemeSizes): NonNullable<EChartsOption['tooltip']> {
	return {
		confine: true,
		renderMode: 'html',
		backgroundColor: '#FFFFFF',
		borderColor: s.axisLineColor,
		textStyle: { fontFamily: FONT_FAMILY, fontSize: Math.max(13, Math.min(s.text, 20)), color: s.textColor }
	};
}
