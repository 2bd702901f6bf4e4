/**
 * The words around a chart — unit of measure, which way is better, the qualifier legend, notes on what
 * it does not cover, source and data date — as pure functions, so screen, projector, print, exported
 * pictures and PPTX all say the same.
 */
import { themeSizes, type ChartTheme } from '$lib/charts';
import { estimateWidth } from '$lib/charts/text';
import { formatDateTime, formatPeriod, unitLabel, type Locale } from '$lib/format';
import type { Indicator } from '$lib/model/types';
import type { SpecData } from './chart-data';
import { partialNotes } from '$lib/views/coverage';
import { wholeLabel } from '$lib/views/labels';

function pick(locale: Locale, vi: string, en: string) {
	return locale === 'vi' ? vi : en;
}

/** `Đơn vị tính: %` · `Unit: people`; '' when the indicator has no unit worth naming. */
export function unitOfMeasure(indicator: Indicator | null, locale: Locale): string {
	if (!indicator) return '';
	const label = unitLabel(indicator.unit, locale);
	if (!label) return '';
	return pick(locale, `Đơn vị tính: ${label}`, `Unit: ${label}`);
}

/** The line under the title: unit of measure, which way is better, which units, the reference line. */
export function specSubtitle(data: SpecData, locale: Locale): string {
	const { spec, indicator } = data;
	const parts: string[] = [];
	const unit = unitOfMeasure(indicator, locale);
	if (unit) parts.push(unit);
	if (indicator?.higher_is_better === true)
		parts.push(pick(locale, 'cao hơn là tốt hơn', 'higher is better'));
	if (indicator?.higher_is_better === false)
		parts.push(pick(locale, 'thấp hơn là tốt hơn', 'lower is better'));
	const n = data.units.length;
	if (spec.units.length === 0)
		parts.push(
			spec.grouping === 'successor'
				? pick(locale, `${n} đơn vị từ 01/7/2025 (số liệu gộp)`, `${n} units of July 2025 (merged figures)`)
				: pick(locale, `${n} phường, xã trước 01/7/2025`, `${n} wards and communes before July 2025`)
		);
	else if (spec.kind === 'ranking')
		parts.push(pick(locale, `tô đậm: ${spec.units.join(', ')}`, `highlighted: ${spec.units.join(', ')}`));
	else if (spec.grouping === 'successor')
		parts.push(pick(locale, 'đơn vị từ 01/7/2025 (số liệu gộp)', 'units of July 2025 (merged figures)'));
	if (spec.kind === 'trend' && data.reference.length > 0)
		parts.push(
			spec.reference === 'median'
				? pick(locale, 'nét đứt: trung vị các đơn vị', 'dashed: median of the units')
				: `${pick(locale, 'nét đứt', 'dashed')}: ${wholeLabel(data.area)[locale].toLowerCase()}`
		);
	return parts.join(' · ');
}

/** What `>` and `~` mean, when the chart shows such values; '' otherwise. */
export function qualifierLegend(data: SpecData, locale: Locale): string {
	const shown = [...data.rows, ...data.reference];
	const lower = shown.some((r) => r.qualifier === '>');
	const approx = shown.some((r) => r.qualifier === '~');
	if (!lower && !approx) return '';
	const parts: string[] = [];
	if (lower) parts.push(pick(locale, '> …: “hơn …” (giá trị tối thiểu)', '> …: “over …” (a lower bound)'));
	if (approx) parts.push(pick(locale, '~…: “khoảng …” (ước tính)', '~…: “about …” (an estimate)'));
	if (data.spec.kind === 'trend')
		parts.push(pick(locale, 'điểm rỗng: giá trị có ký hiệu', 'hollow point: such a value'));
	return `${pick(locale, 'Ký hiệu', 'Marks')}: ${parts.join('; ')}`;
}

/** Notes about what the chart does not show: units without data, merged figures missing members. */
export function coverageNotes(data: SpecData, locale: Locale): string[] {
	const notes: string[] = [];
	if (data.missing.length > 0 && data.rows.length > 0) {
		const when = data.spec.kind === 'ranking' && data.year ? ` ${formatPeriod(data.year, locale)}` : '';
		notes.push(pick(locale, `Chưa có số liệu${when}: `, `No data${when}: `) + data.missing.join(', '));
	}
	if (data.spec.grouping === 'successor')
		notes.push(...partialNotes(data.rows, (g) => data.expected[g] ?? 1, locale));
	return notes;
}

const SAMPLE_SOURCE = { vi: 'dữ liệu mẫu tổng hợp', en: 'synthetic sample data' };

/** `Nguồn: Báo cáo …; dữ liệu mẫu tổng hợp · Số liệu đến: 28/11/2026 14:05`. */
export function sourceLine(
	data: Pick<SpecData, 'sources' | 'dataDate'>,
	locale: Locale,
	maxSources = 2
): string {
	const names = data.sources.map((s) =>
		s.source === 'sample' ? SAMPLE_SOURCE[locale] : s.source || pick(locale, 'không rõ', 'unknown')
	);
	const shown = names.slice(0, maxSources);
	const more = names.length - shown.length;
	const rest = more > 0 ? pick(locale, ` và ${more} nguồn khác`, ` and ${more} more`) : '';
	const parts: string[] = [];
	if (shown.length) parts.push(`${pick(locale, 'Nguồn', 'Source')}: ${shown.join('; ')}${rest}`);
	const date = formatDateTime(data.dataDate, locale);
	if (date) parts.push(`${pick(locale, 'Số liệu đến', 'Data as of')}: ${date}`);
	return parts.join(' · ');
}

/** Lines of text no wider than `width` px at `fontSize` (words kept whole unless one alone is too long). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
	const out: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		// Break at ordinary spaces only: a no-break space holds a date to its time.
		for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
			const next = line ? `${line} ${word}` : word;
			if (line && estimateWidth(next, fontSize) > width) {
				out.push(line);
				line = word;
			} else line = next;
		}
		out.push(line);
	}
	return out;
}

/**
 * The footnote baked into exported images: coverage notes, the qualifier legend, source and data
 * date — wrapped to fit a chart `width` px wide in `theme`.
 */
export function exportFootnote(data: SpecData, locale: Locale, theme: ChartTheme, width: number): string {
	const s = themeSizes(theme);
	const lines = [
		...coverageNotes(data, locale),
		qualifierLegend(data, locale),
		sourceLine(data, locale)
	].filter(Boolean);
	return lines.flatMap((l) => wrapText(l, width - 2 * s.padding, s.footnote)).join('\n');
}
