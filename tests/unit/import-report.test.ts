/** The Nguyễn Nghiêm figures of the 2024 report, as the encodings Excel writes them in. */
import { describe, expect, it } from 'vitest';
import { codes, run, values } from './import-helpers';

/** shared/domain/nguyen_nghiem_seed.csv, section II.2.3. */
const PETITIONS = {
	petitions_received: [19, 22],
	petition_cases_received: [19, 21],
	land_dispute_petitions: [6, 8],
	land_dispute_cases: [6, 8],
	land_disputes_mediated: [6, 8],
	land_disputes_mediated_success: [4, 5],
	feedback_petitions_received: [13, 14],
	feedback_cases_received: [13, 13],
	feedback_petitions_resolved: [13, 13],
	feedback_cases_resolved: [13, 12],
	petition_resolution_rate_reported: [100, 95.2]
};
const EXPECTED = Object.fromEntries(
	Object.entries(PETITIONS).flatMap(([code, [y2022, y2023]]) => [
		[`Nguyễn Nghiêm|2022|${code}`, y2022],
		[`Nguyễn Nghiêm|2023|${code}`, y2023]
	])
);

describe('Nguyễn Nghiêm petitions 2022/2023', () => {
	it('reads the Windows-1258 sheet Excel writes on a Vietnamese Windows', async () => {
		const r = await run('nguyen-nghiem-cp1258.csv');
		expect(r.encoding).toBe('windows-1258');
		expect(r.delimiter).toBe(',');
		expect(r.shape).toBe('wide-period');
		expect(values(r)).toEqual(EXPECTED);
		expect(r.issues.find((i) => i.code === 'decoded_as_windows_1258')?.severity).toBe('info');
		// 95.2 reported vs 20/21 = 95.238 recomputed: within rounding, no warning.
		expect(codes(r)).not.toContain('rate_mismatch');
		expect(r.stats).toMatchObject({ rows: 11, observations: 22, errors: 0, warnings: 0 });
		for (const o of r.observations) expect(o.unit.normalize('NFC')).toBe(o.unit);
	});

	it('reads the UTF-16LE tab-separated “Unicode text” Excel writes', async () => {
		const r = await run('nguyen-nghiem-utf16le.txt');
		expect(r.encoding).toBe('utf-16le');
		expect(r.delimiter).toBe('\t');
		expect(values(r)).toEqual(EXPECTED);
		expect(r.stats.errors + r.stats.warnings).toBe(0);
	});

	it('reads UTF-16BE with a BOM too', async () => {
		const r = await run('nguyen-nghiem-utf16be.txt');
		expect(r.encoding).toBe('utf-16be');
		expect(values(r)).toEqual(EXPECTED);
	});

	it('reads the cp1258 bytes wrongly when told they are UTF-8, and rightly when told cp1258', async () => {
		const forced = await run('nguyen-nghiem-cp1258.csv', { encoding: 'windows-1258' });
		expect(values(forced)).toEqual(EXPECTED);
		expect(codes(forced)).not.toContain('decoded_as_windows_1258');
		const wrong = await run('nguyen-nghiem-cp1258.csv', { encoding: 'utf-8' });
		expect(wrong.observations).toHaveLength(0);
	});

	it('imports the long seed file of the report itself, flagging what cannot be stored', async () => {
		const r = await run('nguyen-nghiem-seed.csv');
		expect(r.shape).toBe('long');
		const v = values(r);
		for (const [k, x] of Object.entries(EXPECTED)) expect(v[k], k).toBe(x);
		expect(v['Nguyễn Nghiêm|2021|dan_van_rating']).toBe(3); // Hoàn thành tốt nhiệm vụ, rank 3 of 4
		expect(v['Nguyễn Nghiêm|2021-2023|legal_education_attendees']).toBe(570);
		expect(v['Nguyễn Nghiêm|2021-2023|poverty_reduction_target_met']).toBe(1);
		const bad = r.issues.filter((i) => i.severity === 'error');
		expect(bad.map((i) => [i.row, i.code, i.value])).toEqual([[8, 'bad_period', '2024-02-16']]);
		expect(codes(r, 'warning')).toEqual([
			'text_indicator_skipped',
			'text_indicator_skipped',
			'text_indicator_skipped'
		]);
	});
});
