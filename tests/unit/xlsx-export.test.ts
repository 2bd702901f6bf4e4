/** Downloads for Excel: the stored figures import back unchanged; findings keep their cells. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	findingsSheet,
	importXlsx,
	observationsSheet,
	openWorkbook,
	writeXlsx
} from '../../src/lib/import/xlsx';
import type { Observation } from '../../src/lib/model/types';
import { dictionary, units } from './import-helpers';

const obs = (o: Partial<Observation>): Observation => ({
	unit: 'Phổ An',
	period: '2023',
	indicator: 'petitions_received',
	value: 15,
	qualifier: '',
	source: 'bao-cao.csv',
	note: '',
	...o
});

describe('the data for Excel', () => {
	const figures = [
		obs({}),
		obs({ unit: 'Nguyễn Nghiêm', value: 1.234, indicator: 'area_natural_ha', note: '=cmd|calc' }),
		obs({ indicator: 'population', value: 11000, qualifier: '~', note: 'khoảng' }),
		obs({ indicator: 'cultural_family_households_pct', value: 95.24, period: '2024-H1' }),
		obs({ indicator: 'legal_education_sessions', value: 570, qualifier: '>' })
	];
	it('has Vietnamese headers and numbers as numbers', () => {
		const sheet = observationsSheet(figures, dictionary);
		expect(sheet.rows[0]).toEqual([
			'Đơn vị',
			'Kỳ',
			'Mã chỉ tiêu',
			'Tên chỉ tiêu đầy đủ',
			'Giá trị',
			'Dấu so sánh',
			'Ghi chú',
			'Nguồn'
		]);
		expect(sheet.rows[1]).toEqual([
			'Phổ An',
			'2023',
			'petitions_received',
			'Tổng số đơn tiếp nhận',
			15,
			'',
			'',
			'bao-cao.csv'
		]);
	});
	it('imports back as the same figures', async () => {
		const bytes = writeXlsx([observationsSheet(figures, dictionary)]);
		const r = await importXlsx(bytes, { fileName: 'chi-so.xlsx', dictionary, units });
		expect(r.shape).toBe('long');
		const key = (o: Observation) =>
			`${o.unit}|${o.period}|${o.indicator}|${o.qualifier}|${o.value}|${o.note}`;
		expect(r.observations.map(key).sort()).toEqual(figures.map(key).sort());
		expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
	});
});

describe('the findings for Excel', () => {
	it('lists each finding with its sheet and cell, in both languages', async () => {
		const name = 'formats.xlsx';
		const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url)));
		const r = await importXlsx(bytes, { fileName: name, dictionary, units });
		const wb = openWorkbook(writeXlsx([findingsSheet(r.issues)]));
		const rows = wb.read(wb.sheets[0]).rows;
		expect(wb.sheets[0].name).toBe('Phát hiện');
		expect(rows[0].slice(0, 3)).toEqual(['Tệp', 'Ô', 'Hàng']);
		const bad = rows.find((row) => row[6] === 'not_a_number');
		expect(bad?.slice(0, 6)).toEqual([name, 'Sheet "Số liệu"!D8', '8', 'Giá trị', 'abc', 'Lỗi']);
		expect(bad?.[8]).toContain('not a number');
	});
});
