import { describe, expect, it } from 'vitest';
import { formatPeriod, formatPeriodSpan } from './period';

describe('formatPeriod', () => {
	it('formats every period shape in vi and en', () => {
		expect(formatPeriod('2023', 'vi')).toBe('2023');
		expect(formatPeriod('2023', 'en')).toBe('2023');
		expect(formatPeriod('2024-H1', 'vi')).toBe('6 tháng đầu 2024');
		expect(formatPeriod('2024-H1', 'en')).toBe('H1 2024');
		expect(formatPeriod('2024-H2', 'vi')).toBe('6 tháng cuối 2024');
		expect(formatPeriod('2024-H2', 'en')).toBe('H2 2024');
		expect(formatPeriod('2024-Q2', 'vi')).toBe('Quý II/2024');
		expect(formatPeriod('2024-Q4', 'vi')).toBe('Quý IV/2024');
		expect(formatPeriod('2024-Q2', 'en')).toBe('Q2 2024');
		expect(formatPeriod('2021-2023', 'vi')).toBe('2021–2023');
		expect(formatPeriod('2021-2023', 'en')).toBe('2021–2023');
		expect(formatPeriod('later', 'en')).toBe('later');
	});

	it('spans a set of periods', () => {
		expect(formatPeriodSpan(['2023', '2021', '2024', '2022'], 'vi')).toBe('2021–2024');
		expect(formatPeriodSpan(['2023'], 'vi')).toBe('2023');
		expect(formatPeriodSpan([], 'vi')).toBe('');
		expect(formatPeriodSpan(['2024-Q1', '2024-Q2'], 'en')).toBe('Q1 2024 – Q2 2024');
	});
});
