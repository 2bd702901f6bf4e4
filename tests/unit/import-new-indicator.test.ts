/**
 * An unknown indicator turned into a new raw indicator: its code, the checks on a person's input, the
 * re-check that makes the file's rows import, and the store keeping it with the values.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/lib/db';
import {
	checkDraft,
	guessUnit,
	newIndicator,
	normaliseKey,
	parseDictionaryCsv,
	slugCode,
	toDictionaryCsv,
	uniqueCode
} from '../../src/lib/import';
import type { Indicator, Observation } from '../../src/lib/model/types';
import { codes, dictionary, runText } from './import-helpers';
import { openSampleStore } from './sample-store';

const CODE = /^[a-z][a-z0-9_]*$/;
const raw = (code: string, name_vi: string, extra: Partial<Indicator> = {}): Indicator => ({
	...newIndicator({ name_vi, unit: 'count' }, []),
	code,
	...extra
});

describe('the code of a new indicator', () => {
	it('is the ASCII slug of the Vietnamese name', () => {
		expect(slugCode('Số vụ hòa giải')).toBe('so_vu_hoa_giai');
		expect(slugCode('Đường giao thông nông thôn được bê tông hóa')).toBe(
			'duong_giao_thong_nong_thon_duoc_be_tong_hoa'
		);
		expect(slugCode('  Tỷ lệ (%) hộ nghèo — năm 2024 ')).toBe('ty_le_ho_ngheo_nam_2024');
		expect(slugCode('Số vu\u0323 hòa giải')).toBe('so_vu_hoa_giai'); // NFD input
		expect(slugCode('2 đơn')).toBe('ct_2_don');
		expect(slugCode('')).toBe('chi_tieu');
		expect(slugCode('!!!')).toBe('chi_tieu');
		expect(slugCode('<img src=x onerror=alert(1)>')).toBe('img_src_x_onerror_alert_1');
		expect(slugCode("'; DROP TABLE indicators; --")).toBe('drop_table_indicators');
	});

	it('is cut at a word to at most 48 characters', () => {
		const code = slugCode(
			'Số lượt cán bộ, công chức tham gia tập huấn, bồi dưỡng nghiệp vụ công tác dân vận'
		);
		expect(code).toBe('so_luot_can_bo_cong_chuc_tham_gia_tap_huan_boi');
		expect(code.length).toBeLessThanOrEqual(48);
	});

	it('is unique against the dictionary: codes and the names the importer matches', () => {
		const dict = [raw('so_vu_hoa_giai', 'Một chỉ tiêu khác'), raw('so_vu_hoa_giai_2', 'Chỉ tiêu thứ hai')];
		expect(uniqueCode('Số vụ hòa giải', dict)).toBe('so_vu_hoa_giai_3');
		expect(uniqueCode('Số vụ hòa giải', [])).toBe('so_vu_hoa_giai');
		// `tong_so_don_tiep_nhan` would read as the name of petitions_received.
		expect(uniqueCode('Tổng số đơn tiếp nhận', dictionary)).toBe('tong_so_don_tiep_nhan_2');
		expect(uniqueCode('Số hộ', dictionary)).toBe('so_ho_2');
		expect(uniqueCode('Số buổi đối thoại với thanh niên', dictionary)).toBe(
			'so_buoi_doi_thoai_voi_thanh_nien'
		);
	});

	it('is always a valid, new dictionary code, whatever the name', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 60 }), (a, b) => {
				for (const name of [a, b]) {
					const code = uniqueCode(name, dictionary);
					expect(code).toMatch(CODE);
					expect(code.length).toBeLessThanOrEqual(48);
					expect(dictionary.some((i) => i.code === code)).toBe(false);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('a draft', () => {
	it('guesses the unit of measure from the name', () => {
		expect(guessUnit('Tỷ lệ hộ dùng nước sạch')).toBe('percent');
		expect(guessUnit('Số hộ nghèo')).toBe('households');
		expect(guessUnit('Số người được trợ giúp pháp lý')).toBe('people');
		expect(guessUnit('Số vụ hòa giải')).toBe('count');
		expect(guessUnit('Hộ dùng nước sạch (%)')).toBe('percent');
	});

	it('needs a name that no indicator already has', () => {
		expect(checkDraft({ name_vi: '  ', unit: 'count' }, dictionary)).toEqual({ code: 'name_required' });
		expect(checkDraft({ name_vi: 'x'.repeat(201), unit: 'count' }, dictionary)).toMatchObject({
			code: 'name_too_long'
		});
		expect(checkDraft({ name_vi: 'TONG SO DON TIEP NHAN', unit: 'count' }, dictionary)).toMatchObject({
			code: 'name_taken',
			indicator: { code: 'petitions_received' }
		});
		expect(
			checkDraft({ name_vi: 'Số buổi đối thoại', name_en: 'Population', unit: 'count' }, dictionary)
		).toMatchObject({ code: 'name_taken', indicator: { code: 'population' } });
		expect(checkDraft({ name_vi: 'Số buổi đối thoại', unit: 'count' }, dictionary)).toBeNull();
	});

	it('makes a raw indicator with the aggregation its unit calls for', () => {
		const count = newIndicator(
			{ name_vi: ' Số buổi đối thoại ', name_en: 'Dialogues', unit: 'count', group: 'reception' },
			dictionary
		);
		expect(count).toEqual({
			code: 'so_buoi_doi_thoai',
			name_vi: 'Số buổi đối thoại',
			name_en: 'Dialogues',
			unit: 'count',
			kind: 'raw',
			formula: '',
			aggregation: 'sum',
			higher_is_better: null,
			group: 'reception',
			categories: [],
			notes_vi: '',
			notes_en: ''
		});
		expect(newIndicator({ name_vi: 'Tỷ lệ mới', unit: 'percent' }, dictionary).aggregation).toBe('none');
		// An unknown unit of measure falls back to a count rather than reaching the database.
		expect(newIndicator({ name_vi: 'A', unit: "x'); DROP" }, dictionary).unit).toBe('count');
	});

	it('round-trips through the dictionary CSV export', () => {
		const added = newIndicator({ name_vi: '<b>Số "buổi", đối thoại</b>', unit: 'people' }, dictionary);
		const back = parseDictionaryCsv(toDictionaryCsv([...dictionary, added]));
		expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(back.indicators.find((i) => i.code === added.code)).toEqual(added);
	});
});

describe('re-checking a file after adding an indicator', () => {
	const COLUMN = 'Số buổi đối thoại với thanh niên';
	const WIDE = `Phường/Xã,Năm,Tổng số đơn tiếp nhận,${COLUMN}\nPhổ An,2023,19,4\nPhổ Vinh,2023,12,"3 buổi"\nNguyễn Nghiêm,2023,22,-\n`;

	it('turns the unknown column (wide by indicator) into imported values', async () => {
		const before = await runText(WIDE);
		expect(codes(before, 'error')).toEqual(['unknown_indicator']);
		expect(before.observations.map((o) => o.indicator)).toEqual(Array(3).fill('petitions_received'));

		const added = newIndicator({ name_vi: COLUMN, unit: guessUnit(COLUMN) }, dictionary);
		const after = await runText(WIDE, { dictionary: [...dictionary, added] });
		expect(codes(after, 'error')).toEqual([]);
		const values = after.observations.filter((o) => o.indicator === added.code);
		expect(values.map((o) => [o.unit, o.period, o.value])).toEqual([
			['Phổ An', '2023', 4],
			['Phổ Vinh', '2023', 3]
		]);
		expect(after.stats.observations).toBe(5);
	});

	it('finds it through the session alias when the person renamed it', async () => {
		const added = newIndicator({ name_vi: 'Đối thoại với thanh niên', unit: 'count' }, dictionary);
		const after = await runText(WIDE, {
			dictionary: [...dictionary, added],
			aliases: { [normaliseKey(COLUMN)]: added.code }
		});
		expect(codes(after, 'error')).toEqual([]);
		expect(after.observations.filter((o) => o.indicator === added.code)).toHaveLength(2);
	});

	it('turns every row of an unknown indicator (long shape) into imported values', async () => {
		const name = 'Số vụ hòa giải ở cơ sở';
		const text = [
			'Đơn vị;Năm;Chỉ tiêu;Giá trị',
			...['Phổ An', 'Phổ Vinh', 'Phổ Châu'].map((u, i) => `${u};2024;${name};${i + 5}`),
			'Phổ An;2024;Tổng số đơn tiếp nhận;8'
		].join('\n');
		const before = await runText(text);
		expect(codes(before, 'error')).toEqual(Array(3).fill('unknown_indicator'));
		expect(before.stats.observations).toBe(1);
		const added = newIndicator({ name_vi: name, unit: 'count' }, dictionary);
		expect(added.code).toBe('so_vu_hoa_giai_o_co_so');
		const after = await runText(text, { dictionary: [...dictionary, added] });
		expect(codes(after, 'error')).toEqual([]);
		expect(after.stats.observations).toBe(4);
		expect(after.observations.filter((o) => o.indicator === added.code).map((o) => o.value)).toEqual([
			5, 6, 7
		]);
	});

	it('applies the rules of the unit chosen (a percentage over 100 is still refused)', async () => {
		const text = 'Đơn vị,Năm,Tỷ lệ hộ dùng nước sạch\nPhổ An,2023,"97,5%"\nPhổ Vinh,2023,120\n';
		const added = newIndicator({ name_vi: 'Tỷ lệ hộ dùng nước sạch', unit: 'percent' }, dictionary);
		const after = await runText(text, { dictionary: [...dictionary, added] });
		expect(codes(after, 'error')).toEqual(['percent_over_100']);
		expect(after.observations.map((o) => o.value)).toEqual([97.5]);
	});
});

describe('storing added indicators', () => {
	let store: Store;
	beforeAll(async () => {
		({ store } = await openSampleStore());
	});

	const row = (indicator: string, value: number, qualifier = ''): Observation =>
		({ unit: 'Phổ An', period: '2023', indicator, value, qualifier, source: 'x', note: '' }) as Observation;

	it('stores them with their values in one commit, and keeps a stored code untouched', async () => {
		const stored = await store.indicators();
		const added = newIndicator(
			{ name_vi: "Số buổi đối thoại <script>'x'</script>", name_en: 'Dialogues', unit: 'count', group: '' },
			stored
		);
		const clash = { ...stored.find((i) => i.code === 'population')!, name_vi: 'changed' };
		const [version, referenceVersion] = [store.version, store.referenceVersion];
		const [summary] = await store.commitImports(
			[{ file: 'doi-thoai.csv', observations: [row(added.code, 4)] }],
			{
				newIndicators: [added, clash]
			}
		);
		expect(summary.added).toBe(1);
		expect(store.version).toBeGreaterThan(version);
		expect(store.referenceVersion).toBeGreaterThan(referenceVersion);
		const after = await store.indicators();
		expect(after.find((i) => i.code === added.code)).toEqual(added);
		expect(after.find((i) => i.code === 'population')!.name_vi).toBe('Dân số');
		const rows = await store.query<{ value: number }>('SELECT value FROM observations WHERE indicator = ?', [
			added.code
		]);
		expect(rows).toEqual([{ value: 4 }]);

		// A reload (snapshot → restore) keeps the indicator.
		const snapshot = await store.snapshot();
		await store.restore(snapshot);
		expect((await store.indicators()).find((i) => i.code === added.code)).toEqual(added);

		// Undoing the import takes the values away and leaves the indicator in the dictionary.
		await store.undoImport(summary.id);
		expect(await store.query('SELECT * FROM observations WHERE indicator = ?', [added.code])).toEqual([]);
		expect((await store.indicators()).some((i) => i.code === added.code)).toBe(true);
	});

	it('stores neither the indicator nor any value when the values fail', async () => {
		const a = newIndicator({ name_vi: 'Chỉ tiêu tạm A', unit: 'count' }, await store.indicators());
		const b = newIndicator({ name_vi: 'Chỉ tiêu tạm B', unit: 'count' }, await store.indicators());
		const [version, imports] = [store.version, (await store.imports()).length];
		// The second file holds a row the table refuses (a qualifier it does not know).
		await expect(
			store.commitImports(
				[
					{ file: 'a.csv', observations: [row(a.code, 1)] },
					{ file: 'b.csv', observations: [row(b.code, 2), row('population', 5, '?')] }
				],
				{ newIndicators: [a, b] }
			)
		).rejects.toThrow();
		const codesNow = (await store.indicators()).map((i) => i.code);
		expect(codesNow).not.toContain(a.code);
		expect(codesNow).not.toContain(b.code);
		expect(
			await store.query('SELECT * FROM observations WHERE indicator IN (?, ?)', [a.code, b.code])
		).toEqual([]);
		expect(await store.imports()).toHaveLength(imports);
		expect(store.version).toBe(version);

		// The same commit without the refused row stores both.
		await store.commitImports([{ file: 'b.csv', observations: [row(b.code, 2)] }], { newIndicators: [a, b] });
		const stored = (await store.indicators()).map((i) => i.code);
		expect(stored).toEqual(expect.arrayContaining([a.code, b.code]));
		expect(await store.query('SELECT value FROM observations WHERE indicator = ?', [b.code])).toEqual([
			{ value: 2 }
		]);
	});

	it('adds nothing to the dictionary when there is nothing to add', async () => {
		const referenceVersion = store.referenceVersion;
		await store.commitImports([{ file: 'c.csv', observations: [row('population', 7)] }], {
			newIndicators: []
		});
		expect(store.referenceVersion).toBe(referenceVersion);
	});
});
