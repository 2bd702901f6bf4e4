/**
 * What the indicator page shows, worked out from its address: the rows it loads (the indicator in the
 * chosen grouping, the whole town, sources, ratings), the units, periods and reference line chosen, the
 * notes about merged units, the three charts (specs drawn as slides draw them) and the values table.
 * The page component only lays this out.
 */
import type { ChartSpec } from '$lib/deck/chart-spec';
import { indicatorSpecs, pagePeriod, pageReference, type IndicatorChoices } from '$lib/deck/page-specs';
import { drawSpec } from '$lib/deck/spec-option';
import type { RatingCountRow, SourceRow } from '$lib/db/queries';
import { i18n } from '$lib/i18n/index.svelte';
import { isAggregable, ratingSource, withCategories } from '$lib/model/indicators';
import { medianRows } from '$lib/model/median';
import { inYearRange, isYear, periodsOf, previousYear, yearsOf } from '$lib/model/period';
import type { SeriesRow } from '$lib/model/types';
import {
	expectedMembers,
	groupingFor,
	TOWN_GROUP,
	unitPath,
	unitsFor,
	type ViewMode
} from '$lib/model/units';
import { partialNotes } from '$lib/views/coverage';
import { data } from '$lib/views/data.svelte';
import { valueTable } from '$lib/views/indicator-view';
import {
	MEDIAN_LABEL,
	MERGE_FOOTNOTE,
	MERGE_NOTE,
	splitNote,
	wholeLabel,
	townLabel,
	unitColors
} from '$lib/views/labels';
import { loadRatings, loadSeries, loadSources } from '$lib/views/loaders';
import {
	INDICATOR_KEY,
	indicatorAnswers,
	keptIndicator,
	toKeep,
	type IndicatorAnswers
} from '$lib/views/indicator-answers';

const loaders = { series: loadSeries, sources: loadSources, ratings: loadRatings };

export class IndicatorPage {
	readonly #choices: () => IndicatorChoices;
	readonly #code: () => string;

	rows = $state<SeriesRow[]>([]);
	town = $state<SeriesRow[]>([]);
	sources = $state<SourceRow[]>([]);
	ratings = $state<RatingCountRow[]>([]);
	townRatings = $state<RatingCountRow[]>([]);
	#loaded = $state('');
	/** Where the figures drawn come from: answers kept from before (until DuckDB has them), or DuckDB. */
	source = $state<'cached' | 'live'>('live');
	/** The version number of the kept answers drawn (shown while `source` is 'cached'). */
	keptLabel = $state(0);

	constructor(choices: () => IndicatorChoices, code: () => string) {
		this.#choices = choices;
		this.#code = code;
		$effect(() => this.#load());
	}

	locale = $derived(i18n.locale);
	s = $derived.by(() => this.#choices());
	indicator = $derived.by(() => {
		const found = data.dictionary.get(this.#code());
		return found ? withCategories(found, data.dictionary) : undefined;
	});
	mode = $derived(this.s.v as ViewMode);
	grouping = $derived(groupingFor(this.mode));
	colorOf = $derived(unitColors(data.units));
	ready = $derived(
		this.indicator !== undefined && this.#loaded === `${this.indicator.code}|${this.grouping}`
	);
	/** The view's units, and any unit the rows name that the unit list does not. */
	unitNames = $derived.by(() => {
		const names = unitsFor(this.mode, data.units).map((u) => u.name);
		for (const r of this.rows) if (!names.includes(r.unit)) names.push(r.unit);
		return names;
	});
	allYears = $derived(yearsOf([...this.rows, ...this.town]));
	selected = $derived(this.s.u.filter((n) => this.unitNames.includes(n)));
	shownUnits = $derived(this.selected.length ? this.selected : this.unitNames);
	periods = $derived(periodsOf(this.rows).filter((p) => this.inRange(p)));
	reference = $derived(this.indicator ? pageReference(this.indicator, this.s.ref) : 'none');
	/** The whole-area line's name (`Toàn thị xã (tổng)`, `Toàn địa bàn`), as the workspace's units make it. */
	areaName = $derived(wholeLabel(data.area)[this.locale]);
	townName = $derived(this.indicator ? townLabel(this.indicator, data.area)[this.locale] : this.areaName);
	referenceLabel = $derived(this.reference === 'median' ? MEDIAN_LABEL[this.locale] : this.townName);
	rankPeriod = $derived(pagePeriod(this.s.y, this.periods));
	previousPeriod = $derived(previousYear(this.rankPeriod));
	hasYears = $derived(this.periods.some(isYear));
	chartable = $derived(this.indicator !== undefined && this.indicator.unit !== 'text');

	/** Notes over the charts: how merged units are summed up, and merged figures missing some units. */
	notes = $derived.by(() => {
		const inRange = this.rows.filter((r) => this.inRange(r.period));
		const town =
			this.reference === 'total'
				? this.town
						.filter((r) => isYear(r.period) && this.inRange(r.period))
						.map((r) => ({ ...r, unit: this.townName }))
				: [];
		const expectedOf = (group: string, period: string) =>
			group === this.townName
				? expectedMembers(TOWN_GROUP, this.mode, data.units, period)
				: expectedMembers(group, this.mode, data.units);
		return [
			...(this.mode === '2025'
				? [MERGE_NOTE[this.locale], splitNote(data.units, this.locale)].filter(Boolean)
				: []),
			...partialNotes([...(this.mode === '2025' ? inRange : []), ...town], expectedOf, this.locale)
		];
	});

	/** The page's charts: specs from its choices, drawn through the one function slides use too. */
	specs = $derived(
		this.indicator ? indicatorSpecs(this.indicator, this.s, this.selected, this.rankPeriod) : null
	);
	trend = $derived(this.specs ? this.#draw(this.specs.trend) : null);
	ranking = $derived(this.specs ? this.#draw(this.specs.ranking) : null);
	heatmap = $derived(this.specs ? this.#draw(this.specs.heatmap) : null);

	table = $derived.by(() => {
		const indicator = this.indicator;
		if (!indicator) return null;
		const townLine = this.reference === 'total' ? this.townName : this.areaName;
		return valueTable({
			indicator,
			rows: this.rows,
			periods: this.periods,
			units: this.unitNames,
			rankPeriod: this.rankPeriod,
			previousPeriod: this.previousPeriod,
			footer: [
				...(isAggregable(indicator) ? [{ label: townLine, rows: this.town }] : []),
				{ label: MEDIAN_LABEL[this.locale], rows: medianRows(this.rows, MEDIAN_LABEL[this.locale]) }
			],
			colorOf: this.colorOf,
			unitHref: (name) => this.unitLink(name),
			locale: this.locale
		});
	});

	ratingIndicator = $derived.by(() => {
		const code = this.indicator ? ratingSource(this.indicator, data.dictionary) : null;
		return code ? data.dictionary.get(code) : undefined;
	});

	inRange(period: string): boolean {
		return inYearRange(period, this.s.from, this.s.to);
	}

	unitLink(name: string): string {
		const unit = data.units.find((u) => u.name === name);
		return unit ? `${unitPath(unit)}${this.mode ? `?v=${this.mode}` : ''}` : '';
	}

	#draw(spec: ChartSpec) {
		const split = this.mode === '2025' ? splitNote(data.units, this.locale) : '';
		const footnote =
			this.mode === '2025' ? [MERGE_FOOTNOTE[this.locale], split].filter(Boolean).join(' · ') : undefined;
		return drawSpec(
			spec,
			this.indicator ?? null,
			{ series: this.rows, town: this.town, units: data.units },
			{ theme: 'screen', locale: this.locale, colorOf: this.colorOf, footnote }
		);
	}

	/** Draw `answers`: the same state whether they are kept or DuckDB's, so the charts change in place. */
	#show(a: IndicatorAnswers, from: 'cached' | 'live') {
		this.rows = a.rows;
		this.town = a.town;
		this.sources = a.sources;
		this.ratings = a.ratings;
		this.townRatings = a.townRatings;
		this.#loaded = `${a.code}|${a.grouping}`;
		this.source = from;
	}

	/**
	 * Loads the page's answers again whenever the indicator, the grouping or the data change. While
	 * DuckDB opens, the answers kept from the last visit of this very page are drawn, said to be kept;
	 * DuckDB's answers then replace them, and are kept for the next visit.
	 */
	#load() {
		const indicator = this.indicator;
		const grouping = this.grouping;
		const at = data.version;
		if (!indicator) return;
		if (data.status !== 'ready') {
			const kept = keptIndicator(data.kept, indicator.code, grouping);
			if (kept) {
				this.keptLabel = data.kept?.label ?? 0;
				this.#show(kept, 'cached');
			}
			return;
		}
		let cancelled = false;
		void indicatorAnswers(loaders, indicator, data.dictionary, grouping).then((answers) => {
			if (cancelled) return;
			this.#show(answers, 'live');
			void data.keepAnswers(INDICATOR_KEY, toKeep(answers), at);
		});
		return () => {
			cancelled = true;
		};
	}
}
