/**
 * Every message the importer can give, in Vietnamese and English, each saying what is wrong and how
 * to fix it. Keyed by the issue's stable `code`.
 */
import { XLSX_MESSAGES } from './xlsx/messages';

export interface MessageArgs {
	value?: string;
	column?: string;
	row?: number;
	/** Free slots whose meaning depends on the code (names, periods, other rows …). */
	a?: string;
	b?: string;
	c?: string;
	/** English variants of `a` and `b` where they are names (indicator names differ by language). */
	aEn?: string;
	bEn?: string;
	n?: number;
	max?: number | string;
	list?: string;
}

type Template = (x: MessageArgs) => [vi: string, en: string];

const q = (s: string | undefined): string => `“${s ?? ''}”`;
const viNum = (n: number | undefined): string => (n ?? 0).toLocaleString('vi-VN');
const enNum = (n: number | undefined): string => (n ?? 0).toLocaleString('en-US');

const FORMATS_VI = 'năm (2023), 6 tháng (6 tháng đầu năm 2024), quý (Quý II/2024) hoặc giai đoạn (2021-2023)';
const FORMATS_EN =
	'a year (2023), a half (6 tháng đầu năm 2024, 2024-H1), a quarter (Quý II/2024, 2024-Q2) or a span (2021-2023)';

/** Shared text for the rules of rules.ts: `a` lesser name, `b` greater name, `c` the other row. */
const orderViolation: Template = (x) => [
	`${x.a} (${x.value}) lớn hơn ${x.b} (${x.list}, hàng ${x.c}) — điều này không thể xảy ra. Kiểm tra lại hai số liệu này.`,
	`${x.aEn ?? x.a} (${x.value}) is greater than ${x.bEn ?? x.b} (${x.list}, row ${x.c}), which cannot happen. Check both figures.`
];

export const MESSAGES: Record<string, Template> = {
	...XLSX_MESSAGES,
	// — reading the file —
	empty_file: () => [
		'Tệp rỗng, không có dữ liệu. Hãy chọn đúng tệp CSV đã xuất từ Excel.',
		'The file is empty. Choose the CSV file exported from Excel.'
	],
	excel_workbook: () => [
		'Đây là tệp Excel (.xlsx), không phải tệp CSV. Trong Excel chọn Tệp › Lưu thành (File › Save As), chọn kiểu “CSV UTF-8 (Comma delimited) (*.csv)”, rồi tải tệp .csv đó lên.',
		'This is an Excel workbook (.xlsx), not a CSV file. In Excel choose File › Save As, pick the type “CSV UTF-8 (Comma delimited) (*.csv)”, then upload that .csv file.'
	],
	old_excel_workbook: () => [
		'Đây là tệp Excel cũ (.xls), không phải tệp CSV. Trong Excel chọn Tệp › Lưu thành (File › Save As), chọn kiểu “CSV UTF-8 (Comma delimited) (*.csv)”, rồi tải tệp .csv đó lên.',
		'This is an old Excel workbook (.xls), not a CSV file. In Excel choose File › Save As, pick the type “CSV UTF-8 (Comma delimited) (*.csv)”, then upload that .csv file.'
	],
	binary_file: () => [
		'Tệp không phải là văn bản (có thể là ảnh, PDF hoặc tệp nén). Hãy xuất số liệu từ Excel bằng Tệp › Lưu thành › “CSV UTF-8”.',
		'The file is not text (perhaps an image, a PDF or an archive). Export the figures from Excel with File › Save As › “CSV UTF-8”.'
	],
	file_too_large: (x) => [
		`Tệp quá lớn (${viNum(x.n)} MB, tối đa ${x.max} MB). Hãy chia thành nhiều tệp nhỏ hơn.`,
		`The file is too large (${enNum(x.n)} MB, at most ${x.max} MB). Split it into smaller files.`
	],
	too_many_rows: (x) => [
		`Tệp có quá nhiều hàng (tối đa ${x.max}). Hãy chia thành nhiều tệp nhỏ hơn.`,
		`The file has too many rows (at most ${x.max}). Split it into smaller files.`
	],
	too_many_columns: (x) => [
		`Hàng ${x.row} có ${viNum(x.n)} cột, tối đa ${x.max}. Kiểm tra lại dấu phân cách hoặc xóa các cột thừa.`,
		`Row ${x.row} has ${enNum(x.n)} columns, at most ${x.max}. Check the delimiter or delete the extra columns.`
	],
	decoded_as_windows_1258: () => [
		'Tệp không phải UTF-8 nên được đọc theo bảng mã Windows-1258 (tiếng Việt). Nếu chữ có dấu hiển thị sai, hãy lưu lại trong Excel bằng “CSV UTF-8”.',
		'The file is not UTF-8, so it was read as Windows-1258 (Vietnamese). If accented letters look wrong, save it again from Excel as “CSV UTF-8”.'
	],
	unterminated_quote: (x) => [
		`Dấu ngoặc kép (") mở ở hàng ${x.row} không được đóng, nên toàn bộ phần sau bị gộp vào một ô. Sửa ô đó (thêm dấu " đóng hoặc xóa dấu " thừa) rồi xuất lại. Không có hàng nào được nhập.`,
		`A double quote (") opened in row ${x.row} is never closed, so the rest of the file ran into one cell. Fix that cell (close or remove the stray ") and export again. Nothing was imported.`
	],
	invalid_quotes: (x) => [
		`Dấu ngoặc kép (") đặt sai chỗ ở hàng ${x.row}. Kiểm tra lại ô có dấu ngoặc kép.`,
		`A double quote (") is misplaced in row ${x.row}. Check the cell that contains it.`
	],
	no_header: () => [
		'Không tìm thấy dòng tiêu đề. Tệp cần có một trong các dạng: (1) Đơn vị, Năm (Kỳ), Chỉ tiêu, Giá trị; (2) Đơn vị, Năm, rồi mỗi chỉ tiêu một cột; (3) Đơn vị, Chỉ tiêu, rồi mỗi năm một cột; (4) Chỉ tiêu, rồi mỗi năm một cột (số liệu của một đơn vị).',
		'No header row found. The file must have one of these layouts: (1) Unit, Period (Year), Indicator, Value; (2) Unit, Year, then one column per indicator; (3) Unit, Indicator, then one column per year; (4) Indicator, then one column per year (one unit’s sheet).'
	],
	header_only: () => [
		'Tệp chỉ có dòng tiêu đề, không có hàng số liệu nào. Kiểm tra lại tệp đã xuất.',
		'The file has a header row but no data rows. Check the exported file.'
	],
	unit_required: () => [
		'Bảng này là số liệu của một đơn vị (không có cột Đơn vị). Hãy chọn đơn vị (phường/xã) trước khi nhập, hoặc đặt tên tệp có tên đơn vị, ví dụ bao-cao-Pho-An-2023.csv.',
		'This sheet holds one unit’s figures (there is no Unit column). Choose the ward/commune before importing, or put its name in the file name, e.g. bao-cao-Pho-An-2023.csv.'
	],
	unit_from_file_name: (x) => [
		`Đơn vị ${q(x.a)} được lấy từ tên tệp. Nếu sai, hãy chọn đơn vị khác rồi nhập lại.`,
		`The unit ${q(x.a)} was taken from the file name. If that is wrong, choose another unit and import again.`
	],
	missing_column: (x) => [
		`Thiếu cột bắt buộc ${q(x.a)}. Thêm cột này vào dòng tiêu đề.`,
		`The required column ${q(x.a)} is missing. Add it to the header row.`
	],
	duplicate_column: (x) => [
		`Có nhiều cột cùng nghĩa với ${q(x.column)}; dùng ô đầu tiên có dữ liệu.`,
		`Several columns mean the same as ${q(x.column)}; the first non-empty one is used.`
	],
	column_ignored: (x) => [
		`Cột ${q(x.column)} không được dùng khi nhập.`,
		`Column ${q(x.column)} is not used by the import.`
	],
	missing_values: (x) => [
		`${viNum(x.n)} ô trống hoặc ghi “-”, “x”, “n/a” được coi là không có số liệu và bỏ qua (không tính là 0).`,
		`${enNum(x.n)} blank cells (or “-”, “x”, “n/a”) were taken as “no figure” and skipped (not as 0).`
	],
	total_row_skipped: (x) => [
		`Hàng ${x.row} là hàng tổng (${q(x.value)}) nên được bỏ qua; ứng dụng tự tính tổng từ các đơn vị.`,
		`Row ${x.row} is a total row (${q(x.value)}) and was skipped; the app computes totals from the units itself.`
	],
	repeated_header_skipped: (x) => [
		`Hàng ${x.row} lặp lại dòng tiêu đề nên được bỏ qua.`,
		`Row ${x.row} repeats the header row and was skipped.`
	],
	too_many_issues: (x) => [
		`Còn ${viNum(x.n)} lỗi/cảnh báo khác cùng loại không được liệt kê. Sửa các lỗi trên rồi nhập lại để xem tiếp.`,
		`${enNum(x.n)} more errors/warnings of the same kinds are not listed. Fix the ones above and import again to see the rest.`
	],
	cell_too_long: (x) => [
		`Ô dài ${viNum(x.n)} ký tự, vượt giới hạn ${x.max}. Có thể do thiếu dấu ngoặc kép đóng; hãy kiểm tra ô này.`,
		`The cell is ${enNum(x.n)} characters long, over the limit of ${x.max}. A missing closing quote is a likely cause; check this cell.`
	],

	// — units, periods, indicators —
	missing_unit: () => [
		'Hàng thiếu tên đơn vị (phường/xã). Điền tên đơn vị vào ô này.',
		'The row has no unit (ward/commune). Fill in the unit’s name.'
	],
	unknown_unit: (x) => [
		`Không nhận ra đơn vị ${q(x.value)}.${x.list ? ` Có phải: ${x.list}?` : ''} Sửa tên cho đúng danh mục đơn vị, hoặc ghép tên này với một đơn vị đã có.`,
		`Unknown unit ${q(x.value)}.${x.list ? ` Did you mean: ${x.list}?` : ''} Correct the name to one in the unit list, or map this name to an existing unit.`
	],
	ambiguous_unit: (x) => [
		`Tên ${q(x.value)} ứng với nhiều đơn vị (${x.list}) trong kỳ ${x.a}. Ghi rõ tên đầy đủ hoặc mã đơn vị.`,
		`The name ${q(x.value)} fits several units (${x.list}) in period ${x.a}. Write the full name or the unit code.`
	],
	unit_not_valid_for_period: (x) => [
		`Đơn vị ${q(x.a)} không tồn tại trong kỳ ${x.b} (hiệu lực ${x.list}). Kiểm tra lại năm hoặc tên đơn vị.`,
		`Unit ${q(x.a)} did not exist in period ${x.b} (valid ${x.list}). Check the year or the unit name.`
	],
	missing_period: () => [
		`Hàng thiếu kỳ báo cáo. Ghi ${FORMATS_VI}.`,
		`The row has no period. Write ${FORMATS_EN}.`
	],
	bad_period: (x) => [
		`${q(x.value)} không phải là kỳ báo cáo hợp lệ. Ghi ${FORMATS_VI}.`,
		`${q(x.value)} is not a valid period. Write ${FORMATS_EN}.`
	],
	year_out_of_range: (x) => [
		`Năm trong ${q(x.value)} nằm ngoài khoảng 1990–${x.max}. Kiểm tra lại năm.`,
		`The year in ${q(x.value)} is outside 1990–${x.max}. Check the year.`
	],
	missing_indicator: () => [
		'Hàng thiếu tên hoặc mã chỉ tiêu. Điền chỉ tiêu vào ô này.',
		'The row has no indicator. Fill in the indicator’s code or name.'
	],
	unknown_indicator: (x) => [
		`Không nhận ra chỉ tiêu ${q(x.value)}.${x.list ? ` Có phải: ${x.list}?` : ''} Dùng mã hoặc tên chỉ tiêu trong danh mục, hoặc ghép tên này với một chỉ tiêu đã có.`,
		`Unknown indicator ${q(x.value)}.${x.list ? ` Did you mean: ${x.list}?` : ''} Use a code or name from the indicator dictionary, or map this name to an existing indicator.`
	],
	derived_indicator: (x) => [
		`${q(x.value)} là chỉ tiêu tính toán (${x.a}); ứng dụng tự tính từ số liệu gốc nên số liệu này không được nhập.`,
		`${q(x.value)} is a computed indicator (${x.a}); the app derives it from the raw figures, so these values are not imported.`
	],

	// — values —
	not_a_number: (x) => [
		`${q(x.value)} không phải là số. Ghi số như 95,2 hoặc 1.234 (có thể kèm “hơn”, “khoảng”, “%”); để trống nếu không có số liệu.`,
		`${q(x.value)} is not a number. Write a number such as 95,2 / 95.2 or 1.234 (optionally with “hơn”, “khoảng”, “%”); leave the cell blank if there is no figure.`
	],
	upper_bound: (x) => [
		`${q(x.value)} là giới hạn trên (“dưới”, “<”), chưa được hỗ trợ. Ghi số cụ thể hoặc để trống.`,
		`${q(x.value)} is an upper bound (“dưới”, “<”), which is not supported. Write the figure or leave the cell blank.`
	],
	text_indicator_skipped: (x) => [
		`Chỉ tiêu ${x.a} là văn bản (không phải số) nên ${q(x.value)} không được lưu vào bảng số liệu; hãy ghi nội dung này vào cột Ghi chú nếu cần.`,
		`Indicator ${x.a} is free text, not a number, so ${q(x.value)} is not stored in the figures table; put it in the Note column if needed.`
	],
	zero_from_text: (x) => [
		`${q(x.value)} được hiểu là 0. Nếu đúng là không có, nên ghi số 0.`,
		`${q(x.value)} was read as 0. If there really were none, write the number 0.`
	],
	unknown_category: (x) => [
		`${q(x.value)} không phải là một mức xếp loại của chỉ tiêu ${x.a}. Các mức hợp lệ: ${x.list}.`,
		`${q(x.value)} is not one of the ratings of ${x.a}. Valid ratings: ${x.list}.`
	],
	not_yes_no: (x) => [
		`${q(x.value)} không phải là có/không. Ghi “có” hoặc “không” (hoặc 1/0).`,
		`${q(x.value)} is not yes/no. Write “có”/“yes” or “không”/“no” (or 1/0).`
	],
	bad_qualifier: (x) => [
		`${q(x.value)} không phải là ký hiệu hợp lệ. Để trống (chính xác), “>” (hơn) hoặc “~” (khoảng).`,
		`${q(x.value)} is not a valid qualifier. Leave it blank (exact), or write “>” (more than) or “~” (about).`
	],
	negative_count: (x) => [
		`Số lượng không thể âm (${x.value}). Kiểm tra lại dấu trừ.`,
		`A count cannot be negative (${x.value}). Check the minus sign.`
	],
	percent_over_100: (x) => [
		`Tỷ lệ ${x.value} lớn hơn 100%. Kiểm tra lại số liệu (có thể nhầm dấu thập phân).`,
		`The percentage ${x.value} is over 100%. Check the figure (perhaps a misplaced decimal separator).`
	],
	duplicate_conflict: (x) => [
		`Đơn vị ${x.a}, kỳ ${x.b}, chỉ tiêu ${x.c} có hai giá trị khác nhau: hàng ${x.list} và hàng ${x.row}. Giữ lại hàng đúng và xóa hàng kia; cả hai đều không được nhập.`,
		`Unit ${x.a}, period ${x.b}, indicator ${x.c} has two different values: row ${x.list} and row ${x.row}. Keep the right one and delete the other; neither was imported.`
	],
	duplicate_same: (x) => [
		`Đơn vị ${x.a}, kỳ ${x.b}, chỉ tiêu ${x.c} đã có ở hàng ${x.list} với cùng giá trị; chỉ nhập một lần.`,
		`Unit ${x.a}, period ${x.b}, indicator ${x.c} already appears in row ${x.list} with the same value; imported once.`
	],
	rate_mismatch: (x) => [
		`Tỷ lệ báo cáo ${x.c}% khác tỷ lệ tính lại ${x.a}% (${x.b}) hơn 0,05 điểm. Kiểm tra lại tỷ lệ hoặc các số liệu thành phần.`,
		`The reported rate ${x.c}% differs from the recomputed ${x.a}% (${x.b}) by more than 0.05 points. Check the rate or the figures it comes from.`
	],
	order_violation: orderViolation,

	// — dictionary and unit lists —
	missing_code: () => ['Thiếu mã (code). Điền mã vào ô này.', 'The code is missing. Fill it in.'],
	bad_code: (x) => [
		`Mã ${q(x.value)} không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ petitions_received).`,
		`The code ${q(x.value)} is invalid: use lowercase letters, digits and underscores, starting with a letter (e.g. petitions_received).`
	],
	duplicate_code: (x) => [
		`Mã ${q(x.value)} đã có ở hàng ${x.a}. Mỗi mã chỉ dùng một lần.`,
		`The code ${q(x.value)} already appears in row ${x.a}. Each code may appear once.`
	],
	missing_name: () => ['Thiếu tên. Điền tên vào ô này.', 'The name is missing. Fill it in.'],
	bad_kind: (x) => [
		`Loại ${q(x.value)} không hợp lệ; dùng “raw” (số liệu gốc) hoặc “derived” (tính toán).`,
		`Kind ${q(x.value)} is invalid; use “raw” or “derived”.`
	],
	bad_aggregation: (x) => [
		`Cách tổng hợp ${q(x.value)} không hợp lệ; dùng sum, ratio, mean, median, latest hoặc none.`,
		`Aggregation ${q(x.value)} is invalid; use sum, ratio, mean, median, latest or none.`
	],
	bad_boolean: (x) => [
		`${q(x.value)} không hợp lệ; ghi true, false hoặc để trống.`,
		`${q(x.value)} is invalid; write true, false or leave it blank.`
	],
	missing_formula: () => [
		'Chỉ tiêu tính toán (derived) cần có công thức (formula).',
		'A derived indicator needs a formula.'
	],
	bad_date: (x) => [
		`Ngày ${q(x.value)} không hợp lệ; ghi theo dạng NNNN-TT-NN (ví dụ 2025-07-01) hoặc để trống.`,
		`The date ${q(x.value)} is invalid; write it as YYYY-MM-DD (e.g. 2025-07-01) or leave it blank.`
	],
	date_order: (x) => [
		`Ngày bắt đầu hiệu lực (${x.a}) sau ngày hết hiệu lực (${x.b}). Kiểm tra lại hai ngày.`,
		`valid_from (${x.a}) is after valid_to (${x.b}). Check both dates.`
	],
	duplicate_unit: (x) => [
		`Mã đơn vị ${q(x.value)} đã có ở hàng ${x.a} với thời gian hiệu lực chồng lấn. Sửa mã hoặc ngày hiệu lực.`,
		`Unit code ${q(x.value)} already appears in row ${x.a} with overlapping validity. Fix the code or the dates.`
	]
};

/** Vietnamese and English text for `code`; an unknown code falls back to the order-rule template. */
export function messageFor(code: string, args: MessageArgs): [string, string] {
	const t = MESSAGES[code] ?? orderViolation;
	return t(args);
}
