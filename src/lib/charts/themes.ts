/**
 * Three media. `screen`: interactive, 12–14 px type. `projector`: a 1920×1080 wall seen from the back
 * of a meeting room — ≥ 24 px type, thick lines, pure black on white, and nothing that needs a hover.
 * `print`: black on white at 10–12 pt (1 pt = 4/3 px).
 */
import { CATEGORICAL } from './palette';

export type ChartTheme = 'screen' | 'projector' | 'print';

export const FONT_FAMILY = "'Be Vietnam Pro', 'Noto Sans', system-ui, sans-serif";

export interface ThemeSizes {
	/** Default text. */
	text: number;
	axis: number;
	/** Value labels, end labels, cell labels. */
	label: number;
	legend: number;
	title: number;
	subtitle: number;
	footnote: number;
	lineWidth: number;
	referenceLineWidth: number;
	symbolSize: number;
	/** Outer padding in px. */
	padding: number;
	textColor: string;
	mutedColor: string;
	axisLineColor: string;
	splitLineColor: string;
	background: string;
	/** false: the medium has no pointer, so values and names must be printed on the chart itself. */
	hover: boolean;
}

const PT = 4 / 3;

const SIZES: Record<ChartTheme, ThemeSizes> = {
	screen: {
		text: 13,
		axis: 12,
		label: 12,
		legend: 13,
		title: 16,
		subtitle: 13,
		footnote: 12,
		lineWidth: 2,
		referenceLineWidth: 2,
		symbolSize: 6,
		padding: 12,
		textColor: '#1F2328',
		mutedColor: '#57606A',
		axisLineColor: '#8C959F',
		splitLineColor: '#E5E7EB',
		background: '#FFFFFF',
		hover: true
	},
	projector: {
		text: 26,
		axis: 24,
		label: 24,
		legend: 24,
		title: 40,
		subtitle: 28,
		footnote: 22,
		lineWidth: 5,
		referenceLineWidth: 4,
		symbolSize: 14,
		padding: 24,
		textColor: '#000000',
		mutedColor: '#1A1A1A',
		axisLineColor: '#000000',
		splitLineColor: '#BDBDBD',
		background: '#FFFFFF',
		hover: false
	},
	print: {
		text: 10 * PT,
		axis: 10 * PT,
		label: 10 * PT,
		legend: 10 * PT,
		title: 12 * PT,
		subtitle: 11 * PT,
		footnote: 10 * PT,
		lineWidth: 1.5,
		referenceLineWidth: 1.5,
		symbolSize: 5,
		padding: 8,
		textColor: '#000000',
		mutedColor: '#000000',
		axisLineColor: '#000000',
		splitLineColor: '#D0D0D0',
		background: '#FFFFFF',
		hover: false
	}
};

export function themeSizes(theme: ChartTheme): ThemeSizes {
	return SIZES[theme] ?? SIZES.screen;
}

function echartsTheme(theme: ChartTheme): Record<string, unknown> {
	const s = themeSizes(theme);
	const axis = {
		axisLine: { lineStyle: { color: s.axisLineColor, width: theme === 'projector' ? 2 : 1 } },
		axisTick: { lineStyle: { color: s.axisLineColor } },
		axisLabel: { color: s.textColor, fontSize: s.axis, fontFamily: FONT_FAMILY },
		splitLine: { lineStyle: { color: s.splitLineColor } },
		nameTextStyle: { color: s.mutedColor, fontSize: s.axis }
	};
	return {
		color: [...CATEGORICAL],
		backgroundColor: s.background,
		textStyle: { fontFamily: FONT_FAMILY, fontSize: s.text, color: s.textColor },
		title: {
			textStyle: { fontFamily: FONT_FAMILY, fontSize: s.title, color: s.textColor, fontWeight: 600 },
			subtextStyle: { fontFamily: FONT_FAMILY, fontSize: s.subtitle, color: s.mutedColor }
		},
		legend: { textStyle: { fontFamily: FONT_FAMILY, fontSize: s.legend, color: s.textColor } },
		categoryAxis: axis,
		valueAxis: axis,
		line: { lineStyle: { width: s.lineWidth }, symbolSize: s.symbolSize },
		bar: { itemStyle: { borderWidth: 0 } },
		tooltip: { textStyle: { fontFamily: FONT_FAMILY } }
	};
}

/** ECharts theme objects, registered under their key: `echarts.registerTheme('projector', echartsThemes.projector)`. */
export const echartsThemes: Record<ChartTheme, Record<string, unknown>> = {
	screen: echartsTheme('screen'),
	projector: echartsTheme('projector'),
	print: echartsTheme('print')
};
