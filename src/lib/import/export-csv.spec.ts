import { describe, expect, it } from 'vitest';
import type { Observation } from '$lib/model/types';
import { formatValue, neutralise, toCanonicalCsv } from './export-csv';

const obs = (o: Partial<Observation>): Observation => ({
	unit: 'Nguyễn Nghiêm',
	period: '2023',
	indicator: 'petitions_received',
	value: 22,
	qualifier: '',
	source: 'x.csv',
	note: '',
	...o
});

describe('toCanonicalCsv', () => {
	it('writes a BOM, the canonical header, comma, CRLF and . decimals', () => {
		const csv = toCanonicalCsv([
			obs({}),
			obs({ indicator: 'petition_resolution_rate_reported', value: 95.2 })
		]);
		expect(csv.startsWith('\uFEFFunit,period,indicator,value,qualifier,note\r\n')).toBe(true);
		expect(csv).toContain('\r\nNguyễn Nghiêm,2023,petitions_received,22,,\r\n');
		expect(csv).toContain(',95.2,,');
	});

	it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
		const csv = toCanonicalCsv([obs({ note: 'a, "b"\nc' })]);
		expect(csv).toContain(',"a, ""b""\nc"\r\n');
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		const csv = toCanonicalCsv([
			obs({ note: '=HYPERLINK("http://x","y")' }),
			obs({ note: '@SUM(A1)' }),
			obs({ note: '+1' }),
			obs({ note: '-1' }),
			obs({ unit: '=1+1' })
		]);
		expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")"\r\n`);
		expect(csv).toContain(",'@SUM(A1)\r\n");
		expect(csv).toContain(",'+1\r\n");
		expect(csv).toContain(",'-1\r\n");
		expect(csv).toContain("\r\n'=1+1,");
		expect(neutralise('\tx')).toBe("'\tx");
		expect(neutralise('\rx')).toBe("'\rx");
		expect(neutralise("'=x")).toBe("''=x");
		expect(neutralise('ok')).toBe('ok');
	});

	it('keeps a negative number in the value column a number', () => {
		const csv = toCanonicalCsv([obs({ value: -3.5 })]);
		expect(csv).toContain(',petitions_received,-3.5,,');
	});

	it('never writes exponents', () => {
		expect(formatValue(1e21)).toBe('1000000000000000000000');
		expect(formatValue(1.5e-7)).toBe('0.00000015');
		expect(formatValue(-2.5e22)).toBe('-25000000000000000000000');
		expect(Number(formatValue(1.234e-15))).toBe(1.234e-15);
		expect(formatValue(95.2)).toBe('95.2');
	});
});
