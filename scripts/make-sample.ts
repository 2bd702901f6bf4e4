/**
 * Writes data/observations.csv: the figures the source report really prints for Nguyễn Nghiêm
 * (data/report/nguyen_nghiem_report.csv, unchanged, with their qualifiers) plus plausible SYNTHETIC
 * figures for the other 14 units of Đức Phổ, 2021–2024 and 2025-H1, marked `source = sample`.
 * Seeded, so the file is the same on every run. Synthetic figures respect the arithmetic of the
 * dictionary: mediated ≤ cases, successes ≤ mediated, resolved ≤ received, percentages ≤ 100.
 *
 *   npm run sample
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';

const REPORT_SOURCE = 'Báo cáo sơ kết 03 năm Chỉ thị 08-CT/TU, UBND phường Nguyễn Nghiêm (2024)';
const RATINGS = ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ'];

type Row = {
	unit: string;
	period: string;
	indicator: string;
	value: string;
	qualifier: string;
	note: string;
	source: string;
};

/** mulberry32: a small, well-known seeded PRNG. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const read = (path: string) =>
	Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

const rows: Row[] = [];

// 1. The report's own figures, exactly as printed. Free-text rows (who leads, schedules) are not
//    numbers and stay in the report; yes/no become 1/0 as the dictionary says.
for (const r of read('data/report/nguyen_nghiem_report.csv')) {
	const isNumber = /^-?\d+(\.\d+)?$/.test(r.value);
	if (!isNumber && r.value !== 'yes' && r.value !== 'no' && !RATINGS.includes(r.value)) continue;
	if (!/^\d{4}(-\d{4})?$/.test(r.period)) continue;
	const value = r.value === 'yes' ? '1' : r.value === 'no' ? '0' : r.value;
	// "hằng năm" (each year of the range) is a statement about every year, so it becomes one row a year.
	const [from, to] = r.period.split('-').map(Number);
	const periods =
		r.period_type === 'range_each_year' && to
			? Array.from({ length: to - from + 1 }, (_, i) => String(from + i))
			: [r.period];
	for (const period of periods)
		rows.push({
			unit: r.ward,
			period,
			indicator: r.indicator,
			value,
			qualifier: r.value_qualifier === '=' ? '' : r.value_qualifier,
			note:
				r.period_type === 'range_each_year'
					? `Mục ${r.source_section} (hằng năm ${r.period})`
					: `Mục ${r.source_section}`,
			source: REPORT_SOURCE
		});
}

// 2. Synthetic figures for the other units.
const units = read('data/units.csv').filter((u) => u.valid_to === '2025-06-30' && u.name !== 'Nguyễn Nghiêm');
const profiles = new Map(read('data/report/duc_pho_units.csv').map((u) => [u.name, u]));
const random = rng(20250701);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

for (const u of units) {
	const add = (period: string, indicator: string, value: number | string, qualifier = '') =>
		rows.push({
			unit: u.name,
			period,
			indicator,
			value: String(value),
			qualifier,
			note: '',
			source: 'sample'
		});
	const profile = profiles.get(u.name);
	const population = Number(profile?.population) || int(5, 12) * 1000;
	const area = Number(profile?.area_km2) * 100 || int(600, 4000);
	const groups = int(4, 9);
	add('2024', 'population', population);
	add('2024', 'households', Math.round(population / (3.8 + random())));
	add('2024', 'area_natural_ha', Math.round(area * 10) / 10);
	add('2024', 'residential_groups_total', groups);
	add('2024', 'party_cells', int(8, 16));
	add('2024', 'party_members', int(250, 520));
	add('2021-2024', 'dan_van_kheo_models', int(6, 20));
	add('2021-2023', 'legal_education_sessions', int(8, 20));
	add('2021-2023', 'legal_education_attendees', int(350, 900), random() < 0.3 ? '>' : '');
	const size = population / 10000; // demand grows with population
	for (const period of ['2021', '2022', '2023', '2024', '2025-H1']) {
		const half = period.endsWith('H1') ? 0.5 : 1;
		const landCases = Math.max(0, Math.round(int(2, 9) * size * half));
		const mediated = landCases - (random() < 0.25 ? int(0, Math.min(2, landCases)) : 0);
		const success = Math.round(mediated * (0.45 + random() * 0.45));
		const feedbackCases = Math.max(1, Math.round(int(5, 16) * size * half));
		const feedbackPetitions = feedbackCases + (random() < 0.3 ? int(1, 2) : 0);
		const resolvedCases = feedbackCases - (random() < 0.4 ? int(1, Math.min(3, feedbackCases)) : 0);
		const resolvedPetitions = Math.min(
			feedbackPetitions,
			resolvedCases + (feedbackPetitions - feedbackCases)
		);
		add(period, 'land_dispute_petitions', landCases);
		add(period, 'land_dispute_cases', landCases);
		add(period, 'land_disputes_mediated', mediated);
		add(period, 'land_disputes_mediated_success', success);
		add(period, 'feedback_petitions_received', feedbackPetitions);
		add(period, 'feedback_cases_received', feedbackCases);
		add(period, 'feedback_petitions_resolved', resolvedPetitions);
		add(period, 'feedback_cases_resolved', resolvedCases);
		add(period, 'petitions_received', landCases + feedbackPetitions);
		add(period, 'petition_cases_received', landCases + feedbackCases);
		const cases = landCases + feedbackCases;
		add(
			period,
			'petition_resolution_rate_reported',
			Math.round(((mediated + resolvedCases) / cases) * 1000) / 10
		);
		add(period, 'citizen_receptions_periodic', Math.round(int(2, 6) * half));
		if (period.length === 4) {
			add(period, 'cultural_family_households_pct', Math.round((88 + random() * 10) * 10) / 10);
			add(period, 'residential_groups_cultural', Math.max(0, groups - int(0, 2)));
			add(period, 'dan_van_rating', pick(RATINGS));
		}
	}
}

const header = ['unit', 'period', 'indicator', 'value', 'qualifier', 'note', 'source'] as const;
const csv = Papa.unparse(
	{ fields: [...header], data: rows.map((r) => header.map((h) => r[h])) },
	{ newline: '\n' }
);
writeFileSync('data/observations.csv', csv + '\n');
console.log(
	`data/observations.csv: ${rows.length} rows (${rows.filter((r) => r.source !== 'sample').length} from the report)`
);
