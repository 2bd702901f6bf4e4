import { beforeAll, describe, expect, it } from 'vitest';
import { seriesQuery, type Store } from '../../src/lib/db';
import { formatChange, formatRate } from '../../src/lib/format';
import type { Indicator, SeriesRow, Unit } from '../../src/lib/model/types';
import { bestAndWeakest, rankOf, strengthsAndWeaknesses } from '../../src/lib/model/rank';
import { coverageText, differentUnitsText, partialNotes, tileChange } from '../../src/lib/views/coverage';
import { dataGaps } from '../../src/lib/model/gaps';
import {
	defaultReference,
	groupIndicators,
	isRateLike,
	ratingLabel,
	ratingRanks,
	withCategories
} from '../../src/lib/model/indicators';
import {
	expectedMembers,
	predecessorsOf,
	successorOf,
	unitsFor,
	unitColorOrder
} from '../../src/lib/model/units';
import { inYearRange } from '../../src/lib/model/period';
import { medianRows } from '../../src/lib/model/median';
import { sortBy } from '../../src/lib/components/data-table';
import { validityBadge } from '../../src/lib/views/labels';
import { openSampleStore } from './sample-store';

let store: Store;
let dictionary: Map<string, Indicator>;
let units: Unit[];

const series = async (code: string, opts: Parameters<typeof seriesQuery>[2] = {}) => {
	const q = seriesQuery(dictionary.get(code)!, dictionary, opts);
	return q ? store.query<SeriesRow>(q.sql, q.params) : [];
};
const at = (rows: SeriesRow[], unit: string, period: string) =>
	rows.find((r) => r.unit === unit && r.period === period);
const row = (unit: string, period: string, value: number, extra: Partial<SeriesRow> = {}): SeriesRow => ({
	unit,
	period,
	value,
	qualifier: '',
	numerator: null,
	denominator: null,
	units: 1,
	...extra
});
const vi = { locale: 'vi' as const, place: 'table' as const };

beforeAll(async () => {
	({ store, dictionary } = await openSampleStore());
	units = await store.units();
});

describe("the report's figures, as the views print them", () => {
	it('prints the petition handling rates of Nguyễn Nghiêm exactly', async () => {
		const ind = dictionary.get('petition_resolution_rate')!;
		const rows = await series('petition_resolution_rate');
		expect(formatRate(at(rows, 'Nguyễn Nghiêm', '2022')!, ind, vi)).toBe('19/19 · 100,0 %');
		expect(formatRate(at(rows, 'Nguyễn Nghiêm', '2023')!, ind, vi)).toBe('20/21 · 95,2 %');
	});

	it('prints mediation success with its counts and a small-sample mark', async () => {
		const ind = dictionary.get('land_dispute_mediation_success_rate')!;
		const rows = await series('land_dispute_mediation_success_rate');
		expect(formatRate(at(rows, 'Nguyễn Nghiêm', '2022')!, ind, vi)).toBe('4/6 · 66,7 %*');
		expect(formatRate(at(rows, 'Nguyễn Nghiêm', '2023')!, ind, vi)).toBe('5/8 · 62,5 %*');
		const feedback = await series('feedback_resolution_rate');
		expect(
			formatRate(at(feedback, 'Nguyễn Nghiêm', '2023')!, dictionary.get('feedback_resolution_rate')!, vi)
		).toBe('12/13 · 92,3 %');
	});

	it('keeps qualified values qualified', async () => {
		const pop = await series('population');
		expect(at(pop, 'Nguyễn Nghiêm', '2024')!.qualifier).toBe('~');
		const attendees = await series('legal_education_attendees', { periods: 'all' });
		expect(at(attendees, 'Nguyễn Nghiêm', '2021-2023')).toMatchObject({ value: 570, qualifier: '>' });
	});

	it('merges the pre-2025 units into their successors by each aggregation', async () => {
		const merged = await series('petition_resolution_rate', { grouping: 'successor' });
		const perUnit = await series('petition_resolution_rate');
		const duc = units.find((u) => u.name === 'Đức Phổ')!;
		const members = predecessorsOf(duc, units).map((u) => u.name);
		expect(members).toContain('Nguyễn Nghiêm');
		const parts = perUnit.filter((r) => r.period === '2023' && members.includes(r.unit));
		const num = parts.reduce((s, r) => s + r.numerator!, 0);
		const den = parts.reduce((s, r) => s + r.denominator!, 0);
		expect(at(merged, 'Đức Phổ', '2023')).toMatchObject({
			numerator: num,
			denominator: den,
			units: parts.length
		});
		expect(at(merged, 'Đức Phổ', '2023')!.value).toBeCloseTo((100 * num) / den, 9);
		// 2024: Nguyễn Nghiêm has no figures, so the merged value covers 4 of 5 and says so.
		const partial = at(merged, 'Đức Phổ', '2024')!;
		expect(partial.units).toBe(4);
		const expected = (g: string) => expectedMembers(g, '2025', units);
		expect(partialNotes([partial], expected, 'vi')[0]).toContain('Đức Phổ 2024 (4/5)');
		expect(coverageText(partial, 5, 'vi')).toBe('4/5 đơn vị có số liệu');
	});
});

describe('units and the 2025 reorganisation', () => {
	it('lists the 15 units as reported and the 5 units of 2025, in Vietnamese order', () => {
		const before = unitsFor('', units);
		const after = unitsFor('2025', units);
		expect(before).toHaveLength(15);
		expect(after.map((u) => u.name)).toEqual([
			'Đức Phổ',
			'Khánh Cường',
			'Sa Huỳnh',
			'Trà Câu',
			'Xã Nguyễn Nghiêm'
		]);
		expect(before[0].name).toBe('Nguyễn Nghiêm');
	});

	it('badges units valid only before or after the reorganisation', () => {
		const nn = units.find((u) => u.name === 'Nguyễn Nghiêm')!;
		expect(validityBadge(nn)).toEqual({ vi: 'đến 30/6/2025', en: 'until 30 Jun 2025' });
		expect(validityBadge(successorOf(nn, units)!)).toEqual({ vi: 'từ 1/7/2025', en: 'from 1 Jul 2025' });
	});

	it('knows how many units a group stands for', () => {
		expect(expectedMembers('Toàn thị xã', '', units)).toBe(15);
		expect(expectedMembers('Đức Phổ', '2025', units)).toBe(5);
		expect(expectedMembers('Phổ An', '', units)).toBe(1);
	});
});

describe('reference lines and ranks', () => {
	it('takes the median per period, approximate when an input is qualified, and never a rate', () => {
		const rows = [
			row('A', '2022', 1),
			row('B', '2022', 3),
			row('C', '2022', 10),
			row('A', '2023', 2),
			row('B', '2023', 4, { qualifier: '>' })
		];
		expect(medianRows(rows, 'Trung vị các đơn vị')).toEqual([
			row('Trung vị các đơn vị', '2022', 3, { units: 3 }),
			row('Trung vị các đơn vị', '2023', 3, { units: 2, qualifier: '~' })
		]);
	});

	it('picks the median for counts and the town figure for rates', () => {
		expect(defaultReference(dictionary.get('petition_cases_received')!)).toBe('median');
		expect(defaultReference(dictionary.get('petition_resolution_rate')!)).toBe('total');
		expect(defaultReference(dictionary.get('poverty_reduction_target_met')!)).toBe('none');
	});

	it('ranks by the direction of the indicator, ties sharing a rank', () => {
		const ind = { ...dictionary.get('petition_resolution_rate')! };
		const rows = [row('A', '2023', 90), row('B', '2023', 95), row('C', '2023', 95)];
		expect(rankOf(rows, 'A', ind)).toEqual({ rank: 3, of: 3 });
		expect(rankOf(rows, 'C', ind)).toEqual({ rank: 1, of: 3 });
		expect(rankOf(rows, 'A', { ...ind, higher_is_better: false })).toEqual({ rank: 1, of: 3 });
		expect(rankOf(rows, 'A', { ...ind, higher_is_better: null })).toBeNull();
	});
});

describe('tiles', () => {
	it('states a change explicitly, and refuses to compare totals over different units', () => {
		const count = dictionary.get('petition_cases_received')!;
		const rate = dictionary.get('petition_resolution_rate')!;
		expect(
			tileChange(count, row('T', '2024', 120, { units: 14 }), row('T', '2023', 130, { units: 15 }))
		).toEqual({
			kind: 'different-units',
			current: 14,
			previous: 15
		});
		expect(differentUnitsText({ current: 14, previous: 15 }, 'vi')).toContain('14 so với 15');
		const c = tileChange(rate, row('T', '2024', 96, { units: 14 }), row('T', '2023', 95, { units: 15 }));
		expect(formatChange(c as never, rate, 'vi')).toBe('+1,0 điểm %');
		expect(tileChange(count, row('T', '2024', 5), undefined)).toEqual({ kind: 'no-previous' });
		expect(tileChange(count, undefined, row('T', '2023', 5))).toEqual({ kind: 'no-current' });
		expect(tileChange(count, row('T', '2024', 5), row('T', '2023', 0))).toEqual({
			kind: 'previous-zero',
			delta: 5
		});
	});

	it('finds the best and weakest units, ties together, none without a direction', () => {
		const ind = dictionary.get('petition_resolution_rate')!;
		const rows = [row('A', '2023', 100), row('B', '2023', 100), row('C', '2023', 80)];
		const e = bestAndWeakest(rows, ind)!;
		expect(e.best.map((r) => r.unit)).toEqual(['A', 'B']);
		expect(e.weakest.map((r) => r.unit)).toEqual(['C']);
		expect(bestAndWeakest(rows, dictionary.get('petition_cases_received')!)).toBeNull();
		expect(bestAndWeakest([row('A', '2023', 1), row('B', '2023', 1)], ind)).toBeNull();
	});
});

describe('strengths and weaknesses', () => {
	it('uses only indicators comparable between units of different size', () => {
		expect(isRateLike(dictionary.get('petition_resolution_rate')!)).toBe(true);
		expect(isRateLike(dictionary.get('cultural_family_households_pct')!)).toBe(true);
		expect(isRateLike(dictionary.get('land_disputes_mediated')!)).toBe(false);
		expect(isRateLike(dictionary.get('petitions_per_1000_pop')!)).toBe(false); // no direction
	});

	it('lists top-quarter indicators as strengths and bottom-quarter ones as weaknesses', () => {
		const good = dictionary.get('petition_resolution_rate')!;
		const other = dictionary.get('feedback_resolution_rate')!;
		const mk = (values: number[]) => values.map((v, i) => row(String.fromCharCode(65 + i), '2023', v));
		const { strengths, weaknesses } = strengthsAndWeaknesses('A', [
			{ indicator: good, rows: mk([99, 90, 80, 70, 60, 50, 40, 30]) },
			{ indicator: other, rows: mk([10, 90, 80, 70, 60, 50, 40, 30]) },
			{ indicator: dictionary.get('petition_cases_received')!, rows: mk([1, 2, 3, 4, 5, 6, 7, 8]) }
		]);
		expect(strengths.map((s) => [s.indicator.code, s.rank, s.of])).toEqual([
			['petition_resolution_rate', 1, 8]
		]);
		expect(weaknesses.map((s) => [s.indicator.code, s.rank, s.of])).toEqual([
			['feedback_resolution_rate', 8, 8]
		]);
	});

	it('finds the real standing of a unit in the bundled data', async () => {
		const codes = [...dictionary.values()].filter(isRateLike).map((i) => i.code);
		const panels = [];
		for (const code of codes)
			panels.push({
				indicator: dictionary.get(code)!,
				rows: (await series(code)).filter((r) => r.period === '2023')
			});
		const { strengths, weaknesses } = strengthsAndWeaknesses('Nguyễn Nghiêm', panels);
		for (const s of [...strengths, ...weaknesses]) expect(s.of).toBeGreaterThanOrEqual(4);
		expect(strengths.every((s) => s.rank <= 3)).toBe(true);
		expect(weaknesses.every((s) => s.of - s.rank < 3)).toBe(true);
	});
});

describe('completeness', () => {
	it('counts as missing only what other units reported for that period', () => {
		const presence = [
			{ unit: 'A', period: '2022', indicator: 'x' },
			{ unit: 'A', period: '2022', indicator: 'y' },
			{ unit: 'B', period: '2022', indicator: 'x' },
			{ unit: 'B', period: '2023', indicator: 'x' }
		];
		expect(dataGaps(presence, ['A', 'B'], ['2022', '2023'])).toEqual([
			{ unit: 'A', period: '2022', missing: [], expected: 2 },
			{ unit: 'A', period: '2023', missing: ['x'], expected: 1 },
			{ unit: 'B', period: '2022', missing: ['y'], expected: 2 },
			{ unit: 'B', period: '2023', missing: [], expected: 1 }
		]);
	});
});

describe('lists and tables', () => {
	it('groups indicators by dictionary group, known groups first', () => {
		const groups = groupIndicators([...dictionary.values()]);
		expect(groups.map((g) => g.code)).toEqual(['petitions', 'reception', 'danvan', 'culture', 'profile']);
		expect(groups.reduce((n, g) => n + g.indicators.length, 0)).toBe(dictionary.size);
		expect(groups[0].vi).toBe('Đơn thư, hòa giải');
	});

	it('sorts numbers and Vietnamese names, missing values last in both directions', () => {
		const rows = [{ k: 3 }, { k: null }, { k: 10 }, { k: 1 }];
		expect(sortBy(rows, (r) => r.k, 'asc').map((r) => r.k)).toEqual([1, 3, 10, null]);
		expect(sortBy(rows, (r) => r.k, 'desc').map((r) => r.k)).toEqual([10, 3, 1, null]);
		const names = ['Đức Phổ', 'Trà Câu', 'Dung Quất', 'Ân Hảo', 'An Nhơn'];
		expect(sortBy(names, (n) => n, 'asc')).toEqual(['An Nhơn', 'Ân Hảo', 'Dung Quất', 'Đức Phổ', 'Trà Câu']);
	});

	it('keeps periods inside a year range, multi-year totals only when wholly inside', () => {
		expect(inYearRange('2022', 2022, 2023)).toBe(true);
		expect(inYearRange('2021', 2022, 0)).toBe(false);
		expect(inYearRange('2021-2023', 2021, 2023)).toBe(true);
		expect(inYearRange('2021-2023', 2022, 2024)).toBe(false);
		expect(inYearRange('2025-H1', 0, 2025)).toBe(true);
	});

	it('labels ratings by rank, best first', () => {
		const rating = dictionary.get('dan_van_rating')!;
		expect(ratingRanks(rating)).toEqual([4, 3, 2, 1]);
		expect(ratingLabel(rating, 3)).toBe('Hoàn thành tốt nhiệm vụ');
	});

	it('lends a derived rating the labels of the rating it reads', () => {
		const ordinal = withCategories(dictionary.get('dan_van_rating_ordinal')!, dictionary);
		expect(ordinal.categories).toEqual(dictionary.get('dan_van_rating')!.categories);
		const rate = dictionary.get('petition_resolution_rate')!;
		expect(withCategories(rate, dictionary)).toBe(rate);
	});

	it('orders units for colours so the five units of 2025 get strong, distinct colours', () => {
		const order = unitColorOrder(units);
		expect(order).toHaveLength(20);
		expect(new Set(order).size).toBe(20);
		expect(order.slice(5, 10).sort()).toEqual(
			unitsFor('2025', units)
				.map((u) => u.name)
				.sort()
		);
	});
});
