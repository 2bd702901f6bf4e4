/**
 * The words of Excel workbooks on the import and data pages: the drop zone, the sheet chooser, the
 * findings' cells and the downloads for Excel. A catalogue of its own; the compiler checks that both
 * languages have every key.
 */
export const xlsxVi = {
	'xlsx.drop': 'Kéo thả tệp CSV hoặc sổ Excel (.xlsx) vào đây, hoặc bấm để chọn',
	'xlsx.dropHint':
		'Excel .xlsx (chọn trang tính sau khi đọc) · CSV: UTF-8, UTF-16 (Unicode text), Windows-1258 · dấu phẩy, chấm phẩy hoặc tab',
	'xlsx.sheet': 'Trang tính',
	'xlsx.allSheets': 'Tất cả {n} trang',
	'xlsx.sheetsDiffer': 'Các trang có bố cục khác nhau nên đọc từng trang một.',
	'xlsx.cell': 'Ô',
	'xlsx.findingsXlsx': 'Tải danh sách phát hiện (.xlsx)',
	'xlsx.exportXlsx': 'Xuất Excel (.xlsx)'
} as const;

export type XlsxKey = keyof typeof xlsxVi;

export const xlsxEn: Record<XlsxKey, string> = {
	'xlsx.drop': 'Drop CSV files or Excel workbooks (.xlsx) here, or click to choose',
	'xlsx.dropHint':
		'Excel .xlsx (choose the sheet after reading) · CSV: UTF-8, UTF-16 (Unicode text), Windows-1258 · comma, semicolon or tab',
	'xlsx.sheet': 'Sheet',
	'xlsx.allSheets': 'All {n} sheets',
	'xlsx.sheetsDiffer': 'The sheets have different layouts, so they are read one at a time.',
	'xlsx.cell': 'Cell',
	'xlsx.findingsXlsx': 'Download the findings (.xlsx)',
	'xlsx.exportXlsx': 'Export for Excel (.xlsx)'
};
