/**
 * The importer's words about workbooks, in Vietnamese and English, each saying what to do. The
 * importer's message table (../messages.ts) takes them in; nothing here imports it back.
 */

interface Args {
	value?: string;
	n?: number;
	a?: string;
	b?: string;
	max?: number | string;
}

type Template = (x: Args) => [vi: string, en: string];

const SAVE_AS_VI =
	'Mở tệp bằng Excel, chọn Tệp → Lưu thành → “Sổ làm việc Excel (.xlsx)” (hoặc “CSV UTF-8”) rồi tải lên tệp mới.';
const SAVE_AS_EN =
	'Open it in Excel, choose File → Save As → “Excel Workbook (.xlsx)” (or “CSV UTF-8”) and upload the new file.';

export const XLSX_MESSAGES: Record<string, Template> = {
	xlsx_is_xls: () => [
		`Đây là sổ Excel kiểu cũ (.xls) hoặc có đặt mật khẩu; ứng dụng chỉ đọc được .xlsx không mật khẩu. ${SAVE_AS_VI}`,
		`This is an old-style Excel workbook (.xls) or a password-protected one; only .xlsx without a password can be read. ${SAVE_AS_EN}`
	],
	xlsx_is_xlsb: () => [
		`Đây là sổ Excel nhị phân (.xlsb), không đọc được. ${SAVE_AS_VI}`,
		`This is a binary Excel workbook (.xlsb), which cannot be read. ${SAVE_AS_EN}`
	],
	xlsx_is_ods: () => [
		'Đây là bảng tính OpenDocument (.ods). Mở bằng LibreOffice hoặc Excel rồi lưu thành .xlsx hoặc CSV.',
		'This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and save it as .xlsx or CSV.'
	],
	xlsx_not_zip: () => [
		`Tệp không phải sổ Excel .xlsx đọc được (hỏng hoặc sai đuôi tệp). ${SAVE_AS_VI}`,
		`The file is not a readable .xlsx workbook (damaged, or a wrong file ending). ${SAVE_AS_EN}`
	],
	xlsx_damaged: () => [
		`Sổ Excel bị hỏng: thiếu phần mô tả các trang tính. ${SAVE_AS_VI}`,
		`The workbook is damaged: the part listing its sheets is missing. ${SAVE_AS_EN}`
	],
	xlsx_zip_unsupported: () => [
		'Sổ Excel được nén theo cách không hỗ trợ (mã hoá hoặc quá 4 GB). Lưu lại thành .xlsx thường hoặc CSV.',
		'The workbook is packed in a way that is not supported (encrypted, or over 4 GB). Save it again as a plain .xlsx or as CSV.'
	],
	xlsx_zip_bomb: () => [
		'Sổ Excel bị từ chối: khi giải nén nó lớn bất thường (quá 200 MB hoặc nén hơn 100 lần). Một báo cáo thật không như vậy; hãy lưu lại tệp từ Excel.',
		'The workbook was refused: unpacked it would be abnormally large (over 200 MB or packed more than 100 times). A real report is not like that; save the file again from Excel.'
	],
	xlsx_sst_too_big: (x) => [
		`Bảng chữ dùng chung của sổ quá lớn (${x.n ?? ''} mục). Chỉ giữ trang tính cần nhập rồi lưu lại, hoặc lưu thành CSV.`,
		`The workbook's shared text table is too large (${x.n ?? ''} entries). Keep only the sheet to import and save again, or save as CSV.`
	],
	xlsx_sheet_too_big: (x) => [
		`Trang tính quá lớn (đến hàng hoặc cột ${x.n ?? ''}). Xoá các hàng, cột thừa rồi lưu lại, hoặc lưu thành CSV.`,
		`The sheet is too large (up to row or column ${x.n ?? ''}). Delete the extra rows and columns and save again, or save as CSV.`
	],
	xlsx_no_sheets: () => [
		'Sổ Excel không có trang tính nào có bảng số liệu.',
		'The workbook has no worksheet with a table.'
	],
	xlsx_formulas: (x) => [
		`${x.n} ô là công thức: đã đọc giá trị Excel lưu lần cuối, không tính lại. Mở tệp bằng Excel và lưu lại nếu số liệu nguồn đã đổi.`,
		`${x.n} cells are formulas: the values Excel last saved were read, never recomputed. Open the file in Excel and save it again if their sources changed.`
	],
	xlsx_formula_no_value: (x) => [
		`${x.n} ô công thức không có giá trị lưu sẵn (tệp không được Excel lưu) nên để trống. Mở tệp bằng Excel, lưu lại rồi tải lên lần nữa.`,
		`${x.n} formula cells have no saved value (the file was not saved by Excel), so they are read as empty. Open the file in Excel, save it and upload it again.`
	],
	xlsx_external_links: (x) => [
		`Sổ có ${x.n} liên kết tới sổ Excel khác: không mở các sổ đó, chỉ đọc giá trị đã lưu trong tệp này.`,
		`The workbook links to ${x.n} other workbooks: they are not opened, only the values saved in this file are read.`
	],
	xlsx_sheets_differ: (x) => [
		`Các trang tính có bố cục khác nhau nên chỉ đọc trang “${x.a}”. Chọn trang khác trong danh sách trang tính.`,
		`The sheets have different layouts, so only sheet “${x.a}” was read. Choose another sheet in the list of sheets.`
	],
	xlsx_duplicate_across_sheets: (x) => [
		`Số liệu này đã có ở trang “${x.a}”; giá trị ở trang “${x.b}” bị bỏ qua. Giữ mỗi số liệu ở một trang.`,
		`This figure is already on sheet “${x.a}”; the value on sheet “${x.b}” is left out. Keep each figure on one sheet.`
	]
};
