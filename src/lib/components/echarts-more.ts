/** The ECharts parts that load on first need (see echarts.ts): none of them is on the overview. */
import { HeatmapChart } from 'echarts/charts';
import { MatrixComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

export const MORE_PARTS = [HeatmapChart, MatrixComponent, TitleComponent, VisualMapComponent, SVGRenderer];
