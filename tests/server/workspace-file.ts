/** A small workspace file made by hand from the bundled dictionary and unit list, for the restore tests. */
import { readFileSync } from 'node:fs';
import { parseDictionaryCsv, parseUnitsCsv } from '../../src/lib/import';
import { FORMAT, WORKSPACE_FILE_VERSION, type WorkspaceFile } from '../../src/lib/workspace-file/format';

export function smallWorkspaceFile(): WorkspaceFile {
	const indicators = parseDictionaryCsv(readFileSync('data/indicators.csv', 'utf8')).indicators;
	const units = parseUnitsCsv(readFileSync('data/units.csv', 'utf8')).units;
	return {
		format: FORMAT,
		version: WORKSPACE_FILE_VERSION,
		exportedAt: '2026-12-04T09:00:00.000Z',
		indicators,
		units,
		imports: [
			{ id: 7, file: 'bao-cao-2024.csv', at: '2026-11-01T02:00:00Z', rows: 2, status: 'committed' },
			{ id: 9, file: 'sua-lai.csv', at: '2026-11-02T02:00:00Z', rows: 1, status: 'committed' }
		],
		observations: {
			columns: ['unit', 'period', 'indicator', 'value', 'qualifier', 'source', 'note', 'import_id'],
			rows: [
				['Phổ An', '2024', 'petitions_received', 55, '', 'sua-lai.csv', 'đã sửa', 9],
				['Phổ Minh', '2024', 'petitions_received', 12, '>', 'bao-cao-2024.csv', '', 7]
			]
		},
		replaced: {
			columns: [
				'import_id',
				'unit',
				'period',
				'indicator',
				'existed',
				'value',
				'qualifier',
				'source',
				'note',
				'prev_import_id'
			],
			rows: [
				[7, 'Phổ An', '2024', 'petitions_received', false, null, null, null, null, null],
				[7, 'Phổ Minh', '2024', 'petitions_received', false, null, null, null, null, null],
				[9, 'Phổ An', '2024', 'petitions_received', true, 50, '', 'bao-cao-2024.csv', '', 7]
			]
		},
		decks: null
	};
}
