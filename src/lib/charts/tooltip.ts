/**
 * HTML for tooltips. ECharts inserts formatter output as HTML, and every name in it comes from a CSV
 * file, so every piece of text here goes through `escapeHtml` — there is no other way in.
 */
import { escapeHtml } from '$lib/format';

export interface TooltipLine {
	color?: string;
	name: string;
	value: string;
	/** Dashed marker for reference series. */
	dashed?: boolean;
	bold?: boolean;
}

/** The subset of ECharts' callback params the formatters read. */
export interface TooltipParam {
	seriesName?: string;
	seriesIndex?: number;
	dataIndex: number;
	name?: string;
}

export function asParamList(params: TooltipParam | TooltipParam[]): TooltipParam[] {
	return Array.isArray(params) ? params : [params];
}

function marker(color: string | undefined, dashed: boolean): string {
	if (!color) return '';
	const c = escapeHtml(color);
	const style = dashed
		? `display:inline-block;width:14px;height:0;border-top:2px dashed ${c};margin-right:6px;vertical-align:middle`
		: `display:inline-block;width:10px;height:10px;border-radius:50%;background:${c};margin-right:6px`;
	return `<span style="${style}"></span>`;
}

export function tooltipHtml(title: string, lines: TooltipLine[], notes: string[] = []): string {
	const head = `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(title)}</div>`;
	const body = lines
		.map(
			(l) =>
				`<div style="display:flex;justify-content:space-between;gap:16px${l.bold ? ';font-weight:600' : ''}">` +
				`<span>${marker(l.color, l.dashed ?? false)}${escapeHtml(l.name)}</span>` +
				`<span style="font-variant-numeric:tabular-nums">${escapeHtml(l.value)}</span></div>`
		)
		.join('');
	const foot = notes.map((n) => `<div style="margin-top:4px;opacity:0.75">${escapeHtml(n)}</div>`).join('');
	return head + body + foot;
}
