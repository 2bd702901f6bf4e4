import { describe, expect, it } from 'vitest';
import { describeChart, describePanels, tableFallback } from './summary';
import { context, HOSTILE, indicator, LONG_NAME, RATES } from './spec-helpers';

describe('describeChart', () => {
	it('says what, when, how many, and the extremes of the latest period', () => {
		expect(describeChart('trend', RATES, context())).toBe(
			'Biểu đồ xu hướng: Tỷ lệ giải quyết vụ việc, 2021–2023, 5 đơn vị; 2023: cao nhất Nguyễn Nghiêm (95,2 %), thấp nhất Phổ Ninh (66,7 %)'
		);
		const y2023 = RATES.filter((r) => r.period === '2023');
		expect(describeChart('ranking', y2023, context())).toBe(
			'Biểu đồ xếp hạng: Tỷ lệ giải quyết vụ việc, 2023, 5 đơn vị; cao nhất: Nguyễn Nghiêm (95,2 %), thấp nhất: Phổ Ninh (66,7 %)'
		);
		expect(describeChart('ranking', y2023, context('screen', { locale: 'en' }))).toBe(
			'Ranking chart: Case resolution rate, 2023, 5 units; highest: Nguyễn Nghiêm (95.2%), lowest: Phổ Ninh (66.7%)'
		);
	});

	it('handles no rows and a single unit', () => {
		expect(describeChart('trend', [], context())).toBe(
			'Biểu đồ xu hướng: Tỷ lệ giải quyết vụ việc; chưa có số liệu'
		);
		expect(describeChart('sparkline', RATES.slice(0, 2), context('screen', { locale: 'en' }))).toBe(
			'Sparkline: Case resolution rate, 2022–2023, 1 unit; 2023: Nguyễn Nghiêm (95.2%)'
		);
	});

	it('describes panels', () => {
		expect(describePanels([{ indicator: indicator(), rows: RATES }], 'vi')).toBe(
			'Các biểu đồ nhỏ: Tỷ lệ giải quyết vụ việc, 2021–2023, 5 đơn vị'
		);
	});
});

describe('tableFallback', () => {
	it('gives formatted cells per unit and period, plain text', () => {
		const t = tableFallback(RATES, context());
		expect(t.columns).toEqual(['Đơn vị', '2021', '2022', '2023']);
		expect(t.rows).toHaveLength(5);
		expect(t.rows.find((r) => r[0] === 'Nguyễn Nghiêm')).toEqual([
			'Nguyễn Nghiêm',
			'—',
			'19/19 · 100,0 %',
			'20/21 · 95,2 %'
		]);
		expect(t.rows.find((r) => r[0] === 'Phổ Ninh')).toEqual([
			'Phổ Ninh',
			'30/40 · 75,0 %',
			'—',
			'4/6 · 66,7 %*'
		]);
		// Text, not HTML: the renderer escapes, so names stay as they are.
		expect(t.rows.map((r) => r[0])).toContain(HOSTILE);
		expect(t.rows.map((r) => r[0])).toContain(LONG_NAME);
		expect(t.notes).toEqual(['* mẫu nhỏ (mẫu số < 10)']);
		expect(tableFallback(RATES, context('screen', { locale: 'en' })).columns[0]).toBe('Unit');
	});
});
