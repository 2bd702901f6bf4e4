/**
 * Excel workbooks (.xlsx): read with limits (zip.ts), their parts parsed (workbook.ts), cells shown
 * as Excel shows them (number-format.ts), tables found (table.ts), then the CSV importer's checks
 * (import-xlsx.ts); and workbooks written for Excel (writer.ts).
 */
export { importXlsx, isWorkbookBytes, cellAddress } from './import-xlsx';
export { openWorkbook, XLSX_LIMITS, XlsxError, columnName, type XlsxLimits } from './workbook';
export { writeXlsx, type XlsxSheet, type XlsxCell } from './writer';
export { observationsSheet, findingsSheet, DATA_HEADER, FINDINGS_HEADER } from './export-sheets';
