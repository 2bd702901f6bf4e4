/**
 * A chart on a phone: the same option, reshaped for a narrow box. The legend moves below the plot and
 * wraps over as many lines as it needs (a column of names beside the plot would leave it no room),
 * category axes drop the labels that would overlap, value axes along the width keep three steps, and
 * small multiples stack in one column, heatmap cells get labels that fit. The chart grows by what the legend and the stacked panels take,
 * so the plot keeps its height. Pure: the option passed in is never changed.
 */
import type { EChartsOption, LegendComponentOption } from 'echarts';
import { estimateWidth } from './text';

/** Below this width (px) a chart is drawn in its narrow shape. */
export const NARROW_WIDTH = 560;
/** The height of one stacked small-multiple panel (px), and the room kept under its axis labels. */
const PANEL_HEIGHT = 200;
const PANEL_GAP = 22;

export interface NarrowChart {
	option: EChartsOption;
	/** px to add to the chart's height for the legend lines and stacked panels. */
	extraHeight: number;
}

type Box = { top?: unknown; bottom?: unknown; left?: unknown; right?: unknown };
type Axis = { type?: string; axisLabel?: Record<string, unknown>; splitNumber?: number };
type Cell = { coord?: [number, number] };
type Matrix = Box & { x?: { data?: unknown[] }; y?: { data?: unknown[] } };

const num = (v: unknown, fallback = 0) => (typeof v === 'number' ? v : fallback);
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const keepShape = <T>(original: unknown, items: T[]): T | T[] => (Array.isArray(original) ? items : items[0]);

/** How many lines a wrapping legend of these names takes in `width` px (as ECharts lays items out). */
export function legendLineCount(names: string[], width: number, fontSize: number): number {
	let lines = names.length ? 1 : 0;
	let used = 0;
	for (const name of names) {
		// Icon (25 px) + gap (5) + text + item gap (10).
		const w = 40 + estimateWidth(name, fontSize);
		if (used > 0 && used + w > width) {
			lines++;
			used = 0;
		}
		used += w;
	}
	return lines;
}

/** The option for a chart `width` px wide and `height` px high (0 when the height is not known in px). */
export function narrowChart(option: EChartsOption, width: number, height = 0): NarrowChart {
	if (!(width > 0) || width >= NARROW_WIDTH) return { option, extraHeight: 0 };
	const out: EChartsOption = { ...option };
	let extra = 0;

	// Small multiples: one panel per row, each PANEL_HEIGHT high (or more when the chart is taller).
	const matrix = option.matrix as Matrix | undefined;
	const cols = matrix?.x?.data?.length ?? 0;
	const rows = matrix?.y?.data?.length ?? 0;
	if (matrix && !Array.isArray(matrix) && cols > 1 && rows > 0) {
		const restack = <T extends Cell>(cells: T[]) =>
			cells.map((c) =>
				c.coord ? { ...c, coord: [0, c.coord[1] * cols + c.coord[0]] as [number, number] } : c
			);
		// Room under each panel's year labels, so they do not touch the next panel's title.
		const grids = restack(list(option.grid as (Cell & Box) | (Cell & Box)[] | undefined)).map((g) =>
			g.coord ? { ...g, bottom: num(g.bottom) + PANEL_GAP } : g
		);
		const count = grids.filter((g) => g.coord).length;
		const plot = height > 0 ? height - num(matrix.top) - num(matrix.bottom) : 0;
		out.matrix = {
			...matrix,
			x: { ...matrix.x, data: ['0'] },
			y: { ...matrix.y, data: Array.from({ length: count }, (_, i) => String(i)) }
		} as EChartsOption['matrix'];
		out.grid = keepShape(option.grid, grids) as EChartsOption['grid'];
		out.title = keepShape(
			option.title,
			restack(list(option.title as Cell | Cell[] | undefined))
		) as EChartsOption['title'];
		extra += Math.max(0, Math.round(count * PANEL_HEIGHT - Math.max(plot, 0)));
	}

	// The legend: below the plot, wrapping.
	const legend = option.legend as LegendComponentOption | undefined;
	if (legend && !Array.isArray(legend) && legend.show !== false && Array.isArray(legend.data)) {
		const fontSize = num(legend.textStyle?.fontSize, 12);
		const pad = num(legend.left, 12);
		const format = typeof legend.formatter === 'function' ? legend.formatter : (n: string) => n;
		const names = legend.data.map((d) => format(typeof d === 'string' ? d : String(d.name ?? '')));
		const lineHeight = Math.round(fontSize * 1.6);
		const band = legendLineCount(names, width - 2 * pad, fontSize) * lineHeight + 8;
		const side = legend.orient === 'vertical';
		// A legend row on top took this much above the plot (trend and small multiples reserve it).
		const topBand = side ? 0 : Math.round(fontSize * 1.6 + 8);
		const area = (matrix && out.matrix ? out.matrix : list(out.grid as Box | Box[] | undefined)[0]) as
			Box | undefined;
		const bottom = num(area?.bottom);
		const moved = {
			...area,
			top: Math.max(0, num(area?.top) - topBand),
			bottom: bottom + band,
			...(side ? { right: pad * 2 } : {})
		};
		if (matrix && out.matrix) out.matrix = moved as EChartsOption['matrix'];
		else if (area) {
			const grids = list(out.grid as Box | Box[] | undefined);
			out.grid = keepShape(out.grid, [moved, ...grids.slice(1)]) as EChartsOption['grid'];
		}
		const rest: LegendComponentOption = { ...legend };
		delete rest.top;
		out.legend = {
			...rest,
			type: 'plain',
			orient: 'horizontal',
			left: pad,
			right: pad,
			bottom,
			itemGap: 10
		};
		extra += band - topBand;
	}

	// Axes: fewer labels along the width.
	const axis = (a: Axis): Axis =>
		a.type === 'category'
			? { ...a, axisLabel: { ...a.axisLabel, hideOverlap: true, interval: 'auto' } }
			: a.type === 'value'
				? { ...a, splitNumber: 2, axisLabel: { ...a.axisLabel, hideOverlap: true } }
				: a;
	if (option.xAxis) {
		out.xAxis = keepShape(
			option.xAxis,
			list(option.xAxis as Axis | Axis[]).map(axis)
		) as EChartsOption['xAxis'];
	}
	// Heatmap cells: labels small enough for "100,0 %*" to fit a cell (the y labels and margins take ≈ 180 px).
	const columns = (list(option.xAxis as { data?: unknown[] } | { data?: unknown[] }[])[0]?.data ?? []).length;
	if (columns > 0 && Array.isArray(option.series)) {
		const cell = (width - 180) / columns;
		const fits = Math.max(8, Math.floor(cell / (8 * 0.58)));
		out.series = option.series.map((se) =>
			se.type === 'heatmap' && se.label
				? { ...se, label: { ...se.label, fontSize: Math.min(num(se.label.fontSize, 12), fits) } }
				: se
		) as EChartsOption['series'];
	}
	return { option: out, extraHeight: Math.max(0, extra) };
}
