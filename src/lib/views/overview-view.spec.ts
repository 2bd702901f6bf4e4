import { beforeAll, describe, expect, it } from 'vitest';
import { presence, ratingDistribution, seriesBatch } from '$lib/db/queries';
import {
	isAggregable,
	isRateLike,
	KEY_INDICATORS,
	OVERVIEW_EXTREMES,
	rawInputs,
	withCategories
} from '$lib/model/indicators';
import type { Indicator, SeriesRow, Unit } from '$lib/model/types';
import { TOWN_GROUP } from '$lib/model/units';
import { openSampleStore } from '../../../tests/unit/sample-store';
import { extremesRows, firstNames, gapsTable, ratingCounts, withMode } from './overview-view';

const indicator = (code: string, extra: Partial<Indicator> = {}): Indicator => ({
	code,
	name_vi: `Chỉ tiêu ${code}`,
	name_en: `Indicator ${code}`,
	unit: 'percent',
	kind: 'raw',
	formula: '',
	aggregation: 'mean',
	higher_is_better: true,
	group: '',
	categories: [],
	notes_vi: '',
	notes_en: '',
	...extra
});
const row = (unit: string, period: string, value: number): SeriesRow => ({
	unit,
	period,
	value,
	qualifier: '',
	numerator: null,
	denominator: null,
	units: 1
});
const unit = (code: string, name: string, extra: Partial<Unit> = {}): Unit => ({
	code,
	name,
	kind: 'xã',
	parent: '',
	valid_from: '2020-02-01',
	valid_to: '2025-06-30',
	successor: '',
	aliases: [],
	...extra
});

describe('overview view-model, on small fixtures', () => {
	it('keeps the chosen view in links', () => {
		expect(withMode('/indicators/x', '')).toBe('/indicators/x');
		expect(withMode('/indicators/x', '2025')).toBe('/indicators/x?v=2025');
	});

	it('names at most three units, then how many more', () => {
		const rows = ['A', 'B', 'C', 'D', 'E'].map((u) => row(u, '2024', 1));
		expect(firstNames(rows.slice(0, 3))).toBe('A, B, C');
		expect(firstNames(rows)).toBe('A, B, C +2');
		expect(firstNames([])).toBe('');
	});

	it('counts the units of each rating in the year, best first, and their total', () => {
		const rating = indicator('r', { unit: 'rating', categories: ['Xuất sắc', 'Tốt', 'Đạt'] });
		const rows = [
			{ period: '2024', value: 3, units: 2 },
			{ period: '2024', value: 1, units: 4 },
			{ period: '2024', value: 3, units: 1 },
			{ period: '2023', value: 2, units: 9 }
		];
		expect(ratingCounts(rating, rows, '2024')).toEqual({
			counts: [
				{ label: 'Xuất sắc', units: 3 },
				{ label: 'Tốt', units: 0 },
				{ label: 'Đạt', units: 4 }
			],
			total: 7
		});
		expect(ratingCounts(rating, rows, '2022').total).toBe(0);
	});

	it('lists the best and weakest units of the year, and leaves out ties and undirected indicators', () => {
		const up = indicator('up');
		const down = indicator('down', { higher_is_better: false });
		const flat = indicator('flat');
		const none = indicator('none', { higher_is_better: null });
		const perUnit = new Map([
			['up', [row('A', '2024', 90), row('B', '2024', 70), row('C', '2024', 90), row('A', '2023', 10)]],
			['down', [row('A', '2024', 5), row('B', '2024', 2)]],
			['flat', [row('A', '2024', 50), row('B', '2024', 50)]],
			['none', [row('A', '2024', 1), row('B', '2024', 2)]]
		]);
		const rows = extremesRows([up, down, flat, none], perUnit, '2024', '2025', 'en');
		expect(rows.map((r) => r.id)).toEqual(['up', 'down']);
		expect(rows[0].cells.indicator).toEqual({
			text: 'Indicator up',
			href: '/indicators/up?v=2025',
			sub: '3 units'
		});
		expect(rows[0].cells.best).toMatchObject({ text: 'A, C', title: 'A, C', tone: 'good' });
		expect(rows[0].cells.weakest).toMatchObject({ text: 'B', tone: 'bad' });
		// Lower is better: the smaller figure is the best.
		expect(rows[1].cells.best.text).toBe('B');
		expect(rows[1].cells.weakest.text).toBe('A');
		expect(extremesRows([up], perUnit, '2022', '', 'vi')).toEqual([]);
	});

	it('lists the pre-2025 units that miss a figure others reported, per year, with their successor', () => {
		const units = [
			unit('1', 'An', { successor: '9' }),
			unit('2', 'Bình', { successor: '9' }),
			unit('3', 'Châu'),
			unit('9', 'Mới', { valid_from: '2025-07-01', valid_to: '' })
		];
		const dictionary = new Map([['a', indicator('a', { name_vi: 'Số A' })]]);
		const presence = [
			{ unit: 'An', period: '2023', indicator: 'a' },
			{ unit: 'An', period: '2023', indicator: 'b' },
			{ unit: 'Bình', period: '2023', indicator: 'b' },
			{ unit: 'Châu', period: '2023', indicator: 'a' },
			{ unit: 'Châu', period: '2023', indicator: 'b' },
			{ unit: 'An', period: '2024', indicator: 'a' },
			{ unit: 'Châu', period: '2024', indicator: 'a' }
		];
		const gaps = gapsTable(presence, units, dictionary, '2025', 'vi');
		expect(gaps.years).toEqual(['2023', '2024']);
		expect(gaps.complete).toBe(2);
		expect(gaps.rows).toEqual([
			{
				id: '2',
				cells: {
					unit: { text: 'Bình', href: '/units/2?v=2025' },
					successor: { text: 'Mới' },
					'2023': { text: 'thiếu 1/2', tone: 'bad', title: 'Số A' },
					'2024': { text: 'thiếu 1/1', tone: 'bad', title: 'Số A' },
					total: { text: '2', sort: 2 }
				}
			}
		]);
		// The units as reported: no successor column, plain links.
		const plain = gapsTable(presence, units, dictionary, '', 'en');
		expect(plain.rows[0].cells.successor).toBeUndefined();
		expect(plain.rows[0].cells.unit.href).toBe('/units/2');
		expect(plain.rows[0].cells['2023'].text).toBe('missing 1/2');
		expect(gapsTable([], units, dictionary, '', 'vi')).toEqual({ years: [], rows: [], complete: 3 });
	});
});

describe('overview view-model, on the bundled data', () => {
	let sample: Awaited<ReturnType<typeof openSampleStore>>;
	let units: Unit[];
	beforeAll(async () => {
		sample = await openSampleStore();
		units = await sample.store.units();
	});

	it("finds Nguyễn Nghiêm's missing reports and no other gap", async () => {
		const { store, dictionary } = sample;
		const keys = KEY_INDICATORS.map((c) => dictionary.get(c)).filter((i): i is Indicator => !!i);
		const inputs = [...new Set(keys.flatMap((i) => rawInputs(i, dictionary)))];
		const gaps = gapsTable(await presence(store, inputs), units, dictionary, '2025', 'vi');
		expect(gaps.years).toEqual(['2021', '2022', '2023', '2024']);
		expect(gaps.complete).toBe(14);
		expect(gaps.rows).toHaveLength(1);
		const { cells } = gaps.rows[0];
		expect(cells.unit).toEqual({ text: 'Nguyễn Nghiêm', href: '/units/21439?v=2025' });
		expect(cells.successor.text).toBe('Đức Phổ');
		expect([cells['2021'].text, cells['2022'].text, cells['2023'].text, cells['2024'].text]).toEqual([
			'thiếu 5/8',
			'✓',
			'✓',
			'thiếu 8/8'
		]);
		expect(cells.total).toEqual({ text: '13', sort: 13 });
	});

	it('names the best and weakest units of 2024 with their figures', async () => {
		const { store, dictionary } = sample;
		const extremes = OVERVIEW_EXTREMES.map((c) => dictionary.get(c))
			.filter((i): i is Indicator => !!i && isRateLike(i))
			.map((i) => withCategories(i, dictionary));
		// What the page's loader asks: every indicator's yearly series per unit, in one batch.
		const perUnit = await seriesBatch(store, extremes, dictionary, { periods: 'year', grouping: 'unit' });
		const rows = extremesRows(extremes, perUnit, '2024', '', 'vi');
		const mediation = rows.find((r) => r.id === 'land_dispute_mediation_success_rate')!;
		expect(mediation.cells.indicator.sub).toBe('14 đơn vị');
		expect(mediation.cells.best).toMatchObject({ text: 'Phổ An', sub: '6/7 · 85,7 %*' });
		expect(mediation.cells.weakest).toMatchObject({ text: 'Phổ Khánh, Phổ Nhơn', sub: '2/5 · 40,0 %*' });
		const petitions = rows.find((r) => r.id === 'petition_resolution_rate')!;
		expect(petitions.cells.best.text).toBe('Phổ Châu, Phổ Hòa, Phổ Khánh +5');
		expect(petitions.cells.best.title!.split(', ')).toHaveLength(8);
		expect(petitions.cells.weakest).toMatchObject({ text: 'Phổ Ninh', sub: '11/13 · 84,6 %' });
	});

	it("counts the town's ratings per year", async () => {
		const { store, dictionary } = sample;
		const rating = KEY_INDICATORS.map((c) => dictionary.get(c)).find(
			(i): i is Indicator => !!i && i.unit === 'rating' && !isAggregable(i)
		)!;
		const rows = await ratingDistribution(store, rating.code, 'town', TOWN_GROUP);
		const y2024 = ratingCounts(rating, rows, '2024');
		expect(y2024.counts.map((c) => c.units)).toEqual([3, 4, 7, 0]);
		expect(y2024.counts[0].label).toBe('Hoàn thành xuất sắc nhiệm vụ');
		expect(y2024.total).toBe(14);
		expect(ratingCounts(rating, rows, '2023').total).toBe(15);
	});
});
