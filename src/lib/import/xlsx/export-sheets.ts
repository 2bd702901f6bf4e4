/**
 * The tables written for Excel: the stored figures (Vietnamese headers the importer itself
 * recognises, values as numbers, so a downloaded workbook imports back unchanged) and an import's
 * findings with their cells.
 */
import type { Indicator, Observation } from '$lib/model/types';
import type { ImportIssue } from '../types';
import type { XlsxCell, XlsxSheet } from './writer';

export const DATA_HEADER = [
	'Đơn vị',
	'Kỳ',
	'Mã chỉ tiêu',
	'Tên chỉ tiêu đầy đủ',
	'Giá trị',
	'Dấu so sánh',
	'Ghi chú',
	'Nguồn'
];

export function observationsSheet(
	observations: readonly Observation[],
	dictionary: readonly Indicator[]
): XlsxSheet {
	const names = new Map(dictionary.map((i) => [i.code, i.name_vi]));
	const rows: XlsxCell[][] = [DATA_HEADER];
	for (const o of observations) {
		rows.push([
			o.unit,
			o.period,
			o.indicator,
			names.get(o.indicator) ?? '',
			o.value,
			o.qualifier,
			o.note,
			o.source
		]);
	}
	return { name: 'Số liệu', rows, widths: [18, 10, 30, 50, 12, 8, 30, 30] };
}

export const FINDINGS_HEADER = [
	'Tệp',
	'Ô',
	'Hàng',
	'Cột',
	'Giá trị trong tệp',
	'Mức',
	'Mã',
	'Nội dung',
	'Nội dung (tiếng Anh)'
];
const SEVERITY: Record<ImportIssue['severity'], string> = {
	error: 'Lỗi',
	warning: 'Cảnh báo',
	info: 'Thông tin'
};

export function findingsSheet(issues: readonly ImportIssue[]): XlsxSheet {
	const rows: XlsxCell[][] = [FINDINGS_HEADER];
	for (const i of issues) {
		rows.push([
			i.file,
			i.cell ?? '',
			i.row || null,
			i.column,
			i.value,
			SEVERITY[i.severity],
			i.code,
			i.vi,
			i.en
		]);
	}
	return { name: 'Phát hiện', rows, widths: [24, 22, 8, 24, 24, 12, 22, 80, 80] };
}
