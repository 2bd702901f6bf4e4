/**
 * The ECharts parts a chart needs once a pointer rests on it, not to be drawn: the tooltip (with its
 * axis pointer). They load just after the first chart is drawn, or when a pointer enters a chart
 * first (see echarts.ts `withHover`).
 */
import { TooltipComponent } from 'echarts/components';

export const HOVER_PARTS = [TooltipComponent];
