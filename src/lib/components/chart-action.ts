/**
 * `use:chart` — owns one ECharts instance from init to dispose (after Evidence's echarts action):
 * merges new options, re-initialises when theme or renderer change, resizes with its parent
 * (debounced ResizeObserver, so full-screen and print layouts resize too) and marks the element
 * `data-state="ready"` once the chart has finished drawing.
 */
import type { EChartsOption } from 'echarts';
import type { EChartsType } from 'echarts/core';
import { echarts, needsMore, withEverything, withHover } from './echarts';

export interface ChartParams {
	option: EChartsOption;
	theme?: string;
	renderer?: 'canvas' | 'svg';
}

const FIRST_CHART = 'chiso:first-chart';

/**
 * Dispose of an instance whose canvas may still be painting: a large heatmap is painted over several
 * frames, and a frame that comes after `dispose` would find the painter gone (a TypeError in zrender).
 * Emptying the chart and repainting at once first starts a new, finished paint that the pending
 * frames give way to.
 */
function disposeSafely(instance: EChartsType) {
	if (instance.isDisposed()) return;
	instance.clear();
	instance.getZr().refreshImmediately();
	instance.dispose();
}

export function chart(node: HTMLElement, params: ChartParams) {
	let instance: EChartsType | null = null;
	let current = params;
	let gone = false;

	// The tooltip loads after the first drawing (or when a pointer comes first); then the chart drawn
	// without it gets it, and shows it at once where the pointer already rests.
	let pointer: { x: number; y: number } | null = null;
	let tooltipAdded = false;
	const addTooltip = () => {
		if (tooltipAdded || gone || !instance || instance.isDisposed()) return;
		tooltipAdded = true;
		if (!current.option.tooltip) return;
		instance.setOption({ tooltip: current.option.tooltip });
		if (pointer) instance.dispatchAction({ type: 'showTip', ...pointer });
	};
	const onPointer = (e: PointerEvent) => {
		const box = node.getBoundingClientRect();
		pointer = e.type === 'pointerleave' ? null : { x: e.clientX - box.left, y: e.clientY - box.top };
		if (e.type === 'pointerenter') void withHover().then(addTooltip);
	};

	const init = () => {
		// A chart that needs a part not loaded yet (a heatmap, the SVG renderer) waits for it.
		if (needsMore(current.option, current.renderer)) {
			node.dataset.state = 'drawing';
			void withEverything().then(() => !gone && init());
			return;
		}
		if (instance) disposeSafely(instance);
		node.dataset.state = 'drawing';
		instance = echarts.init(node, current.theme ?? 'screen', { renderer: current.renderer ?? 'canvas' });
		instance.on('finished', () => {
			node.dataset.state = 'ready';
			// When the page's first chart was drawn (npm run bench counts the code loaded before it).
			if (!performance.getEntriesByName(FIRST_CHART).length) performance.mark(FIRST_CHART);
			void withHover().then(addTooltip);
		});
		instance.setOption(current.option, { notMerge: true });
	};
	init();
	for (const type of ['pointerenter', 'pointermove', 'pointerleave'] as const)
		node.addEventListener(type, onPointer);

	let timer: ReturnType<typeof setTimeout> | undefined;
	const observer = new ResizeObserver(() => {
		clearTimeout(timer);
		// Never a disposed instance's (its painter is gone): only the live one resizes.
		timer = setTimeout(() => !gone && instance && !instance.isDisposed() && instance.resize(), 60);
	});
	observer.observe(node.parentElement ?? node);

	return {
		update(next: ChartParams) {
			const reinit = next.theme !== current.theme || next.renderer !== current.renderer;
			current = next;
			if (reinit || !instance || instance.isDisposed() || needsMore(next.option, next.renderer)) init();
			else {
				node.dataset.state = 'drawing';
				instance?.setOption(next.option, { notMerge: true });
			}
		},
		destroy() {
			gone = true;
			clearTimeout(timer);
			observer.disconnect();
			for (const type of ['pointerenter', 'pointermove', 'pointerleave'] as const)
				node.removeEventListener(type, onPointer);
			if (instance) disposeSafely(instance);
			instance = null;
		}
	};
}

/** The instance behind a chart element (for export). */
export function instanceOf(node: HTMLElement): EChartsType | undefined {
	return echarts.getInstanceByDom(node);
}
