import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import { sparklineOption } from './sparkline';
import { context, RATES, renderSvg } from './spec-helpers';

describe('sparklineOption', () => {
	it('is a bare line with the last point marked', () => {
		const rows = RATES.filter((r) => r.unit === 'Nguyễn Nghiêm' || r.unit === 'Phổ Ninh').filter(
			(r) => r.unit === 'Nguyễn Nghiêm'
		);
		const option = sparklineOption(rows, context());
		expect(option.xAxis).toMatchObject({ show: false });
		expect(option.yAxis).toMatchObject({ show: false });
		expect(option.tooltip).toMatchObject({ show: false });
		const [line] = option.series as LineSeriesOption[];
		const data = line.data as { symbol: string }[];
		expect(data.map((d) => d.symbol)).toEqual(['none', 'circle']);
		const svg = renderSvg(option, 120, 32);
		expect(svg).not.toContain('<text');
		expect(svg).toContain(context().colorOf('Nguyễn Nghiêm'));
	});

	it('leaves gaps and marks the last present point', () => {
		const option = sparklineOption(
			RATES.filter((r) => r.unit === 'Phổ Ninh'),
			context()
		);
		const data = (option.series as LineSeriesOption[])[0].data as ({ symbol: string } | null)[];
		expect(data).toEqual([
			expect.objectContaining({ symbol: 'none' }),
			expect.objectContaining({ symbol: 'circle' })
		]);
		const withGap = sparklineOption(
			RATES.filter((r) => r.unit !== 'Phổ Vinh'),
			context()
		);
		const ninh = (withGap.series as LineSeriesOption[]).find((s) => s.name === 'Phổ Ninh')!;
		expect((ninh.data as unknown[])[1]).toBeNull();
		expect(withGap.animation).toBe(false);
	});
});
