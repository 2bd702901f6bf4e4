/** What the pages load when someone downloads for Excel: the writer and its tables, nothing that reads. */
export { writeXlsx, type XlsxSheet, type XlsxCell } from './writer';
export { observationsSheet, findingsSheet, DATA_HEADER, FINDINGS_HEADER } from './export-sheets';
