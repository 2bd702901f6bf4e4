/**
 * Downloads for Excel. The workbook writer is loaded at the first click, so no page carries it
 * before someone asks for a workbook.
 */
import { downloadBlob } from '$lib/components/download';
import type { ImportIssue } from '$lib/import';
import type { Indicator, Observation } from '$lib/model/types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `chi-so-du-lieu-2026-11-28.csv` → `chi-so-du-lieu-2026-11-28.xlsx`; `bao-cao.xlsx` → `bao-cao-phat-hien.xlsx`. */
export const asXlsxName = (name: string, suffix = '') => name.replace(/\.[^./]*$/, '') + suffix + '.xlsx';

export async function downloadObservationsXlsx(
	fileName: string,
	observations: readonly Observation[],
	dictionary: readonly Indicator[]
) {
	const x = await import('$lib/import/xlsx/export');
	const bytes = x.writeXlsx([x.observationsSheet(observations, dictionary)]);
	downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
}

export async function downloadFindingsXlsx(fileName: string, issues: readonly ImportIssue[]) {
	const x = await import('$lib/import/xlsx/export');
	const bytes = x.writeXlsx([x.findingsSheet(issues)]);
	downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }));
}
