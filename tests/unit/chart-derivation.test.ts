/**
 * One chart, one derivation: every chart a page draws from its URL choices, pinned (saved as JSON,
 * read back as a deck does) and drawn as a slide, gives the very same ECharts option, aria sentence,
 * table and series as on the page. Pages and slides load their rows differently (a page loads every
 * period once for all its charts; a slide loads what its spec needs), so this compares real loads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeColorOf } from '../../src/lib/charts';
import { renderSvg } from '../../src/lib/charts/spec-helpers';
import { seriesQuery, type SeriesOptions } from '../../src/lib/db';
import { loadSpec, type SpecSource } from '../../src/lib/deck/chart-data';
import { parseSpec, type ChartSpec } from '../../src/lib/deck/chart-spec';
import { drawSpec, specOption, type SpecContext } from '../../src/lib/deck/spec-option';
import { isAggregable, withCategories } from '../../src/lib/model/indicators';
import { medianRows } from '../../src/lib/model/median';
import { periodsOf } from '../../src/lib/model/period';
import type { Indicator, SeriesRow, Unit } from '../../src/lib/model/types';
import { groupingFor, type ViewMode } from '../../src/lib/model/units';
import {
	compareSpec,
	indicatorSpecs,
	overviewSpecs,
	unitSpec,
	pagePeriod,
	type IndicatorChoices
} from '../../src/lib/deck/page-specs';
import { openSampleStore } from './sample-store';

let source: SpecSource;
let dictionary: Map<string, Indicator>;
let units: Unit[];
let ctx: SpecContext;
const series = (code: string, options: SeriesOptions) => source.series(code, options);

beforeAll(async () => {
	const opened = await openSampleStore();
	dictionary = opened.dictionary;
	units = await opened.store.units();
	ctx = { theme: 'screen', locale: 'vi', colorOf: makeColorOf(units.map((u) => u.name)) };
	source = {
		dictionary,
		units,
		series: async (code, opts) => {
			const indicator = dictionary.get(code);
			const q = indicator ? seriesQuery(indicator, dictionary, opts) : null;
			return q ? opened.store.query<SeriesRow>(q.sql, q.params) : [];
		},
		store: opened.store
	};
}, 60_000);

/** The slide's way: the pinned spec as a deck file keeps it, read back, loaded and drawn. */
async function drawnAsSlide(spec: ChartSpec) {
	const parsed = parseSpec(JSON.parse(JSON.stringify(spec)));
	if (!parsed.ok) throw new Error(parsed.en);
	const data = await loadSpec(parsed.value, source);
	return specOption(parsed.value, data, ctx);
}

/** The SVG ECharts draws, without the class names that number its renderer instances. */
const drawing = (option: Parameters<typeof renderSvg>[0]) => renderSvg(option).replace(/zr\d+-[\w-]+/g, 'zr');

const sameDrawing = (
	page: ReturnType<typeof drawSpec>,
	slide: Awaited<ReturnType<typeof drawnAsSlide>>,
	hasData = true
) => {
	// A rating is never merged into the 2025 units: there the page and the slide both say "no data".
	expect(page.derived.rows.length > 0).toBe(hasData);
	// Options hold formatter functions (new closures each time): compare their data and the drawing.
	expect(JSON.stringify(slide.option)).toBe(JSON.stringify(page.option));
	expect(drawing(slide.option)).toBe(drawing(page.option));
	expect(slide.label).toBe(page.label);
	expect(slide.table).toEqual(page.table);
	expect(slide.series).toEqual(page.series);
};

const CHOICES: [string, Partial<IndicatorChoices>][] = [
	['the defaults', {}],
	['two chosen units', { u: ['Phổ An', 'Nguyễn Nghiêm'] }],
	['the median line', { ref: 'median' }],
	['the town line', { ref: 'total' }],
	['an old link naming the town line `town`', { ref: 'town' }],
	['no line', { ref: 'none' }],
	['a chosen ranking year', { y: '2022' }],
	['a year range', { from: 2022, to: 2023 }],
	['the 2025 units', { v: '2025' }],
	['the 2025 units with a chosen unit and the town line', { v: '2025', u: ['Đức Phổ'], ref: 'total' }]
];

const INDICATORS = [
	'petition_resolution_rate',
	'petition_cases_received',
	'land_dispute_mediation_success_rate',
	'dan_van_rating_ordinal'
];

describe('a chart pinned from the indicator page', () => {
	for (const code of INDICATORS)
		for (const [what, over] of CHOICES)
			it(`draws as on the page: ${code}, ${what}`, async () => {
				const indicator = withCategories(dictionary.get(code)!, dictionary);
				const choices: IndicatorChoices = { u: [], ref: '', y: '', from: 0, to: 0, v: '', ...over };
				const grouping = groupingFor(choices.v as ViewMode);
				// What the page loads once for all its charts.
				const rows = await series(code, { periods: 'all', grouping });
				const town = await series(code, { periods: 'all', grouping: 'town' });
				const names = new Set(rows.map((r) => r.unit));
				const chosen = choices.u.filter((u) => names.has(u));
				const periods = periodsOf(rows).filter(
					(p) =>
						(!choices.from || p >= String(choices.from)) &&
						(!choices.to || p.slice(0, 4) <= String(choices.to))
				);
				const specs = indicatorSpecs(indicator, choices, chosen, pagePeriod(choices.y, periods));
				for (const spec of [specs.trend, specs.ranking, specs.heatmap]) {
					const page = drawSpec(spec, indicator, { series: rows, town, units }, ctx);
					sameDrawing(page, await drawnAsSlide(spec), isAggregable(indicator) || grouping === 'unit');
				}
			});
});

describe('a chart pinned from the overview', () => {
	for (const mode of ['', '2025'] as ViewMode[])
		it(`draws as on the page${mode ? ' in the 2025 units' : ''}`, async () => {
			const grouping = groupingFor(mode);
			const trendRows = await series('petition_cases_received', { periods: 'year', grouping });
			const rates = await series('petition_resolution_rate', { periods: 'year', grouping });
			const latest = periodsOf(rates).at(-1) ?? '';
			const specs = overviewSpecs('petition_cases_received', 'petition_resolution_rate', mode, latest);
			const trend = drawSpec(
				specs.trend,
				dictionary.get('petition_cases_received')!,
				{ series: trendRows, town: [], units },
				ctx
			);
			const ranking = drawSpec(
				specs.ranking,
				dictionary.get('petition_resolution_rate')!,
				{ series: rates, town: [], units },
				ctx
			);
			sameDrawing(trend, await drawnAsSlide(specs.trend));
			sameDrawing(ranking, await drawnAsSlide(specs.ranking));
		});
});

/** Rows as comparable text: unit, period, value, qualifier, numerator, denominator. */
const key = (rows: readonly SeriesRow[]) =>
	rows.map((r) => [r.unit, r.period, r.value, r.qualifier, r.numerator, r.denominator].join('|')).sort();

describe('a panel pinned from the compare page and the unit profile', () => {
	// These pages draw small multiples; a pin makes the panel a trend chart of its own. The trend's
	// figures must be the panel's.
	it('the compare page: the compared units over the chosen years, in both groupings', async () => {
		for (const [mode, units] of [
			['', ['Phổ An', 'Nguyễn Nghiêm', 'Phổ Vinh']],
			['2025', ['Đức Phổ', 'Trà Câu']]
		] as [ViewMode, string[]][]) {
			const code = 'petition_resolution_rate';
			const rows = await series(code, { periods: 'year', grouping: groupingFor(mode) });
			const panel = rows.filter((r) => units.includes(r.unit) && r.period >= '2022' && r.period <= '2024');
			const spec = compareSpec(code, units, mode, 2022, 2024);
			const slide = await loadSpec(spec, source);
			expect(panel.length).toBeGreaterThan(0);
			expect(key(slide.rows)).toEqual(key(panel));
			expect(slide.reference).toEqual([]);
		}
	});

	it('the unit profile: the unit against the median of its peers', async () => {
		const code = 'land_dispute_mediation_success_rate';
		const rows = await series(code, { periods: 'all', grouping: 'unit' });
		const peers = units.filter((u) => !u.valid_from || u.valid_from < '2025-07-01').map((u) => u.name);
		const yearly = rows.filter((r) => /^\d{4}$/.test(r.period) && peers.includes(r.unit));
		const slide = await loadSpec(unitSpec(code, 'Phổ An', false), source);
		expect(key(slide.rows)).toEqual(key(yearly.filter((r) => r.unit === 'Phổ An')));
		const medians = new Map(medianRows(yearly, '').map((r) => [r.period, r.value]));
		expect(slide.reference.map((r) => [r.period, r.value])).toEqual([...medians]);
	});
});

describe('page specs', () => {
	it('say the reference line by one name, and fall back to the median where a group cannot be summed', () => {
		const rate = dictionary.get('petition_resolution_rate')!;
		const rating = dictionary.get('dan_van_rating')!;
		const choices: IndicatorChoices = { u: [], ref: 'town', y: '', from: 0, to: 0, v: '' };
		expect(indicatorSpecs(rate, choices, [], '2023').trend.reference).toBe('total');
		expect(indicatorSpecs(rating, { ...choices, ref: 'total' }, [], '2023').trend.reference).toBe('median');
	});

	it('pin a ranking of a half year or a multi-year total as it is shown', async () => {
		const indicator = dictionary.get('petition_cases_received')!;
		const spec = indicatorSpecs(
			indicator,
			{ u: [], ref: '', y: '', from: 0, to: 0, v: '' },
			[],
			'2025-H1'
		).ranking;
		expect(spec.year).toBe('2025-H1');
		const parsed = parseSpec(JSON.parse(JSON.stringify(spec)));
		expect(parsed.ok && parsed.value.year).toBe('2025-H1');
	});
});
